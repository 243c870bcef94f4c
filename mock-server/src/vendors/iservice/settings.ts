/** What a scenario may change (schema: contracts/iservice/settings.schema.json). */
export interface IServiceSettings {
  /** Minutes without a request after which a login session ends (0: at its next request). */
  readonly sessionIdleMinutes: number;
  readonly sessionCookieName: string;
  readonly notLoggedInStatus: 200 | 401;
  readonly methodNotAllowedStatus: 200 | 405;
  readonly csrf: {
    readonly required: boolean;
    readonly cookieName: string;
    readonly headerName: string;
  };
  /** Cookie value → email login of the user that session is logged in as. */
  readonly presetSessions: Readonly<Record<string, string>>;
}

/**
 * 90 idle minutes: "the default time frame for agent inactivity is 90 minutes"
 * (https://www.iservice.info/guides/api/login-api.html). Failures answer 200
 * with `errors` (docs/vendors/iservice.md §5.2, S-6); no CSRF check by default (docs/vendors/iservice.md §5.1).
 * The cookie name is not documented (docs/decisions/0402-iservice-login-sessions.md).
 */
export const DEFAULT_SETTINGS: IServiceSettings = {
  sessionIdleMinutes: 90,
  sessionCookieName: 'SessionID',
  notLoggedInStatus: 200,
  methodNotAllowedStatus: 200,
  csrf: { required: false, cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' },
  presetSessions: {},
};
