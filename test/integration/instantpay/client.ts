import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { contractOf } from '../../helpers/contract-matchers.js';
import { INSTANTPAY } from '../../helpers/identities.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

export type AccountKind = 'sandbox' | 'live';
type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';

/** The four X-Ipay-* headers as the vendor's pages send them, for one of the two fixture accounts. */
export function ipayHeaders(account: AccountKind = 'sandbox'): Record<string, string> {
  return {
    'X-Ipay-Auth-Code': '1',
    'X-Ipay-Client-Id': INSTANTPAY[account].clientId,
    'X-Ipay-Client-Secret': INSTANTPAY[account].clientSecret,
    'X-Ipay-Endpoint-Ip': '125.0.0.1',
  };
}

export interface CallOptions {
  readonly account?: AccountKind;
  /** A JSON value (sent as its text) or the exact body text. */
  readonly body?: unknown;
  /** Extra headers; `null` removes one of the four. */
  readonly headers?: Readonly<Record<string, string | null>>;
}

/** The contract operation a method and path name, if any (route-level answers have none). */
function operationFor(method: string, path: string): string | undefined {
  // Instantpay's paths have no parameters; a query string does not change the operation.
  const pathname = path.split('?')[0];
  for (const op of contractOf('instantpay').operations.values()) if (op.method === method.toUpperCase() && op.path === pathname) return op.operationId;
  return undefined;
}

/** Every answer to an operation must be one its contract declares; tests check route-level answers themselves. */
function expectContract<R extends { status: number }>(res: R, method: string, path: string): R {
  const operationId = operationFor(method, path);
  if (operationId !== undefined) expect(res, `${method} ${path}`).toMatchContract('instantpay', operationId);
  return res;
}

/**
 * One Instantpay call in a session, with the account's headers and
 * `Content-Type: application/json`, as the vendor samples send it. The answer
 * is checked against the contract before it is returned.
 */
export async function ipay(t: TestSandbox, session: string, method: Method, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string | null> = { ...ipayHeaders(options.account), 'Content-Type': 'application/json', 'X-Sandbox-Session': session, ...options.headers };
  const req = t.http()[method](path);
  for (const [name, value] of Object.entries(headers)) if (value !== null) req.set(name, value);
  const res = options.body === undefined ? await req : await req.send(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  return expectContract(res, method, path);
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly body: unknown;
}

/**
 * A request with headers exactly as listed (repeated names stay repeated, as
 * curl sends them), which supertest cannot do. Checked against the contract too.
 */
export async function rawCall(url: string, method: string, path: string, headers: readonly (readonly [string, string])[], body?: string): Promise<RawAnswer> {
  const answer = await new Promise<RawAnswer>((resolve, reject) => {
    const flat = headers.flatMap(([name, value]) => [name, value]);
    // Node adds no Host header of its own to a header array.
    if (!headers.some(([name]) => name.toLowerCase() === 'host')) flat.unshift('Host', new URL(url).host);
    if (body !== undefined) flat.push('Content-Length', String(Buffer.byteLength(body)));
    const req = httpRequest(`${url}${path}`, { method, headers: flat, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: text === '' ? undefined : (JSON.parse(text) as unknown) }));
    });
    req.on('error', reject);
    req.end(body);
  });
  return expectContract(answer, method, path);
}

/** An admin API call in a session, its answer checked against contracts/admin.openapi.yaml. */
export async function admin(t: TestSandbox, session: string, method: 'get' | 'put' | 'post', path: string, operationId: string, body?: object): Promise<Response> {
  const req = t.session(session)[method](`/__admin${path}`);
  const res = body === undefined ? await req : await req.send(body);
  expect(res, `${method} /__admin${path}`).toMatchContract('admin', operationId);
  return res;
}

export const IPAY_UUID = /^h006[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The sandbox helper's frozen clock, 2026-03-02T10:00:00Z, in IST and as ipay_uuid's time part. */
export const NOW = { ist: '2026-03-02 15:30:00', record: '2026-03-02T10:00:00.000000Z', uuidTime: 'a133f709' } as const;

/** The envelope every Instantpay answer has, with the values a test pins. */
export function envelopeOf(statuscode: string, status: string, data: unknown, environment: 'SANDBOX' | 'LIVE' = 'SANDBOX') {
  return { statuscode, actcode: null, status, data, timestamp: NOW.ist, ipay_uuid: expect.stringMatching(IPAY_UUID), orderid: null, environment, internalCode: null };
}

/** The seed contact as the fixtures hold it. */
export function seedContact(userId: number) {
  return {
    _id: INSTANTPAY.contact,
    userId,
    name: 'Sample Name',
    email: 'sample.name@example.com',
    mobile: '7428585742',
    callingCode: '91',
    companyName: 'Business Name',
    tagId: [INSTANTPAY.tag],
    updated_at: '2023-05-04T10:06:50.127000Z',
    created_at: '2023-05-04T10:06:50.127000Z',
  };
}

/** The sandbox account's userId (generated with the fixtures; only the live one is a pinned identity). */
export async function userIdOf(t: TestSandbox, account: AccountKind): Promise<number> {
  const res = await ipay(t, t.newSession(), 'get', '/contacts/profile', { account });
  return (res.body as { data: { userId: number }[] }).data[0]!.userId;
}
