import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { ipayHeaders } from '../instantpay/client.js';

const lines: { level: number; msg: string; scenario?: string; vendor?: string }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
    done();
  },
});
const t = useSandbox({ logger: pino({ level: 'warn' }, sink) });
const ocamba = { Authorization: `Bearer ${OCAMBA.keyA}` };
const warnings = (scenario: string) => lines.filter((l) => l.level === 40 && l.scenario === scenario).map((l) => l.msg);

describe('X-Sandbox-Scenario with a scenario that needs what only activation does', () => {
  it('ocamba/unknown-partner (a fixture set): answers from the session as before, with X-Sandbox-Warning, and logs it at warn', async () => {
    const session = t.newSession();
    const res = await t.session(session).get('/v1/hood/partners').set(ocamba).set({ 'X-Sandbox-Scenario': 'ocamba/unknown-partner' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    const expected =
      'scenario "ocamba/unknown-partner" loads fixture set "no-partners", which a per-request scenario cannot; activate it for the session (PUT /__admin/scenario) instead';
    expect(res.headers['x-sandbox-warning']).toBe(expected);
    expect(warnings('ocamba/unknown-partner')).toContain(expected);
  });

  it('ocamba/many-partners (a setting the store reads when it is built) is no longer ignored silently', async () => {
    const res = await t.session().get('/v1/hood/partners').set(ocamba).set({ 'X-Sandbox-Scenario': 'ocamba/many-partners' });
    expect(res.status).toBe(200);
    expect(res.headers['x-sandbox-warning']).toBe(
      'scenario "ocamba/many-partners" sets generatedPartners (read only when the store is built), which a per-request scenario cannot; activate it for the session (PUT /__admin/scenario) instead',
    );
    expect(warnings('ocamba/many-partners')).toHaveLength(1);
  });

  it('instantpay/empty-book (a fixture set) warns the same way', async () => {
    const res = await t.session().get('/contacts/tag').set(ipayHeaders()).set({ 'X-Sandbox-Scenario': 'instantpay/empty-book' });
    expect(res.headers['x-sandbox-warning']).toMatch(/^scenario "instantpay\/empty-book" loads fixture set "empty", which a per-request scenario cannot; activate it/);
  });

  it('a scenario for another vendor says it did not apply', async () => {
    const res = await t.session().get('/v1/hood/partners').set(ocamba).set({ 'X-Sandbox-Scenario': 'instantpay/empty-book' });
    expect(res.status).toBe(200);
    expect(res.headers['x-sandbox-warning']).toBe('scenario "instantpay/empty-book" does not concern ocamba; this request ran under the session\'s scenario "default"');
  });

  it('no warning once the session has activated the scenario, nor for scenarios a request can apply', async () => {
    const session = t.newSession();
    await t.admin(session).activate('ocamba/many-partners');
    const activated = await t.session(session).get('/v1/hood/partners').set(ocamba).set({ 'X-Sandbox-Scenario': 'ocamba/many-partners' });
    expect(activated.headers['x-sandbox-warning']).toBeUndefined();
    expect(activated.body.total).toBeGreaterThan(45);
    const settingsOnly = await t.session().get('/v1/hood/partners').set(ocamba).set({ 'X-Sandbox-Scenario': 'ocamba/rate-limited' });
    expect(settingsOnly.headers['x-sandbox-warning']).toBeUndefined();
    const plain = await t.session().get('/v1/hood/partners').set(ocamba);
    expect(plain.headers['x-sandbox-warning']).toBeUndefined();
  });
});
