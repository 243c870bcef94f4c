import { isObject } from '../core/contract.js';

type Json = Record<string, unknown>;

/** The contract handed to the comparison engine, and where its findings must point instead. */
export interface EngineSpec {
  readonly document: Json;
  /** Engine locations of responses written out from a range (`….responses.401`) → the range the contract declares (`….responses.4XX`). */
  readonly rangeOf: ReadonlyMap<string, string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Keywords that say nothing about the instance: a schema made of these and `allOf` is its `allOf`. */
const ANNOTATIONS = new Set(['allOf', 'description', 'title', '$comment', 'examples', 'deprecated']);

/**
 * A vendor's OpenAPI document, rewritten into forms swagger-mock-validator reads
 * as the contract means them (docs/decisions/0518-bi-directional-contracts.md):
 *
 * - a response range (`4XX`) is written out as each status in `statuses` it
 *   covers and the operation does not declare itself: OpenAPI says the range
 *   stands for them, the engine knows specific codes only;
 * - an `allOf` member that is itself only an `allOf` (inline or through a
 *   `$ref`) is replaced by its members: the same schema in JSON Schema, and
 *   the engine, which closes every schema holding an `allOf` to the properties
 *   its members name, would otherwise close the inner one to none.
 *
 * The input is not changed.
 */
export function engineSpec(document: Json, statuses: ReadonlySet<number>): EngineSpec {
  const copy = structuredClone(document);
  const rangeOf = new Map<string, string>();
  for (const [path, item] of Object.entries(isObject(copy['paths']) ? copy['paths'] : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const responses = isObject(item[method]) ? item[method]['responses'] : undefined;
      if (!isObject(responses)) continue;
      for (const range of Object.keys(responses).filter((key) => /^[1-5]XX$/i.test(key))) {
        for (const status of statuses) {
          if (String(status)[0] !== range[0] || String(status) in responses) continue;
          responses[String(status)] = responses[range];
          rangeOf.set(`[root].paths.${path}.${method}.responses.${status}`, `[root].paths.${path}.${method}.responses.${range}`);
        }
      }
    }
  }
  flattenAllOf(copy, copy, new Set());
  return { document: copy, rangeOf };
}

/** An engine location with a written-out range put back as the contract's range. */
export function contractLocation(location: string, rangeOf: ReadonlyMap<string, string>): string {
  for (const [written, range] of rangeOf) {
    if (location === written || location.startsWith(`${written}.`)) return range + location.slice(written.length);
  }
  return location;
}

function flattenAllOf(node: unknown, root: Json, seen: Set<unknown>): void {
  if (Array.isArray(node)) {
    for (const item of node) flattenAllOf(item, root, seen);
    return;
  }
  // YAML anchors share objects, and a schema may be reached through several parents: each once.
  if (!isObject(node) || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node['allOf'])) node['allOf'] = members(node['allOf'], root, []);
  for (const child of Object.values(node)) flattenAllOf(child, root, seen);
}

/** `allOf` members with every member that is only an `allOf` replaced by its own members (a `$ref` cycle stops the unfolding). */
function members(allOf: readonly unknown[], root: Json, refs: readonly string[]): unknown[] {
  return allOf.flatMap((member) => {
    const ref = isObject(member) && typeof member['$ref'] === 'string' && Object.keys(member).length === 1 ? member['$ref'] : undefined;
    const target = ref === undefined ? member : refs.includes(ref) ? undefined : resolveLocal(root, ref);
    if (!isObject(target) || !Array.isArray(target['allOf']) || !Object.keys(target).every((key) => ANNOTATIONS.has(key))) return [member];
    return members(target['allOf'], root, ref === undefined ? refs : [...refs, ref]);
  });
}

function resolveLocal(root: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
}
