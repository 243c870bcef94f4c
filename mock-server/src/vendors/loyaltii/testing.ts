import type { VendorTesting } from '../../core/vendor-testing.js';
import { loyaltiiFixtures } from './generate-fixtures.js';

/** Loyaltii, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // The sandbox account's bearer token (README "Sandbox identities").
  admittedHeaders: () => Promise.resolve({ Authorization: 'Bearer ddcfa9eaf8504d171cc95e1a1258e15847bd86a9' }),
  routeLevelErrors: [],
  // 405 is GET /api/v1/Contacts without `secret` (the client always sends it); 413/415 need an oversized or non-JSON body.
  notInPacts: [405, 413, 415],
  generateFixtures: loyaltiiFixtures,
  // None declared (vendors/loyaltii/leniencies.ts says why).
  leniencyCases: {},
  // Contact 4242 is no account's in the fixtures; AAAAAAAAJxA= is rowversion 10000.
  providerStateCases: {
    'a Loyaltii contact': {
      params: { id: 4242, version: 'AAAAAAAAJxA=', email: 'pact.contact@example.com', firstName: 'Pact' },
      read: { method: 'GET', path: '/api/v1/Contacts/4242', headers: { Accept: 'application/json' } },
      answer: { status: 200, body: { Id: 4242, Version: 'AAAAAAAAJxA=', Email: 'pact.contact@example.com', FirstName: 'Pact' } },
    },
  },
};
