import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObject, type Contract } from '../../mock-server/src/core/contract.js';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { allVendorTesting } from '../../mock-server/src/vendors/testing.js';
import { createSandbox, type RunningSandbox } from '../../mock-server/src/index.js';
import { contractOf, schemaProblems } from '../helpers/contract-matchers.js';
import { rawRequest } from '../helpers/raw-http.js';

/** Every `examples` entry (OpenAPI named examples and JSON Schema example arrays) with the schema it illustrates. */
function examplesOf(node: unknown, pointer: string, out: { pointer: string; schema: string; value: unknown }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((child, i) => examplesOf(child, `${pointer}/${i}`, out));
  if (!isObject(node)) return out;
  if (isObject(node['examples']) && isObject(node['schema'])) {
    for (const [name, example] of Object.entries(node['examples'])) {
      if (isObject(example) && 'value' in example) out.push({ pointer: `${pointer}/examples/${name}`, schema: `${pointer}/schema`, value: example['value'] });
    }
  }
  if (Array.isArray(node['examples']) && ('type' in node || 'properties' in node || 'allOf' in node)) {
    node['examples'].forEach((value, i) => out.push({ pointer: `${pointer}/examples/${i}`, schema: pointer, value }));
  }
  for (const [key, child] of Object.entries(node)) examplesOf(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  return out;
}

describe.each(VENDORS.map((v) => v.id))('%s contract', (vendor) => {
  it('has examples, and every example validates against its own schema', () => {
    const examples = examplesOf(contractOf(vendor).document, '#');
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(schemaProblems(vendor, example.schema, example.value), example.pointer).toEqual([]);
  });

  it('has a named example (summary and value) for every request body and every response with content, of every operation', () => {
    expect(contentWithoutNamedExample(contractOf(vendor))).toEqual([]);
  });
});

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * `operationId requestBody|<status> <media type>` for every request body and declared response with `content` whose
 * media type has no named example (an `examples` map entry with `summary` and `value`). `$ref`s to components are
 * followed, so an example on a shared `components/responses/X` counts for every operation that references it.
 */
function contentWithoutNamedExample(contract: Contract): string[] {
  const document = contract.document;
  const deref = (node: unknown): unknown => contract.deref(node);
  const missing: string[] = [];
  const check = (where: string, holder: unknown): void => {
    const content = (deref(holder) as Record<string, unknown> | undefined)?.['content'];
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      const examples = isObject(media) ? media['examples'] : undefined;
      const named = isObject(examples)
        ? Object.values(examples)
            .map(deref)
            .filter((e) => isObject(e) && typeof e['summary'] === 'string' && e['summary'] !== '' && 'value' in e)
        : [];
      if (named.length === 0) missing.push(`${where} ${mediaType}`);
    }
  };
  for (const item of Object.values((document['paths'] as Record<string, unknown> | undefined) ?? {})) {
    if (!isObject(item)) continue;
    for (const method of OPERATION_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const id = String(op['operationId'] ?? method);
      if (op['requestBody'] !== undefined) check(`${id} requestBody`, op['requestBody']);
      for (const [status, response] of Object.entries(isObject(op['responses']) ? op['responses'] : {})) check(`${id} ${status}`, response);
    }
  }
  return missing;
}

/** One scenario per (vendor, error code) that forces it on every operation. */
function forcedErrorScenarios(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drift-'));
  for (const vendor of VENDORS) {
    mkdirSync(join(dir, 'drift', vendor.id), { recursive: true });
    for (const code of vendor.errorCodes) {
      writeFileSync(join(dir, 'drift', vendor.id, `${code}.json`), JSON.stringify({ description: `force ${code}`, overrides: [{ vendor: vendor.id, error: code }] }));
    }
  }
  return dir;
}

/** Each vendor's testing facts: admission headers, and the catalogue entries that answer a path rather than an operation (`routeLevelErrors`). */
const testing = await allVendorTesting();

describe('error catalogues against contracts', () => {
  let running: RunningSandbox;
  beforeAll(async () => {
    running = await createSandbox({ seed: 3, clock: '2026-01-01T00:00:00Z', scenarioDirs: [DEFAULT_DIRS.scenarios, forcedErrorScenarios()] }).listen(0);
  });
  afterAll(() => running.close());

  it.each(VENDORS.map((v) => [v.id, v] as const))(
    'every %s error, forced on every operation, is an answer the contract declares for it (or for no operation at all)',
    async (vendor, module) => {
      const contract = contractOf(vendor);
      const undeclaredEverywhere: string[] = [];
      for (const code of module.errorCodes) {
        let declaredSomewhere = false;
        for (const op of contract.operations.values()) {
          const session = `drift-${vendor}-${code}-${op.operationId}`;
          const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(pathExample(contract, op.path, name))));
          const headers = { ...(await testing.get(vendor)!.admittedHeaders(running.url, session)), 'X-Sandbox-Session': session, 'X-Sandbox-Scenario': `drift/${vendor}/${code}` };
          const res = await rawRequest(`${running.url}${path}`, { method: op.method, headers });
          if (res.kind !== 'response') throw new Error(`${vendor} ${code} ${op.operationId}: ${res.message}`);
          const declared = op.responseStatuses.includes(String(res.status));
          if (!declared) continue;
          declaredSomewhere = true;
          const body = res.body === '' ? undefined : (JSON.parse(res.body) as unknown);
          expect(contract.validateResponse(op.operationId, { status: res.status, headers: res.headers as Record<string, string>, body }), `${code} on ${op.operationId}`).toEqual(
            [],
          );
        }
        if (!declaredSomewhere) undeclaredEverywhere.push(code);
      }
      // Errors no operation declares must be route-level answers (a wrong method), documented in components.responses.
      for (const code of undeclaredEverywhere) expect(testing.get(vendor)!.routeLevelErrors, `${vendor} ${code} is declared by no operation`).toContain(code);
    },
  );
});

function pathExample(contract: Contract, path: string, name: string): unknown {
  const item = (contract.document['paths'] as Record<string, Record<string, unknown>>)[path] ?? {};
  const params = [...((item['parameters'] as unknown[]) ?? []), ...Object.values(item).flatMap((op) => (isObject(op) && Array.isArray(op['parameters']) ? op['parameters'] : []))];
  for (const p of params) {
    const param = contract.deref(p);
    if (isObject(param) && param['name'] === name && param['in'] === 'path') return param['example'] ?? 'x';
  }
  return 'x';
}
