import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { InstantpayApiError, InstantpayClient, type InstantpayEnvironment } from '../../contracts/clients/instantpay.js';
import { matchersFor } from '../../contracts/pact-matchers.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { INSTANTPAY } from '../helpers/identities.js';
import { seedContact as seedContactOf } from '../integration/instantpay/ipay.js';
import { CONSUMER, expectCommittedPact, pactOutputDir, rejection } from './pact-files.js';

const PROVIDER = 'instantpay-contacts';
const dir = pactOutputDir();
expectCommittedPact(dir, PROVIDER);
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'warn' });
const contract = contractOf('instantpay');

type Account = 'sandbox' | 'live';
const ENDPOINT_IP = '125.0.0.1';
/** The sandbox account's userId, as the default fixtures hold it (only an example value: the pact matches its type). */
const SANDBOX_USER = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/instantpay/default/accounts.json'), 'utf8')) as { clientId: string; userId: number }[]).find(
  (a) => a.clientId === INSTANTPAY.sandbox.clientId,
)!.userId;
const UNKNOWN_ID = '645383ba4acec95a320899ff';
const WRONG_SECRET = '0'.repeat(64);

/** The headers the client sends on every call, and with a JSON body. */
const ipayHeaders = (account: Account = 'sandbox', secret: string = INSTANTPAY[account].clientSecret) => ({
  'X-Ipay-Auth-Code': '1',
  'X-Ipay-Client-Id': INSTANTPAY[account].clientId,
  'X-Ipay-Client-Secret': secret,
  'X-Ipay-Endpoint-Ip': ENDPOINT_IP,
  Accept: 'application/json',
});
const withJson = (account?: Account, secret?: string) => ({ ...ipayHeaders(account, secret), 'Content-Type': 'application/json' });
const client = (url: string, account: Account = 'sandbox', secret: string = INSTANTPAY[account].clientSecret) =>
  new InstantpayClient({ baseUrl: url, clientId: INSTANTPAY[account].clientId, clientSecret: secret, endpointIp: ENDPOINT_IP });

/**
 * The body schema an operation declares for an HTTP status: for 200, the
 * branch of its `anyOf` (the operation's answer, or the failure envelope).
 */
function bodyPointer(operationId: string, httpStatus: number, outcome: 'TXN' | 'failure'): string {
  const schema = `${contract.responsePointer(operationId, httpStatus)!}/content/application~1json/schema`;
  return httpStatus === 200 ? `${schema}/anyOf/${outcome === 'TXN' ? 0 : 1}` : schema;
}

const RECORD_TIME = '2026-03-02T10:00:00.000000Z';
const envelopeOf = (statuscode: string, status: string, data: unknown, environment: InstantpayEnvironment) => ({
  statuscode,
  actcode: null,
  status,
  data,
  timestamp: '2026-03-02 15:30:00',
  ipay_uuid: 'h006a133f709-89ff-4b4a-b42e-c27893d64057',
  orderid: null,
  environment,
  internalCode: null,
});
/** A `TXN` answer's matchers, from the operation's declared answer schema. */
const txn = (operationId: string, status: string, data: unknown, environment: InstantpayEnvironment = 'SANDBOX') =>
  matchersFor(contract, bodyPointer(operationId, 200, 'TXN'), envelopeOf('TXN', status, data, environment));
/** A failure envelope's matchers (the code is pinned, its text is any string, as the contract says). */
const failure = (operationId: string, statuscode: string, status: string, httpStatus = 200, environment: InstantpayEnvironment = 'SANDBOX') =>
  matchersFor(contract, bodyPointer(operationId, httpStatus, 'failure'), envelopeOf(statuscode, status, null, environment));

/** The client must fail with this code under this HTTP status. */
async function rejectsWith(call: Promise<unknown>, statuscode: string, httpStatus = 200): Promise<InstantpayApiError> {
  const error = await rejection(call, InstantpayApiError);
  expect(error.statuscode).toBe(statuscode);
  expect(error.httpStatus).toBe(httpStatus);
  return error;
}

const seedContact = seedContactOf(SANDBOX_USER);
const karthik = {
  _id: INSTANTPAY.person,
  gcId: INSTANTPAY.contact,
  contactPersonName: 'Karthik',
  email: 'testkartk123@gmail',
  mobile: '9219113815',
  description: 'test desc for karthik',
  callingCode: '+91',
  updated_at: '2023-05-04T11:20:56.731000Z',
  created_at: '2023-05-04T11:20:56.731000Z',
};
const sampleTag = { _id: INSTANTPAY.tag, name: 'Sample Tag', hexColorCode: '#FF1934' };
const newContact = { name: 'Asha Rao', email: 'asha.rao@example.com', mobile: '9876543210', companyName: 'Rao Traders' };
const contactUpdate = { contactId: INSTANTPAY.contact, name: 'Sample Name', email: 'sample.name@example.com', mobile: '7428585742' };
const newPerson = { gcId: INSTANTPAY.contact, contactPersonName: 'Ravi Kumar', email: 'ravi.kumar@example.com', mobile: '9123456780', description: 'Accounts' };

describe(`${CONSUMER} → ${PROVIDER}`, () => {
  describe('contacts (/contacts/profile)', () => {
    it('GET lists the contacts with their tag ids', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a list of contacts')
        .withRequest('GET', '/contacts/profile', (b) => b.headers(ipayHeaders()))
        .willRespondWith(200, (b) => b.jsonBody(txn('listContacts', 'Transaction Successful', [seedContact])))
        .executeTest(async (server) => {
          const c = client(server.url);
          expect((await c.listContacts())[0]).toEqual(seedContact);
          expect(c.lastAnswer?.environment).toBe('SANDBOX');
        }));

    it('GET lists nothing for an empty contact book', () =>
      pact
        .addInteraction()
        .given('instantpay/empty-book')
        .uponReceiving('a list of contacts of an empty contact book')
        .withRequest('GET', '/contacts/profile', (b) => b.headers(ipayHeaders()))
        .willRespondWith(200, (b) => b.jsonBody(txn('listContacts', 'Transaction Successful', [])))
        .executeTest(async (server) => {
          expect(await client(server.url).listContacts()).toEqual([]);
        }));

    it('POST adds a contact (the answer has no tagId)', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the addition of a contact')
        .withRequest('POST', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...newContact, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) =>
          b.jsonBody(txn('addContact', 'Contact Added Successfully', { userId: SANDBOX_USER, ...newContact, callingCode: '91', updated_at: RECORD_TIME, created_at: RECORD_TIME, _id: '69a55f00a1b2c3d4e5f60718' })),
        )
        .executeTest(async (server) => {
          const added = await client(server.url).addContact({ ...newContact, tagIds: [INSTANTPAY.tag] });
          expect(added).toMatchObject({ ...newContact, callingCode: '91' });
          expect(added).not.toHaveProperty('tagId');
        }));

    it('PATCH updates a contact and answers it with the tags sent', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a contact')
        .withRequest('PATCH', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...contactUpdate, tagDetails: [{ tagId: INSTANTPAY.seedResponseTag }] }))
        .willRespondWith(200, (b) => b.jsonBody(txn('updateContact', 'Contact Updated Successfully', { ...seedContact, updated_at: RECORD_TIME, tagId: [INSTANTPAY.seedResponseTag] })))
        .executeTest(async (server) => {
          const updated = await client(server.url).updateContact({ ...contactUpdate, tagIds: [INSTANTPAY.seedResponseTag] });
          expect(updated.tagId).toEqual([INSTANTPAY.seedResponseTag]);
        }));

    it('PATCH of an unknown contact fails with ERR "No Record Found" under HTTP 200', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of an unknown contact')
        .withRequest('PATCH', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...contactUpdate, contactId: UNKNOWN_ID, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) => b.jsonBody(failure('updateContact', 'ERR', 'No Record Found')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).updateContact({ ...contactUpdate, contactId: UNKNOWN_ID, tagIds: [INSTANTPAY.tag] }), 'ERR');
          expect(error.envelope?.status).toBe('No Record Found');
        }));

    it('POST with a mobile that is not 10 digits fails with RPI under HTTP 200', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the addition of a contact with a short mobile number')
        .withRequest('POST', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...newContact, mobile: '98765', tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) => b.jsonBody(failure('addContact', 'RPI', 'The mobile must be 10 digits.')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).addContact({ ...newContact, mobile: '98765', tagIds: [INSTANTPAY.tag] }), 'RPI');
        }));

    it('PATCH while the update fails inside answers ISE under HTTP 500 (5XX)', () =>
      pact
        .addInteraction()
        .given('instantpay/system-error-then-recover')
        .uponReceiving('an update of a contact while Instantpay fails with HTTP 500')
        .withRequest('PATCH', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...contactUpdate, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(500, (b) => b.jsonBody(failure('updateContact', 'ISE', 'System Error', 500)))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateContact({ ...contactUpdate, tagIds: [INSTANTPAY.tag] }), 'ISE', 500);
        }));

    it('POST while writes are pending answers TUP, which the client reports as pending', () =>
      pact
        .addInteraction()
        .given('instantpay/pending')
        .uponReceiving('the addition of a contact while writes are pending')
        .withRequest('POST', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...newContact, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) => b.jsonBody(failure('addContact', 'TUP', 'Transaction Under Process')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).addContact({ ...newContact, tagIds: [INSTANTPAY.tag] }), 'TUP');
          expect(error.pending).toBe(true);
        }));

    it('GET while the service provider is down answers SPD', () =>
      pact
        .addInteraction()
        .given('instantpay/provider-down')
        .uponReceiving('a list of contacts while the service provider is down')
        .withRequest('GET', '/contacts/profile', (b) => b.headers(ipayHeaders()))
        .willRespondWith(200, (b) => b.jsonBody(failure('listContacts', 'SPD', 'Service Provider Downtime')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).listContacts(), 'SPD');
          expect(error.pending).toBe(false);
        }));

    it('DELETE deletes a contact (the id in a JSON body)', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a contact')
        .withRequest('DELETE', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ contactId: INSTANTPAY.contact }))
        .willRespondWith(200, (b) => b.jsonBody(txn('deleteContact', 'Contact Deleted successfully', null)))
        .executeTest(async (server) => client(server.url).deleteContact(INSTANTPAY.contact)));

    it('DELETE of an unknown contact answers ERR under HTTP 404 when failures have HTTP statuses (4XX)', () =>
      pact
        .addInteraction()
        .given('instantpay/http-errors')
        .uponReceiving('the deletion of an unknown contact with HTTP error statuses')
        .withRequest('DELETE', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ contactId: UNKNOWN_ID }))
        .willRespondWith(404, (b) => b.jsonBody(failure('deleteContact', 'ERR', 'No Record Found', 404)))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).deleteContact(UNKNOWN_ID), 'ERR', 404);
        }));
  });

  describe('tags (/contacts/tag)', () => {
    it('GET lists the tags', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a list of tags')
        .withRequest('GET', '/contacts/tag', (b) => b.headers(ipayHeaders()))
        .willRespondWith(200, (b) => b.jsonBody(txn('listTags', 'Transaction Successful', [sampleTag])))
        .executeTest(async (server) => {
          expect(await client(server.url).listTags()).toEqual([sampleTag]);
        }));

    it('POST adds a tag', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the addition of a tag')
        .withRequest('POST', '/contacts/tag', (b) => b.headers(withJson()).jsonBody({ name: 'Suppliers', hexColorCode: '#2E8B57' }))
        .willRespondWith(200, (b) =>
          b.jsonBody(txn('addTag', 'Tag Added Successfully', { userId: SANDBOX_USER, name: 'Suppliers', hexColorCode: '#2E8B57', updated_at: RECORD_TIME, created_at: RECORD_TIME, _id: '69a55f00a1b2c3d4e5f60719' })),
        )
        .executeTest(async (server) => {
          expect(await client(server.url).addTag({ name: 'Suppliers', hexColorCode: '#2E8B57' })).toMatchObject({ name: 'Suppliers', hexColorCode: '#2E8B57' });
        }));

    it('PATCH updates a tag and answers 1', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a tag')
        .withRequest('PATCH', '/contacts/tag', (b) => b.headers(withJson()).jsonBody({ tagId: INSTANTPAY.tag, name: 'Key accounts', hexColorCode: '#FF1934' }))
        .willRespondWith(200, (b) => b.jsonBody(txn('updateTag', 'Tag Updated Successfully', 1)))
        .executeTest(async (server) => client(server.url).updateTag(INSTANTPAY.tag, { name: 'Key accounts', hexColorCode: '#FF1934' })));

    it('DELETE deletes a tag', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a tag')
        .withRequest('DELETE', '/contacts/tag', (b) => b.headers(withJson()).jsonBody({ tagId: INSTANTPAY.tag }))
        .willRespondWith(200, (b) => b.jsonBody(txn('deleteTag', 'Tag Deleted successfully', null)))
        .executeTest(async (server) => client(server.url).deleteTag(INSTANTPAY.tag)));

    it('GET during a system error answers ISE under HTTP 200', () =>
      pact
        .addInteraction()
        .given('instantpay/system-error')
        .uponReceiving('a list of tags during a system error')
        .withRequest('GET', '/contacts/tag', (b) => b.headers(ipayHeaders()))
        .willRespondWith(200, (b) => b.jsonBody(failure('listTags', 'ISE', 'System Error')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).listTags(), 'ISE');
        }));
  });

  describe('persons (/contacts/person)', () => {
    it('GET lists the persons of a contact (its id in a GET body)', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a list of the persons of a contact')
        .withRequest('GET', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ gcId: INSTANTPAY.contact }))
        .willRespondWith(200, (b) => b.jsonBody(txn('listPersons', 'Transaction Successful', [karthik])))
        .executeTest(async (server) => {
          expect((await client(server.url).listPersons(INSTANTPAY.contact))[0]).toEqual(karthik);
        }));

    it('POST adds a person to a contact', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the addition of a person')
        .withRequest('POST', '/contacts/person', (b) => b.headers(withJson()).jsonBody(newPerson))
        .willRespondWith(200, (b) =>
          b.jsonBody(txn('addPerson', 'Contact Person Added Successfully', { ...newPerson, callingCode: '+91', updated_at: RECORD_TIME, created_at: RECORD_TIME, _id: '69a55f00a1b2c3d4e5f6071a' })),
        )
        .executeTest(async (server) => {
          expect(await client(server.url).addPerson(newPerson)).toMatchObject({ ...newPerson, callingCode: '+91' });
        }));

    it('PATCH updates a person', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a person')
        .withRequest('PATCH', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ personId: INSTANTPAY.person, ...newPerson }))
        .willRespondWith(200, (b) => b.jsonBody(txn('updatePerson', 'Contact Person Updated Successfully', { ...karthik, ...newPerson, updated_at: RECORD_TIME })))
        .executeTest(async (server) => {
          expect(await client(server.url).updatePerson(INSTANTPAY.person, newPerson)).toMatchObject({ _id: INSTANTPAY.person, ...newPerson });
        }));

    it('DELETE deletes a person', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a person')
        .withRequest('DELETE', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ gcId: INSTANTPAY.contact, personId: INSTANTPAY.person }))
        .willRespondWith(200, (b) => b.jsonBody(txn('deletePerson', 'Person Deleted successfully', null)))
        .executeTest(async (server) => client(server.url).deletePerson(INSTANTPAY.contact, INSTANTPAY.person)));

    it('GET when the user is denied access answers UAD', () =>
      pact
        .addInteraction()
        .given('instantpay/access-denied')
        .uponReceiving('a list of persons while the user is denied access')
        .withRequest('GET', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ gcId: INSTANTPAY.contact }))
        .willRespondWith(200, (b) => b.jsonBody(failure('listPersons', 'UAD', 'User Access Denied')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).listPersons(INSTANTPAY.contact), 'UAD');
        }));
  });

  describe('credentials and environments', () => {
    it.each([
      { board: 'staging', scenario: 'instantpay/sandbox', account: 'sandbox', environment: 'SANDBOX' },
      { board: 'production', scenario: 'instantpay/live', account: 'live', environment: 'LIVE' },
    ] as const)('on the $board board, the $account credentials answer "environment": "$environment"', ({ board, scenario, account, environment }) =>
      pact
        .addInteraction()
        .given(scenario)
        .uponReceiving(`a list of tags with ${account} credentials on the ${board} board`)
        .withRequest('GET', '/contacts/tag', (b) => b.headers(ipayHeaders(account)))
        .willRespondWith(200, (b) => b.jsonBody(txn('listTags', 'Transaction Successful', [sampleTag], environment)))
        .executeTest(async (server) => {
          const c = client(server.url, account);
          await c.listTags();
          expect(c.lastAnswer?.environment).toBe(environment);
        }),
    );

    it.each([
      { why: 'a wrong client secret', scenario: 'default', description: 'a list of tags with a wrong client secret', secret: WRONG_SECRET, httpStatus: 200, environment: 'SANDBOX' },
      { why: 'a wrong client secret (4XX)', scenario: 'instantpay/http-errors', description: 'a list of tags with a wrong client secret and HTTP error statuses', secret: WRONG_SECRET, httpStatus: 401, environment: 'SANDBOX' },
      { why: 'sandbox credentials on the production board', scenario: 'instantpay/live', description: 'a list of tags with sandbox credentials on the production board', secret: INSTANTPAY.sandbox.clientSecret, httpStatus: 200, environment: 'LIVE' },
    ] as const)('$why answers IAC under HTTP $httpStatus', ({ scenario, description, secret, httpStatus, environment }) =>
      pact
        .addInteraction()
        .given(scenario)
        .uponReceiving(description)
        .withRequest('GET', '/contacts/tag', (b) => b.headers(ipayHeaders('sandbox', secret)))
        .willRespondWith(httpStatus, (b) => b.jsonBody(failure('listTags', 'IAC', 'Invalid Dealer Credentials', httpStatus, environment)))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url, 'sandbox', secret).listTags(), 'IAC', httpStatus);
          expect(error.envelope?.environment).toBe(environment);
        }),
    );
  });
});
