import { isObject } from './contract.js';

/**
 * Merges `override` onto `base`: objects merge key by key, anything else
 * (arrays included) replaces. Neither input is modified.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isObject(base) || !isObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}
