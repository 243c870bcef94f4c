import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3 as M, PactV4 } from '@pact-foundation/pact';
import type { V4RequestBuilderFunc } from '@pact-foundation/pact/src/v4/http/types.js';
import { describe, expect, it } from 'vitest';
import { ImiconnectApiError, ImiconnectClient, type ImiconnectProfile, type ImiconnectProfileStatus } from '../../mock-server/src/clients/imiconnect.js';
import { matchersFor, responseBodyMatchers } from '../../mock-server/src/pact-matchers.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { IMICONNECT } from '../helpers/identities.js';
import { CONSUMER, expectCommittedPact, pactOutputDir, rejection } from './pact-files.js';

const PROVIDER = 'imiconnect-profile';
const dir = pactOutputDir();
expectCommittedPact(dir, PROVIDER);
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'warn' });
const contract = contractOf('imiconnect');
const fixture = (file: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/imiconnect/default', file), 'utf8')) as Record<string, unknown[]>;
const customerIdOf = (p: ImiconnectProfile) => p.Attributes.find((a) => a.Name === 'customerId')?.Value;
const customers = fixture('customers.json')['sandbox'] as ImiconnectProfile[];
const customer = customers.find((p) => customerIdOf(p) === IMICONNECT.customer)!;
const otherCustomer = customers.find((p) => customerIdOf(p) === IMICONNECT.otherCustomer)!;
const transactions = fixture('transactions.json')['sandbox'] as ImiconnectProfileStatus[];
const finished = transactions.find((t) => t.transid === IMICONNECT.finishedTransid)!;
const partial = transactions.find((t) => t.transid === IMICONNECT.partialTransid)!;

const V2 = '/resources/v2/customerprofile';
const V1 = '/resources/v1/customerprofile';
const UNKNOWN_KEY = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_TRANSID = 'a61e8729-a404-41cc-909a-bf7de79d14c7';
const auth = { key: IMICONNECT.key };
const json = { ...auth, 'Content-Type': 'application/json' };
const TRANSID = '0b0e5d2c-8f6a-4c1e-9d3b-7a2f4e6c8d10';

/** The master profile only (showinwardlinks 0, the default): no linked app profiles. */
const masterOnly = (p: ImiconnectProfile): ImiconnectProfile => ({ ...p, InwardLinks: [] });
/** Contract matchers for `example` at `pointer`, with the named fields pinned to their example value (what the client relies on). */
function pinned<T extends object>(pointer: string, example: T, ...fields: (keyof T & string)[]): object {
  return { ...(matchersFor(contract, pointer, example) as object), ...Object.fromEntries(fields.map((f) => [f, example[f]])) };
}
/** The attributes the client reads, wherever they are in the list: customerId pinned, the others by type. */
const READ_ATTRIBUTES = ['customerId', 'msisdn', 'email', 'name'];
const profileMatchers = (p: ImiconnectProfile) => ({
  ...pinned('#/components/schemas/ProfileRecord', p),
  Attributes: M.arrayContaining(
    ...p.Attributes.filter((a) => READ_ATTRIBUTES.includes(a.Name)).map((a) =>
      pinned('#/components/schemas/ProfileAttribute', a, ...(a.Name === 'customerId' ? (['Name', 'Value'] as const) : (['Name'] as const))),
    ),
  ),
});
const QUEUED = { code: '1001', description: 'Queued', transid: TRANSID };
const queuedBody = matchersFor(contract, '#/components/schemas/QueuedResponse', { response: QUEUED });
/** Get Profile's answer: the records in the order asked, as many as asked. */
const profilesBody = (records: readonly ImiconnectProfile[]) => ({
  ...pinned('#/components/schemas/ProfileList', { Status: 0, Description: 'success', code: '1000', transid: TRANSID, Records: records }),
  Records: records.map(profileMatchers),
});
/**
 * A profile as `profileMatchers` makes the mock server answer it: only the
 * attributes the client reads (the `arrayContaining` variants, in the record's
 * order), and every other list cut to its first item (`eachLike` keeps one example).
 */
const served = (p: ImiconnectProfile): ImiconnectProfile => ({
  ...p,
  Attributes: p.Attributes.filter((a) => READ_ATTRIBUTES.includes(a.Name)),
  InwardLinks: p.InwardLinks.slice(0, 1).map((l) => ({ ...l, Records: l.Records.slice(0, 1) })),
  OutwardLinks: p.OutwardLinks.slice(0, 1),
});
/** Get Profile Status's answer, each record's result (and its code) in place. */
const statusBody = (status: ImiconnectProfileStatus) => ({
  ...pinned('#/components/schemas/ProfileStatus', status),
  Results: status.Results.map((r) => pinned('#/components/schemas/ProfileStatusResult', r, 'code')),
});
const client = (url: string, key: string = IMICONNECT.key) => new ImiconnectClient({ baseUrl: url, key });
const NEW_CUSTOMER = { customerId: IMICONNECT.absentCustomer, attributes: { email: 'new.customer@example.com', msisdn: '447522178657', name: 'newcomer' } };
const UPDATE = { customerId: IMICONNECT.customer, attributes: { email: 'umtest.one@example.com', msisdn: '911278994640', name: 'umtest' } };
/** The body the client sends for `records`, as the seed's examples spell it. */
const batchBody = (...records: { customerId: string; attributes: object }[]) => ({ Records: records.map((r) => ({ customerId: r.customerId, Attributes: r.attributes })) });

/**
 * An error class: the request the client sends (under `key`, or another key),
 * the scenario that produces the error, and the envelope it answers with.
 * The client must throw ImiconnectApiError with that status and code.
 */
interface ErrorCase {
  readonly state: string;
  readonly description: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  /** The JSON body the client sends, if any. */
  readonly body?: object;
  readonly key?: string;
  readonly operationId: string;
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** The HTTP status, when it is not the one the contract gives the code (the "always 200" tenant). */
  readonly answeredWith?: number;
  readonly call: (c: ImiconnectClient) => Promise<unknown>;
}

const ERRORS: readonly ErrorCase[] = [
  {
    state: 'default',
    description: 'an update with an email that is not an email address',
    method: 'PUT',
    path: V2,
    body: batchBody({ customerId: IMICONNECT.customer, attributes: { email: 'not-an-email' } }),
    operationId: 'updateProfile',
    status: 400,
    code: '7011',
    message: 'Invalid Attribute Value',
    call: (c) => c.updateProfile([{ customerId: IMICONNECT.customer, attributes: { email: 'not-an-email' } }]),
  },
  {
    state: 'imiconnect/reject-unknown-customers',
    description: 'an update of an unknown customer, rejected at once',
    method: 'PUT',
    path: V2,
    body: batchBody({ customerId: IMICONNECT.absentCustomer, attributes: { name: 'ghost' } }),
    operationId: 'updateProfile',
    status: 404,
    code: '7014',
    message: 'Customer not found',
    call: (c) => c.updateProfile([{ customerId: IMICONNECT.absentCustomer, attributes: { name: 'ghost' } }]),
  },
  {
    state: 'default',
    description: 'the creation of a customer profile that already exists',
    method: 'POST',
    path: V2,
    body: batchBody(UPDATE),
    operationId: 'createProfile',
    status: 409,
    code: '7015',
    message: 'customer already exists',
    call: (c) => c.createProfile([UPDATE]),
  },
  {
    state: 'default',
    description: 'the profile of an unknown customer',
    method: 'GET',
    path: `${V2}/${IMICONNECT.absentCustomer}`,
    operationId: 'getProfile',
    status: 404,
    code: '7014',
    message: 'Customer not found',
    call: (c) => c.getProfile(IMICONNECT.absentCustomer),
  },
  {
    state: 'default',
    description: 'a customer profile with an unknown key',
    method: 'GET',
    path: `${V2}/${IMICONNECT.customer}`,
    key: UNKNOWN_KEY,
    operationId: 'getProfile',
    status: 401,
    code: '7001',
    message: 'Authentication failed',
    call: (c) => c.getProfile(IMICONNECT.customer),
  },
  {
    state: 'imiconnect/ip-not-whitelisted',
    description: 'a customer profile from an IP outside the allow-list',
    method: 'GET',
    path: `${V2}/${IMICONNECT.customer}`,
    operationId: 'getProfile',
    status: 403,
    code: '7010',
    message: 'Source ip is not white listed',
    call: (c) => c.getProfile(IMICONNECT.customer),
  },
  {
    state: 'imiconnect/internal-error',
    description: 'a customer profile while IMIconnect fails',
    method: 'GET',
    path: `${V2}/${IMICONNECT.customer}`,
    operationId: 'getProfile',
    status: 500,
    code: '7006',
    message: 'Internal error occurred',
    call: (c) => c.getProfile(IMICONNECT.customer),
  },
  {
    // The body is the 404 envelope (7014 pinned); only the HTTP status differs, and the client must still see an error.
    state: 'imiconnect/always-200',
    description: 'the profile of an unknown customer, answered with HTTP 200',
    method: 'GET',
    path: `${V2}/${IMICONNECT.absentCustomer}`,
    operationId: 'getProfile',
    status: 404,
    answeredWith: 200,
    code: '7014',
    message: 'Customer not found',
    call: (c) => c.getProfile(IMICONNECT.absentCustomer),
  },
  {
    state: 'default',
    description: 'the deletion of an unknown customer profile',
    method: 'DELETE',
    path: `${V2}/${IMICONNECT.absentCustomer}`,
    operationId: 'deleteProfile',
    status: 404,
    code: '7203',
    message: 'Customer not found',
    call: (c) => c.deleteProfile(IMICONNECT.absentCustomer),
  },
  {
    state: 'imiconnect/ip-not-whitelisted',
    description: 'the deletion of a customer profile from an IP outside the allow-list',
    method: 'DELETE',
    path: `${V2}/${IMICONNECT.otherCustomer}`,
    operationId: 'deleteProfile',
    status: 403,
    code: '7208',
    message: 'Source IP is not whitelisted',
    call: (c) => c.deleteProfile(IMICONNECT.otherCustomer),
  },
  {
    state: 'default',
    description: 'the status of an unknown transaction',
    method: 'GET',
    path: `/resources/v2/profile/status/${UNKNOWN_TRANSID}`,
    operationId: 'getProfileStatus',
    status: 404,
    code: '7600',
    message: 'Invalid transid or request is still queued',
    call: (c) => c.getProfileStatus(UNKNOWN_TRANSID),
  },
];

/** A successful interaction under `default`: the request the client sends, the body IMIconnect answers, what the client must make of it. */
function succeeds(description: string, method: ErrorCase['method'], path: string, request: V4RequestBuilderFunc, response: unknown, check: (c: ImiconnectClient) => Promise<void>) {
  return pact
    .addInteraction()
    .given('default')
    .uponReceiving(description)
    .withRequest(method, path, request)
    .willRespondWith(200, (b) => b.jsonBody(response))
    .executeTest(async (server) => check(client(server.url)));
}

describe(`${CONSUMER} → ${PROVIDER}`, () => {
  describe('error classes: the client throws ImiconnectApiError with the status and the code', () => {
    it.each(ERRORS.map((e) => [`${e.operationId} ${e.answeredWith ?? e.status} ${e.code} (${e.state})`, e] as const))('%s', (_name, e) =>
      pact
        .addInteraction()
        .given(e.state)
        .uponReceiving(e.description)
        .withRequest(e.method, e.path, (b) => {
          const key = { key: e.key ?? IMICONNECT.key };
          return e.body === undefined ? b.headers(key) : b.headers({ ...key, 'Content-Type': 'application/json' }).jsonBody(e.body);
        })
        .willRespondWith(e.answeredWith ?? e.status, (b) =>
          b.jsonBody(responseBodyMatchers(contract, e.operationId, e.status, { response: { code: e.code, description: e.message } })),
        )
        .executeTest(async (server) => {
          const error = await rejection(e.call(client(server.url, e.key)), ImiconnectApiError);
          expect({ status: error.status, code: error.code, description: error.description }).toEqual({ status: e.answeredWith ?? e.status, code: e.code, description: e.message });
        }),
    );
  });

  it('PUT a customer profile (updateProfile): 200 1001 Queued with a transid', () =>
    succeeds(
      'an update of a customer profile',
      'PUT',
      V2,
      (b) => b.headers(json).jsonBody(batchBody(UPDATE)),
      queuedBody,
      async (c) => {
        expect(await c.updateProfile([UPDATE])).toEqual(QUEUED);
      },
    ));

  it('POST a customer profile (createProfile): 200 1001 Queued for a new customer', () =>
    succeeds(
      'the creation of a new customer profile',
      'POST',
      V2,
      (b) => b.headers(json).jsonBody(batchBody(NEW_CUSTOMER)),
      queuedBody,
      async (c) => {
        expect(await c.createProfile([NEW_CUSTOMER])).toEqual(QUEUED);
      },
    ));

  it('GET a customer profile (getProfile): the master profile', () =>
    succeeds(
      'a customer profile',
      'GET',
      `${V2}/${IMICONNECT.customer}`,
      (b) => b.headers(auth),
      profilesBody([masterOnly(customer)]),
      async (c) => {
        expect(await c.getProfile(IMICONNECT.customer)).toEqual(served(masterOnly(customer)));
      },
    ));

  it('GET a customer profile on the v1 path with its linked app profiles (getProfileV1)', () =>
    succeeds(
      'a customer profile on the v1 path with inward links',
      'GET',
      `${V1}/${IMICONNECT.customer}`,
      (b) => b.headers(auth).query({ showinwardlinks: '1' }),
      profilesBody([customer]),
      async (c) => {
        expect(await c.getProfileV1(IMICONNECT.customer, 1)).toEqual(served(customer));
      },
    ));

  it('GET several customer profiles, in the order asked (getProfiles)', () =>
    succeeds(
      'the profiles of two customers',
      'GET',
      V1,
      (b) => b.headers(auth).query({ customerId: [IMICONNECT.customer, IMICONNECT.otherCustomer] }),
      profilesBody([masterOnly(customer), masterOnly(otherCustomer)]),
      async (c) => {
        expect(await c.getProfiles([IMICONNECT.customer, IMICONNECT.otherCustomer])).toEqual([served(masterOnly(customer)), served(masterOnly(otherCustomer))]);
      },
    ));

  it('DELETE a customer profile (deleteProfile): 200 1001 Queued', () =>
    succeeds(
      'the deletion of a customer profile',
      'DELETE',
      `${V2}/${IMICONNECT.otherCustomer}`,
      (b) => b.headers(auth),
      queuedBody,
      async (c) => {
        expect(await c.deleteProfile(IMICONNECT.otherCustomer)).toEqual(QUEUED);
      },
    ));

  it('DELETE a customer profile on the v1 path (deleteProfileV1): 200 Queued', () =>
    succeeds(
      'the deletion of a customer profile on the v1 path',
      'DELETE',
      `${V1}/${IMICONNECT.otherCustomer}`,
      (b) => b.headers(auth),
      queuedBody,
      async (c) => {
        expect(await c.deleteProfileV1(IMICONNECT.otherCustomer)).toEqual(QUEUED);
      },
    ));

  it('DELETE several customer profiles in one transaction (deleteProfiles): 200 Queued', () =>
    succeeds(
      'the deletion of two customer profiles',
      'DELETE',
      V1,
      (b) => b.headers(auth).query({ customerId: [IMICONNECT.customer, IMICONNECT.otherCustomer] }),
      queuedBody,
      async (c) => {
        expect(await c.deleteProfiles([IMICONNECT.customer, IMICONNECT.otherCustomer])).toEqual(QUEUED);
      },
    ));

  it('GET the status of a finished transaction (getProfileStatus): 1000 SUCCESS', () =>
    succeeds(
      'the status of a finished transaction',
      'GET',
      `/resources/v2/profile/status/${IMICONNECT.finishedTransid}`,
      (b) => b.headers(auth),
      statusBody(finished),
      async (c) => {
        expect(await c.getProfileStatus(IMICONNECT.finishedTransid)).toEqual(finished);
      },
    ));

  it('GET the status of a partly failed transaction (getProfileStatus): 1002 Partial success, with the code of each failed record', () =>
    succeeds(
      'the status of a partly failed transaction',
      'GET',
      `/resources/v2/profile/status/${IMICONNECT.partialTransid}`,
      (b) => b.headers(auth),
      statusBody(partial),
      async (c) => {
        const status = await c.getProfileStatus(IMICONNECT.partialTransid);
        expect(status).toEqual(partial);
        expect(status).toMatchObject({ code: '1002', FailureCount: 1, SuccessCount: 1 });
        expect(status.Results.map((r) => r.code)).toEqual(['1000', '7014']);
      },
    ));

  describe('records a provider state with parameters makes (docs/provider-states.md)', () => {
    const MADE = { customerId: '5550001', attributes: { name: 'pact', tier: 'gold' } };
    const attribute = (Name: string, Value: string, ID: number) => pinned('#/components/schemas/ProfileAttribute', { Name, Value, ID }, 'Name', 'Value');
    const made: ImiconnectProfile = {
      Attributes: [
        { Name: 'name', Value: 'pact', ID: 9001 },
        { Name: 'tier', Value: 'gold', ID: 9002 },
        { Name: 'customerId', Value: MADE.customerId, ID: 9003 },
      ],
      InwardLinks: [],
      OutwardLinks: [],
    };

    it('GET the profile a state made, with the attributes it was given', () =>
      pact
        .addInteraction()
        .given('an IMIconnect profile', MADE)
        .uponReceiving('a customer profile a provider state made')
        .withRequest('GET', `${V2}/${MADE.customerId}`, (b) => b.headers(auth))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            ...pinned('#/components/schemas/ProfileList', { Status: 0, Description: 'success', code: '1000', transid: TRANSID, Records: [made] }),
            // The attributes the parameters gave, pinned by name and value wherever they are in the list.
            Records: [{ ...pinned('#/components/schemas/ProfileRecord', made), Attributes: M.arrayContaining(...made.Attributes.map((a) => attribute(a.Name, a.Value, a.ID))) }],
          }),
        )
        .executeTest(async (server) => {
          const profile = await client(server.url).getProfile(MADE.customerId);
          expect(Object.fromEntries(profile.Attributes.map((a) => [a.Name, a.Value]))).toMatchObject({ name: 'pact', tier: 'gold', customerId: MADE.customerId });
        }));
  });
});
