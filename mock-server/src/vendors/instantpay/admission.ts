import { isIP } from 'node:net';
import type { Admission, RequestContext } from '../../core/vendor-module.js';
import { authenticate, lastHeader } from './credentials.js';
import { instantpayError } from './errors.js';
import type { Account } from './fixtures.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';

/** The account a request acts for. */
export interface InstantpayPrincipal {
  readonly account: Account;
}

/**
 * The four `X-Ipay-*` headers, in this order (docs/decisions/0101):
 * client id and secret name an account, else `IAC` "Invalid Dealer
 * Credentials"; then `X-Ipay-Auth-Code` must be `1` (the last one sent,
 * docs/vendors/instantpay.md I-1) and `X-Ipay-Endpoint-Ip` an IP address (I-11), else `RPI`
 * (docs/vendors/instantpay.md §1.2, suggested). Instantpay documents no rate limits.
 */
export function admit(ctx: RequestContext<InstantpayStore, InstantpaySettings>): Admission<InstantpayPrincipal> {
  const account = authenticate(ctx);
  if (!account) throw instantpayError('IAC', ctx);
  // Wording modelled on a recorded Instantpay answer: "The X-Ipay-Outlet-Id header must have valid outletId." (docs/vendors/instantpay.md §1.2).
  if (lastHeader(ctx.request.rawHeaders, 'x-ipay-auth-code') !== '1') throw instantpayError('RPI', ctx, 'The X-Ipay-Auth-Code header must have valid authCode.');
  const endpointIp = lastHeader(ctx.request.rawHeaders, 'x-ipay-endpoint-ip');
  if (!endpointIp || isIP(endpointIp) === 0) throw instantpayError('RPI', ctx, 'The X-Ipay-Endpoint-Ip header must have valid IP address.');
  return { principal: { account } };
}
