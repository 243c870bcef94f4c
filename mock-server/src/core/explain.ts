import type { IssueLocation, ValidationIssue } from './contract.js';
import { VendorError, type HttpOutcome } from './http-outcome.js';
import type { Scenario, ScenarioEffects } from './scenario.js';

/**
 * Why an answer refused a request, or how a scenario changed it
 * (docs/decisions/0080-refusal-explanations.md). The vendor's own answer never
 * shows it: it is journaled, and sent as `X-Sandbox-Explain` on request.
 */
export interface Explanation {
  /** The rule that refused: `schema.<keyword>`, `route.not-found`, `body.malformed`, `credentials`, `rate-limit`, `scenario.error`, ... */
  readonly rule: string;
  /**
   * Where in the request: a JSON pointer into the body (`/items/0/email`),
   * `body` (the body as a whole), `header:<lower-case name>`, `query:<name>`,
   * `path:<parameter>`, `path` (the URL path), `method`, or `scenario`.
   */
  readonly where: string;
  readonly expected: string;
  readonly got: string;
  /** The contract location (`contracts/<vendor>/openapi.yaml#/…`), the vendor rule (`docs/vendors/<vendor>.md §…`, a decision) or the scenario (name and rule). */
  readonly source: string;
}

/** Carried by an outcome (and so by a VendorError) until the core journals it; never written to the socket. */
export interface Explained {
  readonly explanations?: readonly Explanation[] | undefined;
}

/** Nothing to explain: one shared value, so an answer that refuses nothing allocates nothing. */
export const NO_EXPLANATIONS: readonly Explanation[] = Object.freeze([]);

/** `outcome` with `reasons` after any it already carries. The API for every refusal (admission, validators, strict mode). */
export function explained<T extends HttpOutcome>(outcome: T, ...reasons: readonly Explanation[]): T {
  if (reasons.length === 0) return outcome;
  return { ...outcome, explanations: outcome.explanations === undefined ? reasons : [...outcome.explanations, ...reasons] };
}

/** A thrown catalogue error, explained (admission and handlers throw these). */
export function explainedError(error: VendorError, ...reasons: readonly Explanation[]): VendorError {
  return new VendorError(error.code, explained(error.outcome, ...reasons));
}

/** `outcome` as it is when it already says why; otherwise explained by the core's generic reasons (built only then). */
export function explainedOr<T extends HttpOutcome>(outcome: T, reasons: () => readonly Explanation[]): T {
  return outcome.explanations !== undefined && outcome.explanations.length > 0 ? outcome : explained(outcome, ...reasons());
}

const MAX_VALUE_CHARS = 60;

/** A request value as an explanation shows it: `absent`, JSON, cut to 60 characters. */
export function shown(value: unknown): string {
  if (value === undefined) return 'absent';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    // Nested deeper than the stack allows (String() would recurse as deep): its kind is all that can be shown.
    text = Array.isArray(value) ? '[...] (nested too deeply to show)' : '{...} (nested too deeply to show)';
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 3)}...` : text;
}

/** Longest `X-Sandbox-Explain` value: a header, not a report (the journal has every reason in full). */
export const EXPLAIN_HEADER_MAX = 300;

/**
 * The first reason on one line: `rule where: expected …, got … (source)`, then
 * `; +N more` when there are several. Printable ASCII only, at most
 * EXPLAIN_HEADER_MAX characters (a header value, and the pretty log's field).
 */
export function compactExplanation(reasons: readonly Explanation[]): string {
  const [first] = reasons;
  if (first === undefined) return '';
  const more = reasons.length > 1 ? `; +${reasons.length - 1} more` : '';
  const text = `${first.rule} ${first.where}: expected ${first.expected}, got ${first.got} (${first.source})`.replace(/\u00a7/g, 'section ').replace(/[^\x20-\x7e]/g, '?');
  const room = EXPLAIN_HEADER_MAX - more.length;
  return (text.length > room ? `${text.slice(0, room - 3)}...` : text) + more;
}

/** Whether this request asked for the header (`X-Sandbox-Explain: 1`, or `true`). */
export function explainRequested(value: string | string[] | undefined): boolean {
  return value === '1' || value === 'true';
}

/** What a scenario did to one call, as reasons: the forced answer or fault first, then any latency. */
export function scenarioExplanations(effects: ScenarioEffects, scenario: Scenario): Explanation[] | undefined {
  const reasons: Explanation[] = [];
  const rule = (index: number | undefined) => `scenario "${scenario.name}" overrides[${index ?? 0}]`;
  if (effects.fault)
    reasons.push({ rule: 'scenario.fault', where: 'scenario', expected: "the vendor's answer", got: `fault ${effects.fault.kind}`, source: rule(effects.answerFrom) });
  else if (effects.error !== undefined) {
    reasons.push({ rule: 'scenario.error', where: 'scenario', expected: "the vendor's answer", got: `forced error ${effects.error}`, source: rule(effects.answerFrom) });
  }
  if (effects.latencyMs > 0)
    reasons.push({ rule: 'scenario.latency', where: 'scenario', expected: 'no added delay', got: `${effects.latencyMs} ms`, source: rule(effects.latencyFrom) });
  return reasons.length === 0 ? undefined : reasons;
}

/** The request parts an issue's value is read from. */
export interface IssueSubject {
  readonly body: unknown;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Where a schema keyword lives in the contract, for issues whose schema path is not a document pointer (a missing parameter, a missing body). */
export interface IssueSources {
  /** `contracts/<vendor>/openapi.yaml`, as the repository names it. */
  readonly file: string;
  /** Pointer to a parameter's declaration. */
  parameter(location: Exclude<IssueLocation, 'body'>, name: string): string | undefined;
  /** Pointer to the operation's `requestBody`. */
  readonly requestBody: string;
}

/**
 * Contract violations as explanations, for every vendor alike: one per Ajv
 * error, in Ajv's order (a vendor that answers with one chosen issue
 * explains that one itself, and this is not used).
 */
export function issueExplanations(issues: readonly ValidationIssue[], subject: IssueSubject, sources: IssueSources): Explanation[] {
  return issues.map((issue) => {
    const extra = issue.keyword === 'unevaluatedProperties' && typeof issue.params['unevaluatedProperty'] === 'string' ? [issue.params['unevaluatedProperty']] : [];
    const path = [...issue.path, ...extra];
    const where = whereOf(issue.location, path);
    const value = issue.keyword === 'required' ? undefined : valueAt(issue.location, path, subject);
    return { rule: `schema.${issue.keyword}`, where, expected: expectedOf(issue), got: shown(value), source: sourceOf(issue, sources) };
  });
}

function whereOf(location: IssueLocation, path: readonly (string | number)[]): string {
  if (location === 'body') return path.length === 0 ? 'body' : `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  return `${location}:${String(path[0] ?? '')}`;
}

function valueAt(location: IssueLocation, path: readonly (string | number)[], subject: IssueSubject): unknown {
  const root: unknown = location === 'body' ? subject.body : location === 'query' ? subject.query : location === 'header' ? subject.headers : subject.params;
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function expectedOf(issue: ValidationIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return 'a value (required)';
    case 'type':
      return `type ${Array.isArray(p['type']) ? p['type'].join(' or ') : String(p['type'])}`;
    case 'enum':
      return `one of ${Array.isArray(p['allowedValues']) ? p['allowedValues'].map((v) => JSON.stringify(v)).join(', ') : '?'}`;
    case 'const':
      return JSON.stringify(p['allowedValue']);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'no such property';
    default:
      // Ajv's own words without the "must": "not have more than 64 characters", "match format \"email\"".
      return issue.message.replace(/^must /, '').replace(/^NOT /, 'not ');
  }
}

function sourceOf(issue: ValidationIssue, sources: IssueSources): string {
  // Ajv names a $ref'd schema by its document (`contract:ocamba#/paths/…`); the pointer after `#` is the contract location.
  const hash = issue.schemaPath?.indexOf('#') ?? -1;
  const schemaPath = hash === -1 ? issue.schemaPath : issue.schemaPath?.slice(hash);
  if (issue.keyword === 'required' && issue.location !== 'body') {
    const declared = sources.parameter(issue.location, String(issue.path[0] ?? ''));
    if (declared !== undefined) return `${sources.file}${declared}/required`;
  }
  if (issue.location === 'body' && schemaPath === undefined) return `${sources.file}${sources.requestBody}/required`;
  // Ajv reports paths into the contract for every $ref'd schema; the parameter wrappers' own paths (`#/properties/…`) are not in it.
  if (schemaPath !== undefined && /^#\/(paths|components)\//.test(schemaPath)) return `${sources.file}${schemaPath}`;
  if (issue.location !== 'body') {
    const name = String(issue.path[0] ?? '');
    const declared = sources.parameter(issue.location, name);
    // Ajv inlines a parameter's schema into its wrapper: `#/properties/<name>/pattern` is `<declaration>/schema/pattern`.
    const inner = schemaPath?.startsWith(`#/properties/${name}/`) ? schemaPath.slice(`#/properties/${name}`.length) : '';
    if (declared !== undefined) return `${sources.file}${declared}/schema${inner}`;
  }
  return `${sources.file}${sources.requestBody}`;
}
