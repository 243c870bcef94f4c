import type { VendorTesting } from '../../core/vendor-testing.js';
import { imiconnectFixtures } from './generate-fixtures.js';

/** IMIconnect, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // The sandbox tenant's service key (README "Sandbox identities").
  admittedHeaders: () => Promise.resolve({ key: '070b57a3-3308-4a2b-a009-d91d80ff926b' }),
  routeLevelErrors: [],
  notInPacts: [],
  generateFixtures: imiconnectFixtures,
  // Each relies on one leniency (docs/leniencies.md); strict answers carry HTTP 200, as imiconnect/http-status makes every strict answer.
  leniencyCases: {
    'imiconnect/content-type': {
      method: 'PUT',
      path: '/resources/v2/customerprofile',
      body: '{"Records":[{"customerId":"1234568","Attributes":{"name":"umtest"}}]}',
      where: 'content-type',
      lenient: { status: 200, body: { response: { code: '1001', description: 'Queued' } } },
      strict: { status: 200, body: { response: { code: '7000', description: 'Invalid JSON' } } },
    },
    'imiconnect/records-spelling': {
      method: 'PUT',
      path: '/resources/v2/customerprofile',
      headers: { 'Content-Type': 'application/json' },
      body: { records: [{ customerId: '1234568', Attributes: { name: 'umtest' } }] },
      where: '/records',
      lenient: { status: 200, body: { response: { code: '1001' } } },
      strict: { status: 200, body: { response: { code: '7003', description: 'Mandatory parameters missing' } } },
    },
    'imiconnect/customerid-spelling': {
      method: 'PUT',
      path: '/resources/v2/customerprofile',
      headers: { 'Content-Type': 'application/json' },
      body: {
        Records: [
          { customerId: '1234568', Attributes: { name: 'umtest' } },
          { customerid: '1234569', Attributes: { name: 'umtest' } },
        ],
      },
      where: '/Records/1/customerid',
      lenient: { status: 200, body: { response: { code: '1001' } } },
      strict: { status: 200, body: { response: { code: '7003' } } },
    },
    'imiconnect/attributes-spelling': {
      method: 'POST',
      path: '/resources/v2/customerprofile',
      headers: { 'Content-Type': 'application/json' },
      body: { Records: [{ customerId: '9999999', attributes: { name: 'newcomer' } }] },
      where: '/Records/0/attributes',
      lenient: { status: 200, body: { response: { code: '1001' } } },
      strict: { status: 200, body: { response: { code: '7003' } } },
    },
    'imiconnect/attribute-types': {
      method: 'PUT',
      path: '/resources/v2/customerprofile',
      headers: { 'Content-Type': 'application/json' },
      body: { Records: [{ customerId: '1234568', Attributes: { name: 'umtest', points: 12 } }] },
      where: '/Records/0/Attributes/points',
      lenient: { status: 200, body: { response: { code: '1001' } } },
      strict: { status: 200, body: { response: { code: '7011', description: 'Invalid Attribute Value' } } },
    },
    'imiconnect/secretkey-header': {
      method: 'DELETE',
      path: '/resources/v2/customerprofile/1234568',
      headers: { key: null, secretKey: '070b57a3-3308-4a2b-a009-d91d80ff926b' },
      where: 'secretKey',
      lenient: { status: 200, body: { response: { code: '1001' } } },
      strict: { status: 200, body: { response: { code: '7002', description: 'Service Key Missing' } } },
    },
    'imiconnect/trailing-slash': {
      method: 'GET',
      path: '/resources/v2/customerprofile/1234568/',
      where: 'path',
      lenient: { status: 200, body: { code: '1000' } },
      strict: { status: 404, body: { response: { code: '404', description: 'Not Found' } } },
    },
    'imiconnect/http-status': {
      method: 'GET',
      path: '/resources/v2/customerprofile/1234568',
      headers: { key: 'not-a-profile-key' },
      where: 'status',
      lenient: { status: 401, body: { response: { code: '7001', description: 'Authentication failed' } } },
      strict: { status: 200, body: { response: { code: '7001', description: 'Authentication failed' } } },
    },
  },
  // Customer 5550001 is no tenant's in the fixtures.
  providerStateCases: {
    'an IMIconnect profile': {
      params: { customerId: '5550001', attributes: { name: 'pact', tier: 'gold' } },
      read: { method: 'GET', path: '/resources/v2/customerprofile/5550001' },
      answer: {
        status: 200,
        body: {
          Records: [
            {
              Attributes: [
                { Name: 'name', Value: 'pact' },
                { Name: 'tier', Value: 'gold' },
                { Name: 'customerId', Value: '5550001' },
              ],
            },
          ],
        },
      },
    },
  },
};
