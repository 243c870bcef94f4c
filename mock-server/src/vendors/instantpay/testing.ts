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
  // Each relies on one leniency (docs/leniencies.md); the contact and tag are the seed's.
  leniencyCases: {
    'instantpay/content-type': {
      method: 'PATCH',
      path: '/contacts/profile',
      body: JSON.stringify({
        contactId: '645383ba4acec95a32089822',
        name: 'Sample Name',
        email: 'sample.name@example.com',
        mobile: '7428585742',
        tagDetails: [{ tagId: '645381c92c8e9e093406ccb2' }],
      }),
      where: 'content-type',
      lenient: { status: 200, body: { statuscode: 'TXN', status: 'Contact Updated Successfully' } },
      strict: { status: 200, body: { statuscode: 'RPI', status: 'The contact id field is required.', data: null } },
    },
    'instantpay/repeated-header': {
      method: 'PATCH',
      path: '/contacts/profile',
      headers: { 'Content-Type': 'application/json', 'X-Ipay-Auth-Code': ['{{authCode}}', '1'] },
      body: {
        contactId: '645383ba4acec95a32089822',
        name: 'Sample Name',
        email: 'sample.name@example.com',
        mobile: '7428585742',
        tagDetails: [{ tagId: '645381c92c8e9e093406ccb2' }],
      },
      where: 'X-Ipay-Auth-Code',
      lenient: { status: 200, body: { statuscode: 'TXN' } },
      strict: { status: 200, body: { statuscode: 'RPI', status: 'The X-Ipay-Auth-Code header must have valid authCode.' } },
    },
    'instantpay/trailing-slash': {
      method: 'GET',
      path: '/contacts/tag/',
      where: 'path',
      lenient: { status: 200, body: { statuscode: 'TXN', status: 'Transaction Successful' } },
      strict: { status: 404, body: { statuscode: 'ERR', status: 'Route Not Found' } },
    },
  },
  // 65f1a2b3… is no account's contact in the fixtures; its time prefix is 2024-03-13T12:57:23Z.
  providerStateCases: {
    'an Instantpay contact': {
      params: { contactId: '65f1a2b3c4d5e6f708192a3b', name: 'Pact Contact', mobile: '9876543210' },
      read: { method: 'GET', path: '/contacts/profile' },
      answer: {
        status: 200,
        body: { statuscode: 'TXN', data: [{ _id: '65f1a2b3c4d5e6f708192a3b', name: 'Pact Contact', mobile: '9876543210', created_at: '2024-03-13T12:57:23.000000Z' }] },
      },
    },
  },
};
