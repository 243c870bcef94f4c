import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { openSocket } from '../../helpers/raw-http.js';
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

async function storedValue(session: string): Promise<string> {
  const res = await t.session(session).get(PATH).set('Authorization', `Bearer ${OCAMBA.keyA}`);
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

  it('refuses a chunked body as soon as it passes the limit, with the vendor 413, Connection: close, and closes the connection without reading the rest; changes nothing', async () => {
    const session = t.newSession();
    const before = await storedValue(session);
    const { socket, answers, closed } = await openSocket(t.url);
    const large = JSON.stringify({ value: `${'a'.repeat(LIMIT)}@example.com`, type: 'email' });
    // Only the first chunk, already over the limit: the answer must not wait for the rest, and the rest is never sent.
    const first = large.slice(0, LIMIT + 10);
    socket.write(head(session, 'Transfer-Encoding: chunked\r\n') + `${Buffer.byteLength(first).toString(16)}\r\n${first}\r\n`);
    const [refused] = await answers(1);
    expect(refused).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(refused).toMatch(/\r\nConnection: close\r\n/i);
    expect(bodyOf(refused!)).toEqual(TOO_LARGE);
    await closed;
    socket.destroy();
    expect(await storedValue(session)).toBe(before);
  });

  it('refuses a declared Content-Length over the limit before the body is sent, and closes the connection', async () => {
    const session = t.newSession();
    const { socket, answers, closed } = await openSocket(t.url);
    // Only the head goes out: the answer must not wait for a body that never comes.
    socket.write(head(session, `Content-Length: ${1024 * 1024 * 1024}\r\n`));
    const [refused] = await answers(1);
    expect(refused).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(refused).toMatch(/\r\nConnection: close\r\n/i);
    expect(bodyOf(refused!)).toEqual(TOO_LARGE);
    await closed;
    socket.destroy();
  });

  it('reads a body with an empty Content-Encoding as identity, as body-parser did', async () => {
    const session = t.newSession();
    const res = await t
      .session(session)
      .patch(PATH)
      .set('Authorization', `Bearer ${OCAMBA.keyA}`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', '')
      .send('{"value":"plain@example.com"}');
    expect(res.status).toBe(204);
    expect(await storedValue(session)).toBe('plain@example.com');
  });

  it('takes a body of exactly the limit', async () => {
    const session = t.newSession();
    const prefix = '{"type":"email","value":"';
    const suffix = '@example.com"}';
    const body = prefix + 'b'.repeat(LIMIT - prefix.length - suffix.length) + suffix;
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const res = await t.session(session).patch(PATH).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('Content-Type', 'application/json').send(body);
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
    const journaled = async () => (await t.session(session).get('/__admin/requests?method=PATCH')).body.requests as unknown[];
    for (let i = 0; i < 100 && (await journaled()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const requests = await journaled();
    expect(requests).toHaveLength(1);
    // Nobody was answered: no status (not a 500), marked aborted.
    expect(requests[0]).toMatchObject({ path: PATH, vendor: 'ocamba', operation: null, status: null, aborted: true, responseHeaders: {} });
    expect(await storedValue(session)).toBe(before);
  });
});
