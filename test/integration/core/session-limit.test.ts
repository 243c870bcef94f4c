import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { SessionLimitError } from '../../../mock-server/src/index.js';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const lines: { msg: string; session?: string; reason?: string }[] = [];
const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString('utf8'))), done()) });
const t = useSandbox({ maxSessions: 3, logger: pino({ level: 'info' }, sink) });
const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };

const patch = (session: string, value: string) => t.http().patch(contact).set(auth).set('X-Sandbox-Session', session).send({ value });
const valueIn = async (session: string) => (await t.http().get(contact).set(auth).set('X-Sandbox-Session', session)).body.items[0].value as string;
const health = async () => (await t.http().get('/__admin/health')).body as { sessions: number; maxSessions: number; sessionsEvicted: number };

/** A PATCH whose body never finishes arriving: the session has a request in flight until the socket closes. */
function holdInFlight(session: string): Promise<Socket> {
  const { port } = new URL(t.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `PATCH ${contact} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nX-Sandbox-Session: ${session}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"va`,
      );
      resolve(socket);
    });
  });
}

/** Until the sandbox has seen the held requests (their sessions exist). */
async function untilSessions(count: number): Promise<void> {
  for (let i = 0; i < 200 && (await health()).sessions < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('the session cap (--max-sessions)', () => {
  it('evicts the least recently used idle session to make room, logs it and counts it in health', async () => {
    await t.http().post('/__admin/reset');
    const [a, b, c, d] = ['lru-a', 'lru-b', 'lru-c', 'lru-d'];
    for (const id of [a, b, c]) expect((await patch(id, `${id}@example.com`)).status).toBe(204);
    // a is used again, so b is now the least recently used.
    expect(await valueIn(a)).toBe(`${a}@example.com`);
    const before = (await health()).sessionsEvicted;
    expect((await patch(d, `${d}@example.com`)).status).toBe(204);
    const res = await t.http().get('/__admin/health');
    expect(res).toMatchContract('admin', 'getHealth');
    expect(res.body).toMatchObject({ maxSessions: 3, sessionsEvicted: before + 1 });
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'session evicted: max sessions reached', session: b, reason: 'evicted' }));
    expect(await valueIn(a)).toBe(`${a}@example.com`);
    expect(await valueIn(d)).toBe(`${d}@example.com`);
    // b comes back from the fixtures (evicting c, the least recently used now).
    expect(await valueIn(b)).toBe('partners@test-partner.example.com');
  });

  it('answers 503 session_limit with Retry-After when every session has a request in flight, and serves again once one is idle', async () => {
    await t.http().post('/__admin/reset');
    const held = await Promise.all(['busy-1', 'busy-2', 'busy-3'].map(holdInFlight));
    try {
      await untilSessions(4);
      const res = await patch('busy-4', 'x@example.com');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.error.code).toBe('session_limit');
      // Sessions that exist are still served.
      expect((await t.http().get('/__admin/health').set('X-Sandbox-Session', 'busy-1')).status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
    let status = 503;
    for (let i = 0; i < 200 && status === 503; i++) status = (await patch('busy-4', 'x@example.com')).status;
    expect(status).toBe(204);
  });

  it('lets sandbox.useScenario() switch the default session while every session is busy, and names the limit for a new one', async () => {
    await t.http().post('/__admin/reset');
    const held = await Promise.all(['full-1', 'full-2', 'full-3'].map(holdInFlight));
    try {
      await untilSessions(4);
      const scenario = t.sandbox.scenarioNames().find((name) => name.startsWith('ocamba/'))!;
      t.sandbox.useScenario(scenario);
      const { body } = await t.http().get('/__admin/scenarios');
      expect(body.session).toBe('default');
      expect(Object.values(body.active as Record<string, string>)).toContain(scenario);
      expect((await health()).sessions).toBe(4);
      expect(() => t.sandbox.useScenario(scenario, 'full-4')).toThrow(SessionLimitError);
    } finally {
      for (const socket of held) socket.destroy();
      t.sandbox.useScenario('default');
    }
  });
});
