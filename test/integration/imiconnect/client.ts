import type { Response } from 'supertest';
import { expect } from 'vitest';
import { contractOf } from '../../helpers/contract-matchers.js';
import { IMICONNECT, UUID } from '../../helpers/identities.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

export const PROFILES = '/resources/v2/customerprofile';
export const statusPath = (transid: string) => `/resources/v2/profile/status/${transid}`;

/** The seed's first request example, byte for byte but for the scraped email placeholders (docs/vendors/README.md §0). */
export const SEED_TWO_RECORDS = `{
    "Records": [{
        "customerId": "1234568",
        "Attributes": {
            "email": "umtest.one@example.com",
            "msisdn": "911278994640",
            "name": "umtest"
        }
    }, {
        "customerId": "1234569",
        "Attributes": {
            "email": "umtest.two@example.com",
            "msisdn": "911278994642",
            "name": "umtest"
        }
    }]
}`;

/** The seed's second request example. */
export const SEED_ONE_RECORD = `{
    "Records": [{
        "customerId": "1234568",
        "Attributes": {
            "email": "umtest.one@example.com",
            "msisdn": "911278994640",
            "name": "umtest"
        }
    }]
}`;

export const QUEUED = { response: { code: '1001', description: 'Queued', transid: expect.stringMatching(UUID) } };

/** `{"response":{"code","description"}}`, the envelope of every IMIconnect error. */
export const error = (code: string, description: string) => ({ response: { code, description } });

const ROUTES = [...contractOf('imiconnect').operations.values()].map((op) => ({ op, path: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

/**
 * Checks any IMIconnect answer against the contract: the operation's declared
 * responses, or the route-level answers for paths and methods it does not have.
 */
export function expectContract(res: Response): void {
  const { pathname } = new URL(res.request.url);
  const onPath = ROUTES.filter((r) => r.path.test(pathname));
  const route = onPath.find((r) => r.op.method === res.request.method);
  if (route) expect(res).toMatchContract('imiconnect', route.op.operationId);
  else expect(res).toMatchContractSchema('imiconnect', `#/components/responses/${onPath.length > 0 ? 'MethodNotAllowed' : 'RouteNotFound'}/content/application~1json/schema`);
}

/** Sends a request and checks its answer against the contract before the test sees it. */
async function checked(request: PromiseLike<Response>): Promise<Response> {
  const res = await request;
  expectContract(res);
  return res;
}

/** Requests as the seed documents them: `key` and `content-type: application/json`, in a session of the test's own. */
export function imiconnectClient(t: TestSandbox, session: string, key: string = IMICONNECT.key) {
  const headers = { 'X-Sandbox-Session': session, key, 'content-type': 'application/json' };
  const send = (method: 'put' | 'post', path: string, body: string | object, extra: Record<string, string> = {}) => {
    const request = t.http()[method](path);
    return checked(
      request
        .set(headers)
        .set(extra)
        .send(typeof body === 'string' ? body : JSON.stringify(body)),
    );
  };
  const read = (method: 'get' | 'delete', path: string, extra: Record<string, string> = {}) => checked(t.http()[method](path).set(headers).set(extra));
  return {
    session,
    update: (body: string | object, extra?: Record<string, string>) => send('put', PROFILES, body, extra),
    create: (body: string | object, extra?: Record<string, string>) => send('post', PROFILES, body, extra),
    get: (path: string, extra?: Record<string, string>) => read('get', path, extra),
    delete: (path: string, extra?: Record<string, string>) => read('delete', path, extra),
    status: (transid: string, extra?: Record<string, string>) => read('get', statusPath(transid), extra),
    /** The stored attributes of a customer, as name → value (via Get Profile). */
    attributes: async (customerId: string): Promise<Record<string, string>> => {
      const res = await read('get', `${PROFILES}/${customerId}`);
      expect(res.status, `GET profile ${customerId}`).toBe(200);
      return Object.fromEntries((res.body.Records[0].Attributes as { Name: string; Value: string }[]).map((a) => [a.Name, a.Value]));
    },
    /** The store dump of the admin API (customers and the transaction queue). */
    state: async () => (await t.admin(session).state('imiconnect')).body as { queue: { pending: unknown[]; finished: unknown[] } },
    advance: (ms: number) => t.admin(session).advanceClock(ms),
  };
}

/** The transid of a Queued answer, after checking the answer is exactly that. */
export function transidOf(res: Response): string {
  expect(res.status).toBe(200);
  expect(res.body).toEqual(QUEUED);
  return res.body.response.transid as string;
}

/** `count` records updating a known customer, for batch-size tests. */
export function batchOf(count: number, customerId: string = IMICONNECT.customer): string {
  return JSON.stringify({ Records: Array.from({ length: count }, (_, i) => ({ customerId, Attributes: { name: `n${i}` } })) });
}
