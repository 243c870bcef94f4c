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
