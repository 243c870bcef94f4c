import type { ValidationIssue } from '../../core/contract.js';
import { explained, type Explanation } from '../../core/explain.js';
import { VendorError, type HttpOutcome } from '../../core/http-outcome.js';
import { errorCatalogue } from '../../core/error-catalogue.js';
import type { CoreErrors, ErrorCatalogue, RenderContext } from '../../core/vendor-module.js';
import { FORM_APIS, isForm } from './forms.js';
import type { IServiceSettings } from './settings.js';

interface Entry {
  /** HTTP status; some are settings (`notLoggedInStatus`, `methodNotAllowedStatus`). */
  readonly status: number | ((settings: IServiceSettings) => number);
  /** The user-facing message that goes into `errors`. */
  readonly message: string;
  /** The `errorDetails` line used when the caller gives none. */
  readonly detail: string;
}

/**
 * Every error iService answers here, each as `{errors: [message], errorDetails: [detail, ...]}`
 * (seed 004's response parameters). The vendor documents neither texts nor
 * statuses: the first four texts are the suggestions of docs/vendors/iservice.md (§5.2), the rest
 * ours; statuses follow docs/vendors/iservice.md §5.2/S-6 (200 with errors, configurable to
 * 401/405) and docs/decisions/0401-iservice-errors.md.
 */
export const ISERVICE_ERRORS = {
  NOT_LOGGED_IN: { status: (s) => s.notLoggedInStatus, message: 'You must be logged in.', detail: 'The request carries no session cookie.' },
  ACCESS_DENIED: { status: 200, message: 'Access denied.', detail: 'You do not have access to this contact.' },
  CONTACT_NOT_FOUND: { status: 200, message: 'Contact not found.', detail: 'No contact has this contactID.' },
  INVALID_PROPERTY: { status: 200, message: 'Invalid property.', detail: 'A property in the request does not exist.' },
  INVALID_SEGMENT: { status: 200, message: 'Invalid segment.', detail: 'A segment in the membership does not exist.' },
  LOGIN_IN_USE: { status: 200, message: 'Login already in use.', detail: 'Another contact already has this login.' },
  INVALID_REQUEST: { status: 200, message: 'Invalid request.', detail: 'The request body does not match what this API expects.' },
  MALFORMED_REQUEST: { status: 200, message: 'The request could not be read.', detail: 'The request body is not valid JSON.' },
  UNKNOWN_API: { status: 200, message: 'Unknown API.', detail: 'The api query parameter names no API of this form.' },
  INVALID_SECURITY_TOKEN: { status: 200, message: 'Invalid security token.', detail: 'The CSRF header does not echo the token cookie set at login.' },
  METHOD_NOT_ALLOWED: { status: (s) => s.methodNotAllowedStatus, message: 'Method not allowed.', detail: 'The iService API forms only accept POST.' },
  NOT_FOUND: { status: 404, message: 'Unknown form.', detail: 'No API form is served at this path.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.', detail: 'The request body is over the size limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported media type.', detail: 'Compressed request bodies are not accepted.' },
  SERVER_ERROR: { status: 500, message: 'An unexpected error occurred.', detail: 'The server could not complete the request.' },
} as const satisfies Record<string, Entry>;

export type IServiceErrorCode = keyof typeof ISERVICE_ERRORS;

/** One reason a request failed; several can be reported at once (all problems, not the first). */
export interface Failure {
  readonly code: IServiceErrorCode;
  readonly detail?: string;
  /** Why, for the journal (core/explain.ts); never part of the envelope. */
  readonly reason?: Explanation;
}

/**
 * Errors never read the store, so they are typed without it: the store's
 * directory reports failures in this module's terms, and importing the store
 * here would close a circle (directory → errors → store → directory).
 */
type Ctx = RenderContext<unknown, IServiceSettings>;

export const JSON_TYPE = 'application/json; charset=utf-8';

/** The envelope for one or more failures; the first failure's entry gives the status. */
export function renderFailures(failures: readonly Failure[], ctx: Pick<Ctx, 'settings'>): HttpOutcome {
  const [first] = failures;
  if (!first) throw new Error('iservice: renderFailures needs at least one failure');
  const entry: Entry = ISERVICE_ERRORS[first.code];
  const status = typeof entry.status === 'number' ? entry.status : entry.status(ctx.settings);
  const errors = [...new Set(failures.map((f) => ISERVICE_ERRORS[f.code].message))];
  const errorDetails = failures.map((f) => f.detail ?? ISERVICE_ERRORS[f.code].detail);
  const headers = first.code === 'METHOD_NOT_ALLOWED' && status === 405 ? { Allow: 'POST' } : undefined;
  const reasons = failures.flatMap((f) => (f.reason === undefined ? [] : [f.reason]));
  return explained({ status, body: { errors, errorDetails }, contentType: JSON_TYPE, ...(headers ? { headers } : {}) }, ...reasons);
}

/** One failure's envelope: the code's message, and `detail` (or the code's own) as its one `errorDetails` line. */
export function renderIServiceError(code: IServiceErrorCode, ctx: Pick<Ctx, 'settings'>, detail?: string): HttpOutcome {
  return renderFailures([{ code, ...(detail === undefined ? {} : { detail }) }], ctx);
}

export function iserviceError(code: IServiceErrorCode, ctx: Pick<Ctx, 'settings'>, detail?: string, reason?: Explanation): VendorError {
  const outcome = renderIServiceError(code, ctx, detail);
  return new VendorError(code, reason === undefined ? outcome : explained(outcome, reason));
}

/** Validation issues as `errorDetails` lines: `details.properties[0].values: must be array`. */
export function issueDetails(issues: readonly ValidationIssue[]): Failure[] {
  return issues.map((issue) => {
    const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    return { code: 'INVALID_REQUEST', detail: path === '' ? `body: ${issue.message}` : `${path}: ${issue.message}` };
  });
}

export const errors: ErrorCatalogue<unknown, IServiceSettings> = errorCatalogue('iservice', Object.keys(ISERVICE_ERRORS) as IServiceErrorCode[], (code, ctx) =>
  renderIServiceError(code, ctx),
);

/** How iService answers what the core detects. */
export const coreErrors: CoreErrors<unknown, IServiceSettings> = {
  routeNotFound: (ctx) => renderIServiceError('NOT_FOUND', ctx, `No API form is served at ${ctx.request.path}.`),
  methodNotAllowed: (ctx) => renderIServiceError('METHOD_NOT_ALLOWED', ctx, `${ctx.request.method} is not accepted; the iService API forms only accept POST.`),
  malformedBody: (ctx) => renderIServiceError('MALFORMED_REQUEST', ctx),
  unsupportedMediaType: (ctx) => renderIServiceError('UNSUPPORTED_MEDIA_TYPE', ctx),
  payloadTooLarge: (ctx, limitBytes) => renderIServiceError('PAYLOAD_TOO_LARGE', ctx, `The request body is over the limit of ${limitBytes} bytes.`),
  // The only query parameter is `api`: a problem with it means the form has no such API.
  invalidRequest: (ctx, issues) => {
    if (issues.some((i) => i.location === 'query')) {
      const api = ctx.request.query['api'];
      const known = isForm(ctx.operationId) ? FORM_APIS[ctx.operationId].join(', ') : '';
      const asked = typeof api === 'string' ? `no API "${api}"` : 'no single api query parameter';
      return renderIServiceError('UNKNOWN_API', ctx, `${ctx.request.path} has ${asked} (known: ${known}).`);
    }
    return renderFailures(issueDetails(issues), ctx);
  },
  internalError: (ctx) => renderIServiceError('SERVER_ERROR', ctx),
};
