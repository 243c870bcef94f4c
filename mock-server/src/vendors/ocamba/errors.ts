import type { HttpOutcome } from '../../core/http-outcome.js';
import { VendorError } from '../../core/http-outcome.js';
import { errorCatalogue } from '../../core/error-catalogue.js';
import type { CoreErrors, ErrorCatalogue, RenderContext } from '../../core/vendor-module.js';
import type { OcambaSettings } from './settings.js';
import type { OcambaStore } from './store.js';

interface Entry {
  readonly status: number;
  readonly title: string;
  /** Omitted from the body when absent: the seed's 500 has no message (docs/vendors/ocamba.md O-4). */
  readonly message?: string;
  /** Headers the answer always carries; the caller's own (say a computed Retry-After) win. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Every error Ocamba answers, with its exact envelope
 * `{code, title, message?, trace_id}` (seed 003; docs/vendors/ocamba.md §4.2, O-4, O-5).
 * 400/500 are the seed's, 401 the validate page's; the rest are suggested.
 */
export const OCAMBA_ERRORS = {
  BAD_REQUEST: { status: 400, title: 'Bad request.', message: 'The request body is not valid.' },
  UNAUTHORIZED: { status: 401, title: 'Unauthorized.', message: 'Unauthorized.' },
  FORBIDDEN: { status: 403, title: 'Forbidden.', message: 'You do not have access to this resource.' },
  NOT_FOUND: { status: 404, title: 'Not found.', message: 'The requested resource was not found.' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed.', message: 'The requested method is not allowed for this resource.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request entity too large.', message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type.', message: 'The request body must be JSON.' },
  // A forced 429 still tells the client when to retry; admission gives its own value.
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests.', message: 'Rate limit reached.', headers: { 'Retry-After': '1' } },
  INTERNAL_SERVER_ERROR: { status: 500, title: 'Internal server error.' },
} as const satisfies Record<string, Entry>;

export type OcambaErrorCode = keyof typeof OCAMBA_ERRORS;

type Ctx = RenderContext<OcambaStore, OcambaSettings>;

/** Renders one catalogue entry with a fresh trace id from the session's seeded generator. */
export function renderOcambaError(code: OcambaErrorCode, ctx: Pick<Ctx, 'random'>, headers?: Readonly<Record<string, string>>): HttpOutcome {
  const entry: Entry = OCAMBA_ERRORS[code];
  const body = { code: entry.status, title: entry.title, ...(entry.message === undefined ? {} : { message: entry.message }), trace_id: ctx.random.uuid() };
  return { status: entry.status, headers: { ...entry.headers, ...headers }, body, contentType: 'application/json' };
}

export function ocambaError(code: OcambaErrorCode, ctx: Pick<Ctx, 'random'>, headers?: Readonly<Record<string, string>>): VendorError {
  return new VendorError(code, renderOcambaError(code, ctx, headers));
}

export const errors: ErrorCatalogue<OcambaStore, OcambaSettings> = errorCatalogue('ocamba', Object.keys(OCAMBA_ERRORS) as OcambaErrorCode[], (code, ctx) =>
  renderOcambaError(code, ctx),
);

/** How Ocamba answers what the core detects (docs/vendors/ocamba.md O-1, O-3). */
export const coreErrors: CoreErrors<OcambaStore, OcambaSettings> = {
  routeNotFound: (ctx) => renderOcambaError('NOT_FOUND', ctx),
  methodNotAllowed: (ctx, allowed) => renderOcambaError('METHOD_NOT_ALLOWED', ctx, { Allow: allowed.join(', ') }),
  malformedBody: (ctx) => renderOcambaError('BAD_REQUEST', ctx),
  unsupportedMediaType: (ctx) => renderOcambaError('UNSUPPORTED_MEDIA_TYPE', ctx),
  payloadTooLarge: (ctx) => renderOcambaError('PAYLOAD_TOO_LARGE', ctx),
  // Ocamba reports one generic message whatever is wrong with the body (the seed's 400).
  invalidRequest: (ctx) => renderOcambaError('BAD_REQUEST', ctx),
  internalError: (ctx) => renderOcambaError('INTERNAL_SERVER_ERROR', ctx),
};
