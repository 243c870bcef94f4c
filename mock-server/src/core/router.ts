import { distance } from 'fastest-levenshtein';
import { match, type MatchFunction } from 'path-to-regexp';
import type { PreparedVendor, RoutedOperation } from './vendor-module.js';

export type RouteMatch =
  | { readonly kind: 'operation'; readonly vendor: string; readonly operation: RoutedOperation; readonly params: Record<string, string> }
  | { readonly kind: 'not-found'; readonly vendor: string }
  | { readonly kind: 'method-not-allowed'; readonly vendor: string; readonly allowed: readonly string[] }
  | { readonly kind: 'no-vendor' };

interface CompiledRoute {
  readonly vendor: string;
  readonly operation: RoutedOperation;
  readonly match: MatchFunction<Partial<Record<string, string>>>;
  /** More literal characters win when two templates match (`/Contacts/Registration` over `/Contacts/{id}`). */
  readonly specificity: number;
}

export interface KnownRoute {
  readonly vendor: string;
  readonly method: string;
  readonly path: string;
}

/** Maps a method and path to a vendor operation, using the paths each vendor's contract declares. */
export class Router {
  readonly #routes: readonly CompiledRoute[];
  /** Each vendor's base paths with the routes under them, so a request is only matched against its own vendor's routes. */
  readonly #prefixes: readonly { readonly vendor: string; readonly prefix: string; readonly under: string; readonly routes: readonly CompiledRoute[] }[];

  constructor(vendors: readonly PreparedVendor[]) {
    this.#routes = vendors
      .flatMap((v) =>
        v.operations.map((operation) => ({
          vendor: v.module.id,
          operation,
          match: match<Partial<Record<string, string>>>(toExpressPath(operation.path), { decode: safeDecode, sensitive: v.module.caseSensitivePaths }),
          specificity: operation.path.replace(/\{[^}]+\}/g, '').length,
        })),
      )
      .sort((a, b) => b.specificity - a.specificity);
    this.#prefixes = vendors.flatMap((v) =>
      v.module.basePaths.map((base) => {
        const prefix = base.toLowerCase();
        return { vendor: v.module.id, prefix, under: `${prefix}/`, routes: this.#routes.filter((r) => r.vendor === v.module.id && isUnder(r.operation.path, prefix)) };
      }),
    );
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
    for (const route of owner.routes) {
      const result = route.match(path);
      if (!result) continue;
      if (route.operation.method === method) return { kind: 'operation', vendor: route.vendor, operation: route.operation, params: definedOnly(result.params) };
      (allowed ??= new Set()).add(route.operation.method);
    }
    if (allowed !== undefined) return { kind: 'method-not-allowed', vendor: owner.vendor, allowed: [...allowed].sort() };
    return { kind: 'not-found', vendor: owner.vendor };
  }

  /** The known routes nearest to a path nobody serves, for the unmatched-route answer. */
  closest(method: string, path: string, count = 3): KnownRoute[] {
    const segments = path.split('/');
    return this.#routes
      .map((route) => {
        const template = route.operation.path.split('/');
        // Put the request's own segments in the template's parameter slots, so only literal differences count.
        const filled = template.map((part, i) => (/^\{.+\}$/.test(part) && segments[i] !== undefined ? segments[i] : part)).join('/');
        const score = distance(path.toLowerCase(), filled.toLowerCase()) + (route.operation.method === method ? 0 : 0.5);
        return { score, route: { vendor: route.vendor, method: route.operation.method, path: route.operation.path } };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, count)
      .map((r) => r.route);
  }
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
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function definedOnly(params: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = value;
  return out;
}
