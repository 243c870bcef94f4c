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

/**
 * `Authorization: Bearer <API key>`, then the account's limits as Ocamba
 * documents them: the parallel-request cap (429, `Retry-After: -1`), then fixed
 * 1 s and 1 min windows (429, `Retry-After: <s>`, no X-RateLimit-* headers).
 * Allowed requests carry X-RateLimit-* for the window nearest to exhaustion.
 */
export function admit(ctx: RequestContext<OcambaStore, OcambaSettings>): Admission<OcambaPrincipal> {
  const secret = BEARER.exec(ctx.request.headers.authorization ?? '')?.[1];
  const key = secret === undefined ? undefined : ctx.state.apiKey(secret);
  if (!key) throw ocambaError('UNAUTHORIZED', ctx);
  const principal = { company: key.company_id, key };
  const limits = ctx.settings.rateLimit;
  if (!limits.enabled) return { principal };

  const release = ctx.state.parallel.acquire(principal.company, limits.concurrency);
  if (!release) throw ocambaError('TOO_MANY_REQUESTS', ctx, { 'Retry-After': '-1' });
  const now = ctx.clock.now();
  const windows = [
    { sizeMs: 1000, limit: limits.perSecond },
    { sizeMs: 60_000, limit: limits.perMinute },
  ];
  const decision = ctx.state.windows.take(principal.company, now, windows);
  if (!decision.allowed) {
    release();
    throw ocambaError('TOO_MANY_REQUESTS', ctx, { 'Retry-After': String(decision.retryAfterSeconds) });
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
