import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { ISERVICE } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { CONTACT_466, CUSTINFO, iserviceClient, LOGIN, notLoggedIn, OK, SEED_PAYLOAD } from './client.js';

/** A scenario of our own, to show the idle limit is a setting. */
function extraScenarios(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iservice-scenarios-'));
  mkdirSync(join(dir, 'test'));
  writeFileSync(join(dir, 'test', 'idle-5.yaml'), 'description: sessions end after 5 idle minutes\nvendors:\n  iservice:\n    settings: { sessionIdleMinutes: 5 }\n');
  return dir;
}

const t = useSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios, extraScenarios()] });
const api = iserviceClient(t);
const serverError = { errors: ['An unexpected error occurred.'], errorDetails: ['The server could not complete the request.'] };
const agentCookie = `SessionID=${ISERVICE.presetAgentSession}`;
const customerCookie = `SessionID=${ISERVICE.presetCustomerSession}`;

const activate = (session: string, name: string) => t.admin(session).activate(name);
const providerState = (session: string, state: string, action: 'setup' | 'teardown' = 'setup') => t.admin(session).providerState(state, action);
const storedFirstName = async (session: string, contactID = 466) => {
  const res = await t.admin(session).state('iservice');
  return res.body.contacts.find((c: { contactID: number }) => c.contactID === contactID).properties[0].values;
};

describe('scenario iservice/server-error', () => {
  it("answers every customer-info call with HTTP 500 and iService's envelope, and writes nothing (session, via the admin API)", async () => {
    const session = t.newSession();
    expect((await activate(session, 'iservice/server-error')).status).toBe(200);
    const cookie = await api.login(session);
    for (const [name, body] of [
      ['setdetails', SEED_PAYLOAD],
      ['details', { contactID: 466 }],
      ['newcontact', { details: { properties: [] } }],
    ] as const) {
      const res = await api.custinfo(session, name, body, cookie);
      expect(res.status).toBe(500);
      expect(res.body).toEqual(serverError);
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    }
    expect(await storedFirstName(session)).toEqual([{ value: 'Jon' }]);
  });

  it('still answers "You must be logged in." first to a call without a session', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/server-error');
    expect((await api.custinfo(session, 'details', { contactID: 466 })).body).toEqual(notLoggedIn('The request carries no SessionID cookie.'));
  });

  it('applies to one request through X-Sandbox-Scenario', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const failed = await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie, { 'X-Sandbox-Scenario': 'iservice/server-error' });
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual(serverError);
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie)).body).toEqual(OK);
  });

  it('is selected by its Pact provider state, where the preset agent session is logged in; teardown recovers', async () => {
    const session = t.newSession();
    expect((await providerState(session, 'iService fails with a server error')).body).toEqual({ scenario: 'iservice/server-error', session, vendors: ['iservice'] });
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, agentCookie)).status).toBe(500);
    await providerState(session, 'iService fails with a server error', 'teardown');
    const cookie = await api.login(session);
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie)).body).toEqual(OK);
  });
});

describe('scenario iservice/session-expired', () => {
  it('ends every session by its next request (session, via the admin API)', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/session-expired');
    const cookie = await api.login(session);
    const res = await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(notLoggedIn('The session ended after 0 minutes without a request.'));
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    expect((await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: cookie })).body.loggedIn).toEqual({ isLoggedIn: false });
  });

  it('ends a live session for real when applied to one request: later calls are not logged in either', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const expired = await api.custinfo(session, 'details', { contactID: 466 }, cookie, { 'X-Sandbox-Scenario': 'iservice/session-expired' });
    expect(expired.body).toEqual(notLoggedIn('The session ended after 0 minutes without a request.'));
    const later = await api.custinfo(session, 'details', { contactID: 466 }, cookie);
    expect(later.body).toEqual(notLoggedIn('The session ended after 0 minutes without a request.'));
    expect((await api.custinfo(session, 'details', { contactID: 466 }, await api.login(session))).body).toEqual(CONTACT_466);
  });

  it('is selected by its Pact provider state: the preset sessions are expired too', async () => {
    const session = t.newSession();
    await providerState(session, 'the iService session has expired');
    for (const cookie of [agentCookie, customerCookie]) {
      expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie)).body).toEqual(notLoggedIn('The session ended after 0 minutes without a request.'));
    }
  });
});

describe('scenario iservice/customer-user', () => {
  it('logs the preset cookie in as the customer (Pact provider state): its own contact only', async () => {
    const session = t.newSession();
    expect((await providerState(session, 'an iService customer is logged in')).status).toBe(200);
    const who = await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: customerCookie });
    expect(who.body.loggedIn).toEqual({ isLoggedIn: true, contactID: 466, name: 'Jon Doe', emailAddress: 'customer11@1to1service.com', userType: 'Customer', segments: [] });
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, customerCookie)).body).toEqual(OK);
    const other = await api.custinfo(session, 'setdetails', SEED_PAYLOAD.replace('"contactID": 466', '"contactID": 467'), customerCookie);
    expect(other.body).toEqual({ errors: ['Access denied.'], errorDetails: ['Customers may only update their own contact (467 is not yours).'] });
    expect(other).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it('ends the preset session on logout for good (session, via the admin API)', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/customer-user');
    await api.post(`${LOGIN}?api=logout`, session, { Cookie: customerCookie });
    expect((await api.custinfo(session, 'details', { contactID: 466 }, customerCookie)).body).toEqual(notLoggedIn('The session was logged out.'));
  });

  it('applies to one request through X-Sandbox-Scenario', async () => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'details', { contactID: 466 }, customerCookie, { 'X-Sandbox-Scenario': 'iservice/customer-user' });
    expect(res.body).toEqual(CONTACT_466);
    expect((await api.custinfo(t.newSession(), 'details', { contactID: 466 }, customerCookie)).body).toEqual(notLoggedIn('The SessionID cookie names no session.'));
  });
});

describe('scenario iservice/agent-user', () => {
  it("lets the seed's request through with the preset agent cookie (Pact provider state)", async () => {
    const session = t.newSession();
    await providerState(session, 'an iService agent is logged in');
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, agentCookie)).body).toEqual(OK);
    expect(await storedFirstName(session)).toEqual([{ value: 'John' }]);
  });

  it('applies to one request through X-Sandbox-Scenario', async () => {
    const session = t.newSession();
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, agentCookie, { 'X-Sandbox-Scenario': 'iservice/agent-user' })).body).toEqual(OK);
    expect(await storedFirstName(session)).toEqual([{ value: 'John' }]);
  });

  it('times the preset session out like any other (session, via the admin API)', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/agent-user');
    expect((await api.custinfo(session, 'details', { contactID: 466 }, agentCookie)).body.errors).toEqual([]);
    await t.admin(session).advanceClock(90 * 60_000);
    expect((await api.custinfo(session, 'details', { contactID: 466 }, agentCookie)).body).toEqual(notLoggedIn('The session ended after 90 minutes without a request.'));
  });
});

describe('scenario iservice/strict-http-status', () => {
  it('answers not logged in with 401 and the same envelope', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/strict-http-status');
    const res = await api.custinfo(session, 'setdetails', SEED_PAYLOAD);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn('The request carries no SessionID cookie.'));
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it('answers a method other than POST with 405 and Allow: POST, per request', async () => {
    const res = await t.session().get(`${CUSTINFO}?api=details`).set('X-Sandbox-Scenario', 'iservice/strict-http-status');
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(res.body).toEqual({ errors: ['Method not allowed.'], errorDetails: ['GET is not accepted; the iService API forms only accept POST.'] });
    expect(res).toMatchContractSchema('iservice', '#/components/responses/MethodNotAllowed/content/application~1json/schema');
  });

  it('is selected by its name as a Pact provider state', async () => {
    const session = t.newSession();
    await providerState(session, 'iservice/strict-http-status');
    expect((await api.custinfo(session, 'details', { contactID: 466 })).status).toBe(401);
  });

  it('keeps business errors at 200', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/strict-http-status');
    const res = await api.custinfo(session, 'details', { contactID: 9999 }, await api.login(session));
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual(['Contact not found.']);
  });
});

describe('scenario iservice/csrf-required', () => {
  it('sets a token cookie at login that customer-info calls must echo in X-XSRF-TOKEN', async () => {
    const session = t.newSession();
    await activate(session, 'iservice/csrf-required');
    const login = await api.post(`${LOGIN}?api=login`, session, {}, { emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password }, 'form');
    const [sessionCookie, tokenCookie] = login.headers['set-cookie'] as unknown as string[];
    expect(tokenCookie).toMatch(/^XSRF-TOKEN=[0-9a-f]{32}; Path=\/; SameSite=Lax$/);
    const cookie = sessionCookie!.split(';')[0]!;
    const token = tokenCookie!.split(';')[0]!.split('=')[1]!;

    const refused = await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie);
    expect(refused.body).toEqual({ errors: ['Invalid security token.'], errorDetails: ['The X-XSRF-TOKEN header must echo the XSRF-TOKEN cookie set at login.'] });
    expect(refused).toMatchContract('iservice', 'webappApiCustinfo');
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie, { 'X-XSRF-TOKEN': 'f'.repeat(32) })).body.errors).toEqual(['Invalid security token.']);
    expect(await storedFirstName(session)).toEqual([{ value: 'Jon' }]);
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie, { 'X-XSRF-TOKEN': token })).body).toEqual(OK);
  });
});

describe('scenario iservice/csrf-required, per request', () => {
  it('checks the header only on the requests that name the scenario', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const refused = await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie, { 'X-Sandbox-Scenario': 'iservice/csrf-required' });
    expect(refused.body.errors).toEqual(['Invalid security token.']);
    expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie)).body).toEqual(OK);
  });
});

describe('the idle limit is a setting', () => {
  it('a scenario with sessionIdleMinutes 5 ends sessions after 5 idle minutes', async () => {
    const session = t.newSession();
    await activate(session, 'test/idle-5');
    const cookie = await api.login(session);
    await t.admin(session).advanceClock(4 * 60_000);
    expect((await api.custinfo(session, 'details', { contactID: 466 }, cookie)).body.errors).toEqual([]);
    await t.admin(session).advanceClock(5 * 60_000);
    expect((await api.custinfo(session, 'details', { contactID: 466 }, cookie)).body).toEqual(notLoggedIn('The session ended after 5 minutes without a request.'));
  });
});

describe('scenario files', () => {
  it('are listed with their provider states', async () => {
    const res = await t.http().get('/__admin/scenarios');
    const mine = res.body.scenarios.filter((s: { name: string }) => s.name.startsWith('iservice/'));
    expect(mine.map((s: { name: string; providerStates: string[] }) => [s.name, s.providerStates])).toEqual([
      ['iservice/agent-user', ['an iService agent is logged in']],
      ['iservice/csrf-required', []],
      ['iservice/customer-user', ['an iService customer is logged in']],
      ['iservice/server-error', ['iService fails with a server error']],
      ['iservice/session-expired', ['the iService session has expired']],
      ['iservice/strict-http-status', []],
    ]);
  });
});
