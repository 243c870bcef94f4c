import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

/** A small limit, so bodies over it are cheap to send. */
const LIMIT = 256;
const t = useSandbox({ bodyLimitBytes: LIMIT });
const PATH = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const TOO_LARGE = { code: 413, title: 'Request entity too large.', message: 'The request body is too large.', trace_id: expect.stringMatching(/^[0-9a-f-]{36}$/) };

function head(session: string, extra: string): string {
  return `PATCH ${PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nX-Sandbox-Session: ${session}\r\n${extra}\r\n`;
}

function chunked(parts: readonly string[]): string {
  return `${parts.map((part) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`).join('')}0\r\n\r\n`;
}

/** A raw socket that collects what the sandbox sends and can wait for the n-th complete HTTP answer. */
function openSocket(url: string): Promise<{ socket: Socket; received: () => string; answers: (n: number) => Promise<string[]> }> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    let data = '';
    const waiters: (() => void)[] = [];
    const socket = connect(Number(port), hostname, () => resolve({ socket, received: () => data, answers }));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      for (const wake of waiters.splice(0)) wake();
    });
    socket.on('error', reject);
    function split(): string[] {
      // Every answer here carries Content-Length or is a 204: enough to cut the stream into answers.
      const out: string[] = [];
      let rest = data;
      while (rest.includes('\r\n\r\n')) {
        const end = rest.indexOf('\r\n\r\n') + 4;
        const length = Number(/content-length: (\d+)/i.exec(rest.slice(0, end))?.[1] ?? 0);
        if (rest.length < end + length) break;
        out.push(rest.slice(0, end + length));
        rest = rest.slice(end + length);
      }
      return out;
    }
    function answers(n: number): Promise<string[]> {
      return new Promise((done) => {
        const check = () => (split().length >= n ? done(split().slice(0, n)) : waiters.push(check));
        check();
      });
    }
  });
}

async function storedValue(session: string): Promise<string> {
  const res = await t.http().get(PATH).set('X-Sandbox-Session', session).set('Authorization', `Bearer ${OCAMBA.keyA}`);
  expect(res.status).toBe(200);
  return (res.body as { items: { value: string }[] }).items[0]!.value;
}

const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

describe('request bodies as the sandbox reads them', () => {
  it('joins a chunked body sent in pieces, without Content-Length', async () => {
    const session = t.newSession();
    const { socket, answers } = await openSocket(t.url);
    socket.write(head(session, 'Transfer-Encoding: chunked\r\n'));
    socket.write(chunked(['{"value":"chunk', 'ed@example.com",', '"type":"email"}']));
    const [answer] = await answers(1);
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(await storedValue(session)).toBe('chunked@example.com');
  });

  it('refuses a chunked body as soon as it passes the limit, with the vendor 413; changes nothing; the connection then serves the next request', async () => {
    const session = t.newSession();
    const { socket, answers } = await openSocket(t.url);
    const large = JSON.stringify({ value: `${'a'.repeat(LIMIT)}@example.com`, type: 'email' });
    const valid = '{"value":"next@example.com"}';
    // Only the first chunk, already over the limit: the answer must not wait for the rest.
    const [first, rest] = [large.slice(0, LIMIT + 10), large.slice(LIMIT + 10)];
    socket.write(head(session, 'Transfer-Encoding: chunked\r\n') + `${Buffer.byteLength(first).toString(16)}\r\n${first}\r\n`);
    const [refused] = await answers(1);
    expect(refused).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(bodyOf(refused!)).toEqual(TOO_LARGE);
    socket.write(`${Buffer.byteLength(rest).toString(16)}\r\n${rest}\r\n0\r\n\r\n`);
    socket.write(head(session, `Content-Length: ${valid.length}\r\n`) + valid);
    const [, next] = await answers(2);
    socket.destroy();
    expect(next).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(await storedValue(session)).toBe('next@example.com');
  });

  it('refuses a declared Content-Length over the limit before the body is sent', async () => {
    const session = t.newSession();
    const { socket, answers } = await openSocket(t.url);
    // Only the head goes out: the answer must not wait for a body that never comes.
    socket.write(head(session, `Content-Length: ${LIMIT + 1}\r\n`));
    const [refused] = await answers(1);
    socket.destroy();
    expect(refused).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(bodyOf(refused!)).toEqual(TOO_LARGE);
  });

  it('reads a body with an empty Content-Encoding as identity, as body-parser did', async () => {
    const session = t.newSession();
    const res = await t.http().patch(PATH).set('X-Sandbox-Session', session).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('Content-Type', 'application/json').set('Content-Encoding', '').send('{"value":"plain@example.com"}');
    expect(res.status).toBe(204);
    expect(await storedValue(session)).toBe('plain@example.com');
  });

  it('takes a body of exactly the limit', async () => {
    const session = t.newSession();
    const prefix = '{"type":"email","value":"';
    const suffix = '@example.com"}';
    const body = prefix + 'b'.repeat(LIMIT - prefix.length - suffix.length) + suffix;
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const res = await t.http().patch(PATH).set('X-Sandbox-Session', session).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(204);
    expect(await storedValue(session)).toBe(JSON.parse(body).value);
  });

  it('survives a client that goes away mid-body, and applies nothing of it', async () => {
    const session = t.newSession();
    const before = await storedValue(session);
    const { socket } = await openSocket(t.url);
    // A complete JSON document, short of the declared length: a reader that took what had come would apply it.
    socket.write(head(session, 'Content-Length: 60\r\n') + '{"value":"half@example.com"}');
    // Give the sandbox time to read the head and start on the body, then drop the connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    const journaled = async () => (await t.http().get('/__admin/requests?method=PATCH').set('X-Sandbox-Session', session)).body.requests as unknown[];
    for (let i = 0; i < 100 && (await journaled()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const requests = await journaled();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: PATH, vendor: 'ocamba', operation: null, status: 500 });
    expect(await storedValue(session)).toBe(before);
  });
});
