import type { HttpOutcome } from '../../core/http-outcome.js';
import { VendorError } from '../../core/http-outcome.js';
import { errorCatalogue } from '../../core/error-catalogue.js';
import type { CoreErrors, ErrorCatalogue, RenderContext } from '../../core/vendor-module.js';
import { environmentOf } from './credentials.js';
import { envelope } from './envelope.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';
import { validationMessage } from './validation-messages.js';

/**
 * Instantpay's failure statuscodes this emulation can answer, with the vendor's
 * own text for each (https://developers.instantpay.in/reference/error-codes;
 * docs/vendors/instantpay.md §1.4). `TXN` (success) is not a failure and is not listed. Specific
 * situations answer a more precise `status` text under the same code (a
 * Laravel-style validation message under RPI, "No Record Found" under ERR).
 */
export const INSTANTPAY_ERRORS = {
  TUP: 'Transaction Under Process',
  IAC: 'Invalid Dealer Credentials',
  UAD: 'User Access Denied',
  RPI: 'Request Parameters are Invalid or Incomplete',
  ERR: 'Provider Failure',
  ISE: 'System Error',
  IPE: 'Internal Processing Error',
  SPD: 'Service Provider Downtime',
  SPE: 'Service Provider Error',
  SNA: 'Service not available',
} as const;

export type InstantpayErrorCode = keyof typeof INSTANTPAY_ERRORS;

type Ctx = RenderContext<InstantpayStore, InstantpaySettings>;

export interface InstantpayErrorOptions {
  /** A more precise `status` text than the code's own. */
  readonly status?: string;
  /** An HTTP status of its own (route-level answers); otherwise the scenario's `httpStatus` for the code. */
  readonly httpStatus?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A failure envelope: the code, its text (or a precise one), `data: null`, under the HTTP status the settings give it. */
export function renderInstantpayError(code: InstantpayErrorCode, ctx: Ctx, options: InstantpayErrorOptions = {}): HttpOutcome {
  const outcome = envelope(
    ctx,
    { statuscode: code, status: options.status ?? INSTANTPAY_ERRORS[code], data: null },
    environmentOf(ctx),
    options.httpStatus ?? ctx.settings.httpStatus[code],
  );
  return options.headers ? { ...outcome, headers: options.headers } : outcome;
}

export function instantpayError(code: InstantpayErrorCode, ctx: Ctx, status?: string): VendorError {
  return new VendorError(code, renderInstantpayError(code, ctx, status === undefined ? {} : { status }));
}

/** Suggested wording for an unknown id (docs/vendors/instantpay.md §1.5, from a third-party recording). */
export const NO_RECORD = 'No Record Found';

/** The catalogue a scenario's `error:` names: Instantpay's own statuscodes. */
export const errors: ErrorCatalogue<InstantpayStore, InstantpaySettings> = errorCatalogue(
  'instantpay',
  Object.keys(INSTANTPAY_ERRORS) as InstantpayErrorCode[],
  renderInstantpayError,
);

/**
 * How Instantpay answers what the core detects (docs/decisions/0103). Bodies
 * are read the way Laravel's `$request->json()` reads them: JSON that does not
 * parse is no input at all, so the first mandatory field is reported missing.
 * Route-level problems keep the envelope but get their own HTTP status.
 */
export const coreErrors: CoreErrors<InstantpayStore, InstantpaySettings> = {
  routeNotFound: (ctx) => renderInstantpayError('ERR', ctx, { status: 'Route Not Found', httpStatus: 404 }),
  methodNotAllowed: (ctx, allowed) => renderInstantpayError('ERR', ctx, { status: 'Method Not Allowed', httpStatus: 405, headers: { Allow: allowed.join(', ') } }),
  malformedBody: (ctx) => {
    const [first] = ctx.operationId === null ? [] : ctx.state.rules.mandatoryFields(ctx.operationId);
    return renderInstantpayError('RPI', ctx, first === undefined ? {} : { status: validationMessage({ path: [first], keyword: 'required', params: {} }) });
  },
  unsupportedMediaType: (ctx) => renderInstantpayError('RPI', ctx, { status: 'Unsupported Media Type', httpStatus: 415 }),
  payloadTooLarge: (ctx) => renderInstantpayError('RPI', ctx, { status: 'Request Entity Too Large', httpStatus: 413 }),
  invalidRequest: (ctx, issues) => {
    const first = ctx.state.rules.firstIssue(ctx.operationId, issues);
    return renderInstantpayError('RPI', ctx, first === undefined ? {} : { status: validationMessage(first) });
  },
  internalError: (ctx) => renderInstantpayError('ISE', ctx, { httpStatus: 500 }),
};
