import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';

export type AjvInstance = Ajv2020;

// Loaded on first use: precompiled validators (the built server) never need the compiler, which takes ~60 ms to load.
const require = createRequire(import.meta.url);

/** Keywords an OpenAPI 3.1 document carries besides JSON Schema 2020-12. */
const OPENAPI_KEYWORDS = [
  'openapi',
  'info',
  'servers',
  'paths',
  'components',
  'tags',
  'security',
  'webhooks',
  'jsonSchemaDialect',
  'externalDocs',
  'discriminator',
  'xml',
  'example',
];

/**
 * An Ajv instance for OpenAPI 3.1 documents: strict about schema mistakes,
 * reporting every error (Prism's lesson: show all violations, not the first).
 */
export function createAjv(options: { coerceTypes: boolean; source?: boolean }): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = (require('ajv-formats') as { default: FormatsPlugin }).default;
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTuples: true,
    strictRequired: false,
    strictTypes: false,
    coerceTypes: options.coerceTypes,
    // Standalone code generation (the build's precompiled validators) needs the generated source kept.
    code: { source: options.source ?? false },
    keywords: [...OPENAPI_KEYWORDS],
  });
  addFormats(ajv);
  return ajv;
}

/** Containers whose keys are names chosen by the author, not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
  'paths',
  'responses',
  'content',
  'headers',
  'schemas',
  'parameters',
  'requestBodies',
  'examples',
  'links',
  'callbacks',
  'securitySchemes',
  'webhooks',
  'pathItems',
]);

/**
 * A copy of an OpenAPI document without `x-...` extensions, which Ajv's strict
 * mode would reject as unknown keywords. Extensions carry documentation and
 * generator hints; none of them changes what is valid.
 */
export function withoutExtensions(value: unknown, keysAreNames = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutExtensions(item));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!keysAreNames && key.startsWith('x-')) continue;
    out[key] = keysAreNames ? withoutExtensions(child) : withoutExtensions(child, NAME_MAPS.has(key));
  }
  return out;
}
