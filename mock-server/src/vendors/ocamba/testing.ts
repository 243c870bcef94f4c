import type { VendorTesting } from '../../core/vendor-testing.js';
import { ocambaFixtures } from './generate-fixtures.js';

/** Ocamba Hood, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // Account A's sandbox key (README "Sandbox identities").
  admittedHeaders: () => Promise.resolve({ Authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd' }),
  routeLevelErrors: ['METHOD_NOT_ALLOWED'],
  notInPacts: [413, 415],
  generateFixtures: ocambaFixtures,
  // Each relies on one leniency (docs/leniencies.md): partner 1000418's email contact, account A's key.
  leniencyCases: {
    'ocamba/content-type': {
      method: 'PATCH',
      path: '/v1/hood/partners/1000418/contacts/b9193e28-9146-44ef-bf95-baa9c02c81d2',
      body: '{"value":"jane.doe@example.com"}',
      where: 'content-type',
      lenient: { status: 204 },
      strict: { status: 400, body: { code: 400, title: 'Bad request.', message: 'The request body is not valid.' } },
    },
    'ocamba/trailing-slash': {
      method: 'GET',
      path: '/v1/hood/partners/1000418/contacts/',
      where: 'path',
      lenient: { status: 200, body: { total: 2 } },
      strict: { status: 404, body: { code: 404, title: 'Not found.' } },
    },
  },
  // Partner 2000123 is no account's in the fixtures; 1000418 is account A's (README "Sandbox identities").
  providerStateCases: {
    'a partner with contacts': {
      params: { partnerId: '2000123', count: 3, type: 'email' },
      read: { method: 'GET', path: '/v1/hood/partners/2000123/contacts' },
      answer: { status: 200, body: { total: 3, items: [{ type: 'email' }, { type: 'email' }, { type: 'email' }] } },
    },
    'an Ocamba partner contact': {
      params: { partnerId: '1000418', contactId: '0b6f3c2a-5d1e-4f7a-9c3b-2e8d1a4f6b7c', type: 'mobile', value: '+46701234567' },
      read: { method: 'GET', path: '/v1/hood/partners/1000418/contacts/0b6f3c2a-5d1e-4f7a-9c3b-2e8d1a4f6b7c' },
      answer: { status: 200, body: { total: 1, items: [{ id: '0b6f3c2a-5d1e-4f7a-9c3b-2e8d1a4f6b7c', type: 'mobile', value: '+46701234567' }] } },
    },
  },
};
