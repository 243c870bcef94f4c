import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox({ sessionIdleMs: 200 });
const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };

async function valueIn(prefix: string, headers: Record<string, string> = {}) {
  const res = await t.http().get(`${prefix}${contact}`).set(auth).set(headers);
  expect(res.status).toBe(200);
  return res.body.items[0].value as string;
}

describe('sessions', () => {
  it("isolate writes: one session's PATCH is invisible to another and to default", async () => {
    const [a, b] = [t.newSession(), t.newSession()];
    const res = await t.session(a).patch(contact).set(auth).send({ value: 'only-a@example.com' });
    expect(res.status).toBe(204);
    expect(await valueIn('', { 'X-Sandbox-Session': a })).toBe('only-a@example.com');
    expect(await valueIn('', { 'X-Sandbox-Session': b })).toBe('partners@test-partner.example.com');
    expect(await valueIn('')).toBe('partners@test-partner.example.com');
  });

  it('can be named by the /__session/<id>/ path prefix, the same session as the header', async () => {
    const id = t.newSession();
    const res = await t.http().patch(`/__session/${id}${contact}?x=1`).set(auth).send({ value: 'prefixed@example.com' });
    expect(res.status).toBe(204);
    expect(await valueIn('', { 'X-Sandbox-Session': id })).toBe('prefixed@example.com');
    expect(await valueIn(`/__session/${id}`)).toBe('prefixed@example.com');
    const journal = await t.http().get(`/__session/${id}/__admin/requests`);
    expect(journal.body.requests[0]).toMatchObject({ session: id, path: contact, query: { x: '1' } });
  });

  it('have their own clocks', async () => {
    const [a, b] = [t.newSession(), t.newSession()];
    await t.admin(a).advanceClock(3_600_000);
    expect((await t.session(a).get('/__admin/clock')).body.now).toBe('2026-03-02T11:00:00.000Z');
    expect((await t.session(b).get('/__admin/clock')).body.now).toBe('2026-03-02T10:00:00.000Z');
  });

  it('refuses a malformed session id with a JSON 400', async () => {
    const res = await t.session('has space').get(contact).set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_session');
  });

  it('are dropped after the idle time, and come back from the fixtures', async () => {
    const id = t.newSession();
    await t.session(id).patch(contact).set(auth).send({ value: 'soon-gone@example.com' });
    const listed = await t.http().get('/__admin/sessions');
    expect(listed.body.sessions.map((s: { id: string }) => s.id)).toContain(id);
    // Idle time 200 ms; idle sessions are swept at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await t.http().get('/__admin/sessions');
    expect(after.body.sessions.map((s: { id: string }) => s.id)).not.toContain(id);
    expect(await valueIn('', { 'X-Sandbox-Session': id })).toBe('partners@test-partner.example.com');
  });

  it('never drops the default session', async () => {
    await t.http().patch(contact).set(auth).send({ value: 'kept@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // Any request sweeps idle sessions; default's data must survive it.
    await t.session().get('/__admin/health');
    expect(await valueIn('')).toBe('kept@example.com');
    await t.http().post('/__admin/reset');
  });
});
