import type { DriftProfile } from '../../core/vendor-module.js';

/** What the drift proxy compares for Loyaltii: ASP.NET Web API says everything with the HTTP status; the bearer token is the credential. */
export const drift: DriftProfile = {
  sandboxHeaders: { authorization: 'Bearer ddcfa9eaf8504d171cc95e1a1258e15847bd86a9' },
};
