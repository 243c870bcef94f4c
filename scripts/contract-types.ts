/**
 * Generates TypeScript types from each vendor contract, so handlers never
 * restate a schema by hand: `mock-server/src/vendors/<vendor>/contract.gen.ts`.
 * `--check` exits 1 when a committed file is stale (the test suite runs it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';

const HEADER = '// Generated from contracts/%s/openapi.yaml by `npm run contracts:types`. Do not edit.\n\n';

export async function contractTypes(): Promise<Map<string, { file: string; content: string }>> {
  const out = new Map<string, { file: string; content: string }>();
  const contracts = join(PROJECT_ROOT, 'contracts');
  for (const vendor of readdirSync(contracts, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const source = join(contracts, vendor, 'openapi.yaml');
    const target = join(PROJECT_ROOT, 'mock-server/src/vendors', vendor, 'contract.gen.ts');
    if (!existsSync(source) || !existsSync(join(PROJECT_ROOT, 'mock-server/src/vendors', vendor))) continue;
    const ast = await openapiTS(new URL(`file://${source}`));
    out.set(vendor, { file: target, content: HEADER.replace('%s', vendor) + astToString(ast) });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [vendor, { file, content }] of await contractTypes()) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    if (check) {
      stale++;
      console.error(`${file} is stale: run npm run contracts:types`);
    } else {
      writeFileSync(file, content);
      console.log(`wrote ${file} (${vendor})`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
