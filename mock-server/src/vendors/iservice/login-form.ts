import { explained } from '../../core/explain.js';
import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall } from '../../core/vendor-module.js';
import type { IServicePrincipal } from './admission.js';
import { loginCookies, logoutCookie } from './cookies.js';
import { issueDetails, JSON_TYPE, renderFailures, renderIServiceError } from './errors.js';
import type { User } from './fixtures.js';
import type { LoginApi } from './forms.js';
import type { IServiceSettings } from './settings.js';
import type { IServiceStore } from './store.js';

type Call = OperationCall<IServiceStore, IServiceSettings, IServicePrincipal>;

const ok = (body: object, headers?: Record<string, string | string[]>): HttpOutcome => ({
  status: 200,
  body: { errors: [], errorDetails: [], ...body },
  contentType: JSON_TYPE,
  ...(headers ? { headers } : {}),
});

/** `loggedIn` as api=login and api=loggedin report it: the user and its access rights (user type, segments). */
function loggedIn(call: Call, user: User, emailAddress: string) {
  return {
    isLoggedIn: true,
    contactID: user.contactID,
    name: call.state.directory.displayName(user.contactID),
    emailAddress,
    userType: user.userType,
    segments: [...user.segments],
  };
}

/** What a login with a wrong email address or password answers in `errors` (coverage reads it as the outcome LOGIN_FAILED). */
export const LOGIN_REFUSED = 'Invalid email address or password.';

/**
 * `POST /f/webapp-api-login?api=…` (https://www.iservice.info/guides/api/login-api.html).
 * The reply's `loggedIn.isLoggedIn` and `errors[0]` are what a public iService
 * PowerShell script reads (docs/vendors/iservice.md §5.1).
 */
export const LOGIN_FORM: Readonly<Record<LoginApi, (call: Call) => HttpOutcome>> = {
  login: (call) => {
    if (call.request.body === undefined) return renderIServiceError('INVALID_REQUEST', call, 'body: emailAddress and Password are required');
    const issues = call.contract.validateSchema('LoginRequest', call.request.body);
    if (issues.length > 0) return renderFailures(issueDetails(issues), call);
    const { emailAddress, Password } = call.request.body as { emailAddress: string; Password: string };
    const result = call.state.login(emailAddress, Password, call.clock.now());
    if (!result) {
      return explained(
        {
          status: 200,
          contentType: JSON_TYPE,
          body: { errors: [LOGIN_REFUSED], errorDetails: ['No user has this email address and password.'], loggedIn: { isLoggedIn: false } },
        },
        { rule: 'credentials', where: '/emailAddress', expected: "a user's email address and password", got: 'no such user and password', source: 'docs/vendors/iservice.md §5.1' },
      );
    }
    return ok({ loggedIn: loggedIn(call, result.user, result.session.emailAddress) }, { 'Set-Cookie': loginCookies(result.session, call.settings) });
  },

  // A status query: not being logged in is an answer here, not an error.
  loggedin: (call) => ok({ loggedIn: call.principal.kind === 'user' ? loggedIn(call, call.principal.user, call.principal.session.emailAddress) : { isLoggedIn: false } }),

  // Idempotent (suggested): logging out without a session still succeeds, and the cookie is cleared either way.
  logout: (call) => {
    if (call.principal.kind === 'user') call.state.sessions.end(call.principal.session.id, { kind: 'logged-out' });
    return ok({}, { 'Set-Cookie': logoutCookie(call.settings) });
  },
};
