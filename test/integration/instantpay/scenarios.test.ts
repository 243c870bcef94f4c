import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { createSandbox } from '../../../mock-server/src/index.js';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { admin, envelopeOf, ipay, ipayHeaders, rawCall, seedContact, userIdOf } from './client.js';

const t = useSandbox();
const UPDATE = { contactId: INSTANTPAY.contact, name: 'Changed', email: 'changed@example.com', mobile: '9876543210', tagDetails: [{ tagId: INSTANTPAY.tag }] };
const update = (session: string, headers: Record<string, string> = {}, account: 'sandbox' | 'live' = 'sandbox') =>
  ipay(t, session, 'patch', '/contacts/profile', { body: UPDATE, headers, account });
const activate = (session: string, name: string) => admin(t, session, 'put', '/scenario', 'activateScenario', { name });
const providerState = (session: string, state: string, action: 'setup' | 'teardown') =>
  admin(t, session, 'post', '/provider-states', 'setProviderState', { state, params: {}, action });

/** Every operation; only reads get a body (a forced answer comes before the body is read). */
const OPERATIONS = [
  ['get', '/contacts/profile', 'listContacts'],
  ['post', '/contacts/profile', 'addContact'],
  ['patch', '/contacts/profile', 'updateContact'],
  ['delete', '/contacts/profile', 'deleteContact'],
  ['get', '/contacts/tag', 'listTags'],
  ['post', '/contacts/tag', 'addTag'],
  ['patch', '/contacts/tag', 'updateTag'],
  ['delete', '/contacts/tag', 'deleteTag'],
  ['get', '/contacts/person', 'listPersons', { gcId: INSTANTPAY.contact }],
  ['post', '/contacts/person', 'addPerson'],
  ['patch', '/contacts/person', 'updatePerson'],
  ['delete', '/contacts/person', 'deletePerson'],
] as const;
const READS = new Set(['listContacts', 'listTags', 'listPersons']);

async function seedContactUnchanged(session: string) {
  const res = await ipay(t, session, 'get', '/contacts/profile');
  expect((res.body.data as { _id: string }[]).find((c) => c._id === INSTANTPAY.contact)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
}

describe.each([
  { scenario: 'instantpay/provider-down', state: 'the Instantpay service provider is down', code: 'SPD', text: 'Service Provider Downtime', reads: true },
  { scenario: 'instantpay/system-error', state: 'Instantpay has a system error', code: 'ISE', text: 'System Error', reads: true },
  { scenario: 'instantpay/access-denied', state: 'the Instantpay user is denied access', code: 'UAD', text: 'User Access Denied', reads: true },
  { scenario: 'instantpay/pending', state: 'Instantpay writes are pending', code: 'TUP', text: 'Transaction Under Process', reads: false },
])('scenario $scenario ($code)', ({ scenario, state, code, text, reads }) => {
  const forced = envelopeOf(code, text, null);

  it(`answers ${code} with HTTP 200 and data null on ${reads ? 'every operation' : 'every write (reads still answer TXN)'}, writing nothing`, async () => {
    const session = t.newSession();
    await activate(session, scenario);
    for (const [method, path, operationId, body] of OPERATIONS) {
      const res = await ipay(t, session, method, path, { body });
      expect(res.status, operationId).toBe(200);
      if (reads || !READS.has(operationId)) expect(res.body, operationId).toEqual(forced);
      else expect(res.body.statuscode, operationId).toBe('TXN');
      expect(res).toMatchContract('instantpay', operationId);
    }
    expect((await update(session)).body).toEqual(forced);
    if (!reads) await seedContactUnchanged(session);
  });

  it('applies to one request through X-Sandbox-Scenario', async () => {
    const session = t.newSession();
    expect((await update(session, { 'X-Sandbox-Scenario': scenario })).body).toEqual(forced);
    expect((await update(session)).body.statuscode).toBe('TXN');
  });

  it('applies to the session through PUT /__admin/scenario, until the vendor is reset', async () => {
    const session = t.newSession();
    expect((await activate(session, scenario)).body).toEqual({ session, scenario, vendors: ['instantpay'] });
    expect((await update(session)).body).toEqual(forced);
    await admin(t, session, 'post', '/reset', 'reset', { vendor: 'instantpay' });
    expect((await update(session)).body.statuscode).toBe('TXN');
  });

  it.each([scenario, state])('is a Pact provider state named "%s": setup applies it, teardown lifts it', async (name) => {
    const session = t.newSession();
    expect((await providerState(session, name, 'setup')).status).toBe(200);
    expect((await update(session)).body).toEqual(forced);
    await providerState(session, name, 'teardown');
    expect((await update(session)).body.statuscode).toBe('TXN');
  });

  it('still answers IAC first when the credentials are wrong', async () => {
    const res = await update(t.newSession(), { 'X-Sandbox-Scenario': scenario, 'X-Ipay-Client-Secret': 'nope' });
    expect(res.body).toEqual(envelopeOf('IAC', 'Invalid Dealer Credentials', null));
  });
});

describe('scenario instantpay/sandbox (sandbox credentials active)', () => {
  it('serves the sandbox account with "environment":"SANDBOX" and answers IAC, SANDBOX, to live credentials', async () => {
    const session = t.newSession();
    await activate(session, 'instantpay/sandbox');
    const sandbox = await update(session);
    expect(sandbox.body).toMatchObject({ statuscode: 'TXN', environment: 'SANDBOX' });
    expect(sandbox).toMatchContract('instantpay', 'updateContact');
    const live = await update(session, {}, 'live');
    expect(live.body).toEqual(envelopeOf('IAC', 'Invalid Dealer Credentials', null, 'SANDBOX'));
    expect(live).toMatchContract('instantpay', 'updateContact');
  });

  it('works per request and as the provider state "the Instantpay sandbox credentials are active"', async () => {
    const session = t.newSession();
    expect((await update(session, { 'X-Sandbox-Scenario': 'instantpay/sandbox' }, 'live')).body.statuscode).toBe('IAC');
    expect((await update(session, {}, 'live')).body.statuscode).toBe('TXN');
    await providerState(session, 'the Instantpay sandbox credentials are active', 'setup');
    expect((await update(session, {}, 'live')).body.statuscode).toBe('IAC');
    expect((await update(session)).body.environment).toBe('SANDBOX');
  });
});

describe('scenario instantpay/live', () => {
  it('serves the live account with "environment":"LIVE" and answers IAC, LIVE, to sandbox credentials', async () => {
    const session = t.newSession();
    await activate(session, 'instantpay/live');
    expect((await update(session, {}, 'live')).body).toMatchObject({ statuscode: 'TXN', environment: 'LIVE' });
    expect((await update(session)).body).toEqual(envelopeOf('IAC', 'Invalid Dealer Credentials', null, 'LIVE'));
  });
});

describe('scenario instantpay/http-errors (the HTTP status per outcome is a setting)', () => {
  it.each([
    ['bad credentials', 401, 'IAC', { 'X-Ipay-Client-Secret': 'nope' }, UPDATE],
    ['an invalid body', 400, 'RPI', {}, { ...UPDATE, email: undefined }],
    ['an unknown contact', 404, 'ERR', {}, { ...UPDATE, contactId: 'ffffffffffffffffffffffff' }],
  ])('answers %s with HTTP %s and the unchanged %s envelope', async (_case, status, code, headers, body) => {
    const res = await ipay(t, t.newSession(), 'patch', '/contacts/profile', { body, headers: { ...headers, 'X-Sandbox-Scenario': 'instantpay/http-errors' } });
    expect(res.status).toBe(status);
    expect(res.body.statuscode).toBe(code);
    expect(res.body.data).toBeNull();
    expect(res).toMatchContract('instantpay', 'updateContact');
  });

  it('keeps HTTP 200 for success', async () => {
    const res = await update(t.newSession(), { 'X-Sandbox-Scenario': 'instantpay/http-errors' });
    expect(res.status).toBe(200);
    expect(res.body.statuscode).toBe('TXN');
  });
});

describe('scenario instantpay/system-error-then-recover', () => {
  it('fails the next two updates with ISE and HTTP 500, then recovers; other operations are untouched', async () => {
    const session = t.newSession();
    await activate(session, 'instantpay/system-error-then-recover');
    expect((await ipay(t, session, 'get', '/contacts/tag')).body.statuscode).toBe('TXN');
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await update(session);
      expect(res).toMatchContract('instantpay', 'updateContact');
      answers.push([res.status, res.body.statuscode]);
    }
    expect(answers).toEqual([
      [500, 'ISE'],
      [500, 'ISE'],
      [200, 'TXN'],
    ]);
  });
});

describe('scenario instantpay/empty-book', () => {
  it('loads both accounts with empty books: lists answer TXN with [], the seed contact is unknown', async () => {
    const session = t.newSession();
    await activate(session, 'instantpay/empty-book');
    for (const path of ['/contacts/profile', '/contacts/tag']) {
      const res = await ipay(t, session, 'get', path, { account: 'live' });
      expect(res.body).toEqual(envelopeOf('TXN', 'Transaction Successful', [], 'LIVE'));
    }
    expect((await update(session)).body).toEqual(envelopeOf('ERR', 'No Record Found', null));
  });
});

describe('settings a scenario file can give', () => {
  function scenarioDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'instantpay-scenarios-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, 'team'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }

  it('ipayUuid: another node and the 12-character suffix', async () => {
    const dir = scenarioDir({ 'team/uuid.yaml': 'description: x\nvendors:\n  instantpay:\n    settings: { ipayUuid: { node: "005", suffix: true } }\n' });
    const running = await createSandbox({ seed: 1, clock: '2023-05-10T08:59:18.400Z', scenarioDirs: [DEFAULT_DIRS.scenarios, dir], scenario: 'team/uuid' }).listen(0);
    try {
      const headers: [string, string][] = Object.entries(ipayHeaders());
      const res = await rawCall(running.url, 'GET', '/contacts/tag', headers);
      expect((res.body as { ipay_uuid: string }).ipay_uuid).toMatch(/^h0059921e8a1-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-[A-Za-z0-9]{12}$/);
      expect(res).toMatchContract('instantpay', 'listTags');
    } finally {
      await running.close();
    }
  });

  it.each([
    ['a 302 for a failure', 'httpStatus: { IAC: 302 }', /vendors\.instantpay\.settings\.httpStatus\.IAC/],
    ['a code Instantpay does not have', 'httpStatus: { XYZ: 500 }', /vendors\.instantpay\.settings\.httpStatus must NOT have additional properties/],
    ['a node of two digits', 'ipayUuid: { node: "05" }', /vendors\.instantpay\.settings\.ipayUuid\.node must match pattern/],
  ])('refuses %s when the scenarios load', (_case, settings, message) => {
    const dir = scenarioDir({ 'team/bad.yaml': `description: x\nvendors:\n  instantpay:\n    settings: { ${settings} }\n` });
    expect(() => createSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios, dir] })).toThrow(message);
  });
});
