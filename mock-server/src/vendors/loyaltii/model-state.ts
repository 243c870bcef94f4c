import type { IncomingHttpHeaders } from 'node:http';
import type { BodyFormat } from '../../core/body.js';
import { escapePointer, isObject, type Contract, type ValidationIssue } from '../../core/contract.js';
import { VendorError, type HttpOutcome } from '../../core/http-outcome.js';
import { webApiAnswer } from './web-api.js';

/**
 * Web API 2's answer to an invalid model:
 * `Request.CreateErrorResponse(HttpStatusCode.BadRequest, ModelState)` →
 * 400 `{"Message":"The request is invalid.","ModelState":{key:[messages]}}`,
 * every problem at once (docs/vendors/loyaltii.md §3.3). Keys are the action parameter's name
 * plus Json.NET's path (`patchContactDto.FirstName`, `patchContactDto.Version[0]`).
 *
 * Messages, as remote clients see them:
 * - DataAnnotations: `The {0} field is required.` and `The field {0} must be a
 *   string with a maximum length of {1}.` (.NET defaults);
 * - a JSON value Json.NET cannot convert (wrong type, bad base64, bad date,
 *   Int32 overflow): the exception is logged into ModelState without a
 *   message, and IncludeErrorDetailPolicy hides it: `An error has occurred.`
 *   A required property that failed to convert is also null, so it gets the
 *   required message as well;
 * - a form or query value the model binder cannot convert: `The value '{0}'
 *   is not valid for {1}.`
 */
export type ModelState = Readonly<Record<string, readonly string[]>>;

export const AN_ERROR_HAS_OCCURRED = 'An error has occurred.';
const required = (name: string) => `The ${name} field is required.`;
const maxLength = (name: string, limit: unknown) => `The field ${name} must be a string with a maximum length of ${String(limit)}.`;
const notValid = (value: unknown, name: string) => `The value '${Array.isArray(value) ? value.join(',') : String(value)}' is not valid for ${name}.`;

/** The action parameter each operation binds its body to; the seed calls PATCH's `patchContactDto`. */
export const BODY_PARAMETERS: Readonly<Record<string, string>> = {
  patchContact: 'patchContactDto',
  updateContact: 'updateContactDto',
  createContact: 'createContactDto',
  patchContacts: 'patchContactsDto',
};

/**
 * Query parameters bind to `int?` action parameters, whose display name is
 * the type's own: the binder's message reads "...is not valid for Nullable`1."
 */
const QUERY_TYPE_NAMES: Readonly<Record<string, string>> = { timespan: 'Nullable`1' };

interface Dto {
  readonly parameter: string;
  readonly required: ReadonlySet<string>;
}

const dtoCache = new WeakMap<Contract, Map<string, Dto>>();

function dtoOf(contract: Contract, operationId: string, format: BodyFormat): Dto {
  let byKey = dtoCache.get(contract);
  if (!byKey) dtoCache.set(contract, (byKey = new Map<string, Dto>()));
  const mediaType = format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
  const key = `${operationId} ${mediaType}`;
  let dto = byKey.get(key);
  if (!dto) {
    const op = contract.operation(operationId);
    const pointer = `#/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}/requestBody/content/${escapePointer(mediaType)}/schema`;
    const schema = op.bodyMediaTypes.includes(mediaType) ? contract.dereferenced(pointer) : {};
    const names = isObject(schema) && Array.isArray(schema['required']) ? schema['required'].map(String) : [];
    dto = { parameter: BODY_PARAMETERS[operationId] ?? 'value', required: new Set(names) };
    byKey.set(key, dto);
  }
  return dto;
}

/** Json.NET's path notation: `Fields.Email`, `Version[0]`. */
function keyFor(parameter: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((key, part) => (typeof part === 'number' ? `${key}[${part}]` : `${key}.${part}`), parameter);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, part) => (isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[part] : undefined), root);
}

/** Collects messages per key in insertion order, each message once (ModelStateDictionary keeps insertion order). */
class ModelStateBuilder {
  readonly #entries = new Map<string, string[]>();
  add(key: string, message: string): void {
    const messages = this.#entries.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    this.#entries.set(key, messages);
  }
  get size(): number {
    return this.#entries.size;
  }
  build(): ModelState {
    return Object.fromEntries(this.#entries);
  }
}

/** The ModelState for a body that failed the contract: conversion errors first (as Json.NET reads), then DataAnnotations. */
function bodyModelState(issues: readonly ValidationIssue[], body: unknown, dto: Dto, format: BodyFormat, into: ModelStateBuilder): void {
  const conversions: { key: string; message: string }[] = [];
  const validations: { key: string; message: string }[] = [];
  for (const issue of issues) {
    const { path, keyword } = issue;
    const name = String(path[path.length - 1] ?? dto.parameter);
    const isRequired = path.length === 1 && dto.required.has(name);
    if (path.length === 0 && keyword === 'required') {
      // No body at all: validated as an empty DTO, so the client learns what is required (docs/decisions/0303).
      for (const field of dto.required) validations.push({ key: keyFor(dto.parameter, [field]), message: required(field) });
    } else if (keyword === 'required' || (isRequired && keyword === 'minLength') || (isRequired && keyword === 'type' && valueAt(body, path) === null)) {
      validations.push({ key: keyFor(dto.parameter, path), message: required(name) });
    } else if (keyword === 'maxLength') {
      validations.push({ key: keyFor(dto.parameter, path), message: maxLength(name, issue.params['limit']) });
    } else {
      const message = format === 'form' && path.length === 1 ? notValid(valueAt(body, path), name) : AN_ERROR_HAS_OCCURRED;
      conversions.push({ key: keyFor(dto.parameter, path), message });
      // The property Json.NET gave up on stays null: a required one then fails [Required] too.
      const top = path[0];
      if (typeof top === 'string' && dto.required.has(top)) validations.push({ key: keyFor(dto.parameter, [top]), message: required(top) });
    }
  }
  // Json.NET reports a failed value once, where it failed: drop the echoes on its parents (oneOf/anyOf wrappers).
  const allKeys = [...conversions, ...validations].map((c) => c.key);
  const under = (parent: string) => allKeys.some((key) => key.startsWith(`${parent}.`) || key.startsWith(`${parent}[`));
  for (const c of conversions) if (!under(c.key)) into.add(c.key, c.message);
  for (const v of validations) into.add(v.key, v.message);
}

/** Every contract issue of a request as one ModelState (path issues never get here: they are routing, see action-selection.ts). */
export function modelStateOf(
  contract: Contract,
  operationId: string,
  issues: readonly ValidationIssue[],
  request: { readonly body: unknown; readonly bodyFormat: BodyFormat; readonly query: Readonly<Record<string, unknown>> },
): ModelState {
  const builder = new ModelStateBuilder();
  for (const issue of issues.filter((i) => i.location === 'query')) {
    const name = String(issue.path[0] ?? '');
    builder.add(name, notValid(request.query[name], QUERY_TYPE_NAMES[name] ?? name));
  }
  const bodyIssues = issues.filter((i) => i.location === 'body');
  if (bodyIssues.length > 0) bodyModelState(bodyIssues, request.body, dtoOf(contract, operationId, request.bodyFormat), request.bodyFormat, builder);
  return builder.build();
}

/** A body Json.NET could not read at all: the error lands on the parameter itself. */
export function unreadableBody(operationId: string | null): ModelState {
  return { [BODY_PARAMETERS[operationId ?? ''] ?? 'value']: [AN_ERROR_HAS_OCCURRED] };
}

export function invalidModel(headers: IncomingHttpHeaders, modelState: ModelState): HttpOutcome {
  return webApiAnswer(headers, 400, { Message: 'The request is invalid.', ModelState: modelState });
}

/** For handlers that find a problem the contract cannot state (a 30 February). */
export function invalidModelError(headers: IncomingHttpHeaders, modelState: ModelState): VendorError {
  return new VendorError('INVALID_MODEL', invalidModel(headers, modelState));
}

export { keyFor as modelStateKey };
