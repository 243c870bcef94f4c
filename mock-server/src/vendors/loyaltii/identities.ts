import type { SandboxIdentity } from '../../core/vendor-module.js';

/** README "Sandbox identities" (shared/notes/sandbox-identities.md). */
export const identities: readonly SandboxIdentity[] = [
  {
    name: 'sandbox account',
    sentAs: 'headers',
    credentials: { Authorization: 'Bearer ddcfa9eaf8504d171cc95e1a1258e15847bd86a9' },
    note: 'contacts 1 and 2, store 1 (store 999 does not exist)',
  },
  {
    name: 'second account',
    sentAs: 'headers',
    credentials: { Authorization: 'Bearer 7c1e4b9a2f6d8e0c3b5a7f9e1d2c4b6a8f0e2d4c' },
    note: "contact 8, holding contact 1's Email and Phone",
  },
  {
    name: 'basic auth (scenario loyaltii/basic-auth)',
    sentAs: 'headers',
    credentials: { Authorization: 'Basic c2FuZGJveDpzYW5kYm94LXBhc3N3b3Jk' },
    note: 'user sandbox, password sandbox-password',
  },
];
