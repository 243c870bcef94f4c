import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type StartedCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-tls-'));
const started: StartedCli[] = [];
const start = async (args: string[]) => {
  const cli = await startCli(['--port', '0', '--log-level', 'warn', '--log-format', 'json', ...args]);
  started.push(cli);
  return cli;
};
const httpsUrl = (cli: StartedCli) => /listening on (https:\/\/\S+)/.exec(cli.stdout())![1]!;

/** GET over HTTPS; `ca` undefined = Node's default trust store only. Resolves with the status, or the TLS error code. */
function httpsGet(url: string, ca?: string): Promise<number | string> {
  return new Promise((resolve) => {
    get(url, { ca, servername: 'localhost' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

afterAll(async () => {
  for (const cli of started) cli.child.kill('SIGTERM');
  await Promise.all(started.map((cli) => cli.exited));
});

describe('--tls', () => {
  let first: StartedCli;
  let ca: string;
  beforeAll(async () => {
    first = await start(['--tls-port', '0', '--tls-dir', dir]);
    ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
  });

  it('makes a local CA and localhost certificate on first use, serves HTTPS beside HTTP, and a client must trust the CA to connect', async () => {
    expect(first.stdout()).toContain(`TLS certificate (made now): trust ${join(dir, 'ca.pem')}`);
    expect(statSync(join(dir, 'localhost-key.pem')).mode & 0o077).toBe(0);
    const secure = httpsUrl(first);
    expect(secure).not.toBe(first.url);
    expect(await httpsGet(`${secure}/__admin/health`, ca)).toBe(200);
    expect(await httpsGet(`${secure}/__admin/health`)).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect((await fetch(`${first.url}/__admin/health`)).status).toBe(200);
  });

  it("answers malformed HTTP over TLS as over plain HTTP: 400 with the sandbox's JSON error malformed_http, then closes", async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: Number(new URL(httpsUrl(first)).port), ca, servername: 'localhost' }, () => socket.write('NOT HTTP\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text)).on('error', reject);
    });
    const split = answer.indexOf('\r\n\r\n');
    const head = answer.slice(0, split);
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nX-Sandbox-Error: malformed_http\r\n/);
    expect(head).toMatch(/\r\nConnection: close(\r\n|$)/);
    expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    expect(JSON.parse(answer.slice(split + 4))).toEqual({ error: { code: 'malformed_http', message: expect.any(String) } });
  });

  it('reuses the generated CA on a second start: the same CA certificate and fingerprint, not made again', async () => {
    const fingerprint = new X509Certificate(ca).fingerprint256;
    const second = await start(['--tls', '--tls-dir', dir]);
    expect(second.url.startsWith('https://')).toBe(true);
    expect(second.stdout()).not.toContain('made now');
    expect(second.stdout()).toContain(`TLS certificate: trust ${join(dir, 'ca.pem')}`);
    expect(readFileSync(join(dir, 'ca.pem'), 'utf8')).toBe(ca);
    // The leaf the second process serves is signed by that same CA.
    const issuer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: Number(new URL(second.url).port), ca, servername: 'localhost' }, () => {
        resolve(socket.getPeerCertificate(true).issuerCertificate.fingerprint256);
        socket.end();
      }).on('error', reject);
    });
    expect(issuer).toBe(fingerprint);
    expect(await httpsGet(`${second.url}/__admin/health`, ca)).toBe(200);
  });

  it('serves your own certificate with --tls-cert/--tls-key, and refuses one without the other', async () => {
    const own = await start(['--tls-cert', join(dir, 'localhost.pem'), '--tls-key', join(dir, 'localhost-key.pem')]);
    expect(own.stdout()).toContain(`trust ${join(dir, 'localhost.pem')}`);
    expect(await httpsGet(`${own.url}/__admin/health`, readFileSync(join(dir, 'ca.pem'), 'utf8'))).toBe(200);
    await expect(start(['--tls-cert', join(dir, 'localhost.pem')])).rejects.toThrow(/--tls-cert and --tls-key go together/);
  });
});
