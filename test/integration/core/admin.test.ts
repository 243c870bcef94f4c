import { describe, expect, it } from 'vitest';
import { VENDOR_IDS } from '../../../mock-server/src/index.js';
import { LOYALTII, OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox({ journalSize: 5 });
/** Every mounted vendor on the start-up scenario. */
const allDefault = Object.fromEntries(VENDOR_IDS.map((id) => [id, 'default']));
const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };
const admin = (session: string) => ({
  get: (p: string) => t.session(session).get(`/__admin${p}`),
  send: (method: 'post' | 'put' | 'delete', p: string, body?: object) => t.session(session)[method](`/__admin${p}`).send(body),
});

describe('GET /__admin/health', () => {
  it('reports the mounted vendors, the seed and the version', async () => {
    const res = await t.http().get('/__admin/health');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'getHealth');
    expect(res.body).toMatchObject({ status: 'ok', seed: 1, vendors: expect.arrayContaining([{ id: 'ocamba', title: 'Ocamba Hood', basePaths: ['/v1/hood', '/v2/ocamba'] }]) });
  });
});

describe('POST /__admin/reset', () => {
  it('puts every vendor back on its fixtures, and clears the journal and the clock', async () => {
    const session = t.newSession();
    await t.session(session).patch(contact).set(auth).send({ value: 'changed@example.com' });
    await admin(session).send('post', '/clock/advance', { ms: 5000 });
    const res = await admin(session).send('post', '/reset');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'reset');
    expect(res.body.vendors).toContain('ocamba');
    expect((await admin(session).get('/requests')).body.total).toBe(0);
    expect((await admin(session).get('/clock')).body.now).toBe('2026-03-02T10:00:00.000Z');
    const after = await t.session(session).get(contact).set(auth);
    expect(after.body.items[0].value).toBe('partners@test-partner.example.com');
  });

  it('resets one vendor only, keeping the journal', async () => {
    const session = t.newSession();
    await t.session(session).patch(contact).set(auth).send({ value: 'changed@example.com' });
    const res = await admin(session).send('post', '/reset', { vendor: 'ocamba' });
    expect(res.body).toEqual({ session, vendors: ['ocamba'] });
    expect((await admin(session).get('/requests')).body.total).toBe(1);
    expect((await t.session(session).get(contact).set(auth)).body.items[0].value).toBe('partners@test-partner.example.com');
  });

  it('answers 404 for an unknown vendor and 400 for a malformed body', async () => {
    const unknown = await admin(t.newSession()).send('post', '/reset', { vendor: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown).toMatchContract('admin', 'reset');
    const bad = await admin(t.newSession()).send('post', '/reset', { vendor: 5 });
    expect(bad.status).toBe(400);
    expect(bad).toMatchContract('admin', 'reset');
  });
});

describe('scenarios', () => {
  it('GET /__admin/scenarios lists every scenario and the one in force per vendor', async () => {
    const res = await admin(t.newSession()).get('/scenarios');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'listScenarios');
    expect(res.body.active).toEqual(allDefault);
    const names = res.body.scenarios.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['default', 'ocamba/rate-limited', 'ocamba/server-error-then-recover', 'ocamba/unknown-partner', 'ocamba/slow']));
    expect(res.body.scenarios.find((s: { name: string }) => s.name === 'ocamba/rate-limited')).toMatchObject({
      vendors: ['ocamba'],
      providerStates: ['the Ocamba account is rate limited'],
    });
  });

  it('PUT /__admin/scenario activates a scenario for the vendors it concerns', async () => {
    const session = t.newSession();
    const res = await admin(session).send('put', '/scenario', { name: 'ocamba/rate-limited' });
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'activateScenario');
    expect(res.body).toEqual({ session, scenario: 'ocamba/rate-limited', vendors: ['ocamba'] });
    expect((await admin(session).get('/scenarios')).body.active).toEqual({ ...allDefault, ocamba: 'ocamba/rate-limited' });
  });

  it('PUT /__admin/scenario answers 404 with the known names for an unknown scenario', async () => {
    const res = await admin(t.newSession()).send('put', '/scenario', { name: 'nope' });
    expect(res.status).toBe(404);
    expect(res).toMatchContract('admin', 'activateScenario');
    expect(res.body.error).toMatchObject({ code: 'unknown_scenario', known: expect.arrayContaining(['default']) });
  });
});

describe('the request journal', () => {
  it('records method, path, headers, body, status, response, duration and the matched operation', async () => {
    const session = t.newSession();
    await t.session(session).patch(contact).set(auth).send({ value: 'j@example.com' });
    const res = await admin(session).get('/requests');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'listRequests');
    expect(res.body.requests).toHaveLength(1);
    expect(res.body.requests[0]).toMatchObject({
      at: '2026-03-02T10:00:00.000Z',
      session,
      method: 'PATCH',
      path: contact,
      headers: { authorization: `Bearer ${OCAMBA.keyA}` },
      body: { value: 'j@example.com' },
      vendor: 'ocamba',
      operation: 'updatePartnerContact',
      scenario: 'default',
      status: 204,
      responseHeaders: { 'X-RateLimit-Remaining': '9' },
      fault: null,
    });
    expect(res.body.requests[0].durationMs).toBeGreaterThan(0);
  });

  it('is bounded: with capacity 5, only the newest 5 requests remain', async () => {
    const session = t.newSession();
    for (let i = 0; i < 8; i++)
      await t
        .session(session)
        .get(`/v1/hood/partners?page=${i + 1}`)
        .set(auth);
    const res = await admin(session).get('/requests');
    expect(res.body).toMatchObject({ capacity: 5, total: 5 });
    expect(res.body.requests.map((r: { query: { page: string } }) => r.query.page)).toEqual(['4', '5', '6', '7', '8']);
  });

  it('records the query as the client sent it, before validation turns declared integers into numbers', async () => {
    const session = t.newSession();
    const res = await t.session(session).get('/api/v1/Contacts/Registration?timespan=5').set('Authorization', `Bearer ${LOYALTII.token}`);
    expect(res.status).toBe(200);
    const journal = await admin(session).get('/requests');
    expect(journal.body.requests.map((r: { query: unknown }) => r.query)).toEqual([{ timespan: '5' }]);
  });

  it('filters by vendor, method, path, status and limit', async () => {
    const session = t.newSession();
    await t.session(session).get('/v1/hood/partners').set(auth);
    await t.session(session).patch(contact).set(auth).send({});
    await t.session(session).get('/nowhere');
    const list = async (q: string) => (await admin(session).get(`/requests?${q}`)).body.requests.map((r: { path: string; status: number }) => `${r.status} ${r.path}`);
    expect(await list('status=400')).toEqual([`400 ${contact}`]);
    expect(await list('method=GET&vendor=ocamba')).toEqual(['200 /v1/hood/partners']);
    expect(await list('path=/v1/hood/partners/*')).toEqual([`400 ${contact}`]);
    expect(await list('limit=1')).toEqual(['404 /nowhere']);
    const bad = await admin(session).get('/requests?status=abc');
    expect(bad.status).toBe(400);
    expect(bad).toMatchContract('admin', 'listRequests');
  });

  it('is emptied by DELETE /__admin/requests', async () => {
    const session = t.newSession();
    await t.session(session).get('/v1/hood/partners').set(auth);
    const res = await admin(session).send('delete', '/requests');
    expect(res.status).toBe(204);
    expect(res).toMatchContract('admin', 'clearRequests');
    expect((await admin(session).get('/requests')).body.total).toBe(0);
  });
});

describe('POST /__admin/provider-states', () => {
  it('activates the scenario a state names (its name or an alias) on setup, and undoes it on teardown', async () => {
    const session = t.newSession();
    const res = await admin(session).send('post', '/provider-states', { state: 'the Ocamba account is rate limited', params: {}, action: 'setup' });
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'setProviderState');
    expect(res.body).toEqual({ scenario: 'ocamba/rate-limited', session, vendors: ['ocamba'] });
    expect((await admin(session).get('/scenarios')).body.active.ocamba).toBe('ocamba/rate-limited');
    const teardown = await admin(session).send('post', '/provider-states', { state: 'the Ocamba account is rate limited', action: 'teardown' });
    expect((await admin(session).get('/scenarios')).body.active.ocamba).toBe('default');
    // The answer names the scenario now in force, not the one torn down.
    expect(teardown.status).toBe(200);
    expect(teardown).toMatchContract('admin', 'setProviderState');
    expect(teardown.body).toEqual({ scenario: 'default', session, vendors: ['ocamba'] });
  });

  it('names an unknown state and lists the known ones', async () => {
    const res = await admin(t.newSession()).send('post', '/provider-states', { state: 'a partner with 3 contacts', action: 'setup' });
    expect(res.status).toBe(400);
    expect(res).toMatchContract('admin', 'setProviderState');
    expect(res.body.error.message).toContain('"a partner with 3 contacts"');
    expect(res.body.error.known).toEqual(expect.arrayContaining(['default', 'ocamba/slow', 'the Ocamba account is rate limited']));
  });
});

describe('the virtual clock', () => {
  it('is read, set, frozen or started, and advanced', async () => {
    const session = t.newSession();
    const get = await admin(session).get('/clock');
    expect(get.body).toEqual({ now: '2026-03-02T10:00:00.000Z', mode: 'frozen' });
    expect(get).toMatchContract('admin', 'getClock');
    const set = await admin(session).send('put', '/clock', { now: '2027-01-01T00:00:00Z' });
    expect(set.body).toEqual({ now: '2027-01-01T00:00:00.000Z', mode: 'frozen' });
    expect(set).toMatchContract('admin', 'setClock');
    const advanced = await admin(session).send('post', '/clock/advance', { ms: 90_000 });
    expect(advanced.body.now).toBe('2027-01-01T00:01:30.000Z');
    expect(advanced).toMatchContract('admin', 'advanceClock');
    const running = await admin(session).send('put', '/clock', { now: '2027-01-01T00:00:00Z', mode: 'real' });
    expect(running.body.mode).toBe('real');
  });

  it('dates responses with the virtual clock', async () => {
    const session = t.newSession();
    await admin(session).send('put', '/clock', { now: '2030-07-04T12:30:00Z' });
    const res = await t.session(session).get('/v1/hood/partners').set(auth);
    expect(res.headers['date']).toBe('Thu, 04 Jul 2030 12:30:00 GMT');
  });

  it('refuses a time that is not ISO-8601', async () => {
    const res = await admin(t.newSession()).send('put', '/clock', { now: 'tomorrow' });
    expect(res.status).toBe(400);
    expect(res).toMatchContract('admin', 'setClock');
  });
});

describe('GET /__admin/state/{vendor}', () => {
  it("dumps the vendor's store in this session", async () => {
    const session = t.newSession();
    await t.session(session).patch(contact).set(auth).send({ value: 'dumped@example.com' });
    const res = await admin(session).get('/state/ocamba');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'getVendorState');
    expect(res.body.contacts[OCAMBA.partner][0]).toEqual({ id: OCAMBA.emailContact, type: 'email', value: 'dumped@example.com' });
  });

  it('answers 404 for an unknown vendor', async () => {
    const res = await admin(t.newSession()).get('/state/nope');
    expect(res.status).toBe(404);
    expect(res).toMatchContract('admin', 'getVendorState');
  });
});

describe('sessions', () => {
  it('are listed, and dropped by DELETE /__admin/sessions/{id}', async () => {
    const session = t.newSession();
    await t.session(session).get('/v1/hood/partners').set(auth);
    const list = await t.http().get('/__admin/sessions');
    expect(list).toMatchContract('admin', 'listSessions');
    expect(list.body.sessions.find((s: { id: string }) => s.id === session)).toMatchObject({ journalSize: 1, active: { ocamba: 'default' } });
    const dropped = await t.http().delete(`/__admin/sessions/${session}`);
    expect(dropped.status).toBe(204);
    expect(dropped).toMatchContract('admin', 'dropSession');
    const again = await t.http().delete(`/__admin/sessions/${session}`);
    expect(again.status).toBe(404);
  });
});

describe('unknown admin paths and bad bodies', () => {
  it('answer JSON, listing the admin endpoints', async () => {
    const res = await t.http().get('/__admin/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('no_admin_route');
    expect(res.body.error.known).toContain('GET /__admin/health');
  });

  it('answer malformed JSON with a JSON 400', async () => {
    const res = await t.http().put('/__admin/scenario').set('Content-Type', 'application/json').send('{"name":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });
});
