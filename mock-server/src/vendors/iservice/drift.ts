import type { DriftProfile } from '../../core/vendor-module.js';

/**
 * What the drift proxy compares for iService: failures are listed in
 * `errors[]`, so the first one's message is the result. Credentials travel in the
 * login form (`Password`, redacted by default) and the session cookie, so there
 * is no sandbox header to swap in: the sandbox sees what the client sent.
 */
export const drift: DriftProfile = {
  resultCode: ['/errors/0'],
  credentials: ['emailaddress'],
};
