import type { IncomingHttpHeaders } from 'node:http';
import { VendorError, type HttpOutcome } from '../../core/http-outcome.js';
import { errorCatalogue } from '../../core/error-catalogue.js';
import type { CoreErrors, ErrorCatalogue, RenderContext } from '../../core/vendor-module.js';
import { selectAction } from './action-selection.js';
import { invalidModel, modelStateOf, unreadableBody } from './model-state.js';
import type { LoyaltiiSettings } from './settings.js';
import type { LoyaltiiStore } from './store.js';
import { httpError, requestUri, webApiAnswer } from './web-api.js';

type Ctx = RenderContext<LoyaltiiStore, LoyaltiiSettings>;

interface Entry {
  readonly status: number;
  /** `HttpError.Message`; absent where Web API answers without a body or words the message per request. */
  readonly message?: string;
}

/**
 * Every error Loyaltii answers that a scenario may force, as data. Bodies are
 * ASP.NET Web API 2's own (docs/vendors/loyaltii.md §3.2, §3.3, L-7): `HttpError` with only
 * `Message` for remote clients, or no body where the controller returns
 * `NotFound()` / `Conflict()`. Every answer of these kinds, forced or not,
 * takes its status from here.
 */
export const LOYALTII_ERRORS = {
  UNAUTHORIZED: { status: 401, message: 'Authorization has been denied for this request.' },
  /** `NotFound()`: no body (docs/vendors/loyaltii.md section 3.3: unknown id or secret, 404). */
  NOT_FOUND: { status: 404 },
  /** 409 with the current contact where the request names one (PUT page), else `Conflict()` without a body. */
  CONFLICT: { status: 409 },
  REQUEST_ENTITY_TOO_LARGE: { status: 413, message: 'Maximum request length exceeded.' },
  /** Web API words the message after the request's media type. */
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'An error has occurred.' },
} as const satisfies Record<string, Entry>;

export type LoyaltiiErrorCode = keyof typeof LOYALTII_ERRORS;

/** Routing's answers, which no scenario forces (Web API's dispatcher and action selector word them per request). */
const ROUTING_ERRORS = {
  NO_ROUTE: { status: 404 },
  METHOD_NOT_ALLOWED: { status: 405 },
} as const satisfies Record<string, Entry>;

/** What some codes need besides the request: the content type a 415 names, the current contact a 409 carries. */
export interface LoyaltiiErrorDetail {
  readonly contentType?: string;
  /**
   * What a 409 carries: the contact in conflict, or `none` (a create or bulk
   * write: `Conflict()` has no body). Absent, as when a scenario forces it:
   * the contact the path names, if any.
   */
  readonly conflictWith?: { readonly contact: unknown } | 'none';
}

/** `[Authorize]` without a valid principal; the bearer middleware adds its challenge. */
function unauthorized(ctx: Pick<Ctx, 'settings' | 'request'>): HttpOutcome {
  const challenge = ctx.settings.auth.scheme === 'Bearer' ? 'Bearer' : 'Basic realm="Loyaltii"';
  const { status, message } = LOYALTII_ERRORS.UNAUTHORIZED;
  return httpError(ctx.request.headers, status, message, { 'WWW-Authenticate': challenge });
}

/** The message of Web API's `UnsupportedMediaTypeException`, with and without a Content-Type. */
function unsupportedMediaType(headers: IncomingHttpHeaders, contentType: string): HttpOutcome {
  const message =
    contentType === ''
      ? "The request contains an entity body but no Content-Type header. The inferred media type 'application/octet-stream' is not supported for this resource."
      : `The request entity's media type '${contentType}' is not supported for this resource.`;
  return httpError(headers, LOYALTII_ERRORS.UNSUPPORTED_MEDIA_TYPE.status, message);
}

/** HttpRoutingDispatcher's answer when no route matches (web-hosted, IIS would show HTML; the sandbox never does). */
export function noRoute(ctx: Pick<Ctx, 'request'>): HttpOutcome {
  return httpError(
    ctx.request.headers,
    ROUTING_ERRORS.NO_ROUTE.status,
    `No HTTP resource was found that matches the request URI '${requestUri(ctx.request.headers, ctx.request.path)}'.`,
  );
}

/** ApiControllerActionSelector's 405, with the Allow header it adds. */
export function methodNotAllowed(ctx: Pick<Ctx, 'request'>, allowed: readonly string[]): HttpOutcome {
  return httpError(ctx.request.headers, ROUTING_ERRORS.METHOD_NOT_ALLOWED.status, `The requested resource does not support http method '${ctx.request.method}'.`, {
    Allow: allowed.join(', '),
  });
}

/** A 409: the contact given, else the current contact when the path names one of the caller's contacts, else no body. */
function conflict(ctx: Ctx, conflictWith: LoyaltiiErrorDetail['conflictWith']): HttpOutcome {
  const { status } = LOYALTII_ERRORS.CONFLICT;
  if (conflictWith === 'none') return webApiAnswer(ctx.request.headers, status);
  if (conflictWith !== undefined) return webApiAnswer(ctx.request.headers, status, conflictWith.contact);
  const id = /\/contacts\/([+-]?\d+)\/?$/i.exec(ctx.request.path)?.[1];
  if (id === undefined) return webApiAnswer(ctx.request.headers, status);
  const account = ctx.state.accountOf(ctx.request.headers.authorization, ctx.settings.auth.scheme);
  const contact = account === undefined ? undefined : ctx.state.contact(account, Number(id));
  // Nothing to be in conflict with: Web API would not have found the contact either.
  return contact ? webApiAnswer(ctx.request.headers, status, contact) : webApiAnswer(ctx.request.headers, LOYALTII_ERRORS.NOT_FOUND.status);
}

export function renderLoyaltiiError(code: LoyaltiiErrorCode, ctx: Ctx, detail: LoyaltiiErrorDetail = {}): HttpOutcome {
  switch (code) {
    case 'UNAUTHORIZED':
      return unauthorized(ctx);
    case 'NOT_FOUND':
      return webApiAnswer(ctx.request.headers, LOYALTII_ERRORS.NOT_FOUND.status);
    case 'CONFLICT':
      return conflict(ctx, detail.conflictWith);
    case 'UNSUPPORTED_MEDIA_TYPE':
      return unsupportedMediaType(ctx.request.headers, detail.contentType ?? ctx.request.headers['content-type']?.split(';')[0]?.trim() ?? '');
    case 'REQUEST_ENTITY_TOO_LARGE':
    case 'INTERNAL_SERVER_ERROR':
      return httpError(ctx.request.headers, LOYALTII_ERRORS[code].status, LOYALTII_ERRORS[code].message);
  }
}

export function loyaltiiError(code: LoyaltiiErrorCode, ctx: Ctx, detail?: LoyaltiiErrorDetail): VendorError {
  return new VendorError(code, renderLoyaltiiError(code, ctx, detail));
}

export const errors: ErrorCatalogue<LoyaltiiStore, LoyaltiiSettings> = errorCatalogue('loyaltii', Object.keys(LOYALTII_ERRORS) as LoyaltiiErrorCode[], (code, ctx) =>
  renderLoyaltiiError(code, ctx),
);

/** How Web API 2 answers what the core detects (docs/vendors/loyaltii.md §3.3, §3.7 items 8, 11). */
export const coreErrors: CoreErrors<LoyaltiiStore, LoyaltiiSettings> = {
  routeNotFound: (ctx) => noRoute(ctx),
  // The core matched the path by its templates; Web API also applies {id:int}, which may leave no route at all.
  methodNotAllowed: (ctx, allowed) => {
    const selection = selectAction(ctx.state.contract, ctx.request.method, ctx.request.path, undefined);
    if (selection.kind === 'no-route') return noRoute(ctx);
    return methodNotAllowed(ctx, selection.kind === 'method-not-allowed' ? selection.allowed : allowed);
  },
  malformedBody: (ctx) => invalidModel(ctx.request.headers, unreadableBody(ctx.operationId)),
  unsupportedMediaType: (ctx, contentType) => renderLoyaltiiError('UNSUPPORTED_MEDIA_TYPE', ctx, { contentType }),
  payloadTooLarge: (ctx) => renderLoyaltiiError('REQUEST_ENTITY_TOO_LARGE', ctx),
  invalidRequest: (ctx, issues) => {
    // Path parameters are routing in Web API ({id:int}); admission already answers them, this is the safety net.
    if (issues.some((issue) => issue.location === 'path')) return noRoute(ctx);
    return invalidModel(ctx.request.headers, modelStateOf(ctx.contract, ctx.operationId, issues, ctx.request));
  },
  internalError: (ctx) => renderLoyaltiiError('INTERNAL_SERVER_ERROR', ctx),
};
