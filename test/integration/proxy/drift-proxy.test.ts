import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { createSandbox, type RunningSandbox } from '../../../mock-server/src/index.js';
import type { Difference, Exchange } from '../../../mock-server/src/proxy/exchange.js';
import { DriftVendors } from '../../../mock-server/src/proxy/drift-vendors.js';
import { startDriftProxy, type RunningProxy } from '../../../mock-server/src/proxy/proxy-server.js';
import { readRecording } from '../../../mock-server/src/proxy/recording.js';
import { replayRecording } from '../../../mock-server/src/proxy/replay.js';
import { VENDORS } from '../../../mock-server/src/vendors/index.js';
import { INSTANTPAY, INSTANTPAY_HEADERS as IPAY, OCAMBA } from '../../helpers/identities.js';
import { startTrustedRealVendor, type RealVendor } from '../../helpers/real-vendor.js';

const SANDBOX = { seed: 7, clock: '2026-03-02T10:00:00Z' };
const IPAY_SECRET = INSTANTPAY.sandbox.clientSecret;
const LIST_CONTACTS = '#/paths/~1contacts~1profile/get/responses';
const LIST_CONTACTS_SCHEMA = `${LIST_CONTACTS}/200/content/application~1json/schema`;
const FAILURE_SCHEMA = '#/components/responses/Failure/content/application~1json/schema';

let dir: string;
let caFile: string;
let real: RealVendor;
let proxy: RunningProxy;
let recordFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drift-proxy-'));
  ({ real, caFile } = await startTrustedRealVendor(dir, SANDBOX));
  recordFile = join(dir, 'drift.jsonl');
  proxy = await startDriftProxy({
    vendors: VENDORS,
    targets: [
      { vendor: 'instantpay', target: real.url },
      { vendor: 'ocamba', target: real.url },
    ],
    sandbox: SANDBOX,
    record: recordFile,
    tls: { caFiles: [caFile] },
  });
});

afterAll(async () => {
  await proxy?.close();
  await real?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One request through the proxy, in its own session; resolves once its comparison is recorded. */
async function viaProxy(path: string, headers: Record<string, string>, session: string) {
  const answer = await request(proxy.url + path, { headers: { ...headers, 'x-sandbox-session': session, 'x-test-id': session } });
  const body = Buffer.from(await answer.body.arrayBuffer());
  await proxy.settled();
  const exchange = readRecording(recordFile).find((e) => e.session === session);
  if (!exchange) throw new Error(`no exchange recorded for ${session}`);
  return { answer, body, exchange };
}

const pick = (differences: readonly Difference[]) => differences.map(({ aspect, side, at, contractPath }) => ({ aspect, at, contractPath, ...(side ? { side } : {}) }));

describe('contact-sandbox proxy', () => {
  describe('when the real vendor answers as the sandbox does', () => {
    it('records the exchange with no differences and reports the operation as agreeing', async () => {
      const { answer, exchange } = await viaProxy('/contacts/profile', IPAY, 'same');
      expect(answer.statusCode).toBe(200);
      expect(exchange).toMatchObject({ vendor: 'instantpay', operation: 'listContacts', differences: [] });
      expect(
        proxy
          .report()
          .vendors.find((v) => v.vendor === 'instantpay')
          ?.operations.find((o) => o.operation === 'listContacts'),
      ).toMatchObject({ differences: [] });
    });
  });

  describe('when the real answer deviates', () => {
    it('gives the client the real answer byte for byte, without hop-by-hop headers', async () => {
      const { answer, body } = await viaProxy('/contacts/profile', { ...IPAY, 'x-deviate': 'bytes' }, 'bytes');
      const sent = real.sent.get('bytes')!;
      expect(body.equals(sent.body)).toBe(true);
      expect(answer.statusCode).toBe(sent.status);
      expect(answer.headers['x-real-only']).toBe('yes');
      expect(answer.headers['date']).toBe(sent.headers['date']);
      expect(answer.headers['x-hop']).toBeUndefined();
    });

    it('reports a different HTTP status, and the real body that breaks the schema the contract gives that status', async () => {
      const { answer, exchange } = await viaProxy('/contacts/profile', { ...IPAY, 'x-deviate': 'status' }, 'status');
      expect(answer.statusCode).toBe(503);
      // The contract answers 5XX with its Failure envelope: a success body under 503 breaks that schema.
      expect(pick(exchange.differences)).toEqual([
        { aspect: 'status', at: 'status', contractPath: LIST_CONTACTS },
        { aspect: 'contract', side: 'real', at: '/statuscode', contractPath: FAILURE_SCHEMA },
        { aspect: 'contract', side: 'real', at: '/data', contractPath: FAILURE_SCHEMA },
      ]);
    });

    it('reports a different result code at the envelope field it sits in', async () => {
      const { exchange } = await viaProxy('/contacts/profile', { ...IPAY, 'x-deviate': 'result-code' }, 'result-code');
      const code = exchange.differences.find((d) => d.aspect === 'result-code');
      expect(code).toMatchObject({ at: '/statuscode', contractPath: LIST_CONTACTS_SCHEMA, real: 'ERR', sandbox: 'TXN' });
    });

    it('reports a real body that breaks the contract at the schema and field it breaks', async () => {
      const { exchange } = await viaProxy('/contacts/profile', { ...IPAY, 'x-deviate': 'contract' }, 'contract');
      const broken = exchange.differences.filter((d) => d.aspect === 'contract');
      expect(broken.length).toBeGreaterThan(0);
      expect(broken.every((d) => d.side === 'real' && d.contractPath === LIST_CONTACTS_SCHEMA)).toBe(true);
      expect(broken.map((d) => d.at)).toContain('/data');
      expect(exchange.differences).toContainEqual(expect.objectContaining({ aspect: 'body-shape', at: '/data', real: 'string', sandbox: 'array' }));
    });

    it('reports a changed rate-limit header at the header the contract declares', async () => {
      const { exchange } = await viaProxy('/v1/hood/partners', { authorization: `Bearer ${OCAMBA.keyA}`, 'x-deviate': 'rate-limit' }, 'rate-limit');
      expect(exchange).toMatchObject({ vendor: 'ocamba', operation: 'listPartners' });
      expect(pick(exchange.differences)).toEqual([
        { aspect: 'header', at: 'x-ratelimit-limit', contractPath: '#/paths/~1v1~1hood~1partners/get/responses/200/headers/X-RateLimit-Limit' },
      ]);
      // The sandbox names the window nearest exhaustion: 10 a second (docs/vendors/ocamba.md).
      expect(exchange.differences[0]).toMatchObject({ real: '999', sandbox: '10' });
    });
  });

  describe('when the sandbox is slow', () => {
    it('answers the client as soon as the real vendor has, and compares later', async () => {
      // The scenario header reaches only the scratch sandbox (X-Sandbox-* headers stay on the sandbox side): its answer takes a second longer.
      const started = Date.now();
      const answer = await request(`${proxy.url}/v1/hood/partners`, {
        headers: { authorization: `Bearer ${OCAMBA.keyA}`, 'x-sandbox-scenario': 'ocamba/slow', 'x-sandbox-session': 'slow' },
      });
      await answer.body.arrayBuffer();
      expect(answer.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(700);
      await proxy.settled();
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(readRecording(recordFile).find((e) => e.session === 'slow')).toMatchObject({ operation: 'listPartners', sandbox: { status: 200 } });
    });
  });

  describe('the recording', () => {
    it('redacts credentials in headers, cookies and password fields of bodies', async () => {
      const answer = await request(`${proxy.url}/contacts/profile`, {
        method: 'POST',
        headers: { ...IPAY, 'content-type': 'application/json', cookie: 'sid=cookie-secret', 'x-sandbox-session': 'redact' },
        body: JSON.stringify({ name: 'x', mobile: '9999999999', password: 'hunter2', nested: { userPassword: 'hunter3' } }),
      });
      await answer.body.arrayBuffer();
      await proxy.settled();
      const text = readFileSync(recordFile, 'utf8');
      for (const secret of [IPAY_SECRET, OCAMBA.keyA, 'cookie-secret', 'hunter2', 'hunter3']) expect(text).not.toContain(secret);
      const exchange = readRecording(recordFile).find((e) => e.session === 'redact')!;
      expect(exchange.request.headers['x-ipay-client-secret']).toBe('[REDACTED]');
      expect(exchange.request.headers['cookie']).toBe('[REDACTED]');
      expect(exchange.redacted).toEqual(['cookie', 'password', 'userPassword', 'x-ipay-client-secret']);
      // The client id is not a secret: kept, so a replay knows which account was used.
      expect(exchange.request.headers['x-ipay-client-id']).toBe(IPAY['x-ipay-client-id']);
    });
  });

  describe('GET /__admin/drift', () => {
    it('answers the report so far on the proxy, and not_proxying on a plain sandbox', async () => {
      const answer = await request(`${proxy.url}/__admin/drift`);
      const report = (await answer.body.json()) as { exchanges: number; vendors: { vendor: string }[] };
      expect(answer.statusCode).toBe(200);
      expect(report.exchanges).toBe(proxy.report().exchanges);
      expect(report.vendors.map((v) => v.vendor)).toEqual(['instantpay', 'ocamba']);
      const plain = await createSandbox().listen(0, '127.0.0.1');
      try {
        const refused = await request(`${plain.url}/__admin/drift`);
        expect(refused.statusCode).toBe(404);
        expect(((await refused.body.json()) as { error: { code: string } }).error.code).toBe('not_proxying');
      } finally {
        await plain.close();
      }
    });
  });

  describe('replay against the sandbox', () => {
    let sandbox: RunningSandbox;
    beforeAll(async () => {
      sandbox = await createSandbox(SANDBOX).listen(0, '127.0.0.1');
    });
    afterAll(() => sandbox?.close());

    it('reports where the recorded real answers differ from the sandbox, each recording in a session of its own', async () => {
      const recorded = readRecording(recordFile);
      const vendors = new DriftVendors(VENDORS, { contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures }, pino({ level: 'silent' }));
      const { exchanges, report } = await replayRecording(recorded, { against: sandbox.url, vendors });
      const by = (session: string): Exchange => exchanges.find((e) => e.request.headers['x-test-id'] === session)!;
      expect(by('same').differences).toEqual([]);
      expect(pick(by('status').differences).map((d) => d.aspect)).toEqual(['status', 'contract', 'contract']);
      expect(by('result-code').differences).toContainEqual(expect.objectContaining({ aspect: 'result-code', at: '/statuscode' }));
      expect(by('rate-limit').differences).toContainEqual(expect.objectContaining({ aspect: 'header', at: 'x-ratelimit-limit' }));
      expect(new Set(exchanges.map((e) => e.session)).size).toBe(new Set(recorded.map((e) => e.session)).size);
      expect(report.differ).toBeGreaterThanOrEqual(4);
    });
  });

  describe('TLS', () => {
    it('verifies the real vendor certificate by default: without the test CA the client gets a 502 and the exchange failed', async () => {
      const strict = await startDriftProxy({ vendors: VENDORS, targets: [{ vendor: 'instantpay', target: real.url }], sandbox: SANDBOX });
      try {
        const answer = await request(`${strict.url}/contacts/profile`, { headers: IPAY });
        expect(answer.statusCode).toBe(502);
        expect(await answer.body.text()).toMatch(/certificate/i);
        await strict.settled();
        expect(strict.report()).toMatchObject({ exchanges: 1, failed: 1 });
      } finally {
        await strict.close();
      }
    });
  });
});
