import type { Environment } from '../../core/scenario.js';
import type { RenderContext } from '../../core/vendor-module.js';
import type { Account } from './fixtures.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';

export type EnvironmentName = Account['environment'];

type Ctx = Pick<RenderContext<InstantpayStore, InstantpaySettings>, 'state' | 'environment' | 'request'>;

/**
 * The last value a header was sent with. The seed's curl sends
 * `X-Ipay-Auth-Code` twice (`{{authCode}}`, then `1`) (docs/vendors/instantpay.md I-1). HTTP
 * defines repeated field lines as one comma-separated list (RFC 9110 §5.3), and
 * `fetch` sends them as one line (`{{authCode}}, 1`), so the value is the last
 * non-empty member of that list, whether it came as lines or as one joined
 * line (docs/decisions/0106). None of the `X-Ipay-*` values can hold a comma.
 */
export function lastHeader(rawHeaders: readonly string[], name: string): string | undefined {
  let line: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() !== name) continue;
    // An empty line still counts as sent (an empty value), but empty list members do not.
    const members = rawHeaders[i + 1]!.split(',')
      .map((member) => member.trim())
      .filter((member) => member !== '');
    line = members.length === 0 ? '' : members[members.length - 1];
  }
  return line;
}

/**
 * Whether an account answers in the environment a scenario chose. A scenario's
 * `environment` emulates one Instantpay board (the staging board that issues
 * test credentials, or production): only accounts of that kind exist there.
 * Without one, both kinds are served side by side (docs/decisions/0101).
 */
export function activeIn(account: Account, environment: Environment | undefined): boolean {
  return environment === undefined || account.environment === toName(environment);
}

/** The account the request's client id and secret name, if it is active in this environment. */
export function authenticate(ctx: Ctx): Account | undefined {
  const headers = ctx.request.rawHeaders;
  const clientId = lastHeader(headers, 'x-ipay-client-id');
  const secret = lastHeader(headers, 'x-ipay-client-secret');
  if (!clientId || !secret) return undefined;
  const account = ctx.state.account(clientId);
  return account && account.clientSecret === secret && activeIn(account, ctx.environment) ? account : undefined;
}

/**
 * What `environment` a failure answer says: the kind of the account the
 * client id names (even with a wrong secret), else the scenario's board, else
 * LIVE, which every vendor sample on api.instantpay.in shows (docs/vendors/instantpay.md §1.1).
 */
export function environmentOf(ctx: Ctx): EnvironmentName {
  const clientId = lastHeader(ctx.request.rawHeaders, 'x-ipay-client-id');
  const account = clientId ? ctx.state.account(clientId) : undefined;
  if (account && activeIn(account, ctx.environment)) return account.environment;
  return ctx.environment === undefined ? 'LIVE' : toName(ctx.environment);
}

function toName(environment: Environment): EnvironmentName {
  return environment === 'sandbox' ? 'SANDBOX' : 'LIVE';
}
