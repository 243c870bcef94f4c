import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../../mock-server/src/core/admin/admin-routes.js';
import type { AdminDeps } from '../../../mock-server/src/core/admin/admin-types.js';
import { FEED_DEFAULTS } from '../../../mock-server/src/core/journal-feed.js';
import { createSandbox, VENDOR_IDS, type RunningSandbox } from '../../../mock-server/src/index.js';
import { contractOf, schemaProblems } from '../../helpers/contract-matchers.js';
import { openEventStream, type EventStream } from '../../helpers/event-stream.js';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };

describe('the admin route table and contracts/admin.openapi.yaml', () => {
  it('declare the same operations, at the same methods and paths', () => {
    const routes = adminRoutes({ vendors: [] } as unknown as AdminDeps).map((r) => `${r.operationId} ${r.method.toUpperCase()} /__admin${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const declared = [...contractOf('admin').operations.values()].map((op) => `${op.operationId} ${op.method} ${op.path}`);
    expect(routes.sort()).toEqual(declared.sort());
  });
});

describe('GET /__admin/ui: the page and its files', () => {
  it('serves the page with a policy that allows nothing from elsewhere, and every file it names', async () => {
    const page = await t.http().get('/__admin/ui');
    expect(page.status).toBe(200);
    expect(page).toMatchContract('admin', 'getDashboard');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-cache');
    const named = [...page.text.matchAll(/"\/__admin\/ui\/([^"]+)"/g)].map((m) => m[1]!);
    // The app's script and styles, and the contract renderer's (loaded when a contract is shown).
    expect(named).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^app-[0-9a-f]{12}\.js$/),
        expect.stringMatching(/^app-[0-9a-f]{12}\.css$/),
        expect.stringMatching(/^swagger-ui-bundle-[0-9a-f]{12}\.js$/),
        expect.stringMatching(/^swagger-ui-[0-9a-f]{12}\.css$/),
      ]),
    );
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const name of named) {
      const file = await t.http().get(`/__admin/ui/${name}`);
      expect(file.status, name).toBe(200);
      expect(file, name).toMatchContract('admin', 'getDashboardFile');
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(file.headers['content-type']).toMatch(name.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers a name the build did not make with 404, without reading anything outside the dashboard', async () => {
    for (const name of ['nope.js', 'manifest.json', '..%2Fcompiled%2Fadmin.json', '%2e%2e']) {
      const res = await t.http().get(`/__admin/ui/${name}`);
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      expect(res, name).toMatchContract('admin', 'getDashboardFile');
    }
  });

  it('answers 503 dashboard_not_built when the build has not made the dashboard', async () => {
    const running = await createSandbox({ seed: 1, dashboardDir: mkdtempSync(join(tmpdir(), 'no-dashboard-')) }).listen(0);
    try {
      const res = await request(running.url).get('/__admin/ui');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('dashboard_not_built');
      expect(res.body.error.message).toContain('npm run build');
      expect(res).toMatchContract('admin', 'getDashboard');
    } finally {
      await running.close();
    }
  });
});

describe('with an admin token', () => {
  const token = 'dashboard-test-token';
  let running: RunningSandbox;
  beforeAll(async () => {
    running = await createSandbox({ seed: 1, adminAccess: { token } }).listen(0);
  });
  afterAll(() => running.close());

  it('serves the page and its files without the token (they hold no data) and every data call only with it', async () => {
    const page = await request(running.url).get('/__admin/ui');
    expect(page.status).toBe(200);
    const script = /"\/__admin\/ui\/(app-[0-9a-f]+\.js)"/.exec(page.text)![1]!;
    expect((await request(running.url).get(`/__admin/ui/${script}`)).status).toBe(200);
    for (const path of ['/__admin/events?all=1', '/__admin/vendors', '/__admin/contracts/ocamba', '/__admin/sessions', '/__admin/ui/../requests', '/__admin/ui/x/y']) {
      const refused = await request(running.url).get(path);
      expect(refused.status, path).toBe(401);
      expect(refused.body.error.code, path).toBe('admin_unauthorized');
    }
    const events = await openEventStream(`${running.url}/__admin/events?all=1`, { Authorization: `Bearer ${token}` });
    expect(events.status).toBe(200);
  });

  it('keeps the Host and Origin checks on the page', async () => {
    const rebound = await request(running.url).get('/__admin/ui').set('Host', 'attacker.example');
    expect(rebound.status).toBe(403);
    expect(rebound.body.error.code).toBe('forbidden_host');
    const foreign = await request(running.url).get('/__admin/ui').set('Origin', 'http://attacker.example');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden_origin');
  });
});

describe('GET /__admin/vendors and /__admin/contracts/{vendor}', () => {
  it('lists every mounted vendor with its operations, its sandbox identities and where its contract is', async () => {
    const res = await t.http().get('/__admin/vendors');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'listVendors');
    expect(res.body.vendors.map((v: { id: string }) => v.id)).toEqual(VENDOR_IDS);
    for (const vendor of res.body.vendors) {
      expect(vendor.identities.length, vendor.id).toBeGreaterThan(0);
      expect(vendor.operations.map((op: { operationId: string }) => op.operationId)).toEqual([...contractOf(vendor.id).operations.keys()]);
      expect(vendor.contract).toBe(`/__admin/contracts/${vendor.id}`);
    }
    const ocamba = res.body.vendors.find((v: { id: string }) => v.id === 'ocamba');
    expect(ocamba.identities[0]).toMatchObject({ sentAs: 'headers', credentials: { Authorization: `Bearer ${OCAMBA.keyA}` } });
  });

  it("serves a vendor's contract as the sandbox loaded it, and 404 unknown_vendor for another", async () => {
    const res = await t.http().get('/__admin/contracts/ocamba');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'getVendorContract');
    expect(res.body).toEqual(contractOf('ocamba').document);
    const unknown = await t.http().get('/__admin/contracts/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_vendor', known: VENDOR_IDS });
    expect(unknown).toMatchContract('admin', 'getVendorContract');
  });
});

describe('GET /__admin/sessions', () => {
  it('says when each session was last used and how many requests it journaled, past what its journal still holds', async () => {
    const session = t.newSession();
    const before = Date.now();
    for (let i = 0; i < 3; i++) await t.session(session).get(contact).set(auth);
    await t.session(session).delete('/__admin/requests');
    await t.session(session).get(contact).set(auth);
    const res = await t.http().get('/__admin/sessions');
    expect(res).toMatchContract('admin', 'listSessions');
    const listed = res.body.sessions.find((s: { id: string }) => s.id === session);
    expect(listed).toMatchObject({ requests: 4, journalSize: 1 });
    expect(Date.parse(listed.lastUsed)).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(listed.lastUsed)).toBeLessThanOrEqual(Date.now());
  });
});

describe('GET /__admin/events: the journal, live', () => {
  // Left open: the sandbox's close ends them (undici would hold an aborted stream's connection, and so the close, for seconds).
  const open = (query: string, headers: Record<string, string> = {}) => openEventStream(`${t.url}/__admin/events${query}`, headers);

  it('sends each new entry of the sessions followed, as the contract describes it, with what the journal then lists', async () => {
    const session = t.newSession();
    const stream = await open(`?session=${session}`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect((await stream.next('ready')).data).toEqual({ sessions: [session] });
    await t.session(session).patch(contact).set(auth).send({ value: 'live@example.com' });
    const event = (await stream.next('request')).data;
    expect(schemaProblems('admin', '#/components/schemas/JournalEvent', event)).toEqual([]);
    const journaled = (await t.session(session).get(`/__admin/requests?after=${event.seq - 1}&limit=1`)).body.requests[0];
    expect(event).toEqual({
      seq: journaled.seq,
      at: journaled.at,
      session,
      method: 'PATCH',
      path: contact,
      vendor: 'ocamba',
      operation: 'updatePartnerContact',
      scenario: 'default',
      status: 204,
      fault: null,
      durationMs: journaled.durationMs,
      explanations: 0,
      warnings: 0,
    });
    await t.session(session).get(contact);
    expect((await stream.next('request')).data).toMatchObject({ status: 401, explanations: 1 });
  });

  it("follows the caller's session by default, those named, or every one with all=1; others' requests never reach it", async () => {
    const [a, b] = [t.newSession(), t.newSession()];
    const own = await open('', { 'X-Sandbox-Session': a });
    const named = await open(`?session=${b}`);
    const all = await open('?all=1');
    await Promise.all([own.next('ready'), named.next('ready'), all.next('ready')]);
    await t.session(b).get(contact).set(auth);
    await t.session(a).get(contact).set(auth);
    expect((await own.next('request')).data.session).toBe(a);
    expect((await named.next('request')).data.session).toBe(b);
    const [first, second] = [await all.next('request'), await all.next('request')];
    expect([first.data.session, second.data.session]).toEqual([b, a]);
    expect(own.seen.filter((e) => e.event === 'request').map((e) => e.data.session)).toEqual([a]);
    expect(named.seen.filter((e) => e.event === 'request').map((e) => e.data.session)).toEqual([b]);
  });

  it('says when a followed session is cleared (reset, DELETE /__admin/requests, dropped)', async () => {
    const session = t.newSession();
    const stream = await open(`?session=${session}`);
    await stream.next('ready');
    await t.session(session).get(contact).set(auth);
    await t.session(session).delete('/__admin/requests');
    expect((await stream.next('cleared')).data).toEqual({ session });
    await t.session(session).post('/__admin/reset');
    expect((await stream.next('cleared')).data).toEqual({ session });
    await t.http().delete(`/__admin/sessions/${session}`);
    expect((await stream.next('cleared')).data).toEqual({ session });
  });

  it('refuses a stream past the number it keeps with 503 event_streams_full and Retry-After, and takes one again once one closes', async () => {
    const running = await createSandbox({ seed: 1 }).listen(0);
    const held: EventStream[] = [];
    try {
      for (let i = 0; i < FEED_DEFAULTS.maxSubscribers; i++) held.push(await openEventStream(`${running.url}/__admin/events?all=1`));
      await Promise.all(held.map((s) => s.next('ready')));
      const refused = await request(running.url).get('/__admin/events');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.error.code).toBe('event_streams_full');
      expect(refused).toMatchContract('admin', 'streamEvents');
      held.pop()!.close();
      let again: EventStream | undefined;
      for (let tries = 0; tries < 50 && again?.status !== 200; tries++) {
        again = await openEventStream(`${running.url}/__admin/events`);
        if (again.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(again?.status).toBe(200);
      held.push(again!);
    } finally {
      // The sandbox ends the streams first: undici holds an aborted stream's connection open for seconds.
      await running.close();
      for (const s of held) s.close();
    }
  });

  it('does not hold a graceful close: open streams end, and every request counts as answered', async () => {
    const running = await createSandbox({ seed: 1, timeouts: { shutdownGraceMs: 5000 } }).listen(0);
    const stream = await openEventStream(`${running.url}/__admin/events?all=1`);
    await stream.next('ready');
    const started = Date.now();
    expect(await running.close()).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
