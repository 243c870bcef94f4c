import type { SandboxIdentity } from '../../core/vendor-module.js';

/** README "Sandbox identities" (shared/notes/sandbox-identities.md). */
export const identities: readonly SandboxIdentity[] = [
  {
    name: 'sandbox tenant',
    sentAs: 'headers',
    credentials: { key: '070b57a3-3308-4a2b-a009-d91d80ff926b' },
    note: 'no IP allow-list; customers 1234568 and 1234569 exist, 9999999 does not',
  },
  {
    name: 'allow-listed tenant',
    sentAs: 'headers',
    credentials: { key: '4c5d8e2a-9b1f-4f6e-a7d3-2e8c0b9a1f57' },
    note: 'admits only clients in 198.51.100.0/24',
  },
];
