import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, startCli } from '../helpers/cli.js';
import { OCAMBA } from '../helpers/identities.js';
import { openSocket } from '../helpers/raw-http.js';

const PATH = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
/** ocamba/slow: every Ocamba call takes one second, long enough to be in flight when the signal comes. */
const ARGS = ['--port', '0', '--scenario', 'ocamba/slow', '--log-format', 'json', '--log-level', 'warn'];
const IN_FLIGHT = 20;

let sessions = 0;

const written: Promise<void>[] = [];

/** A GET in its own session (Ocamba caps parallel requests per session); `written` learns when it is on the wire. */
function slowGet(url: string, agent: Agent): Promise<number | string> {
  return new Promise((resolve) => {
    let sent: () => void = () => undefined;
    written.push(new Promise<void>((done) => (sent = done)));
    const req = request(`${url}${PATH}`, { agent, headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': `shutdown-${++sessions}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      sent();
      resolve(error.code ?? error.message);
    });
    req.on('finish', sent);
    req.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Once every request is on the wire, a quarter of their one-second latency later they are in the sandbox's hands. */
const requestsArrived = async () => {
  await Promise.all(written.splice(0));
  await pause(250);
};

describe('SIGTERM / SIGINT on the real process', () => {
  it('stops accepting, answers every request in flight (a slow scenario and a slow body), closes idle keep-alive connections, and exits 0', async () => {
    const cli = await startCli(ARGS);
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    // An idle keep-alive connection: served once, then left open.
    const idle = await openSocket(cli.url);
    idle.socket.write('GET /__admin/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await idle.answers(1);
    // A request whose body is still arriving when the signal comes.
    const slowBody = await openSocket(cli.url);
    const body = '{"value":"late@example.com"}';
    slowBody.socket.write(
      `PATCH ${PATH} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    const pending = Array.from({ length: IN_FLIGHT }, () => slowGet(cli.url, agent));
    await requestsArrived();

    cli.child.kill('SIGTERM');
    await idle.closed;
    // The rest of the body, after the signal: still read and answered.
    await pause(100);
    slowBody.socket.write(body.slice(5));
    // No new connections once stopping.
    const refused = await slowGet(cli.url, new Agent());

    expect(await Promise.all(pending)).toEqual(Array.from({ length: IN_FLIGHT }, () => 200));
    const [late] = await slowBody.answers(1);
    expect(late).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(late).toMatch(/\r\nConnection: close\r\n/i);
    expect(refused).toBe('ECONNREFUSED');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    agent.destroy();
  });

  it('exits at once on a second signal, without waiting for requests in flight', async () => {
    const cli = await startCli(ARGS);
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const pending = Array.from({ length: IN_FLIGHT }, () => slowGet(cli.url, agent));
    await requestsArrived();
    const signalled = Date.now();
    cli.child.kill('SIGINT');
    // Two signals sent back to back can arrive as one.
    await pause(100);
    cli.child.kill('SIGINT');
    const exited = await cli.exited;
    const results = await Promise.all(pending);
    expect(exited).toEqual({ code: 1, signal: null });
    // The one-second latency was not waited for: every request was dropped.
    expect(results.filter((r) => r === 200)).toEqual([]);
    expect(Date.now() - signalled).toBeLessThan(1000);
    agent.destroy();
  });

  it('stops and exits 0 when the reader of its output has gone away (`| head -1`: EPIPE on every log write)', async () => {
    // A real pipe, as a shell gives one: a child's stdio 'pipe' is a socket, whose closing Node notices by itself.
    const fifo = join(mkdtempSync(join(tmpdir(), 'shutdown-pipe-')), 'stdout');
    execFileSync('mkfifo', [fifo]);
    let reader: number | undefined = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const child = spawn(process.execPath, [CLI, '--port', '0', '--log-format', 'json'], { stdio: ['ignore', writer, 'ignore'] });
    closeSync(writer);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      let banner = '';
      // Up to 15 s of the test's 20: a loaded machine starts slowly.
      for (const until = Date.now() + 15_000; !/listening on (http:\/\/\S+)/.test(banner) && Date.now() < until;) {
        const chunk = Buffer.alloc(4096);
        try {
          banner += chunk.toString('utf8', 0, readSync(reader, chunk));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await pause(10);
        }
      }
      const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
      expect(url).toBeDefined();
      // The reader goes, as `head -1` does once it has its line.
      closeSync(reader);
      reader = undefined;
      // Fewer request lines than a 4 KiB batch: they wait in the buffer, so the write that fails is the stop's (or the 200 ms flush's).
      for (let i = 0; i < 3; i++) expect((await fetch(`${url}${PATH}`)).status).toBe(401);
      child.kill('SIGTERM');
      const outcome = await Promise.race([exited, pause(5000).then(() => 'still running 5 s after SIGTERM')]);
      expect(outcome).toEqual({ code: 0, signal: null });
    } finally {
      if (reader !== undefined) closeSync(reader);
      child.kill('SIGKILL');
    }
  });
});
