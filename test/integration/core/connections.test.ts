import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { openSocket } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';

/** Every log line, parsed: the abort must be logged once, at debug. */
const lines: { level: number; msg: string; session?: string }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string; session?: string });
    done();
  },
});
const t = useSandbox({ logger: pino({ level: 'debug' }, sink), timeouts: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
const PATH = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

/** Sends `bytes` on a fresh connection; resolves with the one answer and once the server has closed the connection. */
async function refusedWith(bytes: string): Promise<{ status: number; headers: string; body: unknown }> {
  const { socket, answers, closed } = await openSocket(t.url);
  socket.write(bytes);
  const [answer] = await answers(1);
  await closed;
  socket.destroy();
  const split = answer!.indexOf('\r\n\r\n');
  return { status: Number(answer!.slice(9, 12)), headers: answer!.slice(0, split), body: JSON.parse(answer!.slice(split + 4)) as unknown };
}

function sandboxError(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe('malformed HTTP, answered through clientError with the sandbox JSON error and the socket closed', () => {
  it('answers bad framing with 400 malformed_http', async () => {
    const res = await refusedWith('GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(sandboxError('malformed_http'));
    expect(res.headers).toMatch(/\r\nX-Sandbox-Error: malformed_http\r\n/);
    expect(res.headers).toMatch(/\r\nConnection: close(\r\n|$)/);
    expect(res.headers).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
  });

  it('answers a NUL byte in a header with 400', async () => {
    const res = await refusedWith('GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(sandboxError('malformed_http'));
  });

  it('answers a request line that is not HTTP with 400', async () => {
    const res = await refusedWith('HELLO\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(sandboxError('malformed_http'));
  });

  it('answers oversized headers with 431 headers_too_large', async () => {
    const res = await refusedWith(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.body).toEqual(sandboxError('headers_too_large'));
  });

  it('answers oversized chunk extensions with 413', async () => {
    const res = await refusedWith(`PATCH ${PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;${'e'.repeat(20 * 1024)}\r\n`);
    expect(res.status).toBe(413);
    expect(res.body).toEqual(sandboxError('chunk_extensions_too_large'));
  });
});

describe('slow clients', () => {
  it('answers a head that does not arrive within --headers-timeout with 408, then closes', async () => {
    const res = await refusedWith(`GET ${PATH} HTTP/1.1\r\nHost: x\r\n`);
    expect(res.status).toBe(408);
    expect(res.body).toEqual(sandboxError('request_timeout'));
  });

  it('answers a body sent byte by byte past --request-timeout with 408, then closes, and journals the 408', async () => {
    const session = t.newSession();
    const { socket, answers, closed } = await openSocket(t.url);
    socket.write(
      `PATCH ${PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nX-Sandbox-Session: ${session}\r\nContent-Length: 100\r\n\r\n{`,
    );
    const drip = setInterval(() => socket.write(' '), 100);
    const [answer] = await answers(1);
    clearInterval(drip);
    await closed;
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(answer!.slice(answer!.indexOf('\r\n\r\n') + 4))).toEqual(sandboxError('request_timeout'));
    // Answered, so journaled with the status the client got (not as aborted).
    const { requests } = (await t.http().get('/__admin/requests').set('X-Sandbox-Session', session)).body as { requests: { status: number | null; aborted?: boolean }[] };
    expect(requests).toEqual([expect.objectContaining({ method: 'PATCH', path: PATH, status: 408 })]);
    expect(requests[0]).not.toHaveProperty('aborted');
  });
});

describe('a client that disconnects mid-body', () => {
  it('is journaled as aborted (no status) and logged once, at debug', async () => {
    const session = t.newSession();
    const { socket } = await openSocket(t.url);
    socket.write(
      `PATCH ${PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nX-Sandbox-Session: ${session}\r\nContent-Length: 50\r\n\r\n{"value":`,
    );
    // The journal entry of the request itself shows when the sandbox has seen the disconnect.
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    const journaled = async () => (await t.http().get('/__admin/requests').set('X-Sandbox-Session', session)).body.requests as { status: number | null; aborted?: boolean }[];
    for (let i = 0; i < 100 && (await journaled()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const [entry] = await journaled();
    expect(entry).toMatchObject({ method: 'PATCH', path: PATH, status: null, aborted: true });
    const mentions = lines.filter((l) => l.session === session || l.msg.includes(session));
    expect(mentions).toEqual([expect.objectContaining({ level: 20, msg: `PATCH ${PATH} aborted by the client` })]);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });
});
