import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox({ journalBodyMaxBytes: 16 * 1024 });
const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };
const send = (session: string, body: string) => t.http().patch(contact).set(auth).set('X-Sandbox-Session', session).set('Content-Type', 'application/json').send(body);
const requests = (session: string, query = '') => t.http().get(`/__admin/requests${query}`).set('X-Sandbox-Session', session);

describe('GET /__admin/requests', () => {
  it('lists a body nested 5,000 levels deep as its text, answering 200 per the contract', async () => {
    const session = t.newSession();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(JSON.parse(deep)).toBeInstanceOf(Array);
    await send(session, deep);
    const res = await requests(session);
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'listRequests');
    expect(res.body.requests[0]).toMatchObject({ body: deep, bodyBytes: 10_000, truncated: false });
  });

  it('keeps a body over --journal-body-max-bytes cut to it, with its size and truncated: true, however deep', async () => {
    const session = t.newSession();
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    await send(session, deep);
    const res = await requests(session);
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'listRequests');
    expect(res.body.requests[0]).toMatchObject({ body: deep.slice(0, 16 * 1024), bodyBytes: deep.length, truncated: true });
  });

  it('pages: 100 entries by default, the newest; `after` pages forward from the oldest with `next`', async () => {
    const session = t.newSession();
    for (let i = 0; i < 105; i++) await send(session, JSON.stringify({ value: `p${i}@example.com` }));
    const tail = await requests(session);
    expect(tail).toMatchContract('admin', 'listRequests');
    expect(tail.body).toMatchObject({ total: 105, limit: 100, next: null });
    expect(tail.body.requests).toHaveLength(100);
    expect(tail.body.requests[0].seq).toBe(6);
    const first = await requests(session, '?after=0&limit=50');
    expect(first).toMatchContract('admin', 'listRequests');
    expect(first.body.requests.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first.body.next).toBe(50);
    const last = await requests(session, `?after=100&limit=50`);
    expect(last.body.requests.map((r: { seq: number }) => r.seq)).toEqual([101, 102, 103, 104, 105]);
    expect(last.body.next).toBeNull();
  });

  it('refuses a page size over 1000 with the admin 400', async () => {
    const res = await requests(t.newSession(), '?limit=1001');
    expect(res.status).toBe(400);
    expect(res).toMatchContract('admin', 'listRequests');
  });
});
