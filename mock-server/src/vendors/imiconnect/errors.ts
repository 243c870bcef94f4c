import type { ValidationIssue } from '../../core/contract.js';
import type { HttpOutcome } from '../../core/http-outcome.js';
import { VendorError } from '../../core/http-outcome.js';
import { errorCatalogue } from '../../core/error-catalogue.js';
import type { CoreErrors, ErrorCatalogue, RenderContext } from '../../core/vendor-module.js';
import { explained } from '../../core/explain.js';
import { reasonFor } from './reasons.js';
import { batchSize } from './records.js';
import type { ImiconnectSettings } from './settings.js';
import type { ImiconnectStore } from './store.js';

export const JSON_TYPE = 'application/json';

/**
 * Every 7xxx code IMIconnect answers, with its description exactly as the
 * vendor writes it (seed 001's table; 7015 from the create page, 7203/7208
 * from the delete page, 7600 from third-party notes: docs/vendors/imiconnect.md §2.4).
 * 7012's text names the batch limit, so it follows the setting (M-3).
 */
export const IMICONNECT_ERRORS = {
  // M-2: the seed copies 7001's description here; the create page has the right one.
  '7000': 'Invalid JSON',
  '7001': 'Authentication failed',
  '7002': 'Service Key Missing',
  // M-6: the seed's description is a dead "Click here" link; newer pages give this message.
  '7003': 'Mandatory parameters missing',
  '7006': 'Internal error occurred',
  '7010': 'Source ip is not white listed',
  '7011': 'Invalid Attribute Value',
  '7012': (settings) => `Batch size limit(${settings.batchLimit}) exceeded`,
  '7014': 'Customer not found',
  '7015': 'customer already exists',
  // M-8: the delete page numbers its conditions differently from the update page.
  '7203': 'Customer not found',
  '7208': 'Source IP is not whitelisted',
  '7600': 'Invalid transid or request is still queued',
} as const satisfies Record<string, string | ((settings: ImiconnectSettings) => string)>;

/** Every 7xxx code the emulation answers; each one's HTTP status is a setting (`httpStatus.byCode`). */
export type ImiconnectErrorCode = keyof typeof IMICONNECT_ERRORS;

export function describeCode(code: ImiconnectErrorCode, settings: ImiconnectSettings): string {
  const description: string | ((settings: ImiconnectSettings) => string) = IMICONNECT_ERRORS[code];
  return typeof description === 'string' ? description : description(settings);
}

type Ctx = Pick<RenderContext<ImiconnectStore, ImiconnectSettings>, 'settings'>;

/** `{"response":{"code","description"}}` with the HTTP status the settings map the code to (docs/vendors/imiconnect.md §2.2). */
export function renderImiconnectError(code: ImiconnectErrorCode, ctx: Ctx): HttpOutcome {
  const { alwaysOk, byCode } = ctx.settings.httpStatus;
  return { status: alwaysOk ? 200 : byCode[code], body: { response: { code, description: describeCode(code, ctx.settings) } }, contentType: JSON_TYPE };
}

export function imiconnectError(code: ImiconnectErrorCode, ctx: Ctx): VendorError {
  return new VendorError(code, renderImiconnectError(code, ctx));
}

export const errors: ErrorCatalogue<ImiconnectStore, ImiconnectSettings> = errorCatalogue(
  'imiconnect',
  Object.keys(IMICONNECT_ERRORS) as ImiconnectErrorCode[],
  renderImiconnectError,
);

/**
 * Paths and methods the API does not have. The vendor documents no code for
 * them, so the envelope carries the HTTP status instead of an invented 7xxx
 * code (docs/decisions/0203-imiconnect-route-errors.md); "always 200" does
 * not apply, as no IMIconnect operation was reached.
 */
const ROUTE_ERRORS = {
  NOT_FOUND: { status: 404, description: 'Not Found' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'Method Not Allowed' },
} as const;

function routeError(kind: keyof typeof ROUTE_ERRORS, headers?: Readonly<Record<string, string>>): HttpOutcome {
  const { status, description } = ROUTE_ERRORS[kind];
  return { status, body: { response: { code: String(status), description } }, contentType: JSON_TYPE, ...(headers ? { headers } : {}) };
}

const ATTRIBUTE_KEYS: ReadonlySet<unknown> = new Set(['Attributes', 'attributes']);

/**
 * Which code a contract violation is (contracts/imiconnect/openapi.yaml):
 * no body at all cannot be JSON (7000); a bad value inside a record's
 * Attributes is 7011; anything else (no Records, no customerId, no
 * Attributes, a bad query parameter) is 7003, which wins over 7011 as the
 * mandatory parameters are checked first.
 */
function codeForIssues(issues: readonly ValidationIssue[]): '7000' | '7003' | '7011' {
  if (issues.some((i) => i.location === 'body' && i.path.length === 0 && i.keyword === 'required')) return '7000';
  const inAttributes = (i: ValidationIssue) => i.location === 'body' && ATTRIBUTE_KEYS.has(i.path[2]) && !(i.path.length === 3 && i.keyword === 'required');
  return issues.every(inAttributes) ? '7011' : '7003';
}

/** How IMIconnect answers what the core detects. */
export const coreErrors: CoreErrors<ImiconnectStore, ImiconnectSettings> = {
  routeNotFound: () => routeError('NOT_FOUND'),
  methodNotAllowed: (_ctx, allowed) => routeError('METHOD_NOT_ALLOWED', { Allow: allowed.join(', ') }),
  malformedBody: (ctx) => renderImiconnectError('7000', ctx),
  // Only compressed bodies get here: any declared content type is read as JSON (docs/decisions/0202-imiconnect-requests.md).
  unsupportedMediaType: (ctx) => renderImiconnectError('7000', ctx),
  // A body over the sandbox's size limit is, for this API, a batch far over the record limit.
  payloadTooLarge: (ctx) => renderImiconnectError('7012', ctx),
  // The batch limit is checked before the records themselves, as a too-large batch is refused whole.
  invalidRequest: (ctx, issues) => {
    const size = batchSize(ctx.request.body) ?? 0;
    // Over the limit, the batch is the reason (explained here); otherwise the core explains the contract's issues.
    if (size > ctx.settings.batchLimit) return explained(renderImiconnectError('7012', ctx), reasonFor('7012', ctx, `${size} records`));
    return renderImiconnectError(codeForIssues(issues), ctx);
  },
  internalError: (ctx) => renderImiconnectError('7006', ctx),
};
