import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Written by `npm run build` (precompile): the built-in scenarios, parsed, keyed by the hash of their text. */
export const YAML_CACHE_FILE = fileURLToPath(new URL('../compiled/yaml-cache.json', import.meta.url));

let cache: ReadonlyMap<string, string> | undefined;

function yamlHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Parses YAML text. Texts the build has seen come from its cache (so a start
 * neither loads nor runs the YAML parser, ~35 ms for the built-in scenarios);
 * keyed by content, a changed or new file is simply parsed. Each call returns
 * fresh objects.
 */
export function parseYamlText(text: string): unknown {
  cache ??= existsSync(YAML_CACHE_FILE) ? new Map(Object.entries(JSON.parse(readFileSync(YAML_CACHE_FILE, 'utf8')) as Record<string, string>)) : new Map();
  const cached = cache.get(yamlHash(text));
  if (cached !== undefined) return JSON.parse(cached) as unknown;
  return (require('yaml') as typeof import('yaml')).parse(text) as unknown;
}

/** The cache for `texts`, as `npm run build` writes it. */
export function yamlCacheOf(texts: readonly string[]): string {
  const entries: Record<string, string> = {};
  for (const text of texts) entries[yamlHash(text)] = JSON.stringify((require('yaml') as typeof import('yaml')).parse(text));
  return JSON.stringify(entries);
}
