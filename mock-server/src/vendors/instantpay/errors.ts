import type { HttpOutcome } from '../../core/http-outcome.js';
import { VendorError } from '../../core/http-outcome.js';
import { errorCatalogue } from '../../core/error-catalogue.js';
import type { CoreErrors, ErrorCatalogue, RenderContext } from '../../core/vendor-module.js';
import { FAILURE_CODES, FAILURE_TEXTS, type FailureCode } from './codes.js';
import { environmentOf } from './credentials.js';
import { envelope } from './envelope.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';
import { validationMessage } from './validation-messages.js';

type Ctx = RenderContext<InstantpayStore, InstantpaySettings>;

export interface FailureOptions {
  /** A more precise `status` text than the code's own. */
  readonly status?: string;
  /** An HTTP status of its own (route-level answers); otherwise the scenario's `httpStatus` for the code. */
  readonly httpStatus?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A failure envelope: the code, its text (or a precise one), `data: null`, under the HTTP status the settings give it. */
export function renderFailure(code: FailureCode, ctx: Ctx, options: FailureOptions = {}): HttpOutcome {
  const outcome = envelope(ctx, { statuscode: code, status: options.status ?? FAILURE_TEXTS[code], data: null }, environmentOf(ctx), options.httpStatus ?? ctx.settings.httpStatus[code]);
  return options.headers ? { ...outcome, headers: options.headers } : outcome;
}

export function failure(code: FailureCode, ctx: Ctx, status?: string): VendorError {
  return new VendorError(code, renderFailure(code, ctx, status === undefined ? {} : { status }));
}

/** Suggested wording for an unknown id (docs/vendors/instantpay.md §1.5, from a third-party recording). */
export const NO_RECORD = 'No Record Found';

/** The catalogue a scenario's `error:` names: Instantpay's own statuscodes. */
export const errors: ErrorCatalogue<InstantpayStore, InstantpaySettings> = errorCatalogue('instantpay', FAILURE_CODES, renderFailure);

/**
 * How Instantpay answers what the core detects (docs/decisions/0103). Bodies
 * are read the way Laravel's `$request->json()` reads them: JSON that does not
 * parse is no input at all, so the first mandatory field is reported missing.
 * Route-level problems keep the envelope but get their own HTTP status.
 */
export const coreErrors: CoreErrors<InstantpayStore, InstantpaySettings> = {
  routeNotFound: (ctx) => renderFailure('ERR', ctx, { status: 'Route Not Found', httpStatus: 404 }),
  methodNotAllowed: (ctx, allowed) => renderFailure('ERR', ctx, { status: 'Method Not Allowed', httpStatus: 405, headers: { Allow: allowed.join(', ') } }),
  malformedBody: (ctx) => {
    const [first] = ctx.operationId === null ? [] : ctx.state.rules.mandatoryFields(ctx.operationId);
    return renderFailure('RPI', ctx, first === undefined ? {} : { status: validationMessage({ path: [first], keyword: 'required', params: {} }) });
  },
  unsupportedMediaType: (ctx) => renderFailure('RPI', ctx, { status: 'Unsupported Media Type', httpStatus: 415 }),
  payloadTooLarge: (ctx) => renderFailure('RPI', ctx, { status: 'Request Entity Too Large', httpStatus: 413 }),
  invalidRequest: (ctx, issues) => {
    const first = ctx.state.rules.firstIssue(ctx.operationId, issues);
    return renderFailure('RPI', ctx, first === undefined ? {} : { status: validationMessage(first) });
  },
  internalError: (ctx) => renderFailure('ISE', ctx, { httpStatus: 500 }),
};
