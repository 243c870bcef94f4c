/**
 * Contract examples that say they are the sandbox's answer (or that the sandbox
 * answers a request example) carry the request that produces them, as
 * `x-sandbox-request` (docs/decisions/0024-contract-examples-are-checked.md).
 * This module finds them and sends each to a running sandbox: the suite does it
 * (test/contract/sandbox-examples.test.ts), and so does the provider-contract
 * publication, as its self-verification (docs/decisions/0518).
 */
import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../mock-server/src/core/contract.js';

/** Every such summary names this seed and clock: the sandbox that replays the examples is started with them. */
export const EXAMPLES_SANDBOX = { seed: 1, clock: '2026-03-02T10:00:00.000Z' } as const;

const CLAIMS_SANDBOX_ANSWER = /sandbox answer|the sandbox answers/;

/** The request an example documents, in its own session (the session's id seeds its trace ids and uuids). */
export interface SandboxRequest {
  readonly session: string;
  readonly scenario?: string;
  /** Earlier requests the example needs (a first call that uses up a rate limit); their answers are not compared. */
  readonly before?: readonly Step[];
  readonly status: number;
  /** For request examples: fields the answer must hold (the summary's "answers 200 with FirstName Ann"). */
  readonly answerIncludes?: Readonly<Record<string, unknown>>;
}

export interface Step {
  readonly method: string;
  readonly path: string;
  /** Send the vendor's sandbox credentials (its `testing.admittedHeaders`) besides `headers`. */
  readonly admitted?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body, sent as its text. */
  readonly json?: unknown;
  /** A form body (`application/x-www-form-urlencoded`); an array value repeats its field. */
  readonly form?: Readonly<Record<string, string | readonly string[]>>;
  /** An exact body text (with the `Content-Type` from `headers`). */
  readonly text?: string;
  /** A body of exactly this many bytes, over a body limit: `pad=xx…` with a form `Content-Type` in `headers`, else JSON `{"pad":"  …"}`. */
  readonly bodyBytes?: number;
}

export interface Claim {
  readonly vendor: string;
  readonly pointer: string;
  readonly mediaType: string;
  /** Where the example sits: a request body's (its value is the body) or a response's (its value is the answer). */
  readonly kind: 'request' | 'response';
  readonly value: unknown;
  readonly request: (SandboxRequest & Partial<Step>) | undefined;
}

/** The vendor's sandbox credentials for one session (its `testing.admittedHeaders`). */
export type AdmittedHeaders = (url: string, session: string) => Promise<Readonly<Record<string, string>>>;

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every named example under a `content` map of the document whose summary claims the sandbox's answer. */
export function exampleClaims(vendor: string, document: unknown): Claim[] {
  const out: Claim[] = [];
  const walk = (node: unknown, pointer: string, kind: Claim['kind'] | undefined): void => {
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const here = `${pointer}/${escape(key)}`;
      const nextKind = key === 'requestBody' ? 'request' : key === 'responses' ? 'response' : kind;
      if (key === 'content' && isObject(child) && nextKind !== undefined) {
        for (const [mediaType, media] of Object.entries(child)) {
          const examples = isObject(media) ? media['examples'] : undefined;
          if (!isObject(examples)) continue;
          for (const [name, example] of Object.entries(examples)) {
            if (!isObject(example) || typeof example['summary'] !== 'string' || !CLAIMS_SANDBOX_ANSWER.test(example['summary'])) continue;
            const request = example['x-sandbox-request'] as Claim['request'];
            out.push({ vendor, pointer: `${here}/${escape(mediaType)}/examples/${name}`, mediaType, kind: nextKind, value: example['value'], request });
          }
        }
      } else walk(child, here, nextKind);
    }
  };
  walk(document, '#', undefined);
  return out;
}

function formText(fields: Readonly<Record<string, unknown>>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
  }
  return form.toString();
}

/** The body of one step, with the `Content-Type` it goes with (`body` replaces the step's own: a request example's value). */
function bodyOf(step: Step, headers: Readonly<Record<string, string>>, body?: { readonly mediaType: string; readonly value: unknown }): [string, string] | undefined {
  if (body !== undefined) return [body.mediaType, body.mediaType.includes('form') ? formText(body.value as Record<string, unknown>) : JSON.stringify(body.value)];
  if (step.json !== undefined) return [headers['Content-Type'] ?? 'application/json', JSON.stringify(step.json)];
  if (step.form !== undefined) return ['application/x-www-form-urlencoded', formText(step.form)];
  if (step.text !== undefined) return [headers['Content-Type'] ?? 'application/x-www-form-urlencoded', step.text];
  if (step.bodyBytes === undefined) return undefined;
  const form = headers['Content-Type']?.startsWith('application/x-www-form-urlencoded') ?? false;
  return form ? [headers['Content-Type']!, `pad=${'x'.repeat(step.bodyBytes - 4)}`] : ['application/json', `{"pad":"${' '.repeat(step.bodyBytes - 10)}"}`];
}

async function send(url: string, session: string, step: Step, admitted: AdmittedHeaders, body?: { readonly mediaType: string; readonly value: unknown }) {
  const headers: Record<string, string> = { ...(step.admitted ? await admitted(url, session) : {}), ...step.headers };
  const content = bodyOf(step, headers, body);
  if (content) headers['Content-Type'] = content[0];
  return fetch(`${url}${step.path}`, { method: step.method.toUpperCase(), headers: { ...headers, 'X-Sandbox-Session': session }, body: content?.[1] ?? null });
}

async function admin(url: string, session: string, method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'X-Sandbox-Session': session, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** `actual` holds everything `expected` names (objects: those keys; arrays: the same length, each item likewise). */
function holds(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => holds(actual[i], item));
  if (isObject(expected)) return isObject(actual) && Object.entries(expected).every(([key, value]) => holds(actual[key], value));
  return isDeepStrictEqual(actual, expected);
}

/**
 * Sends one example's request to the sandbox at `url`, in the example's
 * session reset first (and with its scenario), and returns how the answer
 * differs from what the example promises: nothing when it keeps it.
 */
export async function replayClaim(url: string, claim: Claim, admitted: AdmittedHeaders): Promise<string[]> {
  const request = claim.request;
  if (request === undefined) return ['no x-sandbox-request: the example does not say how to reproduce it'];
  if (request.method === undefined || request.path === undefined) return ['x-sandbox-request needs method and path'];
  const session = request.session;
  // Two media types of one response share the request: each run starts from the session's first state.
  const reset = await admin(url, session, 'POST', '/__admin/reset');
  if (reset !== 200) return [`resetting session ${session} answered ${reset}`];
  if (request.scenario !== undefined) {
    const activated = await admin(url, session, 'PUT', '/__admin/scenario', { name: request.scenario });
    if (activated !== 200) return [`activating scenario ${request.scenario} answered ${activated}`];
  }
  for (const step of request.before ?? []) await (await send(url, session, step, admitted)).arrayBuffer();
  const step = request as Step;
  const res =
    claim.kind === 'request'
      ? await send(url, session, step, admitted, { mediaType: claim.mediaType, value: claim.value })
      : await send(url, session, { ...step, headers: { Accept: claim.mediaType, ...step.headers } }, admitted);
  const text = await res.text();
  if (res.status !== request.status) return [`status ${res.status}, not ${request.status}: ${text.slice(0, 300)}`];
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return [`the answer is not JSON: ${text.slice(0, 300)}`];
  }
  if (claim.kind === 'response') {
    const type = res.headers.get('content-type') ?? '';
    const problems = new RegExp(`^${claim.mediaType.replace(/[/+.]/g, '\\$&')}\\b`).test(type) ? [] : [`Content-Type ${type}, not ${claim.mediaType}`];
    return isDeepStrictEqual(answer, claim.value) ? problems : [...problems, `the answer differs from the example: ${text.slice(0, 300)}`];
  }
  if (request.answerIncludes === undefined) return ['a request example names what the answer holds (answerIncludes)'];
  return holds(answer, request.answerIncludes) ? [] : [`the answer does not hold ${JSON.stringify(request.answerIncludes)}: ${text.slice(0, 300)}`];
}
