import { distance } from 'fastest-levenshtein';
import { match, type MatchFunction } from 'path-to-regexp';
import type { PreparedVendor, RoutedOperation } from './vendor-module.js';

export type RouteMatch =
  | { readonly kind: 'operation'; readonly vendor: string; readonly operation: RoutedOperation; readonly params: Record<string, string> }
  | { readonly kind: 'not-found'; readonly vendor: string }
  | { readonly kind: 'method-not-allowed'; readonly vendor: string; readonly allowed: readonly string[]; readonly template: string }
  | { readonly kind: 'no-vendor' };

interface CompiledRoute {
  readonly vendor: string;
  readonly operation: RoutedOperation;
}

/** One path template of a vendor with its operations by method: a path is matched once per template, not once per method. */
interface CompiledTemplate {
  readonly template: string;
  readonly match: MatchFunction<Partial<Record<string, string>>>;
  readonly operations: ReadonlyMap<string, RoutedOperation>;
  /** More literal characters win when two templates match (`/Contacts/Registration` over `/Contacts/{id}`). */
  readonly specificity: number;
  /** Its segments: a parameter matches one segment, so a path with another count cannot match (checked before the regex). */
  readonly segments: number;
  /**
   * The template up to its first parameter (all of it when it has none), lower-cased where paths are not
   * case-sensitive: a path that does not start with it cannot match (checked before the regex).
   */
  readonly literalPrefix: string;
}

export interface KnownRoute {
  readonly vendor: string;
  readonly method: string;
  readonly path: string;
}

/** Maps a method and path to a vendor operation, using the paths each vendor's contract declares. */
export class Router {
  readonly #routes: readonly CompiledRoute[];
  /** Each vendor's base paths with the routes and templates under them, so a request is only matched against its own vendor's. */
  readonly #prefixes: readonly {
    readonly vendor: string;
    readonly prefix: string;
    readonly under: string;
    readonly sensitive: boolean;
    readonly routes: readonly CompiledRoute[];
    readonly templates: readonly CompiledTemplate[];
  }[];

  constructor(vendors: readonly PreparedVendor[]) {
    this.#routes = vendors.flatMap((v) => v.operations.map((operation) => ({ vendor: v.module.id, operation })));
    this.#prefixes = vendors.flatMap((v) => {
      const sensitive = v.module.caseSensitivePaths;
      const templates = compileTemplates(v.operations, sensitive);
      return v.module.basePaths.map((base) => {
        const prefix = base.toLowerCase();
        return {
          vendor: v.module.id,
          prefix,
          under: `${prefix}/`,
          sensitive,
          routes: this.#routes.filter((r) => r.vendor === v.module.id && isUnder(r.operation.path, prefix)),
          templates: templates.filter((t) => isUnder(t.template, prefix)),
        };
      });
    });
    for (const route of this.#routes) {
      if (!this.#prefixes.some((p) => p.vendor === route.vendor && isUnder(route.operation.path, p.prefix))) {
        throw new Error(`${route.vendor}: ${route.operation.method} ${route.operation.path} is outside the vendor's base paths`);
      }
    }
  }

  resolve(method: string, path: string): RouteMatch {
    const lower = path.toLowerCase();
    const owner = this.#prefixes.find(({ prefix, under }) => lower === prefix || lower.startsWith(under));
    if (!owner) return { kind: 'no-vendor' };
    let allowed: Set<string> | undefined;
    let template = '';
    const segments = segmentCount(path);
    const compared = owner.sensitive ? path : lower;
    for (const candidate of owner.templates) {
      if (candidate.segments !== segments || !compared.startsWith(candidate.literalPrefix)) continue;
      const result = candidate.match(path);
      if (!result) continue;
      const operation = candidate.operations.get(method);
      if (operation) return { kind: 'operation', vendor: owner.vendor, operation, params: definedOnly(result.params) };
      if (allowed === undefined) template = candidate.template;
      allowed ??= new Set();
      for (const other of candidate.operations.keys()) allowed.add(other);
    }
    if (allowed !== undefined) return { kind: 'method-not-allowed', vendor: owner.vendor, allowed: [...allowed].sort(), template };
    return { kind: 'not-found', vendor: owner.vendor };
  }

  /**
   * The known paths nearest to a path nobody serves, for the unmatched-route
   * answer: one entry per path (with the request's method when the path has it,
   * else the first the contract lists), nearest first. Nearness is an edit distance over
   * path segments (see pathDistance).
   */
  closest(method: string, path: string, count = 3): KnownRoute[] {
    const segments = path.toLowerCase().split('/').filter(Boolean);
    const byPath = new Map<string, { vendor: string; path: string; basePathSegments: number; methods: string[] }>();
    for (const { prefix, routes } of this.#prefixes) {
      for (const route of routes) {
        const key = `${route.vendor} ${route.operation.path}`;
        const entry = byPath.get(key) ?? { vendor: route.vendor, path: route.operation.path, basePathSegments: prefix.split('/').filter(Boolean).length, methods: [] };
        entry.methods.push(route.operation.method);
        byPath.set(key, entry);
      }
    }
    return [...byPath.values()]
      .map((entry) => {
        const served = entry.methods.includes(method);
        // The method counts for little: a wrong path is the usual mistake.
        const score = pathDistance(segments, templateSegments(entry.path), entry.basePathSegments) + (served ? 0 : 0.25);
        return { score, route: { vendor: entry.vendor, method: served ? method : entry.methods[0]!, path: entry.path } };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, count)
      .map((r) => r.route);
  }
}

/** A vendor's templates, most specific first (ties in the contract's order), each with its operations by method. */
function compileTemplates(operations: readonly RoutedOperation[], sensitive: boolean): CompiledTemplate[] {
  const byTemplate = new Map<string, Map<string, RoutedOperation>>();
  for (const operation of operations) {
    const methods = byTemplate.get(operation.path) ?? new Map<string, RoutedOperation>();
    // The first operation for a method and template wins, as the first in the contract's order did.
    if (!methods.has(operation.method)) methods.set(operation.method, operation);
    byTemplate.set(operation.path, methods);
  }
  return [...byTemplate]
    .map(([template, methods]) => {
      const literal = template.indexOf('{') < 0 ? template : template.slice(0, template.lastIndexOf('/', template.indexOf('{')) + 1);
      return {
        template,
        match: match<Partial<Record<string, string>>>(toExpressPath(template), { decode: safeDecode, sensitive }),
        operations: methods,
        specificity: template.replace(/\{[^}]+\}/g, '').length,
        segments: segmentCount(template),
        literalPrefix: sensitive ? literal : literal.toLowerCase(),
      };
    })
    .sort((a, b) => b.specificity - a.specificity);
}

/** A template's segments, lower-cased, with `null` for a parameter. */
function templateSegments(template: string): (string | null)[] {
  return template
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\{.+\}$/.test(part) ? null : part.toLowerCase()));
}

/** Leaving out the vendor's base path (`/resources/v1`, `/api/v1`) is a common slip: each of its segments costs this much. */
const MISSING_BASE_SEGMENT_COST = 0.3;

/**
 * Edit distance between a request's segments and a template's: a parameter
 * takes any segment for free, two literals cost their character distance
 * scaled to 0..1, a missing or extra segment costs 1, except the template's
 * first `basePathSegments` when the request leaves them out.
 */
function pathDistance(request: readonly string[], template: readonly (string | null)[], basePathSegments: number): number {
  // row[j]: cost of matching the request's first i segments with the template's first j.
  let row = [0];
  for (let j = 1; j <= template.length; j++) row.push(row[j - 1]! + (j <= basePathSegments ? MISSING_BASE_SEGMENT_COST : 1));
  for (let i = 1; i <= request.length; i++) {
    const next = [row[0]! + 1];
    for (let j = 1; j <= template.length; j++) {
      const wanted = template[j - 1]!;
      const got = request[i - 1]!;
      const change = wanted === null ? 0 : distance(got, wanted) / Math.max(got.length, wanted.length);
      next.push(Math.min(row[j - 1]! + change, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return row[template.length]!;
}

/** Slashes in a path, one trailing slash not counted (path-to-regexp matches a template with or without it). */
function segmentCount(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 0x2f) n++;
  return path.length > 1 && path.endsWith('/') ? n - 1 : n;
}

function isUnder(path: string, prefix: string): boolean {
  const lower = path.toLowerCase();
  return lower === prefix || lower.startsWith(`${prefix}/`);
}

/** OpenAPI `{param}` to path-to-regexp `:param` (in Express 5, braces mean an optional group). */
export function toExpressPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name}`);
}

function safeDecode(value: string): string {
  // Most ids carry no escape: decodeURIComponent would only copy them.
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function definedOnly(params: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in params) {
    const value = params[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
