import { describe, expect, it } from 'vitest';
import { isObject } from '../../mock-server/src/core/contract.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { vendorTesting } from '../../mock-server/src/vendors/testing.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { useSandbox } from '../helpers/sandbox.js';

/**
 * Contract examples that say they are the sandbox's answer (or that the sandbox
 * answers a request example) carry the request that produces them, as
 * `x-sandbox-request` (docs/decisions/0024-contract-examples-are-checked.md).
 * Each is sent here, under the seed and clock every such summary names, and the
 * answer must be the example: an example edited by hand, or a behaviour changed
 * without its example, fails.
 */
const CLAIMS_SANDBOX_ANSWER = /sandbox answer|the sandbox answers/;

/** The request an example documents, in its own session (the session's id seeds its trace ids and uuids). */
interface SandboxRequest {
  readonly session: string;
  readonly scenario?: string;
  /** Earlier requests the example needs (a first call that uses up a rate limit); their answers are not compared. */
  readonly before?: readonly Step[];
  readonly status: number;
  /** For request examples: fields the answer must hold (the summary's "answers 200 with FirstName Ann"). */
  readonly answerIncludes?: Readonly<Record<string, unknown>>;
}

interface Step {
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

interface Claim {
  readonly vendor: string;
  readonly pointer: string;
  readonly mediaType: string;
  /** Where the example sits: a request body's (its value is the body) or a response's (its value is the answer). */
  readonly kind: 'request' | 'response';
  readonly value: unknown;
  readonly request: (SandboxRequest & Partial<Step>) | undefined;
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every named example under a `content` map whose summary claims the sandbox's answer. */
function claimsOf(vendor: string): Claim[] {
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
  walk(contractOf(vendor).document, '#', undefined);
  return out;
}

const claims = VENDORS.flatMap((v) => claimsOf(v.id));

function formText(fields: Readonly<Record<string, unknown>>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
  }
  return form.toString();
}

const t = useSandbox();

async function send(vendor: string, session: string, step: Step, body?: { readonly mediaType: string; readonly value: unknown }) {
  const headers: Record<string, string> = {
    ...(step.admitted ? await (await vendorTesting(vendor)).admittedHeaders(t.url, session) : {}),
    ...step.headers,
  };
  const req = t.session(session)[step.method.toLowerCase() as 'get'](step.path);
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  if (body !== undefined) {
    req.set('Content-Type', body.mediaType);
    return req.send(body.mediaType.includes('form') ? formText(body.value as Record<string, unknown>) : JSON.stringify(body.value));
  }
  if (step.json !== undefined) return req.set('Content-Type', headers['Content-Type'] ?? 'application/json').send(JSON.stringify(step.json));
  if (step.form !== undefined) return req.set('Content-Type', 'application/x-www-form-urlencoded').send(formText(step.form));
  if (step.text !== undefined) return req.send(step.text);
  if (step.bodyBytes !== undefined) {
    const form = headers['Content-Type']?.startsWith('application/x-www-form-urlencoded') ?? false;
    return form ? req.send(`pad=${'x'.repeat(step.bodyBytes - 4)}`) : req.set('Content-Type', 'application/json').send(`{"pad":"${' '.repeat(step.bodyBytes - 10)}"}`);
  }
  return req;
}

describe('contract examples that claim to be the sandbox answer', () => {
  it('are found in every vendor that has them, and each says how to reproduce it (x-sandbox-request)', () => {
    expect(claims.length).toBeGreaterThanOrEqual(40);
    expect(claims.filter((c) => c.request === undefined).map((c) => `${c.vendor} ${c.pointer}`)).toEqual([]);
  });

  it.each(claims.map((c) => [`${c.vendor} ${c.pointer}`, c] as const))('%s', async (_name, claim) => {
    const request = claim.request;
    if (request === undefined || request.method === undefined || request.path === undefined) throw new Error(`${claim.pointer}: x-sandbox-request needs method and path`);
    const session = request.session;
    // Two media types of one response share the request: each run starts from the session's first state.
    expect((await t.admin(session).reset()).status).toBe(200);
    if (request.scenario !== undefined) expect((await t.admin(session).activate(request.scenario)).status).toBe(200);
    for (const step of request.before ?? []) await send(claim.vendor, session, step);
    const step = request as Step;
    const res =
      claim.kind === 'request'
        ? await send(claim.vendor, session, step, { mediaType: claim.mediaType, value: claim.value })
        : await send(claim.vendor, session, { ...step, headers: { Accept: claim.mediaType, ...step.headers } });
    expect(res.status, res.text).toBe(request.status);
    if (claim.kind === 'response') {
      expect(res.headers['content-type']).toMatch(new RegExp(`^${claim.mediaType.replace(/[/+.]/g, '\\$&')}\\b`));
      expect(JSON.parse(res.text)).toEqual(claim.value);
    } else {
      expect(request.answerIncludes, `${claim.pointer}: a request example names what the answer holds (answerIncludes)`).toBeDefined();
      expect(JSON.parse(res.text)).toMatchObject(request.answerIncludes ?? {});
    }
  });
});
