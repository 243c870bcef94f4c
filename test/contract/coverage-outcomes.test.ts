import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function deref(document: Json, node: unknown): unknown {
  if (!isObject(node) || typeof node['$ref'] !== 'string') return node;
  return deref(
    document,
    node['$ref']
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (isObject(at) ? at[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), document),
  );
}

/** Every example answer of every operation: [operationId, response key, example body]. */
function responseExamples(document: Json): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  for (const item of Object.values(document['paths'] as Json)) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || typeof op['operationId'] !== 'string' || !isObject(op['responses'])) continue;
      for (const [status, raw] of Object.entries(op['responses'])) {
        const content = (deref(document, raw) as Json | undefined)?.['content'];
        if (!isObject(content)) continue;
        for (const media of Object.values(content)) {
          const examples = isObject(media) ? media['examples'] : undefined;
          if (isObject(examples)) for (const example of Object.values(examples)) out.push([op['operationId'], status, (deref(document, example) as Json)['value']]);
        }
      }
    }
  }
  return out;
}

const prepared = VENDORS.map((module) => module.prepare({ contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures, log: pino({ level: 'silent' }) }));

describe('consumer coverage outcomes (vendors/<id>/coverage.ts)', () => {
  it.each(prepared.map((p) => [p.module.id, p] as const))('%s: every operation of the contract has its outcomes, each response key documented by one', (_id, vendor) => {
    expect(vendor.outcomes.operations.map((o) => o.operationId)).toEqual([...vendor.contract.operations.keys()]);
    for (const op of vendor.outcomes.operations) {
      const keys = new Set(op.outcomes.flatMap((o) => o.statuses));
      expect(op.outcomes.length).toBeGreaterThan(0);
      // A key may be left without a code only where the vendor declares the response does not apply to the operation.
      for (const key of keys) expect(vendor.contract.operation(op.operationId).responseStatuses).toContain(key);
    }
  });

  it.each(prepared.filter((p) => p.outcomes.resultCodes).map((p) => [p.module.id, p] as const))(
    '%s: the result code of every answer the contract shows is one the vendor documents under that response',
    (_id, vendor) => {
      const byStatus = new Map<string, Set<string>>();
      for (const op of vendor.outcomes.operations)
        for (const o of op.outcomes) for (const s of o.statuses) byStatus.set(s, new Set([...(byStatus.get(s) ?? []), ...(o.code === null ? [] : [o.code])]));
      const examples = responseExamples(vendor.contract.document as Json);
      expect(examples.length).toBeGreaterThan(0);
      for (const [operationId, status, body] of examples) {
        const code = vendor.outcomes.read!({ status: Number(status) || 200, body });
        expect(code, `${operationId} ${status}: ${JSON.stringify(body).slice(0, 120)}`).toBeDefined();
        expect([...(byStatus.get(status) ?? [])], `${operationId} ${status}`).toContain(code);
      }
    },
  );
});
