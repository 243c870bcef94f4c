import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv, withoutExtensions, type AjvInstance } from './ajv.js';
import { PROJECT_ROOT } from './paths.js';
import { parseYamlText } from './yaml-text.js';

type Json = Record<string, unknown>;

/** A validator a document needs at run time, named so it can be precompiled. */
export interface SchemaEntry {
  readonly key: string;
  /** A schema, usually `{ $ref: '<document uri>#/...' }`. */
  readonly schema: object;
  /** Coerce strings to the declared types (parameters, form fields). */
  readonly coercing: boolean;
}

export type EntriesOf = (document: Json, uri: string) => readonly SchemaEntry[];

/**
 * Where `npm run build` puts precompiled validators. From the TypeScript sources
 * (the tests, which `pretest` builds first) the same bundle is used: each is
 * checked against its source file's hash, so a stale one is never read.
 */
export const COMPILED_DIR = join(PROJECT_ROOT, 'mock-server', 'dist', 'compiled', sep);
const require = createRequire(import.meta.url);

export interface Bundle {
  readonly source: string;
  readonly sourceHash: string;
  readonly document: Json;
  readonly keys: readonly string[];
}

/**
 * A schema document (an OpenAPI contract or a JSON Schema file) and its
 * validators, compiled once: at build time into `dist/compiled/` (loaded
 * when the source file is unchanged), otherwise at load.
 */
export class SchemaDocument {
  #validators: ReadonlyMap<string, ValidateFunction> | undefined;
  readonly #load: () => ReadonlyMap<string, ValidateFunction>;
  readonly #keys: ReadonlySet<string>;
  readonly #onDemand = new Map<string, ValidateFunction>();
  readonly #objects = new WeakMap<object, ValidateFunction>();
  readonly #precompiled: boolean;
  #live: LiveAjv | undefined;

  private constructor(
    readonly uri: string,
    readonly document: Json,
    readonly file: string,
    /** SHA-256 of the source file: what precompiled code and build-time checks are keyed by. */
    readonly sourceHash: string,
    keys: readonly string[],
    load: () => ReadonlyMap<string, ValidateFunction>,
    live: LiveAjv | undefined,
  ) {
    this.#keys = new Set(keys);
    this.#load = load;
    this.#live = live;
    this.#precompiled = live === undefined;
  }

  /** True when the validators came from the build's precompiled bundle. */
  get precompiled(): boolean {
    return this.#precompiled;
  }

  static load(id: string, file: string, entriesOf: EntriesOf): SchemaDocument {
    const uri = `contract:${id}`;
    const source = readFileSync(file);
    const sourceHash = hashOf(source);
    const bundle = readBundle(file, sourceHash);
    if (bundle) {
      // The compiled code (up to 300 kB a contract) is loaded when a validator is first asked for: a vendor no
      // request reaches costs nothing at start-up (decision 0032).
      const load = () => {
        const strict = require(`${bundleBase(file)}.strict.cjs`) as Record<string, ValidateFunction>;
        const coercing = require(`${bundleBase(file)}.coercing.cjs`) as Record<string, ValidateFunction>;
        const validators = new Map<string, ValidateFunction>();
        for (const key of bundle.keys) {
          const fn = strict[key] ?? coercing[key];
          if (fn) validators.set(key, fn);
        }
        return validators;
      };
      return new SchemaDocument(uri, bundle.document, file, sourceHash, bundle.keys, load, undefined);
    }
    const document = parseDocument(file, source);
    const live = liveAjv(document, uri);
    const validators = new Map<string, ValidateFunction>();
    for (const entry of entriesOf(document, uri)) validators.set(entry.key, (entry.coercing ? live.coercing : live.strict).compile(entry.schema));
    return new SchemaDocument(uri, document, file, sourceHash, [...validators.keys()], () => validators, live);
  }

  /** A named validator (precompiled, loaded on first use, or compiled at load). */
  validator(key: string): ValidateFunction {
    this.#validators ??= this.#load();
    const fn = this.#validators.get(key);
    if (!fn) throw new Error(`${this.file}: no validator ${key}`);
    return fn;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** A validator for any JSON pointer into the document, compiled on first use (tests, response checks). */
  compile(pointer: string): ValidateFunction {
    let fn = this.#onDemand.get(pointer);
    if (!fn) {
      fn = this.#ajv(false).compile({ $ref: `${this.uri}${pointer}` });
      this.#onDemand.set(pointer, fn);
    }
    return fn;
  }

  /**
   * A validator for a schema that is not part of the document but may `$ref`
   * into it (`#/components/schemas/...`), compiled on first use of each schema object.
   */
  compileObject(schema: object): ValidateFunction {
    let fn = this.#objects.get(schema);
    if (!fn) {
      fn = this.#ajv(false).compile(withDocumentRefs(schema, this.uri) as object);
      this.#objects.set(schema, fn);
    }
    return fn;
  }

  #ajv(coercing: boolean): AjvInstance {
    this.#live ??= liveAjv(this.document, this.uri);
    return coercing ? this.#live.coercing : this.#live.strict;
  }
}

interface LiveAjv {
  readonly strict: AjvInstance;
  readonly coercing: AjvInstance;
}

function liveAjv(document: Json, uri: string): LiveAjv {
  const schema = withoutExtensions(document) as Json;
  const live = { strict: createAjv({ coerceTypes: false }), coercing: createAjv({ coerceTypes: true }) };
  live.strict.addSchema(schema, uri);
  live.coercing.addSchema(schema, uri);
  return live;
}

/** A schema whose local `$ref`s (`#/…`) point into the document at `uri` instead. */
function withDocumentRefs(value: unknown, uri: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withDocumentRefs(item, uri));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, key === '$ref' && typeof child === 'string' && child.startsWith('#') ? `${uri}${child}` : withDocumentRefs(child, uri)]),
  );
}

/** The whole document as one schema (a plain JSON Schema file). */
export const ROOT_ENTRY: EntriesOf = (_document, uri) => [{ key: 'root', schema: { $ref: `${uri}#` }, coercing: false }];

/** A validator for a JSON Schema file (scenario files, vendor settings), compiled once. */
export function loadSchemaFile(id: string, file: string): ValidateFunction {
  return SchemaDocument.load(id, file, ROOT_ENTRY).validator('root');
}

/**
 * Build time: the standalone code of every entry of a document, for
 * `dist/compiled/`. Returns the files to write, by path.
 */
export async function precompile(id: string, file: string, entriesOf: EntriesOf): Promise<Map<string, string>> {
  // CommonJS module: under NodeNext its function arrives as the namespace's `default.default`.
  const standalone = await import('ajv/dist/standalone/index.js');
  const standaloneCode = standalone.default.default;
  const source = readFileSync(file);
  const document = parseDocument(file, source);
  const uri = `contract:${id}`;
  const entries = entriesOf(document, uri);
  const files = new Map<string, string>();
  for (const coercing of [false, true]) {
    const ajv = createAjv({ coerceTypes: coercing, source: true });
    ajv.addSchema(withoutExtensions(document) as Json, uri);
    const mine = entries.filter((e) => e.coercing === coercing);
    for (const entry of mine) ajv.addSchema(entry.schema, `sandbox:${entry.key}`);
    const exports = Object.fromEntries(mine.map((e) => [e.key, `sandbox:${e.key}`]));
    files.set(`${bundleBase(file)}.${coercing ? 'coercing' : 'strict'}.cjs`, mine.length ? standaloneCode(ajv, exports) : '"use strict";\n');
  }
  const bundle: Bundle = { source: relative(PROJECT_ROOT, file), sourceHash: hashOf(source), document, keys: entries.map((e) => e.key) };
  files.set(`${bundleBase(file)}.json`, JSON.stringify(bundle));
  return files;
}

function parseDocument(file: string, source: Buffer): Json {
  const text = source.toString('utf8');
  const document = (file.endsWith('.json') ? JSON.parse(text) : parseYamlText(text)) as unknown;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new Error(`${file}: not a schema document`);
  return document as Json;
}

function hashOf(source: Buffer): string {
  return createHash('sha256').update(source).digest('hex');
}

/** `contracts/ocamba/openapi.yaml` → `dist/compiled/contracts__ocamba__openapi.yaml`. */
function bundleBase(file: string): string {
  return `${COMPILED_DIR}${relative(PROJECT_ROOT, file).split(sep).join('__')}`;
}

function readBundle(file: string, sourceHash: string): Bundle | undefined {
  const path = `${bundleBase(file)}.json`;
  if (!existsSync(path)) return undefined;
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle;
  return bundle.sourceHash === sourceHash ? bundle : undefined;
}
