import type { DriftProfile } from '../../core/vendor-module.js';

/**
 * What the drift proxy compares for Ocamba Hood: the error envelope's `code`,
 * and the rate-limit headers (docs/vendors/ocamba.md): the limit is
 * configuration and must match; what is left and when it resets change with
 * every call, so only their format counts.
 */
export const drift: DriftProfile = {
  resultCode: ['/code'],
  headers: { 'x-ratelimit-limit': 'value', 'x-ratelimit-remaining': 'format', 'x-ratelimit-reset': 'format', 'retry-after': 'format' },
  sandboxHeaders: { authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd' },
};
