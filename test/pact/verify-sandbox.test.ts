import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type RunningSandbox } from '../../mock-server/src/index.js';
import { stateHandlersFor } from '../../mock-server/src/verify.js';
import { COMMITTED_PACTS } from './pact-files.js';

const pactFiles = readdirSync(COMMITTED_PACTS).filter((f) => f.endsWith('.json'));
const providerOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { provider: { name: string } }).provider.name;

function verify(baseUrl: string, file: string, stateHandlers: StateHandlers = stateHandlersFor(baseUrl)): Promise<string> {
  const path = file.includes('/') ? file : join(COMMITTED_PACTS, file);
  return new Verifier({
    provider: providerOf(path),
    providerBaseUrl: baseUrl,
    pactUrls: [path],
    stateHandlers,
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

type JsonParams = Record<string, unknown>;

/** The sandbox's state handlers with every setup's parameters changed first (teardown as it is). */
function withParams(baseUrl: string, change: (state: string, params: JsonParams) => JsonParams): StateHandlers {
  const handlers = stateHandlersFor(baseUrl);
  return new Proxy({} as StateHandlers, {
    get: (_target, state) => {
      if (typeof state !== 'string') return undefined;
      const handler = handlers[state] as { setup: (params?: unknown) => Promise<unknown>; teardown: (params?: unknown) => Promise<unknown> };
      return { setup: (params?: unknown) => handler.setup(change(state, (params ?? {}) as JsonParams)), teardown: handler.teardown };
    },
  });
}

/** The committed pact of `provider` cut to the interactions whose provider states carry parameters, in a file of its own. */
function parameterisedOnly(provider: string): string {
  const file = pactFiles.find((f) => f.endsWith(`-${provider}.json`))!;
  const pact = JSON.parse(readFileSync(join(COMMITTED_PACTS, file), 'utf8')) as { interactions: { providerStates?: { params?: JsonParams }[] }[] };
  const interactions = pact.interactions.filter((i) => i.providerStates?.some((s) => s.params !== undefined));
  expect(interactions.length).toBeGreaterThan(0);
  const path = join(mkdtempSync(join(tmpdir(), 'parameterised-')), file);
  writeFileSync(path, JSON.stringify({ ...pact, interactions }));
  return path;
}

describe('provider-state parameters shape the answers the pacts expect (a verifier that dropped or changed them fails)', () => {
  it.each(['ocamba-hood', 'loyaltii-contacts'])("%s: passes with the pact's parameters, fails without them (404: the records are not there)", async (provider) => {
    const file = parameterisedOnly(provider);
    await expect(verify(sandbox.url, file)).resolves.toBeDefined();
    // Without them the state change is refused (pact-js logs it and goes on), and the records the interaction reads are not there.
    await expect(
      verify(
        sandbox.url,
        file,
        withParams(sandbox.url, () => ({})),
      ),
    ).rejects.toThrow(/expected 200 but was 404/);
  });

  it('ocamba-hood: another count fails on the total the pact pins', async () => {
    const file = parameterisedOnly('ocamba-hood');
    const fewer = withParams(sandbox.url, (state, params) => (state === 'a partner with contacts' ? { ...params, count: 2 } : params));
    await expect(verify(sandbox.url, file, fewer)).rejects.toThrow(/\$\.total/);
  });

  it('loyaltii-contacts: another Version fails the PATCH with 409 (the pact sends the Version the state gave)', async () => {
    const file = parameterisedOnly('loyaltii-contacts');
    const other = withParams(sandbox.url, (state, params) => (state === 'a Loyaltii contact' ? { ...params, version: 'AAAAAAAAJxQ=' } : params));
    await expect(verify(sandbox.url, file, other)).rejects.toThrow(/expected 200 but was 409/);
  });
});
