import type { DriftProfile } from '../../core/vendor-module.js';

/** What the drift proxy compares for IMIconnect: `response.code` on writes and errors, `code` on Get Profile (docs/vendors/imiconnect.md). */
export const drift: DriftProfile = {
  resultCode: ['/response/code', '/code'],
  credentials: ['key', 'secretKey'],
  sandboxHeaders: { key: '070b57a3-3308-4a2b-a009-d91d80ff926b' },
};
