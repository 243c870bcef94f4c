import { explainedError, shown } from '../../core/explain.js';
import type { Admission, RequestContext } from '../../core/vendor-module.js';
import { ocambaError } from './errors.js';
import type { PersonalApiKey } from './fixtures.js';
import type { OcambaSettings } from './settings.js';
import type { OcambaStore } from './store.js';

/** The account a request acts for: the company owning the API key. */
export interface OcambaPrincipal {
  readonly company: string;
  readonly key: PersonalApiKey;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

const AUTH_SOURCE = 'docs/vendors/ocamba.md §4.1';
const RATE_SOURCE = 'docs/vendors/ocamba.md §4.3 (decision 0005)';

/**
 * `Authorization: Bearer <API key>`, then the account's limits as Ocamba
 * documents them: the parallel-request cap (429, `Retry-After: -1`), then fixed
 * 1 s and 1 min windows (429, `Retry-After: <s>`, no X-RateLimit-* headers).
 * Allowed requests carry X-RateLimit-* for the window nearest to exhaustion.
 */
export function admit(ctx: RequestContext<OcambaStore, OcambaSettings>): Admission<OcambaPrincipal> {
  const secret = BEARER.exec(ctx.request.headers.authorization ?? '')?.[1];
  const key = secret === undefined ? undefined : ctx.state.apiKey(secret);
  if (!key) {
    const got = ctx.request.headers.authorization === undefined ? 'absent' : secret === undefined ? 'not a Bearer token' : `unknown API key ${shown(secret)}`;
    throw explainedError(ocambaError('UNAUTHORIZED', ctx), { rule: 'credentials', where: 'header:authorization', expected: 'Bearer <a valid API key>', got, source: AUTH_SOURCE });
  }
  const principal = { company: key.company_id, key };
  const limits = ctx.settings.rateLimit;
  if (!limits.enabled) return { principal };

  const release = ctx.state.parallel.acquire(principal.company, limits.concurrency);
  if (!release) {
    throw explainedError(ocambaError('TOO_MANY_REQUESTS', ctx, { 'Retry-After': '-1' }), {
      rule: 'rate-limit.parallel',
      where: 'header:authorization',
      expected: `at most ${limits.concurrency} requests in flight for the account`,
      got: `${limits.concurrency + 1} in flight`,
      source: RATE_SOURCE,
    });
  }
  const now = ctx.clock.now();
  const windows = [
    { sizeMs: 1000, limit: limits.perSecond },
    { sizeMs: 60_000, limit: limits.perMinute },
  ];
  const decision = ctx.state.windows.take(principal.company, now, windows);
  if (!decision.allowed) {
    release();
    throw explainedError(ocambaError('TOO_MANY_REQUESTS', ctx, { 'Retry-After': String(decision.retryAfterSeconds) }), {
      rule: 'rate-limit.window',
      where: 'header:authorization',
      expected: `at most ${limits.perSecond}/s and ${limits.perMinute}/min for the account`,
      got: `window full, retry in ${decision.retryAfterSeconds} s`,
      source: RATE_SOURCE,
    });
  }
  return {
    principal,
    release,
    refund: () => ctx.state.windows.refund(principal.company, now, windows),
    headers: {
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': String(decision.remaining),
      'X-RateLimit-Reset': String(decision.resetSeconds),
    },
  };
}
