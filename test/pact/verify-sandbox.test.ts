import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type RunningSandbox } from '../../mock-server/src/index.js';
import { stateHandlersFor } from '../../mock-server/src/verify.js';
import { COMMITTED_PACTS } from './pact-files.js';

const pactFiles = readdirSync(COMMITTED_PACTS).filter((f) => f.endsWith('.json'));
const providerOf = (file: string) => (JSON.parse(readFileSync(join(COMMITTED_PACTS, file), 'utf8')) as { provider: { name: string } }).provider.name;

function verify(baseUrl: string, file: string): Promise<string> {
  return new Verifier({
    provider: providerOf(file),
    providerBaseUrl: baseUrl,
    pactUrls: [join(COMMITTED_PACTS, file)],
    stateHandlers: stateHandlersFor(baseUrl),
    logLevel: 'error',
  }).verifyProvider();
}

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ seed: 11 }).listen(0);
});
afterAll(() => sandbox.close());

describe('the sandbox honours every committed pact (Pact Verifier, states through /__admin/provider-states)', () => {
  it('has a pact for every vendor provider', () => {
    expect(pactFiles.length).toBeGreaterThan(0);
  });

  it.each(pactFiles)('%s', async (file) => {
    await expect(verify(sandbox.url, file)).resolves.toBeDefined();
  });
});

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

/**
 * A proxy in front of the sandbox that changes its answers, to show that
 * verification catches a sandbox that deviates from the pacts.
 */
async function deviatingProxy(
  target: string,
  change: (status: number, body: string, path: string) => { status: number; body: string },
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    const changed = change(answer.status, await answer.text(), req.url ?? '');
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) out[name] = value;
    });
    res.writeHead(changed.status, out).end(changed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('verification fails when the sandbox deviates', () => {
  const ocambaPact = pactFiles.find((f) => f.endsWith('-ocamba-hood.json'))!;

  it('a changed status (204 → 200) fails verification', async () => {
    const proxy = await deviatingProxy(sandbox.url, (status, body) => ({ status: status === 204 ? 200 : status, body }));
    try {
      await expect(verify(proxy.url, ocambaPact)).rejects.toThrow();
    } finally {
      await proxy.close();
    }
  });

  it('a missing field (trace_id) fails verification', async () => {
    const proxy = await deviatingProxy(sandbox.url, (status, body, path) => ({
      status,
      body: path.startsWith('/__admin') || body === '' ? body : JSON.stringify({ ...(JSON.parse(body) as object), trace_id: undefined }),
    }));
    try {
      await expect(verify(proxy.url, ocambaPact)).rejects.toThrow();
    } finally {
      await proxy.close();
    }
  });

  it('the unchanged sandbox behind the same proxy passes (the proxy itself changes nothing)', async () => {
    const proxy = await deviatingProxy(sandbox.url, (status, body) => ({ status, body }));
    try {
      await expect(verify(proxy.url, ocambaPact)).resolves.toBeDefined();
    } finally {
      await proxy.close();
    }
  });
});
