import { parseCookie } from 'cookie';
import type { Admission, RequestContext } from '../../core/vendor-module.js';
import { iserviceError } from './errors.js';
import type { User } from './fixtures.js';
import type { LoginSession } from './login-sessions.js';
import type { IServiceSettings } from './settings.js';
import type { IServiceStore, SessionState } from './store.js';

type Ctx = RequestContext<IServiceStore, IServiceSettings>;

/** Why a request is not logged in. */
export type AnonymousState = Exclude<SessionState, { kind: 'active' }> | { readonly kind: 'no-cookie' };

/** Who is calling: a logged-in user, or nobody (and why, for the error details). */
export type IServicePrincipal = { readonly kind: 'user'; readonly user: User; readonly session: LoginSession } | { readonly kind: 'anonymous'; readonly state: AnonymousState };

/** The value of a request cookie, parsed with the `cookie` package. */
export function requestCookie(ctx: Pick<Ctx, 'request'>, name: string): string | undefined {
  const header = ctx.request.headers.cookie;
  return header === undefined ? undefined : parseCookie(header)[name];
}

/**
 * The session cookie, resumed on the virtual clock. The login form answers
 * anyone (api=login needs no session; loggedin/logout report or end whatever
 * session there is); the customer-info form needs a live session ("most
 * endpoints need a logged-in session", docs/vendors/iservice.md §5.1) and, when the CSRF switch
 * is on, a header echoing the token cookie.
 */
export function admit(ctx: Ctx): Admission<IServicePrincipal> {
  const id = requestCookie(ctx, ctx.settings.sessionCookieName);
  const state: SessionState | AnonymousState = id === undefined ? { kind: 'no-cookie' } : ctx.state.resume(id, ctx.clock.now(), ctx.settings);
  if (state.kind === 'active') {
    const principal = { kind: 'user', user: state.user, session: state.session } as const;
    if (ctx.operationId === 'webappApiCustinfo' && ctx.settings.csrf.required) checkCsrf(ctx, state.session);
    return { principal };
  }
  if (ctx.operationId === 'webappApiCustinfo') {
    throw iserviceError('NOT_LOGGED_IN', ctx, notLoggedInDetail(state, ctx.settings), {
      rule: 'login',
      where: 'header:cookie',
      expected: `a live session in the ${ctx.settings.sessionCookieName} cookie (POST /f/webapp-api-login?api=login)`,
      got:
        state.kind === 'no-cookie'
          ? 'no session cookie'
          : state.kind === 'unknown'
            ? 'a cookie naming no session'
            : `a session ${state.reason.kind === 'expired' ? 'expired' : 'logged out'}`,
      source: 'docs/vendors/iservice.md §5.1 (decision 0402)',
    });
  }
  return { principal: { kind: 'anonymous', state } };
}

function checkCsrf(ctx: Ctx, session: LoginSession): void {
  const header = ctx.request.headers[ctx.settings.csrf.headerName.toLowerCase()];
  if (header !== session.csrfToken) {
    throw iserviceError('INVALID_SECURITY_TOKEN', ctx, `The ${ctx.settings.csrf.headerName} header must echo the ${ctx.settings.csrf.cookieName} cookie set at login.`, {
      rule: 'csrf',
      where: `header:${ctx.settings.csrf.headerName.toLowerCase()}`,
      expected: `the ${ctx.settings.csrf.cookieName} cookie's value`,
      got: header === undefined ? 'absent' : 'another value',
      source: 'docs/decisions/0402-iservice-login-sessions.md',
    });
  }
}

function notLoggedInDetail(state: AnonymousState, settings: IServiceSettings): string {
  const cookie = settings.sessionCookieName;
  switch (state.kind) {
    case 'no-cookie':
      return `The request carries no ${cookie} cookie.`;
    case 'unknown':
      return `The ${cookie} cookie names no session.`;
    case 'ended':
      return state.reason.kind === 'expired' ? `The session ended after ${state.reason.idleMinutes} minutes without a request.` : 'The session was logged out.';
  }
}
