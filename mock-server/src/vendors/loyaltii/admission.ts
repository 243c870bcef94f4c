import { explained, explainedError } from '../../core/explain.js';
import { VendorError } from '../../core/http-outcome.js';
import type { Admission, RequestContext } from '../../core/vendor-module.js';
import { selectAction } from './action-selection.js';
import { loyaltiiError, methodNotAllowed, noRoute } from './errors.js';
import type { LoyaltiiSettings } from './settings.js';
import type { LoyaltiiStore } from './store.js';

/** The account a request acts for (uniqueness and visibility are per account; seed: "unique within account"). */
export interface LoyaltiiPrincipal {
  readonly account: string;
}

type Ctx = RequestContext<LoyaltiiStore, LoyaltiiSettings>;

const ROUTING_SOURCE = 'docs/decisions/0304-loyaltii-routing-and-formats.md';

/** Media types Web API's formatters read here (seed: "Request Formats"); the core also reads any `+json` as JSON. */
const READABLE = new Set(['application/json', 'text/json', 'application/x-www-form-urlencoded']);

function hasBody(ctx: Ctx): boolean {
  const length = Number(ctx.request.headers['content-length'] ?? 0);
  return length > 0 || ctx.request.headers['transfer-encoding'] !== undefined;
}

/**
 * In Web API's order: routing and action selection (so `/Contacts/abc` is a
 * 404 even without credentials), then `[Authorize]` (401), then the
 * formatter's media-type check (415) before any model binding.
 */
export function admit(ctx: Ctx): Admission<LoyaltiiPrincipal> {
  const selection = selectAction(ctx.contract, ctx.request.method, ctx.request.path, ctx.request.query, ctx.operationId);
  const { method, path } = ctx.request;
  if (selection.kind === 'no-route') {
    throw new VendorError(
      'NO_ROUTE',
      explained(noRoute(ctx), {
        rule: 'route.not-found',
        where: 'path',
        expected: 'a route of the API, its constraints met ({id:int})',
        got: `${method} ${path}`,
        source: ROUTING_SOURCE,
      }),
    );
  }
  if (selection.kind === 'method-not-allowed') {
    throw new VendorError(
      'METHOD_NOT_ALLOWED',
      explained(methodNotAllowed(ctx, selection.allowed), {
        rule: 'route.method-not-allowed',
        where: 'method',
        expected: `one of ${selection.allowed.join(', ')}`,
        got: method,
        source: ROUTING_SOURCE,
      }),
    );
  }

  const account = ctx.state.accountOf(ctx.request.headers.authorization, ctx.settings.auth.scheme);
  if (account === undefined) {
    const sent = ctx.request.headers.authorization;
    throw explainedError(loyaltiiError('UNAUTHORIZED', ctx), {
      rule: 'credentials',
      where: 'header:authorization',
      expected: `${ctx.settings.auth.scheme} credentials of an account`,
      got:
        sent === undefined
          ? 'absent'
          : sent.toLowerCase().startsWith(`${ctx.settings.auth.scheme.toLowerCase()} `)
            ? 'unknown credentials'
            : `another scheme (${sent.split(' ')[0] ?? ''})`,
      source: 'docs/vendors/loyaltii.md §3.2 (decision 0300)',
    });
  }

  const mediaType = ctx.request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== undefined && !READABLE.has(mediaType) && mediaType.endsWith('+json') && hasBody(ctx)) {
    throw explainedError(loyaltiiError('UNSUPPORTED_MEDIA_TYPE', ctx, { contentType: mediaType }), {
      rule: 'body.media-type',
      where: 'header:content-type',
      expected: [...READABLE].join(', '),
      got: mediaType,
      source: ROUTING_SOURCE,
    });
  }
  return { principal: { account } };
}
