import type { VendorTesting } from '../../core/vendor-testing.js';
import { iserviceFixtures } from './generate-fixtures.js';

/** iService, for the generic tests and the fixture generator (not part of the build). */
export const testing: VendorTesting = {
  // iService admits by session cookie: log the sandbox agent (README "Sandbox identities") in, in the same sandbox session.
  admittedHeaders: async (baseUrl, session) => {
    const res = await fetch(`${baseUrl}/f/webapp-api-login?api=login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Sandbox-Session': session },
      body: new URLSearchParams({ emailAddress: 'agent@sandbox.example', Password: 'sandbox-agent' }).toString(),
    });
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error(`iservice: the sandbox agent could not log in (HTTP ${res.status})`);
    return { Cookie: cookie };
  },
  routeLevelErrors: ['NOT_FOUND'],
  // A body over the sandbox's limit, a compressed body: test/integration/iservice/forms-and-errors.test.ts.
  notInPacts: [413, 415],
  generateFixtures: iserviceFixtures,
  // Each relies on one leniency (docs/leniencies.md): the sandbox agent saves the seed's contact 466.
  leniencyCases: {
    'iservice/content-type': {
      method: 'POST',
      path: '/f/webapp-api-custinfo?api=setdetails',
      body: JSON.stringify({
        contactID: 466,
        details: { properties: [{ propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] }], setLogins: false, logins: [] },
        membership: ['2', '3'],
      }),
      where: 'content-type',
      lenient: { status: 200, body: { errors: [], errorDetails: [] } },
      strict: { status: 200, body: { errors: ['The request could not be read.'] } },
    },
    'iservice/contactid-string': {
      method: 'POST',
      path: '/f/webapp-api-custinfo?api=setdetails',
      headers: { 'Content-Type': 'application/json' },
      body: {
        contactID: '466',
        details: { properties: [{ propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] }], setLogins: false, logins: [] },
        membership: ['2', '3'],
      },
      where: '/contactID',
      lenient: { status: 200, body: { errors: [], errorDetails: [] } },
      strict: { status: 200, body: { errors: ['Invalid request.'], errorDetails: ['contactID: must be number'] } },
    },
    'iservice/membership-absent': {
      method: 'POST',
      path: '/f/webapp-api-custinfo?api=setdetails',
      headers: { 'Content-Type': 'application/json' },
      body: { contactID: 466, details: { properties: [{ propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] }], setLogins: false, logins: [] } },
      where: '/membership',
      lenient: { status: 200, body: { errors: [], errorDetails: [] } },
      strict: { status: 200, body: { errors: ['Invalid request.'], errorDetails: ["body: must have required property 'membership'"] } },
    },
    'iservice/logins-absent': {
      method: 'POST',
      path: '/f/webapp-api-custinfo?api=setdetails',
      headers: { 'Content-Type': 'application/json' },
      body: { contactID: 466, details: { properties: [{ propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] }], setLogins: false }, membership: ['2', '3'] },
      where: '/details/logins',
      lenient: { status: 200, body: { errors: [], errorDetails: [] } },
      strict: { status: 200, body: { errors: ['Invalid request.'], errorDetails: ["details: must have required property 'logins'"] } },
    },
    'iservice/trailing-slash': {
      method: 'POST',
      path: '/f/webapp-api-custinfo/?api=details',
      headers: { 'Content-Type': 'application/json' },
      body: { contactID: 466 },
      where: 'path',
      lenient: { status: 200, body: { errors: [], contactID: 466 } },
      strict: { status: 404, body: { errors: ['Unknown form.'] } },
    },
  },
  // Contact 900 is not in the fixtures; segment 2 is the sandbox agent's.
  providerStateCases: {
    'an iService contact': {
      params: { contactID: 900, properties: { '1': 'Pact', '3': 'Tester' }, email: 'pact.tester@example.com', segments: ['2'] },
      read: { method: 'POST', path: '/f/webapp-api-custinfo?api=details', headers: { 'Content-Type': 'application/json' }, body: { contactID: 900 } },
      answer: {
        status: 200,
        body: {
          contactID: 900,
          details: {
            properties: [
              { propertyID: '1', values: [{ value: 'Pact' }] },
              { propertyID: '3', values: [{ value: 'Tester' }] },
            ],
            logins: [{ name: 'pact.tester@example.com', type: 'Email' }],
          },
          membership: ['2'],
        },
      },
    },
  },
};
