import type { HttpOutcome } from './http-outcome.js';
import type { Scenario } from './scenario.js';
import type { RenderContext, RequestContext } from './vendor-module.js';

/**
 * Leniencies: what the sandbox accepts (or how it answers) beyond what a
 * vendor's documents promise, so that a client passing here could fail
 * against the real API. Each vendor declares its own (`vendors/<id>/leniencies.ts`);
 * a request that relies on one gets a warning in its journal entry and an
 * `X-Sandbox-Warning` header, and strict mode (`--strict`, `strict: true` in a
 * scenario's vendor part) answers the vendor's own refusal instead
 * (docs/leniencies.md, docs/decisions/0085-leniencies-and-strict-mode.md).
 */

/** One place a request relied on a leniency. */
export interface LeniencyFinding {
  /** A JSON pointer into the body (`/Records/0/customerid`), a header name, `path` or `status`. */
  readonly where: string;
  /** One sentence: what was sent and how the sandbox read it. */
  readonly message: string;
}

/** A warning as the journal entry and the `X-Sandbox-Warning` header carry it. */
export interface LeniencyWarning {
  readonly leniency: string;
  readonly where: string;
  readonly message: string;
  /** Where the vendor documents what it promises instead. */
  readonly source: string;
  /** Present (true) when strict mode refused the request (or changed the answer) for it. */
  readonly refused?: true;
}

/** What every declaration says, for the docs table and `GET`-style listings. */
export interface LeniencyInfo {
  /** `<vendor>/<name>`. */
  readonly id: string;
  /** What the sandbox accepts that the vendor does not promise. */
  readonly description: string;
  /** Where the vendor documents what it promises instead (seed, vendor page, docs/vendors section). */
  readonly source: string;
  /** What strict mode answers instead, in words. */
  readonly strict: string;
}

/** A leniency in what a request may carry, found once the request is admitted and passed the contract. */
export interface RequestLeniency<State, Settings> extends LeniencyInfo {
  readonly kind: 'request';
  /** The operations it can concern; absent: every operation of the vendor. */
  readonly operations?: readonly string[];
  /** The finding, or undefined when the request does not rely on it (the common case: keep it cheap). */
  detect(ctx: RequestContext<State, Settings>): LeniencyFinding | undefined;
  /** Strict mode's answer: the refusal the vendor documents for this kind of bad request. */
  refuse(ctx: RequestContext<State, Settings>, finding: LeniencyFinding): HttpOutcome;
}

/** A leniency in how the sandbox answers (a status the vendor does not document), checked on every answer of an operation. */
export interface AnswerLeniency<State, Settings> extends LeniencyInfo {
  readonly kind: 'answer';
  detect(outcome: HttpOutcome, ctx: RenderContext<State, Settings>): LeniencyFinding | undefined;
  /** Strict mode's answer instead: the vendor's documented behaviour. */
  strictAnswer(outcome: HttpOutcome, ctx: RenderContext<State, Settings>): HttpOutcome;
}

export type Leniency<State, Settings> = RequestLeniency<State, Settings> | AnswerLeniency<State, Settings>;

/** A vendor's leniencies, sorted once at start-up for the request path. */
export interface LeniencyTable<State, Settings> {
  readonly info: readonly LeniencyInfo[];
  /** Request leniencies that can concern an operation (none: an empty array, shared). */
  forOperation(operationId: string): readonly RequestLeniency<State, Settings>[];
  readonly answers: readonly AnswerLeniency<State, Settings>[];
}

const NONE: readonly never[] = Object.freeze([]);

/** Every leniency of the vendors given, in their order (docs/leniencies.md lists the same); an id declared twice is a start-up error. */
export function collectLeniencies(vendors: readonly { readonly id: string; readonly leniencies: readonly LeniencyInfo[] }[]): LeniencyInfo[] {
  const all = vendors.flatMap((v) => v.leniencies);
  const twice = all.map((l) => l.id).filter((id, i, ids) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new Error(`leniencies declared twice: ${twice.join(', ')}`);
  return all;
}

/** The declarations as the docs list them. */
export function leniencyInfo(declared: readonly LeniencyInfo[]): LeniencyInfo[] {
  return declared.map(({ id, description, source, strict }) => ({ id, description, source, strict }));
}

/** Checks a vendor's declarations (ids `<vendor>/<name>`, unique, operations it has) and indexes them by operation. */
export function leniencyTable<State, Settings>(vendor: string, declared: readonly Leniency<State, Settings>[], operations: readonly string[]): LeniencyTable<State, Settings> {
  const seen = new Set<string>();
  for (const leniency of declared) {
    if (!new RegExp(`^${vendor}/[a-z0-9]+(-[a-z0-9]+)*$`).test(leniency.id)) throw new Error(`${vendor}: leniency id "${leniency.id}" is not ${vendor}/<kebab-name>`);
    if (seen.has(leniency.id)) throw new Error(`${vendor}: leniency "${leniency.id}" declared twice`);
    seen.add(leniency.id);
    const unknown = leniency.kind === 'request' ? (leniency.operations ?? []).filter((op) => !operations.includes(op)) : [];
    if (unknown.length > 0) throw new Error(`${vendor}: leniency "${leniency.id}" names unknown operation(s) ${unknown.join(', ')}`);
  }
  const requests = declared.filter((l): l is RequestLeniency<State, Settings> => l.kind === 'request');
  const byOperation = new Map(operations.map((op) => [op, requests.filter((l) => l.operations === undefined || l.operations.includes(op))] as const));
  return {
    info: leniencyInfo(declared),
    forOperation: (operationId) => byOperation.get(operationId) ?? NONE,
    answers: declared.filter((l): l is AnswerLeniency<State, Settings> => l.kind === 'answer'),
  };
}

/**
 * Runs an operation's request leniencies on an admitted, valid request:
 * undefined when it relies on none (no allocation). Otherwise every finding
 * as a warning, and in strict mode the first one's refusal (each warning then
 * marked refused: fixing one would only meet the next).
 */
export function checkRequest<State, Settings>(
  leniencies: readonly RequestLeniency<State, Settings>[],
  ctx: RequestContext<State, Settings>,
  strict: boolean,
): { readonly warnings: LeniencyWarning[]; readonly refusal: HttpOutcome | undefined } | undefined {
  let warnings: LeniencyWarning[] | undefined;
  let refusal: HttpOutcome | undefined;
  for (const leniency of leniencies) {
    const finding = leniency.detect(ctx);
    if (finding === undefined) continue;
    (warnings ??= []).push(warningOf(leniency, finding, strict));
    if (strict && refusal === undefined) refusal = leniency.refuse(ctx, finding);
  }
  return warnings === undefined ? undefined : { warnings, refusal };
}

/** The first answer leniency an outcome shows: its warning, and the outcome as it stands (or as strict mode changes it). */
export function checkAnswer<State, Settings>(
  leniencies: readonly AnswerLeniency<State, Settings>[],
  outcome: HttpOutcome,
  ctx: RenderContext<State, Settings>,
  strict: boolean,
): { readonly warning: LeniencyWarning; readonly outcome: HttpOutcome } | undefined {
  for (const leniency of leniencies) {
    const finding = leniency.detect(outcome, ctx);
    if (finding !== undefined) return { warning: warningOf(leniency, finding, strict), outcome: strict ? leniency.strictAnswer(outcome, ctx) : outcome };
  }
  return undefined;
}

/** Whether strict mode holds for a vendor under a scenario: the scenario's own `strict`, else the sandbox's option. */
export function strictFor(scenario: Scenario, vendor: string, sandboxStrict: boolean): boolean {
  return scenario.vendors[vendor]?.strict ?? sandboxStrict;
}

export function warningOf(leniency: LeniencyInfo, finding: LeniencyFinding, refused: boolean): LeniencyWarning {
  const warning = { leniency: leniency.id, where: finding.where, message: finding.message, source: leniency.source };
  return refused ? { ...warning, refused: true } : warning;
}

/** Most warning lines one answer carries; the journal entry has them all. */
export const MAX_WARNING_LINES = 4;
/** Longest warning line, in characters. */
export const MAX_WARNING_LENGTH = 300;

/**
 * The `X-Sandbox-Warning` field lines of an answer: the per-request scenario's
 * warning (if any) first, then one line per leniency, `<id> at <where>: <message>`
 * (`refused: ` before it in strict mode). Each line is printable ASCII and at
 * most {@link MAX_WARNING_LENGTH} characters, and a leniency line holds no
 * comma, so a client that joins repeated lines with ", " (as `fetch` does) can
 * split them again. At most {@link MAX_WARNING_LINES} lines; the last then says
 * how many more the journal entry lists.
 */
export function warningHeader(scenarioWarning: string | undefined, warnings: readonly LeniencyWarning[] | undefined): string | string[] | undefined {
  if (warnings === undefined || warnings.length === 0) return scenarioWarning;
  const lines = scenarioWarning === undefined ? [] : [scenarioWarning];
  const room = MAX_WARNING_LINES - lines.length;
  const shown = warnings.length > room ? warnings.slice(0, room - 1) : warnings;
  for (const w of shown) lines.push(bounded(`${w.refused ? 'refused: ' : ''}${w.leniency} at ${w.where}: ${w.message}`.replace(/,/g, ';')));
  if (shown.length < warnings.length) lines.push(`${warnings.length - shown.length} more leniencies: see this request's journal entry (GET /__admin/requests)`);
  return lines.length === 1 ? lines[0] : lines;
}

function bounded(line: string): string {
  const safe = line.replace(/[^\x20-\x7e]/g, '?');
  return safe.length <= MAX_WARNING_LENGTH ? safe : `${safe.slice(0, MAX_WARNING_LENGTH - 3)}...`;
}

/** Bytes a request's warnings add to its journal entry (the journal's size accounting). */
export function warningBytes(warnings: readonly LeniencyWarning[] | undefined): number {
  let n = 0;
  if (warnings) for (const w of warnings) n += 64 + w.leniency.length + w.where.length + w.message.length + w.source.length;
  return n;
}

/** `text` cut to `max` characters, for values quoted in a message (a Content-Type, a header value). */
export function quoted(text: string, max = 60): string {
  return JSON.stringify(text.length <= max ? text : `${text.slice(0, max)}...`);
}

/**
 * The leniency of a vendor whose body policy reads a body as JSON under a
 * Content-Type it does not document, or without one: found when the body was
 * read as JSON and its declared media type is none of `documented`.
 */
export function bodyTypeLeniency<State, Settings>(declaration: {
  readonly id: string;
  readonly description: string;
  readonly source: string;
  readonly strict: string;
  readonly documented: readonly string[];
  readonly operations?: readonly string[];
  refuse(ctx: RequestContext<State, Settings>, finding: LeniencyFinding): HttpOutcome;
}): RequestLeniency<State, Settings> {
  const { documented, ...rest } = declaration;
  return {
    ...rest,
    kind: 'request',
    detect: (ctx) => {
      if (ctx.request.bodyFormat !== 'json') return undefined;
      const header = ctx.request.headers['content-type'];
      // Most clients send the documented type exactly: no parsing for them.
      if (header !== undefined && documented.includes(header)) return undefined;
      const mediaType = header?.split(';')[0]?.trim().toLowerCase() || undefined;
      if (mediaType !== undefined && documented.includes(mediaType)) return undefined;
      return {
        where: 'content-type',
        message:
          mediaType === undefined
            ? `a body without Content-Type was read as JSON (documented: ${documented.join(' or ')})`
            : `a body sent as ${quoted(mediaType)} was read as JSON (documented: ${documented.join(' or ')})`,
      };
    },
  };
}

/**
 * The leniency of a path with a trailing slash: the router matches
 * `/contacts/profile/` as `/contacts/profile`, while the vendor documents the
 * path without it. `refuse` is the vendor's unknown-route answer.
 */
export function trailingSlashLeniency<State, Settings>(declaration: {
  readonly id: string;
  readonly source: string;
  refuse(ctx: RequestContext<State, Settings>, finding: LeniencyFinding): HttpOutcome;
  readonly strict: string;
}): RequestLeniency<State, Settings> {
  return {
    ...declaration,
    kind: 'request',
    description: 'A path ending in "/" is routed as the documented path without it.',
    detect: (ctx) => {
      const path = ctx.request.path;
      if (path.length < 2 || path.charCodeAt(path.length - 1) !== 0x2f) return undefined;
      const operation = ctx.contract.operation(ctx.operationId);
      return { where: 'path', message: `${quoted(path, 120)} was routed to ${operation.method} ${operation.path} (documented without the trailing "/")` };
    },
  };
}
