import type { RecordedBody, RecordedHeaders } from './exchange.js';

export const REDACTED = '[REDACTED]';

/**
 * Names whose values never reach a recording unless `--keep` says so
 * (docs/decisions/0603): HTTP's own credential fields, cookies both ways, and
 * any field whose name contains "password". Each vendor adds its own
 * (`drift.credentials` in vendors/<id>/drift.ts: `key`, `secretKey`,
 * `X-Ipay-Client-Secret`); `--redact` adds more.
 */
export const DEFAULT_REDACTED = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'] as const;

const PASSWORD = /password/i;

/** Replaces credential values in what a recording keeps; remembers which names it replaced. */
export class Redactor {
  readonly #names: ReadonlySet<string>;
  readonly #passwords: boolean;

  constructor(names: Iterable<string>, keep: Iterable<string> = []) {
    const kept = new Set([...keep].map((n) => n.toLowerCase()));
    this.#names = new Set([...names].map((n) => n.toLowerCase()).filter((n) => !kept.has(n)));
    this.#passwords = !kept.has('password');
  }

  #secret(name: string): boolean {
    const lower = name.toLowerCase();
    return this.#names.has(lower) || (this.#passwords && PASSWORD.test(lower));
  }

  headers(headers: RecordedHeaders, found: Set<string>): RecordedHeaders {
    return Object.fromEntries(
      Object.entries(headers).map(([name, value]) => {
        if (!this.#secret(name)) return [name, value];
        found.add(name);
        return [name, typeof value === 'string' ? REDACTED : value.map(() => REDACTED)];
      }),
    );
  }

  /** Path and query: credential query parameters (IMIconnect's `key` may travel there) lose their values. */
  url(url: string, found: Set<string>): string {
    const mark = url.indexOf('?');
    if (mark < 0) return url;
    const params = new URLSearchParams(url.slice(mark + 1));
    let changed = false;
    for (const name of new Set(params.keys())) {
      if (!this.#secret(name)) continue;
      found.add(name);
      changed = true;
      params.set(name, REDACTED);
    }
    return changed ? `${url.slice(0, mark)}?${params.toString()}` : url;
  }

  /** JSON and form bodies: fields named as credentials, at any depth. Other bodies are kept as they are. */
  body(body: RecordedBody | undefined, contentType: string | undefined, found: Set<string>): RecordedBody | undefined {
    if (body === undefined || !('text' in body)) return body;
    const type = (contentType ?? '').toLowerCase();
    if (type.includes('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(body.text);
      const names = [...new Set(params.keys())].filter((name) => this.#secret(name));
      if (names.length === 0) return body;
      for (const name of names) {
        found.add(name);
        params.set(name, REDACTED);
      }
      return { text: params.toString() };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return body;
    }
    let hits = 0;
    const walk = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(walk);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value).map(([name, child]) => {
          if (!this.#secret(name)) return [name, walk(child)];
          found.add(name);
          hits++;
          return [name, REDACTED];
        }),
      );
    };
    const redacted = walk(parsed);
    return hits === 0 ? body : { text: JSON.stringify(redacted) };
  }
}
