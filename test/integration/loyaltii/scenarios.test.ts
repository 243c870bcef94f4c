import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../mock-server/src/index.js';
import { LOYALTII } from '../../helpers/identities.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { checked, CONTACT_1, contactPath, loyaltiiClient, NEXT_VERSIONS, NOW } from './client.js';

const t = useSandbox();
const { contact1 } = LOYALTII;
const activate = (session: string, name: string) => t.admin(session).activate(name);
const providerState = (session: string, state: string, action: 'setup' | 'teardown') => t.admin(session).providerState(state, action);
const firstNameAnn = { Version: contact1.version, FirstName: 'Ann' };
const SERVER_ERROR = { Message: 'An error has occurred.' };

describe('the Loyaltii scenarios', () => {
  it('are all listed by the admin API', async () => {
    const res = await t.http().get('/__admin/scenarios');
    const names = (res.body.scenarios as { name: string }[]).map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'loyaltii/concurrent-edit',
        'loyaltii/duplicate-email',
        'loyaltii/duplicate-phone',
        'loyaltii/server-error',
        'loyaltii/server-error-then-recover',
        'loyaltii/slow',
        'loyaltii/basic-auth',
        'loyaltii/cet-server',
      ]),
    );
  });
});

describe('scenario loyaltii/concurrent-edit', () => {
  it('moves the stored Version on behind the client: 409 with the contact as it now is, then the retry succeeds', async () => {
    const session = t.newSession();
    expect((await activate(session, 'loyaltii/concurrent-edit')).status).toBe(200);
    const client = loyaltiiClient(t, session);
    const read = await client.get(contactPath(1));
    expect(read.body.Version).toBe(contact1.version);
    const res = await client.send('patch', contactPath(1), firstNameAnn);
    expect(res.status).toBe(409);
    // Someone else saved the contact (same values): only Version and LastModified moved on.
    expect(res.body).toEqual({ ...CONTACT_1, Version: NEXT_VERSIONS[0], LastModified: NOW });
    expect(res).toMatchContract('loyaltii', 'patchContact');
    const retry = await client.send('patch', contactPath(1), { ...firstNameAnn, Version: res.body.Version });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...CONTACT_1, FirstName: 'Ann', Version: NEXT_VERSIONS[1], LastModified: NOW });
  });

  it('catches a PUT the same way', async () => {
    const session = t.newSession();
    await activate(session, 'loyaltii/concurrent-edit');
    const res = await loyaltiiClient(t, session).send('put', contactPath(1), { ...firstNameAnn, Email: contact1.email });
    expect(res.status).toBe(409);
    expect(res.body.Version).toBe(NEXT_VERSIONS[0]);
    expect(res).toMatchContract('loyaltii', 'updateContact');
  });

  it('applies per request through X-Sandbox-Scenario, counting in the session', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const header = { 'X-Sandbox-Scenario': 'loyaltii/concurrent-edit' };
    const first = await client.send('patch', contactPath(1), firstNameAnn, header);
    expect(first.status).toBe(409);
    const second = await client.send('patch', contactPath(1), { ...firstNameAnn, Version: first.body.Version }, header);
    expect(second.status).toBe(200);
  });

  it('is selected and undone by its Pact provider state', async () => {
    const session = t.newSession();
    expect((await providerState(session, 'a Loyaltii contact was changed by someone else', 'setup')).status).toBe(200);
    expect((await loyaltiiClient(t, session).send('patch', contactPath(1), firstNameAnn)).status).toBe(409);
    await providerState(session, 'a Loyaltii contact was changed by someone else', 'teardown');
    expect((await loyaltiiClient(t, session).send('patch', contactPath(1), firstNameAnn)).status).toBe(200);
  });
});

describe('scenario loyaltii/duplicate-email', () => {
  it('answers every write that sets a new Email with 409 and changes nothing; other writes pass', async () => {
    const session = t.newSession();
    await activate(session, 'loyaltii/duplicate-email');
    const client = loyaltiiClient(t, session);
    const patch = await client.send('patch', contactPath(1), { ...firstNameAnn, Email: 'brand.new@example.com' });
    expect(patch.status).toBe(409);
    expect(patch.body).toEqual(CONTACT_1);
    expect(patch).toMatchContract('loyaltii', 'patchContact');
    const create = await client.send('post', '/api/v1/Contacts', { RegistrationSource: 'webshop', Email: 'brand.new@example.com' });
    expect(create.status).toBe(409);
    expect(create.text).toBe('');
    const bulk = await client.send('patch', '/api/v1/Contacts', { Keys: ['2'], Fields: { Email: 'brand.new@example.com' } });
    expect(bulk.status).toBe(409);
    expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
    // Its own Email, or no Email at all, is no duplicate.
    expect((await client.send('patch', contactPath(1), { ...firstNameAnn, Email: contact1.email })).status).toBe(200);
    expect((await client.send('post', '/api/v1/Contacts', { RegistrationSource: 'webshop', Phone: '700000001' })).status).toBe(201);
  });

  it('applies per request through X-Sandbox-Scenario, and by its provider state', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const body = { ...firstNameAnn, Email: 'brand.new@example.com' };
    expect((await client.send('patch', contactPath(1), body, { 'X-Sandbox-Scenario': 'loyaltii/duplicate-email' })).status).toBe(409);
    expect((await client.send('patch', contactPath(1), body)).status).toBe(200);
    const session = t.newSession();
    await providerState(session, 'the Loyaltii email is already taken', 'setup');
    expect((await loyaltiiClient(t, session).send('patch', contactPath(1), body)).status).toBe(409);
  });
});

describe('scenario loyaltii/duplicate-phone', () => {
  it('answers a write that sets a new Phone with 409, and one that sets a new Email with 200', async () => {
    const session = t.newSession();
    await activate(session, 'loyaltii/duplicate-phone');
    const client = loyaltiiClient(t, session);
    expect((await client.send('patch', contactPath(1), { ...firstNameAnn, Phone: '700000002' })).status).toBe(409);
    expect((await client.send('patch', contactPath(1), { ...firstNameAnn, Email: 'brand.new@example.com' })).status).toBe(200);
  });
});

describe('scenario loyaltii/server-error', () => {
  it("answers every operation with Web API's 500 and writes nothing", async () => {
    const session = t.newSession();
    await activate(session, 'loyaltii/server-error');
    const client = loyaltiiClient(t, session);
    const calls = [
      ['getContact', client.get(contactPath(1))],
      ['patchContact', client.send('patch', contactPath(1), firstNameAnn)],
      ['updateContact', client.send('put', contactPath(1), firstNameAnn)],
      ['createContact', client.send('post', '/api/v1/Contacts', { RegistrationSource: 'x' })],
      ['patchContacts', client.send('patch', '/api/v1/Contacts', { Keys: ['1'], Fields: { FirstName: 'X' } })],
      ['getContactBySecret', client.get(`/api/v1/Contacts?secret=${contact1.secret}`)],
      ['getRegistrations', client.get('/api/v1/Contacts/Registration')],
    ] as const;
    for (const [operation, call] of calls) {
      const res = await call;
      expect(res.status, operation).toBe(500);
      expect(res.body).toEqual(SERVER_ERROR);
      expect(res).toMatchContract('loyaltii', operation);
    }
    await t.admin(session).reset('loyaltii');
    expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
  });

  it('still answers 401 first to a request without credentials', async () => {
    const res = checked(await t.http().get(contactPath(1)).set('X-Sandbox-Scenario', 'loyaltii/server-error'));
    expect(res.status).toBe(401);
  });

  it('is selected by its provider state', async () => {
    const session = t.newSession();
    await providerState(session, 'the Loyaltii API fails', 'setup');
    expect((await loyaltiiClient(t, session).get(contactPath(1))).status).toBe(500);
  });
});

describe('scenario loyaltii/server-error-then-recover', () => {
  it('fails the next two contact writes, then recovers', async () => {
    const session = t.newSession();
    await activate(session, 'loyaltii/server-error-then-recover');
    const client = loyaltiiClient(t, session);
    expect((await client.get(contactPath(1))).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.send('patch', contactPath(1), firstNameAnn)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });
});

describe('scenario loyaltii/slow', () => {
  it('answers after at least one second', async () => {
    const started = performance.now();
    const res = await loyaltiiClient(t, t.newSession()).get(contactPath(1), { 'X-Sandbox-Scenario': 'loyaltii/slow' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('scenario loyaltii/basic-auth (the credential type is configurable, docs/vendors/loyaltii.md §3.2)', () => {
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it("takes the fixture account's Basic credentials and refuses the bearer token", async () => {
    const session = t.newSession();
    await activate(session, 'loyaltii/basic-auth');
    const ok = checked(await t.session(session).get(contactPath(1)).set('Authorization', basic(LOYALTII.basic.user, LOYALTII.basic.password)));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(CONTACT_1);
    for (const authorization of [`Bearer ${LOYALTII.token}`, basic(LOYALTII.basic.user, 'wrong'), 'Basic !!!']) {
      const res = checked(await t.session(session).get(contactPath(1)).set('Authorization', authorization));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="Loyaltii"');
      expect(res.body).toEqual({ Message: 'Authorization has been denied for this request.' });
      expect(res).toMatchContract('loyaltii', 'getContact');
    }
  });
});

describe('scenario loyaltii/cet-server (the offset is configurable; default +00:00)', () => {
  it('writes its times with +01:00 and reads dates without an offset in it', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('patch', contactPath(1), { ...firstNameAnn, LimitMailsTemporarilyUntil: '2026-04-01T08:00:00' }, { 'X-Sandbox-Scenario': 'loyaltii/cet-server' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ LastModified: '2026-03-02T11:00:00.0000000+01:00', LimitMailsTemporarilyUntil: '2026-04-01T08:00:00.0000000+01:00' });
    // Stored values keep the offset they were written with, as SQL Server's datetimeoffset does.
    expect(res.body.RegistrationDateTime).toBe(CONTACT_1.RegistrationDateTime);
  });
});

describe('a start-up scenario that concerns another vendor only', () => {
  it('leaves Loyaltii on its defaults, and a full reset puts Loyaltii back on its fixtures too', async () => {
    const running = await createSandbox({ scenario: 'ocamba/rate-limited', seed: 1, clock: '2026-03-02T10:00:00.000Z' }).listen(0);
    try {
      const call = (method: string, body?: string) =>
        rawRequest(`${running.url}${contactPath(1)}`, {
          method,
          headers: { Authorization: `Bearer ${LOYALTII.token}`, 'Content-Type': 'application/json', 'X-Sandbox-Session': 's' },
          ...(body === undefined ? {} : { body }),
        });
      expect(await call('GET')).toMatchObject({ kind: 'response', status: 200, body: JSON.stringify(CONTACT_1) });
      expect(await call('PATCH', JSON.stringify(firstNameAnn))).toMatchObject({ kind: 'response', status: 200 });
      await rawRequest(`${running.url}/__admin/reset`, { method: 'POST', headers: { 'X-Sandbox-Session': 's' } });
      expect(await call('GET')).toMatchObject({ kind: 'response', status: 200, body: JSON.stringify(CONTACT_1) });
    } finally {
      await running.close();
    }
  });

  it('is not offered when Loyaltii is not mounted (--vendors ocamba): its scenarios are left out, and starting with one is refused by name', () => {
    const sandbox = createSandbox({ vendors: ['ocamba'] });
    expect(sandbox.vendors.map((v) => v.id)).toEqual(['ocamba']);
    expect(sandbox.scenarioNames().filter((name) => name.startsWith('loyaltii/'))).toEqual([]);
    expect(() => createSandbox({ vendors: ['ocamba'], scenario: 'loyaltii/slow' })).toThrow(
      'scenario "loyaltii/slow" concerns only loyaltii, which is not mounted (mounted: ocamba)',
    );
  });
});
