import { stringifySetCookie } from 'cookie';
import type { LoginSession } from './login-sessions.js';
import type { IServiceSettings } from './settings.js';

/**
 * The cookies the login form sets. The vendor only says that login "sets a
 * cookie holding a session ID" (https://www.iservice.info/guides/api/login-api.html);
 * the attributes are ours (docs/decisions/0402-iservice-login-sessions.md): no
 * Secure, so clients keep sending it to a plain-HTTP sandbox.
 */
export function loginCookies(session: LoginSession, settings: IServiceSettings): string[] {
  const cookies = [stringifySetCookie({ name: settings.sessionCookieName, value: session.id, path: '/', httpOnly: true, sameSite: 'lax' })];
  // Readable by scripts (no HttpOnly): the page echoes it in a header.
  if (settings.csrf.required) cookies.push(stringifySetCookie({ name: settings.csrf.cookieName, value: session.csrfToken, path: '/', sameSite: 'lax' }));
  return cookies;
}

/** Clears the session cookie on logout (an Expires in the past, fixed so answers stay reproducible). */
export function logoutCookie(settings: IServiceSettings): string {
  return stringifySetCookie({ name: settings.sessionCookieName, value: '', path: '/', expires: new Date(0), httpOnly: true, sameSite: 'lax' });
}
