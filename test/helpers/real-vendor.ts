import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { Agent, request } from 'undici';
import { createSandbox, type RunningSandbox } from '../../mock-server/src/index.js';

/** A certificate authority and a loopback server certificate it signed, made for this test run. */
export async function testCertificates(): Promise<{ caCert: string; key: string; cert: string }> {
  const notAfterDate = new Date(Date.now() + 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'contact-sandbox test CA' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { caCert: ca.cert, key: leaf.private, cert: leaf.cert };
}

/** What the "real vendor" sent for one request (by its `X-Test-Id`), to check the client got exactly that. */
export interface Sent {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

export interface RealVendor {
  readonly url: string;
  readonly sent: Map<string, Sent>;
  close(): Promise<void>;
}

/**
 * The "real vendor" of these tests: a second sandbox behind HTTPS on
 * loopback, whose answers deviate as the request's `X-Deviate` header asks
 * (`status`, `result-code`, `contract`, `rate-limit`, `bytes`).
 */
export async function startRealVendor(tls: { key: string; cert: string }, options: { seed: number; clock: string }): Promise<RealVendor> {
  const inner: RunningSandbox = await createSandbox(options).listen(0, '127.0.0.1');
  const agent = new Agent();
  const sent = new Map<string, Sent>();
  const server: Server = createServer(tls, (req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { host: _host, connection: _connection, ...headers } = req.headers;
      const answer = await request(inner.url + (req.url ?? '/'), {
        dispatcher: agent,
        method: req.method as 'GET',
        headers: headers as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : null,
      });
      let status = answer.statusCode;
      let body = Buffer.from(await answer.body.arrayBuffer());
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !['connection', 'keep-alive', 'transfer-encoding'].includes(name)) out[name] = value;
      const json = () => JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      switch (req.headers['x-deviate']) {
        case 'status':
          status = 503;
          break;
        case 'result-code':
          body = Buffer.from(JSON.stringify({ ...json(), statuscode: 'ERR' }));
          break;
        case 'contract':
          body = Buffer.from(JSON.stringify({ ...json(), data: 'not a list' }));
          break;
        case 'rate-limit':
          out['x-ratelimit-limit'] = '999';
          break;
        case 'bytes':
          // Whitespace no JSON parser keeps, a header of its own and a hop-by-hop one the proxy must drop.
          body = Buffer.from(`${JSON.stringify(json(), null, 3)}\n\n`);
          out['x-real-only'] = 'yes';
          out['connection'] = 'x-hop';
          out['x-hop'] = 'drop me';
          break;
      }
      out['content-length'] = String(body.length);
      const id = req.headers['x-test-id'];
      if (typeof id === 'string') sent.set(id, { status, headers: out, body });
      res.writeHead(status, out);
      res.end(body);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await agent.close();
      await inner.close();
    },
  };
}

/** The real vendor behind a certificate signed by a CA made for this run, the CA written to `dir/ca.pem`. */
export async function startTrustedRealVendor(dir: string, options: { seed: number; clock: string }): Promise<{ real: RealVendor; caFile: string }> {
  const certs = await testCertificates();
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, certs.caCert);
  return { real: await startRealVendor(certs, options), caFile };
}
