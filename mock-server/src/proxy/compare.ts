import { escapePointer, isObject, type Contract } from '../core/contract.js';
import type { DriftProfile } from '../core/vendor-module.js';
import { headerValue, jsonBody, type Difference, type RecordedAnswer } from './exchange.js';
import { formatOf, typeOf } from './value-format.js';

/** What one comparison needs to know: the vendor's contract, the operation (if any matched) and the vendor's drift profile. */
export interface CompareContext {
  readonly contract: Contract;
  readonly operation: string | null;
  readonly profile: DriftProfile;
}

/**
 * Where the real answer and the sandbox's differ, in a fixed order: status,
 * result code, each answer against the contract, the body's shape (only when
 * status and result code agree: otherwise the bodies are different envelopes
 * and their shapes say nothing new), then the headers that matter.
 */
export function compareAnswers(ctx: CompareContext, real: RecordedAnswer, sandbox: RecordedAnswer): Difference[] {
  const differences: Difference[] = [];
  const responses = operationPointer(ctx) === undefined ? '#/paths' : `${operationPointer(ctx)}/responses`;
  if (real.status !== sandbox.status) {
    differences.push({
      aspect: 'status',
      at: 'status',
      contractPath: responses,
      message: `HTTP status ${real.status} (real) vs ${sandbox.status} (sandbox)`,
      real: real.status,
      sandbox: sandbox.status,
    });
  }
  const realJson = jsonBody(real);
  const sandboxJson = jsonBody(sandbox);
  const codes = resultCodes(ctx.profile, realJson?.value, sandboxJson?.value);
  if (codes && codes.real.value !== codes.sandbox.value) {
    differences.push({
      aspect: 'result-code',
      at: codes.real.at ?? codes.sandbox.at ?? '',
      contractPath: bodySchemaPointer(ctx, real) ?? responses,
      message: `result code ${JSON.stringify(codes.real.value)} (real) vs ${JSON.stringify(codes.sandbox.value)} (sandbox)`,
      real: codes.real.value,
      sandbox: codes.sandbox.value,
    });
  }
  differences.push(...againstContract(ctx, 'real', real), ...againstContract(ctx, 'sandbox', sandbox));
  if (differences.every((d) => d.aspect === 'contract') && realJson && sandboxJson) {
    const schema = bodySchemaPointer(ctx, real) ?? responses;
    differences.push(...shapeDifferences(realJson.value, sandboxJson.value, '', schema));
  }
  differences.push(...headerDifferences(ctx, real, sandbox));
  return differences;
}

function operationPointer(ctx: CompareContext): string | undefined {
  if (ctx.operation === null) return undefined;
  const op = ctx.contract.operation(ctx.operation);
  return `#/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}`;
}

function mediaType(answer: RecordedAnswer): string {
  return (headerValue(answer.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The schema the contract declares for this answer's status and media type, if it declares one. */
function bodySchemaPointer(ctx: CompareContext, answer: RecordedAnswer): string | undefined {
  if (ctx.operation === null) return undefined;
  const response = ctx.contract.responsePointer(ctx.operation, answer.status);
  if (response === undefined) return undefined;
  const declared = ctx.contract.deref(resolve(ctx.contract, response));
  const content = isObject(declared) ? declared['content'] : undefined;
  if (!isObject(content) || !(mediaType(answer) in content)) return undefined;
  return `${response}/content/${escapePointer(mediaType(answer))}/schema`;
}

function resolve(contract: Contract, pointer: string): unknown {
  return contract.deref({ $ref: pointer });
}

/** A real answer that breaks the contract is drift; a sandbox answer that does is a sandbox bug. Both are reported. */
function againstContract(ctx: CompareContext, side: 'real' | 'sandbox', answer: RecordedAnswer): Difference[] {
  const operation = operationPointer(ctx);
  if (ctx.operation === null || operation === undefined) return [];
  const response = ctx.contract.responsePointer(ctx.operation, answer.status);
  if (response === undefined) {
    const declared = ctx.contract.operation(ctx.operation).responseStatuses.join(', ');
    return [
      {
        aspect: 'contract',
        side,
        at: 'status',
        contractPath: `${operation}/responses`,
        message: `status ${answer.status} is not declared (declared: ${declared})`,
        [side]: answer.status,
      },
    ];
  }
  const declared = ctx.contract.deref(resolve(ctx.contract, response));
  const content = isObject(declared) ? declared['content'] : undefined;
  if (!isObject(content)) return [];
  const type = mediaType(answer);
  if (!(type in content)) {
    return [
      {
        aspect: 'contract',
        side,
        at: 'content-type',
        contractPath: `${response}/content`,
        message: `content type "${type}" is not declared (declared: ${Object.keys(content).join(', ')})`,
        [side]: type,
      },
    ];
  }
  const json = jsonBody(answer);
  if (!json) return [];
  const schema = `${response}/content/${escapePointer(type)}/schema`;
  const seen = new Set<string>();
  return ctx.contract
    .schemaValidator(schema)(json.value)
    .map((issue): Difference => ({ aspect: 'contract', side, at: pointerOf(issue.path), contractPath: schema, message: issue.message }))
    .filter((d) => !seen.has(`${d.at} ${d.message}`) && seen.add(`${d.at} ${d.message}`) !== undefined);
}

const pointerOf = (path: readonly (string | number)[]) => path.map((segment) => `/${escapePointer(String(segment))}`).join('');

interface FoundCode {
  readonly at: string | undefined;
  readonly value: unknown;
}

/** Each side's result code: the first of the profile's pointers present in its body. */
function resultCodes(profile: DriftProfile, real: unknown, sandbox: unknown): { real: FoundCode; sandbox: FoundCode } | undefined {
  if (!profile.resultCode?.length) return undefined;
  const find = (body: unknown): FoundCode => {
    for (const pointer of profile.resultCode ?? []) {
      const value = at(body, pointer);
      if (value !== undefined) return { at: pointer, value };
    }
    return { at: undefined, value: undefined };
  };
  return { real: find(real), sandbox: find(sandbox) };
}

function at(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * Where two JSON values differ in shape: a key only one has, a different type,
 * or strings of different formats (ids, dates). Values themselves are not
 * compared (ids and timestamps differ on every call); arrays by their first items.
 */
function shapeDifferences(real: unknown, sandbox: unknown, path: string, schema: string): Difference[] {
  const realType = typeOf(real);
  const sandboxType = typeOf(sandbox);
  const numeric = (t: string) => t === 'integer' || t === 'number';
  if (realType !== sandboxType && !(numeric(realType) && numeric(sandboxType))) {
    return [{ aspect: 'body-shape', at: path || '/', contractPath: schema, message: `${realType} (real) vs ${sandboxType} (sandbox)`, real: realType, sandbox: sandboxType }];
  }
  if (typeof real === 'string' && typeof sandbox === 'string') {
    const [a, b] = [formatOf(real), formatOf(sandbox)];
    return a === b ? [] : [{ aspect: 'body-shape', at: path || '/', contractPath: schema, message: `format ${a} (real) vs ${b} (sandbox)`, real, sandbox }];
  }
  if (Array.isArray(real) && Array.isArray(sandbox)) {
    return real.length > 0 && sandbox.length > 0 ? shapeDifferences(real[0], sandbox[0], `${path}/0`, schema) : [];
  }
  if (!isObject(real) || !isObject(sandbox)) return [];
  const differences: Difference[] = [];
  for (const key of new Set([...Object.keys(real), ...Object.keys(sandbox)])) {
    const where = `${path}/${escapePointer(key)}`;
    if (!(key in sandbox)) differences.push({ aspect: 'body-shape', at: where, contractPath: schema, message: 'only the real answer has this field', real: typeOf(real[key]) });
    else if (!(key in real))
      differences.push({ aspect: 'body-shape', at: where, contractPath: schema, message: 'only the sandbox answer has this field', sandbox: typeOf(sandbox[key]) });
    else differences.push(...shapeDifferences(real[key], sandbox[key], where, schema));
  }
  return differences;
}

/** Content type by value, `Date` by format, and the vendor's own headers by the mode its profile gives them. */
function headerDifferences(ctx: CompareContext, real: RecordedAnswer, sandbox: RecordedAnswer): Difference[] {
  const modes: Record<string, 'value' | 'format' | 'presence'> = { 'content-type': 'value', date: 'format', ...lower(ctx.profile.headers ?? {}) };
  const response = ctx.operation === null ? undefined : ctx.contract.responsePointer(ctx.operation, real.status);
  const differences: Difference[] = [];
  for (const [name, mode] of Object.entries(modes)) {
    const a = normalise(name, headerValue(real.headers, name));
    const b = normalise(name, headerValue(sandbox.headers, name));
    if (a === undefined && b === undefined) continue;
    const contractPath = response === undefined ? '#/paths' : `${response}/headers/${declaredName(ctx.contract, response, name)}`;
    const base = { aspect: 'header', at: name, contractPath, real: a, sandbox: b } as const;
    if (a === undefined || b === undefined) differences.push({ ...base, message: `only the ${a === undefined ? 'sandbox' : 'real'} answer has ${name}` });
    else if (mode === 'value' && a !== b) differences.push({ ...base, message: `${name} ${JSON.stringify(a)} (real) vs ${JSON.stringify(b)} (sandbox)` });
    else if (mode === 'format' && formatOf(a) !== formatOf(b)) differences.push({ ...base, message: `${name} format ${formatOf(a)} (real) vs ${formatOf(b)} (sandbox)` });
  }
  return differences;
}

const lower = <T>(record: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));

/** Media types compare without case or spaces around `;` (RFC 9110 §8.3.1). */
function normalise(name: string, value: string | undefined): string | undefined {
  if (value === undefined || name !== 'content-type') return value;
  return value
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .join('; ');
}

/** The header's name as the contract spells it (a pointer must match the document), else as sent. */
function declaredName(contract: Contract, response: string, name: string): string {
  const declared = contract.deref(resolve(contract, response));
  const headers = isObject(declared) && isObject(declared['headers']) ? Object.keys(declared['headers']) : [];
  return escapePointer(headers.find((h) => h.toLowerCase() === name) ?? name);
}
