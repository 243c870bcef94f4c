import type { ErrorObject, ValidateFunction } from 'ajv';
import { fixtureCheckKey, readCheckedFixtures } from './fixture-checks.js';
import { SchemaDocument, type SchemaEntry } from './schema-document.js';

/** Where in the request a validation problem was found. */
export type IssueLocation = 'body' | 'path' | 'query' | 'header';

/** One problem with a request, in a form every vendor can render its own way. */
export interface ValidationIssue {
  readonly location: IssueLocation;
  /** Path of the offending value: property names and array indexes from the body root, or the parameter name. */
  readonly path: readonly (string | number)[];
  /** The JSON Schema keyword that failed (`required`, `type`, `maxLength`, `format`, ...). */
  readonly keyword: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Where the failing keyword is in the contract (Ajv's `schemaPath`); absent for the missing-body check. */
  readonly schemaPath?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** An operation as the contract declares it. */
export interface ContractOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/v1/hood/partners/{id}/contacts/{contact_id}`. */
  readonly path: string;
  readonly summary: string;
  readonly bodyRequired: boolean;
  readonly bodyMediaTypes: readonly string[];
  readonly responseStatuses: readonly string[];
}

export interface RequestParts {
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  /** `undefined` when the request had no body. */
  readonly body: unknown;
  /** Media type whose schema the body is checked against; defaults to the first declared. */
  readonly mediaType?: string;
}

export interface ResponseParts {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | number | readonly string[] | undefined>>;
  /** Parsed JSON body, or `undefined` for an empty body. */
  readonly body: unknown;
}

type Json = Record<string, unknown>;
type ParamLocation = 'path' | 'query' | 'header';
const PARAM_LOCATIONS: readonly ParamLocation[] = ['path', 'query', 'header'];

/**
 * A vendor's OpenAPI 3.1 contract with its validators compiled once (at build
 * time or at load). The server checks requests with it; tests check every
 * response they receive with it.
 */
export class Contract {
  readonly operations: ReadonlyMap<string, ContractOperation>;
  readonly document: Json;
  readonly file: string;
  readonly #schemas: SchemaDocument;
  /** Request validators per operation, looked up once here instead of on every request. */
  readonly #requestValidators = new Map<string, { params: [ParamLocation, ValidateFunction][]; bodies: Map<string, ValidateFunction> }>();
  /** Per operation, where each parameter is declared (for explanations: docs/decisions/0080). */
  readonly #parameters = new Map<string, WalkedOperation['params']>();

  private constructor(
    readonly id: string,
    schemas: SchemaDocument,
  ) {
    this.#schemas = schemas;
    this.document = schemas.document;
    this.file = schemas.file;
    const operations = new Map<string, ContractOperation>();
    for (const op of walkOperations(this.document, this.file)) {
      operations.set(op.info.operationId, op.info);
      this.#parameters.set(op.info.operationId, op.params);
    }
    this.operations = operations;
  }

  /** An operation's request validators, looked up on its first request (the bundle loads then, not at start-up). */
  #validatorsOf(op: ContractOperation): { params: [ParamLocation, ValidateFunction][]; bodies: Map<string, ValidateFunction> } {
    let found = this.#requestValidators.get(op.operationId);
    if (!found) {
      const id = op.operationId;
      const schemas = this.#schemas;
      const params = PARAM_LOCATIONS.filter((l) => schemas.has(`op/${id}/${l}`)).map((l): [ParamLocation, ValidateFunction] => [l, schemas.validator(`op/${id}/${l}`)]);
      found = { params, bodies: new Map(op.bodyMediaTypes.map((mt) => [mt, schemas.validator(`op/${id}/body/${mt}`)])) };
      this.#requestValidators.set(id, found);
    }
    return found;
  }

  /** Loads `file` (YAML or JSON) with its validators. */
  static load(id: string, file: string): Contract {
    return new Contract(id, SchemaDocument.load(id, file, contractEntries));
  }

  /** A hash of the contract file's bytes. */
  get sourceHash(): string {
    return this.#schemas.sourceHash;
  }

  /** True when the validators came precompiled from the build. */
  get precompiled(): boolean {
    return this.#schemas.precompiled;
  }

  /** Fixture checks the build passed (read on first use), and those this contract ran itself (what the build writes out). */
  #checkedByBuild: ReadonlySet<string> | undefined;
  readonly #checkedHere: string[] = [];

  /**
   * Validates fixture `items` against `#/components/schemas/<name>`, unless the build already did
   * for these very items and this very contract (core/fixture-checks.ts): undefined when they pass.
   */
  checkFixtures(name: string, items: readonly unknown[]): ValidationIssue[][] | undefined {
    const key = fixtureCheckKey(this.#schemas.sourceHash, name, items);
    if ((this.#checkedByBuild ??= readCheckedFixtures()).has(key)) return undefined;
    const issues = items.map((item) => this.validateSchema(name, item));
    if (issues.some((list) => list.length > 0)) return issues;
    this.#checkedHere.push(key);
    return undefined;
  }

  /** Keys of the fixture checks this contract ran and passed (for the build's list). */
  get checkedFixtures(): readonly string[] {
    return this.#checkedHere;
  }

  operation(operationId: string): ContractOperation {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`${this.file}: no operation ${operationId}`);
    return op;
  }

  /** Pointer to an operation in the document (`#/paths/~1v1~1items/post`). */
  operationPointer(operationId: string): string {
    return operationPointer(this.operation(operationId));
  }

  /** Pointer to where a parameter is declared (its `$ref` target, or its place in the operation); undefined when it is not. */
  parameterPointer(operationId: string, location: ParamLocation, name: string): string | undefined {
    const schema = this.#parameters.get(operationId)?.[location].properties[location === 'header' ? name.toLowerCase() : name];
    return schema?.replace(/\/schema$/, '');
  }

  /**
   * Checks a request against its operation and returns every problem, not
   * just the first. Parameter values are coerced in place to their declared
   * types (query strings become integers where the contract says so).
   */
  validateRequest(operationId: string, parts: RequestParts): ValidationIssue[] {
    const op = this.operation(operationId);
    const validators = this.#validatorsOf(op);
    const issues: ValidationIssue[] = [];
    // Headers are copied first: coercion must not change what the journal records.
    for (const [location, validate] of validators.params)
      check(validate, location === 'path' ? parts.params : location === 'query' ? parts.query : { ...parts.headers }, location, issues);
    if (parts.body === undefined) {
      if (op.bodyRequired) issues.push({ location: 'body', path: [], keyword: 'required', message: 'request body is required', params: {} });
    } else if (validators.bodies.size > 0) {
      const validate = (parts.mediaType !== undefined && validators.bodies.get(parts.mediaType)) || validators.bodies.values().next().value;
      if (validate) check(validate, parts.body, 'body', issues);
    }
    return issues;
  }

  /** Validates `data` against `#/components/schemas/<name>`. */
  validateSchema(name: string, data: unknown): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    check(this.#schemas.validator(`schema/${name}`), data, 'body', issues);
    return issues;
  }

  /** A validator for a schema of its own that may `$ref` this contract's schemas (`#/components/schemas/...`); compiled once per schema object. */
  compileSchema(schema: object): (data: unknown) => ValidationIssue[] {
    const validate = this.#schemas.compileObject(schema);
    return (data) => {
      const issues: ValidationIssue[] = [];
      check(validate, data, 'body', issues);
      return issues;
    };
  }

  /** A validator for any JSON pointer into this document (compiled on first use). */
  schemaValidator(pointer: string): (data: unknown) => ValidationIssue[] {
    const validate = this.#schemas.compile(pointer);
    return (data) => {
      const issues: ValidationIssue[] = [];
      check(validate, data, 'body', issues);
      return issues;
    };
  }

  /**
   * Checks a response against the contract: the status must be declared, the
   * body must match the declared schema (or be empty when none is declared) and
   * declared required headers must be present. Returns human-readable problems.
   */
  validateResponse(operationId: string, response: ResponseParts): string[] {
    const op = this.operation(operationId);
    const problems: string[] = [];
    const responsePointer = this.responsePointer(operationId, response.status);
    if (responsePointer === undefined) return [`${op.method} ${op.path}: status ${response.status} is not declared (declared: ${op.responseStatuses.join(', ')})`];
    const declared = this.#resolve(responsePointer) as Json;
    const content = declared['content'] as Json | undefined;
    if (!content) {
      if (response.body !== undefined) problems.push(`status ${response.status} declares no body but one was sent`);
    } else if (response.body === undefined && declared['x-body-optional'] === true && response.headers['content-type'] === undefined) {
      // This response may come without a body (docs/decisions/0071); one that is sent is checked below.
    } else {
      const contentType = String(response.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      const mediaType = Object.keys(content).find((mt) => mt === contentType);
      if (!mediaType) problems.push(`content type "${contentType}" is not declared for status ${response.status} (declared: ${Object.keys(content).join(', ')})`);
      else {
        const validate = this.#schemas.compile(`${responsePointer}/content/${escapePointer(mediaType)}/schema`);
        if (!validate(response.body)) problems.push(...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? e.keyword}`));
      }
    }
    const headers = (declared['headers'] ?? {}) as Json;
    for (const [name, header] of Object.entries(headers)) {
      const spec = this.deref(header) as Json;
      if (spec['required'] === true && response.headers[name.toLowerCase()] === undefined) problems.push(`required header ${name} is missing`);
    }
    return problems;
  }

  /**
   * Where the response an operation declares for a status lives (its own
   * entry, `4XX`-style ranges or `default`, following a `$ref`), or undefined.
   */
  responsePointer(operationId: string, status: number): string | undefined {
    const base = operationPointer(this.operation(operationId));
    const responses = this.#resolve(`${base}/responses`) as Json;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) return undefined;
    const raw = responses[key];
    return isObject(raw) && typeof raw['$ref'] === 'string' ? raw['$ref'] : `${base}/responses/${escapePointer(key)}`;
  }

  /** A copy of the schema at `pointer` with every local `$ref` inlined (for generators that cannot resolve refs). */
  dereferenced(pointer: string): unknown {
    const inline = (value: unknown, depth: number): unknown => {
      if (depth > 32) throw new Error(`${this.file}: reference cycle under ${pointer}`);
      if (Array.isArray(value)) return value.map((item) => inline(item, depth));
      if (!isObject(value)) return value;
      if (typeof value['$ref'] === 'string') return inline(this.#resolve(value['$ref']), depth + 1);
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, inline(child, depth)]));
    };
    return inline(this.#resolve(pointer), 0);
  }

  /** `value`, or what its local `$ref` (chain) points at; a reference to nothing throws. */
  deref(value: unknown): unknown {
    return deref(this.document, value);
  }

  #resolve(pointer: string): unknown {
    return resolvePointer(this.document, pointer, this.file);
  }
}

/** Every validator the server needs from a contract: request parts per operation, and each component schema. */
export function contractEntries(document: Json, uri: string): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  for (const op of walkOperations(document, uri)) {
    for (const location of PARAM_LOCATIONS) {
      const spec = op.params[location];
      if (Object.keys(spec.properties).length === 0) continue;
      const properties = Object.fromEntries(Object.entries(spec.properties).map(([name, pointer]) => [name, { $ref: `${uri}${pointer}` }]));
      entries.push({ key: `op/${op.info.operationId}/${location}`, schema: { type: 'object', properties, required: spec.required }, coercing: true });
    }
    for (const [mediaType, pointer] of op.bodies) {
      // Form fields arrive as strings: coerce them the way a form binder would.
      entries.push({ key: `op/${op.info.operationId}/body/${mediaType}`, schema: { $ref: `${uri}${pointer}` }, coercing: mediaType === 'application/x-www-form-urlencoded' });
    }
  }
  const schemas = isObject(document['components']) && isObject(document['components']['schemas']) ? document['components']['schemas'] : {};
  for (const name of Object.keys(schemas)) entries.push({ key: `schema/${name}`, schema: { $ref: `${uri}#/components/schemas/${escapePointer(name)}` }, coercing: false });
  return entries;
}

interface WalkedOperation {
  readonly info: ContractOperation;
  /** Per location: parameter name → pointer to its schema. */
  readonly params: Record<ParamLocation, { properties: Record<string, string>; required: string[] }>;
  /** Media type → pointer to the request body schema. */
  readonly bodies: ReadonlyMap<string, string>;
}

function* walkOperations(document: Json, where: string): Generator<WalkedOperation> {
  const paths = (document['paths'] ?? {}) as Json;
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared: unknown[] = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()];
      if (!isObject(operation)) continue;
      const operationId = operation['operationId'];
      if (typeof operationId !== 'string') throw new Error(`${where}: ${method} ${path} has no operationId`);
      if (seen.has(operationId)) throw new Error(`${where}: duplicate operationId ${operationId}`);
      seen.add(operationId);
      yield walkOperation(document, operationId, method, path, operation, shared, where);
    }
  }
}

function walkOperation(document: Json, operationId: string, method: HttpMethod, path: string, operation: Json, shared: unknown[], where: string): WalkedOperation {
  const pointer = `#/paths/${escapePointer(path)}/${method.toLowerCase()}`;
  const own: readonly unknown[] = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
  const params: WalkedOperation['params'] = { path: { properties: {}, required: [] }, query: { properties: {}, required: [] }, header: { properties: {}, required: [] } };
  const pathItemPointer = `#/paths/${escapePointer(path)}`;
  const all = [...shared.map((p, i) => ({ p, at: `${pathItemPointer}/parameters/${i}` })), ...own.map((p, i) => ({ p, at: `${pointer}/parameters/${i}` }))];
  for (const { p, at } of all) {
    const ref = isObject(p) && typeof p['$ref'] === 'string' ? p['$ref'] : undefined;
    const param = deref(document, p) as Json;
    const location = param['in'];
    if (location !== 'path' && location !== 'query' && location !== 'header') continue;
    const name = location === 'header' ? String(param['name']).toLowerCase() : String(param['name']);
    params[location].properties[name] = `${ref ?? at}/schema`;
    if (param['required'] === true) params[location].required.push(name);
  }
  const requestBody = deref(document, operation['requestBody']) as Json | undefined;
  const bodyPointer = isObject(operation['requestBody']) && typeof operation['requestBody']['$ref'] === 'string' ? operation['requestBody']['$ref'] : `${pointer}/requestBody`;
  const bodies = new Map<string, string>();
  if (isObject(requestBody) && isObject(requestBody['content'])) {
    for (const mediaType of Object.keys(requestBody['content'])) bodies.set(mediaType, `${bodyPointer}/content/${escapePointer(mediaType)}/schema`);
  }
  if (!isObject(operation['responses'])) throw new Error(`${where}: ${operationId} declares no responses`);
  return {
    info: {
      operationId,
      method,
      path,
      summary: typeof operation['summary'] === 'string' ? operation['summary'] : operationId,
      bodyRequired: isObject(requestBody) && requestBody['required'] === true,
      bodyMediaTypes: [...bodies.keys()],
      responseStatuses: Object.keys(operation['responses']),
    },
    params,
    bodies,
  };
}

function operationPointer(op: ContractOperation): string {
  return `#/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}`;
}

/** Follows a local `$ref` (one level at a time until a non-ref value). */
function deref(document: Json, value: unknown): unknown {
  let current = value;
  for (let i = 0; i < 10 && isObject(current) && typeof current['$ref'] === 'string'; i++) current = resolvePointer(document, current['$ref'], '');
  return current;
}

function resolvePointer(document: Json, pointer: string, where: string): unknown {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer);
  let node: unknown = document;
  for (const part of parts) {
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`${where}: cannot resolve ${pointer}`);
    node = (node as Json)[part];
  }
  if (node === undefined) throw new Error(`${where}: cannot resolve ${pointer}`);
  return node;
}

function check(validate: ValidateFunction | undefined, data: unknown, location: IssueLocation, issues: ValidationIssue[]): void {
  if (!validate || validate(data)) return;
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error, location);
    if (issue) issues.push(issue);
  }
}

/** Errors that only restate an inner failure (`if` → `then`) carry no information of their own. */
const NOISE_KEYWORDS = new Set(['if']);

function toIssue(error: ErrorObject, location: IssueLocation): ValidationIssue | undefined {
  if (NOISE_KEYWORDS.has(error.keyword)) return undefined;
  const path: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map(unescapePointer)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') path.push(params['missingProperty']);
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') path.push(params['additionalProperty']);
  return { location, path, keyword: error.keyword, message: error.message ?? error.keyword, params, schemaPath: error.schemaPath };
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
