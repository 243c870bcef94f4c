import type { VendorTesting } from '../../core/vendor-testing.js';
import { instantpayFixtures } from './generate-fixtures.js';

/** Instantpay, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // The sandbox credentials from an allow-listed endpoint IP (README "Sandbox identities").
  admittedHeaders: () =>
    Promise.resolve({
      'X-Ipay-Auth-Code': '1',
      'X-Ipay-Client-Id': 'hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=',
      'X-Ipay-Client-Secret': '95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f',
      'X-Ipay-Endpoint-Ip': '125.0.0.1',
    }),
  routeLevelErrors: [],
  notInPacts: [],
  generateFixtures: instantpayFixtures,
};
