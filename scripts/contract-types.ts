/**
 * Generates TypeScript types from the contracts, so no hand-written type
 * restates a schema: each vendor's OpenAPI document gives
 * `mock-server/src/vendors/<vendor>/generated/contract.ts` (openapi-typescript),
 * and `contracts/scenario.schema.json` gives `mock-server/src/core/generated/scenario-file.ts`
 * (json-schema-to-typescript). `--check` exits 1 when a committed file is stale
 * (test/contract/repository.test.ts runs the same comparison).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import openapiTS, { astToString } from 'openapi-typescript';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';
import { isEntryPoint } from './entry-point.js';

export interface GeneratedFile {
  /** Absolute path of the generated file. */
  readonly file: string;
  /** Project-relative path of the file it is generated from. */
  readonly source: string;
  readonly content: string;
}

const header = (source: string) => `// Generated from ${source} by \`npm run contracts:types\`. Do not edit.\n\n`;

/** Each vendor contract's types: `paths`, `components` and the `operations` its handlers are keyed by. */
export async function contractTypes(): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  const contracts = join(PROJECT_ROOT, 'contracts');
  for (const vendor of readdirSync(contracts, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    const source = `contracts/${vendor}/openapi.yaml`;
    const vendorDir = join(PROJECT_ROOT, 'mock-server/src/vendors', vendor);
    if (!existsSync(join(PROJECT_ROOT, source)) || !existsSync(vendorDir)) continue;
    const ast = await openapiTS(new URL(`file://${join(PROJECT_ROOT, source)}`));
    out.push({ file: join(vendorDir, 'generated/contract.ts'), source, content: header(source) + astToString(ast) });
  }
  return out;
}

/**
 * The scenario file's types. The override's `anyOf`/`not` (at least one of
 * latency, fault, error; never fault and error) are left to the schema's
 * validation: TypeScript has no useful way to say them, and the generator
 * would turn them into an index signature that accepts anything.
 */
export async function scenarioTypes(): Promise<GeneratedFile> {
  const source = 'contracts/scenario.schema.json';
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, source), 'utf8')) as { $defs: { override: Record<string, unknown> } };
  delete schema.$defs.override['anyOf'];
  delete schema.$defs.override['not'];
  const content = await compile(schema as Parameters<typeof compile>[0], 'ScenarioFile', {
    bannerComment: header(source).trimEnd(),
    format: true,
    style: { singleQuote: true, printWidth: 160 },
  });
  return { file: join(PROJECT_ROOT, 'mock-server/src/core/generated/scenario-file.ts'), source, content };
}

/** Every generated file, as it would be written now. */
export async function generatedTypes(): Promise<GeneratedFile[]> {
  return [...(await contractTypes()), await scenarioTypes()];
}

if (isEntryPoint(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, source, content } of await generatedTypes()) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    if (check) {
      stale++;
      console.error(`${file} is stale: run npm run contracts:types`);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${file} (from ${source})`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
