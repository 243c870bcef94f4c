import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../mock-server/src/index.js';
import { IMICONNECT } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { error, expectContract, imiconnectClient, PROFILES, SEED_ONE_RECORD, transidOf } from './client.js';

// Behind a trusted proxy, the caller's address is the first X-Forwarded-For hop.
const t = useSandbox({ trustProxy: true });
/** A customer of the allow-listed tenant (default fixtures). */
const ALLOW_LISTED_CUSTOMER = '8704347';
const from = (ip: string) => ({ 'X-Forwarded-For': `${ip}, 10.0.0.1` });

describe("a tenant's IP allow-list (§2.8.10)", () => {
  const allowListed = () => imiconnectClient(t, t.newSession(), IMICONNECT.allowListedKey);

  it('admits a caller inside the list', async () => {
    const res = await allowListed().get(`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`, from('198.51.100.7'));
    expect(res.status).toBe(200);
    expect(res).toMatchContract('imiconnect', 'getProfile');
  });

  it.each([
    ['updateProfile', (api: ReturnType<typeof imiconnectClient>, h: Record<string, string>) => api.update(SEED_ONE_RECORD, h)],
    ['createProfile', (api: ReturnType<typeof imiconnectClient>, h: Record<string, string>) => api.create(SEED_ONE_RECORD, h)],
    ['getProfile', (api: ReturnType<typeof imiconnectClient>, h: Record<string, string>) => api.get(`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`, h)],
    ['getProfileStatus', (api: ReturnType<typeof imiconnectClient>, h: Record<string, string>) => api.status('a61e8729-a404-41cc-909a-bf7de79d14c7', h)],
  ])('answers 7010 "Source ip is not white listed" with HTTP 403 to a caller outside it: %s', async (operation, call) => {
    const res = await call(allowListed(), from('203.0.113.5'));
    expect(res.status).toBe(403);
    expect(res.body).toEqual(error('7010', 'Source ip is not white listed'));
    expect(res).toMatchContract('imiconnect', operation);
  });

  it('answers 7208 "Source IP is not whitelisted" on delete, as the delete page numbers it (M-8)', async () => {
    const api = allowListed();
    for (const [path, operation] of [
      [`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`, 'deleteProfile'],
      [`/resources/v1/customerprofile/${ALLOW_LISTED_CUSTOMER}`, 'deleteProfileV1'],
      [`/resources/v1/customerprofile?customerId=${ALLOW_LISTED_CUSTOMER}`, 'deleteProfiles'],
    ] as const) {
      const res = await api.delete(path, from('203.0.113.5'));
      expect(res.status).toBe(403);
      expect(res.body).toEqual(error('7208', 'Source IP is not whitelisted'));
      expect(res).toMatchContract('imiconnect', operation);
    }
    expect((await api.get(`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`, from('198.51.100.7'))).status).toBe(200);
  });

  it('refuses the loopback caller when no proxy names another address', async () => {
    const res = await allowListed().get(`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`);
    expect(res.body).toEqual(error('7010', 'Source ip is not white listed'));
  });

  it('checks the key before the address', async () => {
    const res = await imiconnectClient(t, t.newSession(), 'unknown-key').get(`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`, from('203.0.113.5'));
    expect(res.body).toEqual(error('7001', 'Authentication failed'));
  });

  it('lets any caller reach a tenant without a list', async () => {
    const res = await imiconnectClient(t, t.newSession()).get(`${PROFILES}/${IMICONNECT.customer}`, from('203.0.113.5'));
    expect(res.status).toBe(200);
  });

  it('ignores X-Forwarded-For when the sandbox does not trust a proxy', async () => {
    const running = await createSandbox({ seed: 1 }).listen(0);
    try {
      const res = await request(running.url)
        .get(`${PROFILES}/${ALLOW_LISTED_CUSTOMER}`)
        .set({ key: IMICONNECT.allowListedKey, ...from('198.51.100.7') });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(error('7010', 'Source ip is not white listed'));
      expectContract(res);
    } finally {
      await running.close();
    }
  });
});

describe('tenants', () => {
  it('see only their own customers and transactions', async () => {
    const session = t.newSession();
    const transid = transidOf(await imiconnectClient(t, session).update(SEED_ONE_RECORD));
    const other = imiconnectClient(t, session, IMICONNECT.allowListedKey);
    expect((await other.get(`${PROFILES}/${IMICONNECT.customer}`, from('198.51.100.7'))).body).toEqual(error('7014', 'Customer not found'));
    expect((await other.status(transid, from('198.51.100.7'))).body).toEqual(error('7600', 'Invalid transid or request is still queued'));
    expect((await imiconnectClient(t, session).status(transid)).body.code).toBe('1000');
  });

  it('see only their own fixture transactions', async () => {
    const other = imiconnectClient(t, t.newSession(), IMICONNECT.allowListedKey);
    expect((await other.status(IMICONNECT.finishedTransid, from('198.51.100.7'))).body).toEqual(error('7600', 'Invalid transid or request is still queued'));
  });
});

describe('paths and methods the API does not have', () => {
  const schema = (name: string) => `#/components/responses/${name}/content/application~1json/schema`;

  it.each(['/resources/v2/customerprofiles', '/resources/v2/customerappprofile/a_1', '/resources/v1/profile/status/x', '/resources/v2/customerprofile/1234568/extra'])(
    'answer 404 {"response":{"code":"404","description":"Not Found"}}: %s',
    async (path) => {
      const res = await imiconnectClient(t, t.newSession()).get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body).toEqual({ response: { code: '404', description: 'Not Found' } });
      expect(res).toMatchContractSchema('imiconnect', schema('RouteNotFound'));
    },
  );

  it.each([
    ['PATCH', PROFILES, 'POST, PUT'],
    ['GET', PROFILES, 'POST, PUT'],
    ['PUT', `${PROFILES}/1234568`, 'DELETE, GET'],
    ['POST', '/resources/v1/customerprofile', 'DELETE, GET'],
    ['DELETE', '/resources/v2/profile/status/x', 'GET'],
  ])('answer 405 with Allow: %s %s', async (method, path, allow) => {
    const req = t.http()[method.toLowerCase() as 'patch' | 'get' | 'put' | 'post' | 'delete'](path).set({ key: IMICONNECT.key, 'content-type': 'application/json' });
    const res = await (method === 'GET' || method === 'DELETE' ? req : req.send(SEED_ONE_RECORD));
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe(allow);
    expect(res.body).toEqual({ response: { code: '405', description: 'Method Not Allowed' } });
    expect(res).toMatchContractSchema('imiconnect', schema('MethodNotAllowed'));
    expectContract(res);
  });

  it('keep their HTTP status when the tenant answers everything with 200', async () => {
    const res = await imiconnectClient(t, t.newSession()).get('/resources/v2/nothing', { 'X-Sandbox-Scenario': 'imiconnect/always-200' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ response: { code: '404', description: 'Not Found' } });
  });
});

describe('a sandbox without a trusted proxy', () => {
  const running = createSandbox({ seed: 1 }).listen(0);
  afterAll(async () => (await running).close());

  it('matches the allow-list against the socket address', async () => {
    const { url } = await running;
    const res = await request(url).get(`${PROFILES}/${IMICONNECT.customer}`).set({ key: IMICONNECT.key });
    expect(res.status).toBe(200);
    expect(res).toMatchContract('imiconnect', 'getProfile');
  });
});
