import { isIP } from 'node:net';
import { explainedError, shown } from '../../core/explain.js';
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
  if (!account) throw explainedError(instantpayError('IAC', ctx), credentialsReason(ctx));
  // Wording modelled on a recorded Instantpay answer: "The X-Ipay-Outlet-Id header must have valid outletId." (docs/vendors/instantpay.md §1.2).
  const authCode = lastHeader(ctx.request.rawHeaders, 'x-ipay-auth-code');
  if (authCode !== '1') {
    throw explainedError(instantpayError('RPI', ctx, 'The X-Ipay-Auth-Code header must have valid authCode.'), {
      rule: 'auth-code',
      where: 'header:x-ipay-auth-code',
      expected: '"1" (the last value sent)',
      got: shown(authCode),
      source: `${AUTH_SOURCE} (decision 0106)`,
    });
  }
  const endpointIp = lastHeader(ctx.request.rawHeaders, 'x-ipay-endpoint-ip');
  if (!endpointIp || isIP(endpointIp) === 0) {
    throw explainedError(instantpayError('RPI', ctx, 'The X-Ipay-Endpoint-Ip header must have valid IP address.'), {
      rule: 'endpoint-ip',
      where: 'header:x-ipay-endpoint-ip',
      expected: 'an IPv4 or IPv6 address',
      got: shown(endpointIp),
      source: `${AUTH_SOURCE} (I-11)`,
    });
  }
  return { principal: { account } };
}

const AUTH_SOURCE = 'docs/vendors/instantpay.md §1.2';

/** Which of the two credential headers failed, and how (missing, unknown id, wrong secret, other environment). */
function credentialsReason(ctx: RequestContext<InstantpayStore, InstantpaySettings>) {
  const clientId = lastHeader(ctx.request.rawHeaders, 'x-ipay-client-id');
  const secret = lastHeader(ctx.request.rawHeaders, 'x-ipay-client-secret');
  const account = clientId ? ctx.state.account(clientId) : undefined;
  const base = { rule: 'credentials', expected: 'the client id and secret of an account', source: `${AUTH_SOURCE} (decision 0101)` } as const;
  if (!clientId) return { ...base, where: 'header:x-ipay-client-id', got: 'absent' };
  if (!account) return { ...base, where: 'header:x-ipay-client-id', got: `unknown client id ${shown(clientId)}` };
  if (!secret) return { ...base, where: 'header:x-ipay-client-secret', got: 'absent' };
  if (account.clientSecret !== secret) return { ...base, where: 'header:x-ipay-client-secret', got: "not this client id's secret" };
  return { ...base, where: 'header:x-ipay-client-id', expected: `an account of the scenario's environment (${ctx.environment ?? 'any'})`, got: `a ${account.environment} account` };
}
