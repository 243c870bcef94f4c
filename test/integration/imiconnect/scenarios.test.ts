import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { createSandbox } from '../../../mock-server/src/index.js';
import { IMICONNECT, UUID } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { batchOf, error, imiconnectClient, PROFILES, QUEUED, SEED_ONE_RECORD, SEED_TWO_RECORDS, transidOf } from './client.js';

/** Scenarios of this file's own, beside the built-in ones, for settings no built-in scenario changes. */
function extraScenarios(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imiconnect-scenarios-'));
  mkdirSync(join(dir, 'test'), { recursive: true });
  const write = (name: string, settings: object) => writeFileSync(join(dir, 'test', `${name}.json`), JSON.stringify({ description: name, vendors: { imiconnect: { settings } } }));
  write('remapped', { httpStatus: { byCode: { '7001': 403, '7012': 413 } } });
  write('queued-1000', { queuedCode: '1000' });
  write('status-7014', { unknownTransactionCode: '7014' });
  write('create-async', { rejectWhenEveryRecordFails: { create: false, delete: false } });
  return dir;
}

const t = useSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios, extraScenarios()] });
const activate = (session: string, name: string) => t.admin(session).activate(name);
const providerState = (session: string, state: string, action: 'setup' | 'teardown') => t.admin(session).providerState(state, action);
const header = (name: string) => ({ 'X-Sandbox-Scenario': name });
const NOT_WHITELISTED = error('7010', 'Source ip is not white listed');
const INTERNAL = error('7006', 'Internal error occurred');

describe('the IMIconnect scenarios', () => {
  it('are listed by the admin API, each concerning IMIconnect only', async () => {
    const res = await t.http().get('/__admin/scenarios');
    const ours = (res.body.scenarios as { name: string; vendors: string[] }[]).filter((s) => s.name.startsWith('imiconnect/'));
    expect(ours.map((s) => s.name).sort()).toEqual([
      'imiconnect/always-200',
      'imiconnect/batch-limit-1000',
      'imiconnect/internal-error',
      'imiconnect/ip-not-whitelisted',
      'imiconnect/reject-unknown-customers',
      'imiconnect/slow-queue',
    ]);
    for (const scenario of ours) expect(scenario.vendors).toEqual(['imiconnect']);
  });
});

describe('scenario imiconnect/ip-not-whitelisted', () => {
  it('per request: answers 7010 with HTTP 403 to the loopback caller, and only to that request', async () => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.update(SEED_ONE_RECORD, header('imiconnect/ip-not-whitelisted'));
    expect(res.status).toBe(403);
    expect(res.body).toEqual(NOT_WHITELISTED);
    expect(res).toMatchContract('imiconnect', 'updateProfile');
    expect((await api.update(SEED_ONE_RECORD)).body).toEqual(QUEUED);
  });

  it('per session: refuses every operation (7208 on delete) until reset', async () => {
    const api = imiconnectClient(t, t.newSession());
    await activate(api.session, 'imiconnect/ip-not-whitelisted');
    expect((await api.get(`${PROFILES}/${IMICONNECT.customer}`)).body).toEqual(NOT_WHITELISTED);
    expect((await api.status('a61e8729-a404-41cc-909a-bf7de79d14c7')).body).toEqual(NOT_WHITELISTED);
    const deleted = await api.delete(`${PROFILES}/${IMICONNECT.customer}`);
    expect(deleted.status).toBe(403);
    expect(deleted.body).toEqual(error('7208', 'Source IP is not whitelisted'));
    await t.admin(api.session).reset('imiconnect');
    expect((await api.get(`${PROFILES}/${IMICONNECT.customer}`)).status).toBe(200);
  });

  it('as a Pact provider state, named in words or by the scenario name', async () => {
    const api = imiconnectClient(t, t.newSession());
    expect((await providerState(api.session, "the caller's IP is not in the IMIconnect allow-list", 'setup')).status).toBe(200);
    expect((await api.update(SEED_ONE_RECORD)).body).toEqual(NOT_WHITELISTED);
    await providerState(api.session, "the caller's IP is not in the IMIconnect allow-list", 'teardown');
    expect((await api.update(SEED_ONE_RECORD)).body).toEqual(QUEUED);
    await providerState(api.session, 'imiconnect/ip-not-whitelisted', 'setup');
    expect((await api.update(SEED_ONE_RECORD)).body).toEqual(NOT_WHITELISTED);
  });
});

describe('scenario imiconnect/internal-error', () => {
  it('per request: answers 7006 "Internal error occurred" with HTTP 500 and queues nothing', async () => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.update(SEED_TWO_RECORDS, header('imiconnect/internal-error'));
    expect(res.status).toBe(500);
    expect(res.body).toEqual(INTERNAL);
    expect(res).toMatchContract('imiconnect', 'updateProfile');
    expect((await api.state()).queue).toEqual({ pending: [], finished: [] });
  });

  it('per session (provider state, admin API): every operation fails, authentication still comes first', async () => {
    const api = imiconnectClient(t, t.newSession());
    await providerState(api.session, 'IMIconnect has an internal error', 'setup');
    for (const [res, operation] of [
      [await api.create(SEED_ONE_RECORD), 'createProfile'],
      [await api.get(`${PROFILES}/${IMICONNECT.customer}`), 'getProfile'],
      [await api.delete(`${PROFILES}/${IMICONNECT.customer}`), 'deleteProfile'],
      [await api.status('a61e8729-a404-41cc-909a-bf7de79d14c7'), 'getProfileStatus'],
    ] as const) {
      expect(res.status).toBe(500);
      expect(res.body).toEqual(INTERNAL);
      expect(res).toMatchContract('imiconnect', operation);
    }
    expect((await imiconnectClient(t, api.session, 'wrong').get(`${PROFILES}/${IMICONNECT.customer}`)).body).toEqual(error('7001', 'Authentication failed'));
    await activate(api.session, 'default');
    expect((await api.get(`${PROFILES}/${IMICONNECT.customer}`)).status).toBe(200);
    expect((await activate(api.session, 'imiconnect/internal-error')).status).toBe(200);
    expect((await api.update(SEED_ONE_RECORD)).body).toEqual(INTERNAL);
  });
});

describe('scenario imiconnect/slow-queue', () => {
  it('per request: the update sent with it waits 30 s of virtual time; others do not', async () => {
    const api = imiconnectClient(t, t.newSession());
    const slow = transidOf(await api.update({ Records: [{ customerId: IMICONNECT.customer, Attributes: { name: 'slow' } }] }, header('imiconnect/slow-queue')));
    const fast = transidOf(await api.update({ Records: [{ customerId: IMICONNECT.otherCustomer, Attributes: { name: 'fast' } }] }));
    expect((await api.status(fast)).body.code).toBe('1000');
    const queued = await api.status(slow);
    expect(queued.status).toBe(404);
    expect(queued.body).toEqual(error('7600', 'Invalid transid or request is still queued'));
    expect((await api.attributes(IMICONNECT.customer))['name']).toBe('christop');
    await api.advance(30_000);
    expect((await api.status(slow)).body.code).toBe('1000');
    expect((await api.attributes(IMICONNECT.customer))['name']).toBe('slow');
  });

  it('as a provider state', async () => {
    const api = imiconnectClient(t, t.newSession());
    await providerState(api.session, 'the IMIconnect profile queue is slow', 'setup');
    const transid = transidOf(await api.delete(`${PROFILES}/${IMICONNECT.customer}`));
    expect((await api.get(`${PROFILES}/${IMICONNECT.customer}`)).status).toBe(200);
    await api.advance(30_000);
    expect((await api.status(transid)).body.code).toBe('1000');
    expect((await api.get(`${PROFILES}/${IMICONNECT.customer}`)).status).toBe(404);
  });
});

describe('scenario imiconnect/batch-limit-1000 (M-3)', () => {
  it('per request: accepts 1000 records and refuses 1001 with "Batch size limit(1000) exceeded"', async () => {
    const api = imiconnectClient(t, t.newSession());
    expect((await api.update(batchOf(1000), header('imiconnect/batch-limit-1000'))).body).toEqual(QUEUED);
    const res = await api.update(batchOf(1001), header('imiconnect/batch-limit-1000'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error('7012', 'Batch size limit(1000) exceeded'));
    expect(res).toMatchContract('imiconnect', 'updateProfile');
    expect((await api.update(batchOf(101))).body).toEqual(error('7012', 'Batch size limit(100) exceeded'));
  });

  it('per session (admin API) and as a provider state, for create and delete too', async () => {
    const api = imiconnectClient(t, t.newSession());
    await providerState(api.session, 'IMIconnect accepts batches of 1000 records', 'setup');
    const ids = Array.from({ length: 500 }, (_, i) => `${5_000_000 + i}`);
    const created = transidOf(await api.create({ Records: ids.map((customerId) => ({ customerId, Attributes: { name: 'bulk' } })) }));
    expect((await api.status(created)).body).toMatchObject({ code: '1000', TotalCount: 500, SuccessCount: 500 });
    const deleted = await api.delete(`/resources/v1/customerprofile?${ids.map((id) => `customerId=${id}`).join('&')}`);
    expect(deleted.body).toEqual(QUEUED);
    const other = imiconnectClient(t, t.newSession());
    expect((await activate(other.session, 'imiconnect/batch-limit-1000')).status).toBe(200);
    expect((await other.update(batchOf(1000))).body).toEqual(QUEUED);
    expect((await other.update(batchOf(1001))).body).toEqual(error('7012', 'Batch size limit(1000) exceeded'));
  });
});

describe('scenario imiconnect/always-200 (§2.2)', () => {
  const h = header('imiconnect/always-200');

  it('answers every error with HTTP 200 and the same body, which the contract allows', async () => {
    const api = imiconnectClient(t, t.newSession());
    const cases = [
      [await t.http().put(PROFILES).set(h).send(SEED_ONE_RECORD), 'updateProfile', error('7002', 'Service Key Missing')],
      [await api.update('{"Records":[', h), 'updateProfile', error('7000', 'Invalid JSON')],
      [await api.create(SEED_ONE_RECORD, h), 'createProfile', error('7015', 'customer already exists')],
      [await api.get(`${PROFILES}/${IMICONNECT.absentCustomer}`, h), 'getProfile', error('7014', 'Customer not found')],
      [await api.delete(`${PROFILES}/${IMICONNECT.absentCustomer}`, h), 'deleteProfile', error('7203', 'Customer not found')],
      [await api.status('x', h), 'getProfileStatus', error('7600', 'Invalid transid or request is still queued')],
    ] as const;
    for (const [res, operation, body] of cases) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(body);
      expect(res).toMatchContract('imiconnect', operation);
    }
  });

  it('per session and as a provider state', async () => {
    const api = imiconnectClient(t, t.newSession());
    await providerState(api.session, 'IMIconnect answers every error with HTTP 200', 'setup');
    const res = await imiconnectClient(t, api.session, 'wrong').update(SEED_ONE_RECORD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(error('7001', 'Authentication failed'));
    await activate(api.session, 'default');
    expect((await imiconnectClient(t, api.session, 'wrong').update(SEED_ONE_RECORD)).status).toBe(401);
    expect((await activate(api.session, 'imiconnect/always-200')).status).toBe(200);
    expect((await imiconnectClient(t, api.session, 'wrong').update(SEED_ONE_RECORD)).status).toBe(200);
  });
});

describe('scenario imiconnect/reject-unknown-customers (M-11)', () => {
  const allUnknown = {
    Records: [
      { customerId: IMICONNECT.absentCustomer, Attributes: { name: 'x' } },
      { customerId: '8888888', Attributes: { name: 'y' } },
    ],
  };

  it('answers 7014 with HTTP 404 at once when every customer is unknown, queueing nothing', async () => {
    const api = imiconnectClient(t, t.newSession());
    await activate(api.session, 'imiconnect/reject-unknown-customers');
    const res = await api.update(allUnknown);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(error('7014', 'Customer not found'));
    expect(res).toMatchContract('imiconnect', 'updateProfile');
    expect((await api.state()).queue).toEqual({ pending: [], finished: [] });
  });

  it('still queues a batch with some known customers; per request and as a provider state', async () => {
    const api = imiconnectClient(t, t.newSession());
    const mixed = { Records: [...allUnknown.Records, { customerId: IMICONNECT.customer, Attributes: { name: 'z' } }] };
    expect((await api.update(mixed, header('imiconnect/reject-unknown-customers'))).body).toEqual(QUEUED);
    expect((await api.update(allUnknown)).body).toEqual(QUEUED);
    await providerState(api.session, 'IMIconnect rejects updates of unknown customers at once', 'setup');
    expect((await api.update(allUnknown)).body).toEqual(error('7014', 'Customer not found'));
  });
});

describe('settings a scenario may change', () => {
  it('httpStatus.byCode remaps the HTTP status of single codes (statuses the contract, which states the defaults, does not list)', async () => {
    const put = (key: string, body: string, scenario?: string) =>
      t
        .http()
        .put(PROFILES)
        .set({ key, 'content-type': 'application/json', 'X-Sandbox-Session': t.newSession(), ...(scenario ? header(scenario) : {}) })
        .send(body);
    const remapped = [await put('wrong', SEED_ONE_RECORD, 'test/remapped'), await put(IMICONNECT.key, batchOf(101), 'test/remapped')];
    expect(remapped.map((r) => [r.status, r.body])).toEqual([
      [403, error('7001', 'Authentication failed')],
      [413, error('7012', 'Batch size limit(100) exceeded')],
    ]);
    for (const res of remapped) expect(res).toMatchContractSchema('imiconnect', '#/components/schemas/ErrorEnvelope');
    expect((await imiconnectClient(t, t.newSession(), 'wrong').update(SEED_ONE_RECORD)).status).toBe(401);
  });

  it('queuedCode answers Queued with 1000, as the code tables say (M-1)', async () => {
    const res = await imiconnectClient(t, t.newSession()).update(SEED_ONE_RECORD, header('test/queued-1000'));
    expect(res.body).toEqual({ response: { code: '1000', description: 'Queued', transid: expect.stringMatching(UUID) } });
    expect(res).toMatchContract('imiconnect', 'updateProfile');
  });

  it('unknownTransactionCode changes what an unknown transid answers (§2.8.13)', async () => {
    const res = await imiconnectClient(t, t.newSession()).status('x', header('test/status-7014'));
    expect(res.status).toBe(404);
    expect(res.body).toEqual(error('7014', 'Customer not found'));
  });

  it('rejectWhenEveryRecordFails: create and delete can queue unknown/existing customers instead', async () => {
    const api = imiconnectClient(t, t.newSession());
    await activate(api.session, 'test/create-async');
    const created = transidOf(await api.create({ Records: [{ customerId: IMICONNECT.customer, Attributes: { name: 'dup' } }] }));
    expect((await api.status(created)).body.Results).toEqual([{ code: '7015', customerId: IMICONNECT.customer, description: 'customer already exists' }]);
    const deleted = transidOf(await api.delete(`${PROFILES}/${IMICONNECT.absentCustomer}`));
    expect((await api.status(deleted)).body.Results).toEqual([{ code: '7203', customerId: IMICONNECT.absentCustomer, description: 'Customer not found' }]);
  });

  it('are checked against the settings schema when scenarios load, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imiconnect-bad-'));
    writeFileSync(join(dir, 'default.yaml'), 'description: d\n');
    writeFileSync(join(dir, 'bad.yaml'), "description: x\nvendors:\n  imiconnect:\n    settings: { allowedIps: ['1.2.3.999'], batchLimit: 0 }\n");
    expect(() => createSandbox({ scenarioDirs: [dir] })).toThrow(/bad\.yaml: vendors\.imiconnect\.settings\.allowedIps/);
    expect(() => createSandbox({ scenarioDirs: [dir] })).toThrow(/vendors\.imiconnect\.settings\.batchLimit must be >= 1/);
  });
});
