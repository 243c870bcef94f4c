import type { VendorTesting } from '../../core/vendor-testing.js';
import { imiconnectFixtures } from './generate-fixtures.js';

/** IMIconnect, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // The sandbox tenant's service key (README "Sandbox identities").
  admittedHeaders: () => Promise.resolve({ key: '070b57a3-3308-4a2b-a009-d91d80ff926b' }),
  routeLevelErrors: [],
  notInPacts: [],
  generateFixtures: imiconnectFixtures,
};
