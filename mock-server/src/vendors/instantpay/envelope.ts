import type { HttpOutcome } from '../../core/http-outcome.js';
import type { RenderContext } from '../../core/vendor-module.js';
import type { EnvironmentName } from './credentials.js';
import { ipayUuid, istTimestamp } from './formats.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';

/** Laravel's JsonResponse answers `application/json` without a charset. */
export const JSON_TYPE = 'application/json';

type Ctx = Pick<RenderContext<InstantpayStore, InstantpaySettings>, 'clock' | 'random' | 'settings'>;

export interface EnvelopeFields {
  readonly statuscode: string;
  readonly status: string;
  readonly data: unknown;
}

/**
 * Instantpay's envelope, common to all its APIs, in the vendor's field order
 * (seed 000; docs/vendors/instantpay.md §1.3): `actcode`, `orderid` and `internalCode` are null
 * outside transactions, `timestamp` is IST, `ipay_uuid` encodes the time.
 */
export function envelope(ctx: Ctx, fields: EnvelopeFields, environment: EnvironmentName, httpStatus = 200): HttpOutcome {
  const now = ctx.clock.now();
  return {
    status: httpStatus,
    contentType: JSON_TYPE,
    body: {
      statuscode: fields.statuscode,
      actcode: null,
      status: fields.status,
      data: fields.data,
      timestamp: istTimestamp(now),
      ipay_uuid: ipayUuid(now, ctx.random, ctx.settings.ipayUuid),
      orderid: null,
      environment,
      internalCode: null,
    },
  };
}
