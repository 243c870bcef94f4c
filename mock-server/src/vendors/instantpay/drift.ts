import type { DriftProfile } from '../../core/vendor-module.js';

/** What the drift proxy compares for Instantpay: every outcome is HTTP 200, so the envelope's `statuscode` says what happened (docs/vendors/instantpay.md §1.4). */
export const drift: DriftProfile = {
  resultCode: ['/statuscode'],
  credentials: ['x-ipay-client-secret'],
  // The sandbox account (README "Sandbox identities"); the auth code and endpoint IP pass as the client sent them.
  sandboxHeaders: {
    'x-ipay-client-id': 'hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=',
    'x-ipay-client-secret': '95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f',
  },
};
