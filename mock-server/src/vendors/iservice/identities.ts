import type { SandboxIdentity } from '../../core/vendor-module.js';

/** README "Sandbox identities" (shared/notes/sandbox-identities.md). */
export const identities: readonly SandboxIdentity[] = [
  {
    name: 'agent',
    sentAs: 'form fields',
    credentials: { emailAddress: 'agent@sandbox.example', Password: 'sandbox-agent' },
    note: 'segments 2-12; contacts 466 and 467',
  },
  {
    name: 'customer',
    sentAs: 'form fields',
    credentials: { emailAddress: 'customer11@1to1service.com', Password: 'sandbox-customer' },
    note: 'contact 466, its own',
  },
  {
    name: 'agent session (scenario iservice/agent-user)',
    sentAs: 'cookie',
    credentials: { SessionID: 'sandbox-agent-session' },
    note: 'logged in as the agent',
  },
  {
    name: 'customer session (scenario iservice/customer-user)',
    sentAs: 'cookie',
    credentials: { SessionID: 'sandbox-customer-session' },
    note: 'logged in as the customer',
  },
];
