import type { VendorTesting } from '../../core/vendor-testing.js';
import { ocambaFixtures } from './generate-fixtures.js';

/** Ocamba Hood, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // Account A's sandbox key (README "Sandbox identities").
  admittedHeaders: () => Promise.resolve({ Authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd' }),
  routeLevelErrors: ['METHOD_NOT_ALLOWED'],
  notInPacts: [413, 415],
  generateFixtures: ocambaFixtures,
};
