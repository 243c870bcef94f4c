/**
 * Pact matchers derived from a vendor contract, so that consumer pacts never
 * restate a schema by hand: give an example value and the contract schema it
 * must satisfy, and get matchers that accept exactly what the schema allows
 * where the value is generated (ids, timestamps, counters) and the literal
 * value where the schema pins it (`const`, `enum`).
 */
import { MatchersV3 as M } from '@pact-foundation/pact';
import type { Matcher } from '@pact-foundation/pact/src/v3/types.js';
import type { Contract } from './core/contract.js';

type Schema = Record<string, unknown>;

/** Matchers for `example`, checked against the schema at `pointer` (a JSON pointer into the contract). */
export function matchersFor(contract: Contract, pointer: string, example: unknown): unknown {
  const problems = contract.schemaValidator(pointer)(example);
  if (problems.length > 0)
    throw new Error(`example for ${contract.id} ${pointer} does not satisfy the contract: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}`);
  return build(contract.dereferenced(pointer) as Schema, example);
}

/** Matchers for the response body an operation declares for a status. */
export function responseBodyMatchers(contract: Contract, operationId: string, status: number, example: unknown, mediaType = 'application/json'): unknown {
  return matchersFor(contract, `${responsePointer(contract, operationId, status)}/content/${escape(mediaType)}/schema`, example);
}

/**
 * Matchers for the response headers an operation declares for a status (their
 * schema patterns), with an example value for each.
 */
export function responseHeaderMatchers(
  contract: Contract,
  operationId: string,
  status: number,
  examples: Readonly<Record<string, string>>,
): Record<string, string | Matcher<string>> {
  const response = contract.dereferenced(responsePointer(contract, operationId, status)) as Schema;
  const declared = (response['headers'] ?? {}) as Record<string, Schema>;
  const out: Record<string, string | Matcher<string>> = {};
  for (const [name, example] of Object.entries(examples)) {
    const header = declared[name];
    if (!header) throw new Error(`${contract.id} ${operationId} ${status} declares no header ${name}`);
    const schema = header['schema'] as Schema;
    const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined;
    if (pattern !== undefined && !new RegExp(pattern).test(example)) throw new Error(`example ${name}: ${example} does not match the contract's ${pattern}`);
    out[name] = pattern === undefined ? example : M.regex(anchored(pattern), example);
  }
  return out;
}

function responsePointer(contract: Contract, operationId: string, status: number): string {
  const pointer = contract.responsePointer(operationId, status);
  if (pointer === undefined || !contract.operation(operationId).responseStatuses.includes(String(status))) throw new Error(`${contract.id} ${operationId} declares no ${status}`);
  return pointer;
}

function build(schema: Schema | undefined, example: unknown): unknown {
  const s = flatten(schema ?? {});
  if ('const' in s || 'enum' in s || example === null) return example;
  if (Array.isArray(example)) {
    // An empty example pins an empty list; otherwise each item must look like the first.
    return example.length === 0 ? [] : M.eachLike(build(s['items'] as Schema, example[0]), 1);
  }
  switch (typeof example) {
    case 'string':
      if (s['format'] === 'uuid') return M.uuid(example);
      if (typeof s['pattern'] === 'string') return M.regex(anchored(s['pattern']), example);
      return M.string(example);
    case 'number':
      return Number.isInteger(example) && (s['type'] === 'integer' || s['type'] === undefined) ? M.integer(example) : M.number(example);
    case 'boolean':
      return M.boolean(example);
    case 'object': {
      const properties = (s['properties'] ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(example as Record<string, unknown>).map(([key, value]) => [key, build(properties[key], value)]));
    }
    default:
      return example;
  }
}

/** Merges `allOf` parts (and the branches' common shape) into one schema, enough to pick matchers. */
function flatten(schema: Schema): Schema {
  const parts = Array.isArray(schema['allOf']) ? (schema['allOf'] as Schema[]).map(flatten) : [];
  const out: Schema = {};
  for (const part of [...parts, schema]) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'allOf') continue;
      if (key === 'properties' && typeof out['properties'] === 'object') {
        const merged: Record<string, Schema> = { ...(out['properties'] as Record<string, Schema>) };
        for (const [name, sub] of Object.entries(value as Record<string, Schema>)) merged[name] = merged[name] ? flatten({ allOf: [merged[name], sub] }) : sub;
        out['properties'] = merged;
      } else out[key] = value;
    }
  }
  return out;
}

/** Pact's regex matchers must match the whole value (shared/notes/toolchain.md). */
function anchored(pattern: string): string {
  return `${pattern.startsWith('^') ? '' : '^.*'}${pattern}${pattern.endsWith('$') ? '' : '.*$'}`;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
