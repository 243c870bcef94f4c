/** The well-known sandbox identities (docs in README; source: shared/notes/sandbox-identities.md). */
export const OCAMBA = {
  keyA: '5d6a00456bfc614f9c809a26dcddc8aa749dc8dd',
  keyB: 'd81e89577b5b43fee0e3b05af59879d30d911540',
  expiredKey: 'e0e0e0e0aa11bb22cc33dd44ee55ff6600778899',
  companyA: '6197120',
  partner: '1000418',
  partnerOfB: '1000502',
  emailContact: 'b9193e28-9146-44ef-bf95-baa9c02c81d2',
  mobileContact: '95eb301b-6aaf-42ad-a219-ccbd5f4d3d2b',
} as const;

export const IMICONNECT = {
  key: '070b57a3-3308-4a2b-a009-d91d80ff926b',
  /** A second tenant, whose allow-list only admits 198.51.100.0/24. */
  allowListedKey: '4c5d8e2a-9b1f-4f6e-a7d3-2e8c0b9a1f57',
  customer: '1234568',
  otherCustomer: '1234569',
  absentCustomer: '9999999',
  /** Finished transactions of the sandbox tenant in the default fixtures: 1000 SUCCESS (1234568, 1234569), and 1002 Partial success (9999999 → 7014). */
  finishedTransid: '3c6f1d2e-8a4b-4f7c-9e05-b1d2a3c4e5f6',
  partialTransid: '7e9a0b1c-2d3e-4f50-a617-28394a5b6c7d',
} as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Loyaltii (seed 002): the bearer token, contacts 1 and 2 of its account, store 1 (store 999 does not exist). */
export const LOYALTII = {
  token: 'ddcfa9eaf8504d171cc95e1a1258e15847bd86a9',
  secondAccountToken: '7c1e4b9a2f6d8e0c3b5a7f9e1d2c4b6a8f0e2d4c',
  basic: { user: 'sandbox', password: 'sandbox-password' },
  contact1: { id: 1, version: 'AAAAAAAAB9E=', secret: '3f6c0e1b9a2d4c7e8f01a2b3c4d5e6f7', email: 'anna.lindqvist@example.com', phone: '701234567' },
  contact2: { id: 2, version: 'AAAAAAAAB9I=', email: 'erik.johansson@example.com', phone: '709876543' },
  /** The second account's contact, holding contact 1's Email and Phone. */
  contactOfSecondAccount: 8,
  store: 1,
  unknownStore: 999,
} as const;

/** iService (seed 004): shared/notes/sandbox-identities.md. */
export const ISERVICE = {
  agent: { emailAddress: 'agent@sandbox.example', Password: 'sandbox-agent', contactID: 100 },
  customer: { emailAddress: 'customer11@1to1service.com', Password: 'sandbox-customer', contactID: 466 },
  seedContact: 466,
  otherContact: 467,
  /** Only in segment 1, which the agent cannot access. */
  hiddenContact: 468,
  agentSegments: ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  /** Cookie values the scenarios iservice/agent-user and iservice/customer-user log in. */
  presetAgentSession: 'sandbox-agent-session',
  presetCustomerSession: 'sandbox-customer-session',
} as const;

/** Instantpay's two accounts (a client id/secret pair each) and the seed's records, which both accounts hold. */
export const INSTANTPAY = {
  sandbox: { clientId: 'hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=', clientSecret: '95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f' },
  live: { clientId: 'g3knLSEQk3FJ2+XwA7U0ubbNkjV00UqJ9LWDmUeMc1c=', clientSecret: 'af64400aa8308a6aba8389e07d8a70ebbd3fb2201f5fb2e8525728d24b58e92a' },
  liveUserId: 189590,
  contact: '645383ba4acec95a32089822',
  tag: '645381c92c8e9e093406ccb2',
  seedResponseTag: '645b280e95335f08eb021aa2',
  seedResponseContact: '645b283b9b2e242ec80dd5c2',
  person: '6453951835fca2f80f074002',
  listedPerson: '6453969c6e9109027e051202',
} as const;

/** The four headers that admit a request of Instantpay's sandbox account from an allow-listed endpoint IP. */
export const INSTANTPAY_HEADERS = {
  'x-ipay-auth-code': '1',
  'x-ipay-client-id': INSTANTPAY.sandbox.clientId,
  'x-ipay-client-secret': INSTANTPAY.sandbox.clientSecret,
  'x-ipay-endpoint-ip': '125.0.0.1',
} as const;
