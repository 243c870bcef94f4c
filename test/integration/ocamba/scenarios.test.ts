import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../mock-server/src/index.js';
import { OCAMBA, UUID } from '../../helpers/identities.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const contactPath = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const as = (session: string) => ({ 'X-Sandbox-Session': session, Authorization: `Bearer ${OCAMBA.keyA}` });
const update = (session: string, headers: Record<string, string> = {}) => t.http().patch(contactPath).set(as(session)).set(headers).send({ value: 'a@b.co' });
const activate = (session: string, name: string) => t.admin(session).activate(name);
const internalError = { code: 500, title: 'Internal server error.', trace_id: expect.stringMatching(UUID) };

describe('scenario ocamba/server-error-then-recover', () => {
  it("fails the next two updates with Ocamba's 500 envelope (no message, as in the seed), then recovers", async () => {
    const session = t.newSession();
    expect((await activate(session, 'ocamba/server-error-then-recover')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await update(session);
      statuses.push(res.status);
      if (res.status === 500) {
        expect(res.body).toEqual(internalError);
        expect(res).toMatchContract('ocamba', 'updatePartnerContact');
      }
    }
    expect(statuses).toEqual([500, 500, 204, 204]);
  });

  it('leaves other operations alone', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/server-error-then-recover');
    expect((await t.http().get(`/v1/hood/partners/${OCAMBA.partner}/contacts`).set(as(session))).status).toBe(200);
    expect((await update(session)).status).toBe(500);
  });

  it('does not write anything on a forced error', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/server-error-then-recover');
    await update(session);
    const res = await t.http().get(`${contactPath}`).set(as(session));
    expect(res.body.items[0].value).toBe('partners@test-partner.example.com');
  });

  it('counts per session, and starts counting again when re-activated', async () => {
    const [a, b] = [t.newSession(), t.newSession()];
    await activate(a, 'ocamba/server-error-then-recover');
    await activate(b, 'ocamba/server-error-then-recover');
    await update(a);
    await update(a);
    expect((await update(a)).status).toBe(204);
    expect((await update(b)).status).toBe(500);
    await activate(a, 'ocamba/server-error-then-recover');
    expect((await update(a)).status).toBe(500);
  });

  it('applies per request through X-Sandbox-Scenario without changing the session', async () => {
    const session = t.newSession();
    const header = { 'X-Sandbox-Scenario': 'ocamba/server-error-then-recover' };
    expect((await update(session, header)).status).toBe(500);
    expect((await update(session)).status).toBe(204);
    expect((await update(session, header)).status).toBe(500);
    expect((await update(session, header)).status).toBe(204);
  });

  it('answers an unknown X-Sandbox-Scenario with a 400 listing the known scenarios', async () => {
    const res = await update(t.newSession(), { 'X-Sandbox-Scenario': 'ocamba/nope' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_scenario_header');
    expect(res.body.error.known).toContain('ocamba/server-error-then-recover');
  });

  it('is selected by a Pact provider state', async () => {
    const session = t.newSession();
    const state = await t.session(session).post('/__admin/provider-states').send({ state: 'ocamba/server-error-then-recover', params: {}, action: 'setup' });
    expect(state.status).toBe(200);
    expect((await update(session)).status).toBe(500);
    await t.session(session).post('/__admin/provider-states').send({ state: 'ocamba/server-error-then-recover', action: 'teardown' });
    expect((await update(session)).status).toBe(204);
  });
});

describe('a scenario chosen at start-up', () => {
  const sandbox = createSandbox({ scenario: 'ocamba/server-error-then-recover', seed: 1 });
  const running = sandbox.listen(0);
  afterAll(async () => (await running).close());

  it('is in force for every new session, and reset returns to it', async () => {
    const { url } = await running;
    const call = (session: string) =>
      rawRequest(`${url}${contactPath}`, { method: 'PATCH', headers: { ...as(session), 'Content-Type': 'application/json' }, body: '{"value":"a@b.co"}' });
    expect(await call('x')).toMatchObject({ status: 500 });
    expect(await call('x')).toMatchObject({ status: 500 });
    expect(await call('x')).toMatchObject({ status: 204 });
    await rawRequest(`${url}/__admin/reset`, { method: 'POST', headers: { 'X-Sandbox-Session': 'x' } });
    expect(await call('x')).toMatchObject({ status: 500 });
    expect(await call('y')).toMatchObject({ status: 500 });
  });
});

describe('scenario ocamba/unknown-partner', () => {
  it('loads an account without partners: lists are empty and partner calls answer 404', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/unknown-partner');
    const list = await t.http().get('/v1/hood/partners').set(as(session));
    expect(list.body).toEqual({ total: 0, items: [] });
    const res = await update(session);
    expect(res.status).toBe(404);
    expect(res).toMatchContract('ocamba', 'updatePartnerContact');
  });

  it('is undone by POST /__admin/reset for the vendor', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/unknown-partner');
    await t.admin(session).reset('ocamba');
    expect((await update(session)).status).toBe(204);
  });
});

describe('scenario ocamba/slow', () => {
  it('answers after at least one second', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/slow');
    const started = performance.now();
    const res = await update(session);
    expect(res.status).toBe(204);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('faults: scenario ocamba/flaky-network', () => {
  it('gives an empty reply, then a connection reset, then a normal answer, and journals each', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/flaky-network');
    const call = () => rawRequest(`${t.url}${contactPath}`, { method: 'PATCH', headers: { ...as(session), 'Content-Type': 'application/json' }, body: '{"value":"a@b.co"}' });
    // Node reports a close without any response as "socket hang up", and a TCP RST as "read ECONNRESET".
    expect(await call()).toEqual({ kind: 'error', code: 'ECONNRESET', message: 'socket hang up' });
    expect(await call()).toEqual({ kind: 'error', code: 'ECONNRESET', message: 'read ECONNRESET' });
    expect(await call()).toMatchObject({ kind: 'response', status: 204 });
    const journal = await t.session(session).get('/__admin/requests?vendor=ocamba');
    expect(journal.body.requests.map((r: { status: number; fault: string | null }) => [r.status, r.fault])).toEqual([
      [0, 'empty-reply'],
      [0, 'connection-reset'],
      [204, null],
    ]);
  });

  it('writes nothing when a fault drops the request', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/flaky-network');
    await rawRequest(`${t.url}${contactPath}`, { method: 'PATCH', headers: { ...as(session), 'Content-Type': 'application/json' }, body: '{"value":"lost@b.co"}' });
    const res = await t.http().get(contactPath).set(as(session));
    expect(res.body.items[0].value).toBe('partners@test-partner.example.com');
  });
});

describe('faults: scenario ocamba/bad-gateway', () => {
  it("answers 502 with a gateway's HTML page instead of Ocamba's envelope", async () => {
    const res = await update(t.newSession(), { 'X-Sandbox-Scenario': 'ocamba/bad-gateway' });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.text).toContain('<h1>502 Bad Gateway</h1>');
  });
});

describe('scenario ocamba/many-partners (generated from the contract schema)', () => {
  const generatedIds = (body: { items: { id: string }[] }) => body.items.map((p) => p.id).filter((id) => id.startsWith('2'));

  it('adds 45 partners that match the Partner schema, and pages through them', async () => {
    const session = t.newSession();
    await activate(session, 'ocamba/many-partners');
    const page = await t.http().get('/v1/hood/partners?page=3,20').set(as(session));
    expect(page.body.total).toBe(50);
    expect(page.body.items).toHaveLength(10);
    expect(page).toMatchContract('ocamba', 'listPartners');
  });

  it('derives each generated partner from the seed and its id, whatever was asked before', async () => {
    const one = createSandbox({ seed: 99, scenario: 'ocamba/many-partners', clock: '2026-01-01T00:00:00Z' });
    const two = createSandbox({ seed: 99, scenario: 'ocamba/many-partners', clock: '2026-01-01T00:00:00Z' });
    const other = createSandbox({ seed: 100, scenario: 'ocamba/many-partners', clock: '2026-01-01T00:00:00Z' });
    const servers = await Promise.all([one, two, other].map((s) => s.listen(0)));
    try {
      const get = (url: string, path: string) => rawRequest(`${url}${path}`, { method: 'GET', headers: { Authorization: `Bearer ${OCAMBA.keyA}` } });
      // Sandbox one lists everything first; sandbox two asks for a single partner first.
      const listOne = await get(servers[0]!.url, '/v1/hood/partners?page=1,100');
      const singleTwo = await get(servers[1]!.url, '/v1/hood/partners/2000030');
      const singleOne = await get(servers[0]!.url, '/v1/hood/partners/2000030');
      expect(singleTwo.kind === 'response' && singleTwo.body).toBe(singleOne.kind === 'response' && singleOne.body);
      const listOther = await get(servers[2]!.url, '/v1/hood/partners?page=1,100');
      if (listOne.kind !== 'response' || listOther.kind !== 'response') throw new Error('no response');
      const a = JSON.parse(listOne.body) as { items: { id: string; name: string }[] };
      const b = JSON.parse(listOther.body) as { items: { id: string; name: string }[] };
      expect(generatedIds(a)).toEqual(generatedIds(b));
      expect(a.items.filter((p) => p.id.startsWith('2')).map((p) => p.name)).not.toEqual(b.items.filter((p) => p.id.startsWith('2')).map((p) => p.name));
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
