/**
 * The contracts read by another implementation than the sandbox's own (Ajv):
 * Hyperjump's OpenAPI 3.1 validator, which follows the document's
 * `jsonSchemaDialect`. A contract that such a tool misreads (an older draft
 * that ignores `unevaluatedProperties`, an example its schema refuses, a
 * document that breaks the OpenAPI 3.1 schema) fails here (decision 0071).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from '@hyperjump/json-schema/openapi-3-1';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';

const OAS_BASE_DIALECT = 'https://spec.openapis.org/oas/3.1/dialect/base';
const contractsDir = join(PROJECT_ROOT, 'contracts');
const CONTRACTS: readonly [string, string][] = [
  ['admin', join(contractsDir, 'admin.openapi.yaml')],
  ...readdirSync(contractsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(join(contractsDir, d.name)).includes('openapi.yaml'))
    .map((d): [string, string] => [d.name, join(contractsDir, d.name, 'openapi.yaml')]),
];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function resolve(document: Json, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
}

/** Every example of every media type object in the document, with the pointer of the schema it must satisfy. */
function mediaTypeExamples(document: Json): { where: string; schema: string; value: unknown }[] {
  const found: { where: string; schema: string; value: unknown }[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const at = `${pointer}/${escape(key)}`;
      if (key === 'content' && isObject(child)) {
        for (const [mediaType, object] of Object.entries(child)) {
          if (!isObject(object) || object['schema'] === undefined) continue;
          const base = `${at}/${escape(mediaType)}`;
          if (object['example'] !== undefined) found.push({ where: `${base}/example`, schema: `${base}/schema`, value: object['example'] });
          for (const [name, example] of Object.entries(isObject(object['examples']) ? object['examples'] : {})) {
            const target = isObject(example) && typeof example['$ref'] === 'string' ? resolve(document, example['$ref']) : example;
            if (isObject(target) && 'value' in target) found.push({ where: `${base}/examples/${escape(name)}`, schema: `${base}/schema`, value: target['value'] });
          }
        }
      }
      walk(child, at);
    }
  };
  walk(document, '#');
  return found;
}

// Hyperjump reads OpenAPI documents from `*.openapi.json` files (or the web), so each YAML contract is written out as JSON once.
const scratch = mkdtempSync(join(tmpdir(), 'contracts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const loaded = CONTRACTS.map(([id, file]) => {
  const document = parse(readFileSync(file, 'utf8')) as Json;
  const json = join(scratch, `${id}.openapi.json`);
  writeFileSync(json, JSON.stringify(document));
  return { id, document, url: pathToFileURL(json).href };
});

describe.each(loaded)('contract $id read by a second OpenAPI 3.1 validator (Hyperjump)', ({ document }) => {
  it('declares the OpenAPI 3.1 base dialect, so tools do not fall back to an older JSON Schema draft', () => {
    expect(document['jsonSchemaDialect']).toBe(OAS_BASE_DIALECT);
  });

  it("is a valid OpenAPI 3.1 document, its schemas included (the specification's own schema)", async () => {
    const output = await validate('https://spec.openapis.org/oas/3.1/schema-base', document as never, 'BASIC');
    expect(output.valid ? [] : (output.errors ?? []).slice(0, 5), 'the first problems').toEqual([]);
    expect(output.valid).toBe(true);
  });
});

// The admin contract has no examples; every vendor contract names one for each body and response (test/contract/drift.test.ts).
describe.each(loaded.filter((c) => c.id !== 'admin'))('contract $id, its examples read by Hyperjump', ({ document, url }) => {
  it('holds examples that satisfy their own schemas', async () => {
    const examples = mediaTypeExamples(document);
    expect(examples.length).toBeGreaterThan(0);
    const refused: string[] = [];
    for (const example of examples) {
      // `{` and `}` of path templates are not allowed in a URI fragment as they are.
      const output = await validate(`${url}${encodeURI(example.schema)}`, example.value as never);
      if (!output.valid) refused.push(example.where);
    }
    expect(refused).toEqual([]);
  });
});

describe('the second validator reads what the sandbox relies on', () => {
  const loyaltii = loaded.find((c) => c.id === 'loyaltii')!;

  it("refuses a property that Loyaltii's ReadContactDto leaves unevaluated (unevaluatedProperties: false), as the sandbox's own validator does", async () => {
    const contact = mediaTypeExamples(loyaltii.document).find((e) => e.schema === '#/components/responses/Contact/content/application~1json/schema');
    expect(contact, 'a named example of the Contact response').toBeDefined();
    const valid = await validate(`${loyaltii.url}#/components/schemas/ReadContactDto`, contact!.value as never);
    expect(valid.valid).toBe(true);
    const extra = await validate(`${loyaltii.url}#/components/schemas/ReadContactDto`, { ...(contact!.value as Json), NotAField: 1 } as never);
    expect(extra.valid).toBe(false);
  });
});
