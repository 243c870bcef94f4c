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
};
