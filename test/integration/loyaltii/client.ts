import { match } from 'path-to-regexp';
import type { Response, Test } from 'supertest';
import { expect } from 'vitest';
import { toExpressPath } from '../../../mock-server/src/core/router.js';
import { contractOf } from '../../helpers/contract-matchers.js';
import { LOYALTII } from '../../helpers/identities.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

/** Shared by the Loyaltii tests: requests as the sandbox account, each in the caller's session. */
export const BEARER = { Authorization: `Bearer ${LOYALTII.token}` } as const;
export const contactPath = (id: number | string): string => `/api/v1/Contacts/${id}`;
/** The instant the test sandboxes' clocks are frozen at (test/helpers/sandbox.ts), as Loyaltii writes it. */
export const NOW = '2026-03-02T10:00:00.0000000+00:00';
/** The rowversions the first writes of a fresh session get: the fixtures hold 2001..2008. */
export const NEXT_VERSIONS = ['AAAAAAAAB9k=', 'AAAAAAAAB9o=', 'AAAAAAAAB9s='] as const;

/** Contact 1 exactly as the default fixtures hold it (its ReadContactDto). */
export const CONTACT_1 = {
  Id: 1,
  Secret: LOYALTII.contact1.secret,
  RegistrationDateTime: '2024-11-21T06:45:32.6938828+00:00',
  RegistrationSource: 'webshop',
  RegistrationIp: '127.0.0.1',
  LastModified: '2025-10-01T08:30:00.1234567+00:00',
  Version: LOYALTII.contact1.version,
  RegistrationStoreId: 1,
  Email: LOYALTII.contact1.email,
  PhoneCountryCode: '+46',
  Phone: LOYALTII.contact1.phone,
  FirstName: 'Anna',
  LastName: 'Lindqvist',
  LimitMailsPermanently: false,
  LimitMailsTemporarilyUntil: null,
  PreferredStoreId: 1,
  ContactCompanyId: null,
  LatestPermissionSource: 'webshop-checkout',
} as const;

export const INVALID = 'The request is invalid.';

/**
 * The operation Web API would run for a request, found from the contract's
 * templates with `{id:int}` applied (literal segments win), or undefined when
 * no route takes the path.
 */
function operationFor(method: string, path: string): { operationId: string; statuses: readonly string[] } | undefined {
  const candidates = [...contractOf('loyaltii').operations.values()]
    .filter((op) => op.method === method.toUpperCase())
    .map((op) => ({ op, found: match<Partial<Record<string, string>>>(toExpressPath(op.path), { sensitive: false })(path) }))
    .filter(({ found }) => found !== false && Object.values(found.params).every((v) => v === undefined || (/^[+-]?\d+$/.test(v) && Math.abs(Number(v)) < 2 ** 31)))
    .sort((a, b) => b.op.path.replace(/\{[^}]+\}/g, '').length - a.op.path.replace(/\{[^}]+\}/g, '').length);
  const op = candidates[0]?.op;
  return op && { operationId: op.operationId, statuses: op.responseStatuses };
}

/**
 * Checks any Loyaltii answer against the contract: the operation's declared
 * response when it declares the status, else the route-level answers (no
 * route, wrong method). Returns the response for chaining.
 */
export function checked(res: Response): Response {
  const { method, url } = res.request as unknown as { method: string; url: string };
  const path = new URL(url).pathname;
  const op = operationFor(method, path);
  if (op && op.statuses.includes(String(res.status))) expect(res).toMatchContract('loyaltii', op.operationId);
  else if (res.status === 405) expect(res).toMatchContractSchema('loyaltii', '#/components/responses/MethodNotAllowed/content/application~1json/schema');
  else if (res.status === 404) expect(res).toMatchContractSchema('loyaltii', '#/components/responses/NoRoute/content/application~1json/schema');
  else throw new Error(`${method} ${path} answered ${res.status}, which no operation declares`);
  return res;
}

export function loyaltiiClient(t: TestSandbox, session: string) {
  const base = (req: Test, headers: Record<string, string>) => req.set('X-Sandbox-Session', session).set(BEARER).set(headers);
  return {
    get: async (path: string, headers: Record<string, string> = {}) => checked(await base(t.http().get(path), headers)),
    /** Sends `body` as written (a string) or as JSON, with `Content-Type: application/json` unless `headers` say otherwise. */
    send: async (method: 'patch' | 'put' | 'post' | 'delete', path: string, body: string | object, headers: Record<string, string> = {}) =>
      checked(await base(t.http()[method](path).set('Content-Type', 'application/json'), headers).send(typeof body === 'string' ? body : JSON.stringify(body))),
    /** The stored contact with what the API never returns (Password, ProfileLastUpdated), from the admin state dump. */
    stored: async (id: number) => {
      const res = await t.admin(session).state('loyaltii');
      expect(res).toMatchContract('admin', 'getVendorState');
      return (res.body as { contacts: { Id: number }[] }).contacts.find((c) => c.Id === id) as Record<string, unknown> | undefined;
    },
  };
}
