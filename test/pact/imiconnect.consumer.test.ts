import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3 as M, PactV4 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { ImiconnectApiError, ImiconnectClient, type ImiconnectProfile, type ImiconnectProfileStatus } from '../../contracts/clients/imiconnect.js';
import { matchersFor, responseBodyMatchers } from '../../contracts/pact-matchers.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { IMICONNECT } from '../helpers/identities.js';
import { COMMITTED_PACTS, CONSUMER, pactOutputDir, readPact } from './pact-files.js';

const PROVIDER = 'imiconnect-profile';
const dir = pactOutputDir();
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
    ...p.Attributes.filter((a) => READ_ATTRIBUTES.includes(a.Name)).map((a) => pinned('#/components/schemas/ProfileAttribute', a, ...(a.Name === 'customerId' ? (['Name', 'Value'] as const) : (['Name'] as const)))),
  ),
});
const queuedBody = matchersFor(contract, '#/components/schemas/QueuedResponse', { response: { code: '1001', description: 'Queued', transid: TRANSID } });
/** Get Profile's answer: the records in the order asked, as many as asked. */
const profilesBody = (records: readonly ImiconnectProfile[]) => ({
  ...pinned('#/components/schemas/ProfileList', { Status: 0, Description: 'success', code: '1000', transid: TRANSID, Records: records }),
  Records: records.map(profileMatchers),
});
/** Get Profile Status's answer, each record's result (and its code) in place. */
const statusBody = (status: ImiconnectProfileStatus) => ({
  ...pinned('#/components/schemas/ProfileStatus', status),
  Results: status.Results.map((r) => pinned('#/components/schemas/ProfileStatusResult', r, 'code')),
});
const errorBody = (op: string, status: number, code: string, description: string) => responseBodyMatchers(contract, op, status, { response: { code, description } });
const client = (url: string, key: string = IMICONNECT.key) => new ImiconnectClient({ baseUrl: url, key });
const NEW_CUSTOMER = { customerId: IMICONNECT.absentCustomer, attributes: { email: 'new.customer@example.com', msisdn: '447522178657', name: 'newcomer' } };
const UPDATE = { customerId: IMICONNECT.customer, attributes: { email: 'umtest.one@example.com', msisdn: '911278994640', name: 'umtest' } };
/** The body the client sends for `records`, as the seed's examples spell it. */
const batchBody = (...records: { customerId: string; attributes: object }[]) => ({ Records: records.map((r) => ({ customerId: r.customerId, Attributes: r.attributes })) });

/** The client must fail with this status and IMIconnect code (the pact pins the envelope). */
async function rejectsWith(call: Promise<unknown>, status: number, code: string): Promise<ImiconnectApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImiconnectApiError);
  expect((error as ImiconnectApiError).status).toBe(status);
  expect((error as ImiconnectApiError).code).toBe(code);
  return error as ImiconnectApiError;
}

describe(`${CONSUMER} → ${PROVIDER}`, () => {
  afterAll(() => {
    // The committed pacts are what users verify and what is published: they must be what these tests produce.
    if (process.env['PACT_OUTPUT_DIR'] === undefined) expect(readPact(dir, PROVIDER)).toEqual(readPact(COMMITTED_PACTS, PROVIDER));
  });

  describe('PUT a customer profile (updateProfile)', () => {
    it('200 1001 Queued with a transid', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a customer profile')
        .withRequest('PUT', V2, (b) => b.headers(json).jsonBody(batchBody(UPDATE)))
        .willRespondWith(200, (b) => b.jsonBody(queuedBody))
        .executeTest(async (server) => {
          expect(await client(server.url).updateProfile([UPDATE])).toEqual({ code: '1001', description: 'Queued', transid: TRANSID });
        }));

    it('400 7011 for an attribute value IMIconnect refuses', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update with an email that is not an email address')
        .withRequest('PUT', V2, (b) => b.headers(json).jsonBody(batchBody({ customerId: IMICONNECT.customer, attributes: { email: 'not-an-email' } })))
        .willRespondWith(400, (b) => b.jsonBody(errorBody('updateProfile', 400, '7011', 'Invalid Attribute Value')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateProfile([{ customerId: IMICONNECT.customer, attributes: { email: 'not-an-email' } }]), 400, '7011');
        }));

    it('404 7014 at once for unknown customers, where the tenant rejects them', () =>
      pact
        .addInteraction()
        .given('imiconnect/reject-unknown-customers')
        .uponReceiving('an update of an unknown customer, rejected at once')
        .withRequest('PUT', V2, (b) => b.headers(json).jsonBody(batchBody({ customerId: IMICONNECT.absentCustomer, attributes: { name: 'ghost' } })))
        .willRespondWith(404, (b) => b.jsonBody(errorBody('updateProfile', 404, '7014', 'Customer not found')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateProfile([{ customerId: IMICONNECT.absentCustomer, attributes: { name: 'ghost' } }]), 404, '7014');
        }));
  });

  describe('POST a customer profile (createProfile)', () => {
    it('200 1001 Queued for a new customer', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the creation of a new customer profile')
        .withRequest('POST', V2, (b) => b.headers(json).jsonBody(batchBody(NEW_CUSTOMER)))
        .willRespondWith(200, (b) => b.jsonBody(queuedBody))
        .executeTest(async (server) => {
          expect((await client(server.url).createProfile([NEW_CUSTOMER])).transid).toBe(TRANSID);
        }));

    it('409 7015 when the customer already exists', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the creation of a customer profile that already exists')
        .withRequest('POST', V2, (b) => b.headers(json).jsonBody(batchBody(UPDATE)))
        .willRespondWith(409, (b) => b.jsonBody(errorBody('createProfile', 409, '7015', 'customer already exists')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).createProfile([UPDATE]), 409, '7015');
        }));
  });

  describe('GET a customer profile (getProfile)', () => {
    const path = `${V2}/${IMICONNECT.customer}`;

    it('200 with the master profile', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a customer profile')
        .withRequest('GET', path, (b) => b.headers(auth))
        .willRespondWith(200, (b) => b.jsonBody(profilesBody([masterOnly(customer)])))
        .executeTest(async (server) => {
          const profile = await client(server.url).getProfile(IMICONNECT.customer);
          expect(customerIdOf(profile)).toBe(IMICONNECT.customer);
          expect(profile.InwardLinks).toEqual([]);
        }));

    it('404 7014 for an unknown customer', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the profile of an unknown customer')
        .withRequest('GET', `${V2}/${IMICONNECT.absentCustomer}`, (b) => b.headers(auth))
        .willRespondWith(404, (b) => b.jsonBody(errorBody('getProfile', 404, '7014', 'Customer not found')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).getProfile(IMICONNECT.absentCustomer), 404, '7014');
        }));

    it('401 7001 for an unknown key', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a customer profile with an unknown key')
        .withRequest('GET', path, (b) => b.headers({ key: UNKNOWN_KEY }))
        .willRespondWith(401, (b) => b.jsonBody(errorBody('getProfile', 401, '7001', 'Authentication failed')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url, UNKNOWN_KEY).getProfile(IMICONNECT.customer), 401, '7001');
        }));

    it('403 7010 from outside the allow-list', () =>
      pact
        .addInteraction()
        .given('imiconnect/ip-not-whitelisted')
        .uponReceiving('a customer profile from an IP outside the allow-list')
        .withRequest('GET', path, (b) => b.headers(auth))
        .willRespondWith(403, (b) => b.jsonBody(errorBody('getProfile', 403, '7010', 'Source ip is not white listed')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).getProfile(IMICONNECT.customer), 403, '7010');
        }));

    it('500 7006 when IMIconnect fails', () =>
      pact
        .addInteraction()
        .given('imiconnect/internal-error')
        .uponReceiving('a customer profile while IMIconnect fails')
        .withRequest('GET', path, (b) => b.headers(auth))
        .willRespondWith(500, (b) => b.jsonBody(errorBody('getProfile', 500, '7006', 'Internal error occurred')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).getProfile(IMICONNECT.customer), 500, '7006');
        }));

    it('200 carrying 7014 where the tenant answers every error with 200: still an error to the client', () =>
      pact
        .addInteraction()
        .given('imiconnect/always-200')
        .uponReceiving('the profile of an unknown customer, answered with HTTP 200')
        .withRequest('GET', `${V2}/${IMICONNECT.absentCustomer}`, (b) => b.headers(auth))
        // The body is the 404 envelope (7014 pinned), only the HTTP status differs.
        .willRespondWith(200, (b) => b.jsonBody(errorBody('getProfile', 404, '7014', 'Customer not found')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).getProfile(IMICONNECT.absentCustomer), 200, '7014');
        }));
  });

  it('GET a customer profile on the v1 path with its linked app profiles (getProfileV1)', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('a customer profile on the v1 path with inward links')
      .withRequest('GET', `${V1}/${IMICONNECT.customer}`, (b) => b.headers(auth).query({ showinwardlinks: '1' }))
      .willRespondWith(200, (b) => b.jsonBody(profilesBody([customer])))
      .executeTest(async (server) => {
        const profile = await client(server.url).getProfileV1(IMICONNECT.customer, 1);
        expect(profile.InwardLinks[0]?.ProfileName).toBe(customer.InwardLinks[0]!.ProfileName);
      }));

  it('GET several customer profiles, in the order asked (getProfiles)', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the profiles of two customers')
      .withRequest('GET', V1, (b) => b.headers(auth).query({ customerId: [IMICONNECT.customer, IMICONNECT.otherCustomer] }))
      .willRespondWith(200, (b) => b.jsonBody(profilesBody([masterOnly(customer), masterOnly(otherCustomer)])))
      .executeTest(async (server) => {
        const profiles = await client(server.url).getProfiles([IMICONNECT.customer, IMICONNECT.otherCustomer]);
        expect(profiles.map(customerIdOf)).toEqual([IMICONNECT.customer, IMICONNECT.otherCustomer]);
      }));

  describe('DELETE a customer profile (deleteProfile)', () => {
    it('200 1001 Queued', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a customer profile')
        .withRequest('DELETE', `${V2}/${IMICONNECT.otherCustomer}`, (b) => b.headers(auth))
        .willRespondWith(200, (b) => b.jsonBody(queuedBody))
        .executeTest(async (server) => {
          expect((await client(server.url).deleteProfile(IMICONNECT.otherCustomer)).code).toBe('1001');
        }));

    it('404 7203 for an unknown customer', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of an unknown customer profile')
        .withRequest('DELETE', `${V2}/${IMICONNECT.absentCustomer}`, (b) => b.headers(auth))
        .willRespondWith(404, (b) => b.jsonBody(errorBody('deleteProfile', 404, '7203', 'Customer not found')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).deleteProfile(IMICONNECT.absentCustomer), 404, '7203');
        }));

    it('403 7208 from outside the allow-list', () =>
      pact
        .addInteraction()
        .given('imiconnect/ip-not-whitelisted')
        .uponReceiving('the deletion of a customer profile from an IP outside the allow-list')
        .withRequest('DELETE', `${V2}/${IMICONNECT.otherCustomer}`, (b) => b.headers(auth))
        .willRespondWith(403, (b) => b.jsonBody(errorBody('deleteProfile', 403, '7208', 'Source IP is not whitelisted')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).deleteProfile(IMICONNECT.otherCustomer), 403, '7208');
        }));
  });

  it('DELETE a customer profile on the v1 path (deleteProfileV1): 200 Queued', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the deletion of a customer profile on the v1 path')
      .withRequest('DELETE', `${V1}/${IMICONNECT.otherCustomer}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) => b.jsonBody(queuedBody))
      .executeTest(async (server) => {
        expect((await client(server.url).deleteProfileV1(IMICONNECT.otherCustomer)).transid).toBe(TRANSID);
      }));

  it('DELETE several customer profiles in one transaction (deleteProfiles): 200 Queued', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the deletion of two customer profiles')
      .withRequest('DELETE', V1, (b) => b.headers(auth).query({ customerId: [IMICONNECT.customer, IMICONNECT.otherCustomer] }))
      .willRespondWith(200, (b) => b.jsonBody(queuedBody))
      .executeTest(async (server) => {
        expect((await client(server.url).deleteProfiles([IMICONNECT.customer, IMICONNECT.otherCustomer])).transid).toBe(TRANSID);
      }));

  describe('GET the status of a transaction (getProfileStatus)', () => {
    it('200 1000 SUCCESS for a finished transaction', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the status of a finished transaction')
        .withRequest('GET', `/resources/v2/profile/status/${IMICONNECT.finishedTransid}`, (b) => b.headers(auth))
        .willRespondWith(200, (b) => b.jsonBody(statusBody(finished)))
        .executeTest(async (server) => {
          expect(await client(server.url).getProfileStatus(IMICONNECT.finishedTransid)).toEqual(finished);
        }));

    it('200 1002 Partial success, with the code of each failed record', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the status of a partly failed transaction')
        .withRequest('GET', `/resources/v2/profile/status/${IMICONNECT.partialTransid}`, (b) => b.headers(auth))
        .willRespondWith(200, (b) => b.jsonBody(statusBody(partial)))
        .executeTest(async (server) => {
          const status = await client(server.url).getProfileStatus(IMICONNECT.partialTransid);
          expect(status).toMatchObject({ code: '1002', FailureCount: 1, SuccessCount: 1 });
          expect(status.Results.map((r) => r.code)).toEqual(['1000', '7014']);
        }));

    it('404 7600 for an unknown transid', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the status of an unknown transaction')
        .withRequest('GET', `/resources/v2/profile/status/${UNKNOWN_TRANSID}`, (b) => b.headers(auth))
        .willRespondWith(404, (b) => b.jsonBody(errorBody('getProfileStatus', 404, '7600', 'Invalid transid or request is still queued')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).getProfileStatus(UNKNOWN_TRANSID), 404, '7600');
        }));
  });
});
