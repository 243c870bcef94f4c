import type { SandboxIdentity } from '../../core/vendor-module.js';

/** README "Sandbox identities" (shared/notes/sandbox-identities.md). */
export const identities: readonly SandboxIdentity[] = [
  {
    name: 'account A',
    sentAs: 'headers',
    credentials: { Authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd' },
    note: 'partner 1000418 with email contact b9193e28-9146-44ef-bf95-baa9c02c81d2 and mobile contact 95eb301b-6aaf-42ad-a219-ccbd5f4d3d2b',
  },
  {
    name: 'account B',
    sentAs: 'headers',
    credentials: { Authorization: 'Bearer d81e89577b5b43fee0e3b05af59879d30d911540' },
    note: 'partners 1000501 and 1000502; rate-limit counters of its own',
  },
  {
    name: 'expired key',
    sentAs: 'headers',
    credentials: { Authorization: 'Bearer e0e0e0e0aa11bb22cc33dd44ee55ff6600778899' },
    note: 'expired in 2024',
  },
];
