import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { InstantpayApiError, InstantpayClient, type InstantpayEnvironment } from '../../mock-server/src/clients/instantpay.js';
import { matchersFor } from '../../mock-server/src/pact-matchers.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { INSTANTPAY } from '../helpers/identities.js';
import { seedContact as seedContactOf } from '../integration/instantpay/client.js';
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
const TIMESTAMP = '2026-03-02 15:30:00';
const IPAY_UUID = 'h006a133f709-89ff-4b4a-b42e-c27893d64057';
const envelopeOf = (statuscode: string, status: string, data: unknown, environment: InstantpayEnvironment) => ({
  statuscode,
  actcode: null,
  status,
  data,
  timestamp: TIMESTAMP,
  ipay_uuid: IPAY_UUID,
  orderid: null,
  environment,
  internalCode: null,
});
/** What the client makes of any envelope's `environment`, `ipay_uuid` and `timestamp` (`lastAnswer`). */
const answerInfo = (environment: InstantpayEnvironment) => ({ environment, ipayUuid: IPAY_UUID, timestamp: TIMESTAMP });
/** A `TXN` answer's matchers, from the operation's declared answer schema. */
const txn = (operationId: string, status: string, data: unknown, environment: InstantpayEnvironment = 'SANDBOX') =>
  matchersFor(contract, bodyPointer(operationId, 200, 'TXN'), envelopeOf('TXN', status, data, environment));
/** A failure envelope's matchers (the code is pinned, its text is any string, as the contract says). */
const failure = (operationId: string, statuscode: string, status: string, httpStatus = 200, environment: InstantpayEnvironment = 'SANDBOX') =>
  matchersFor(contract, bodyPointer(operationId, httpStatus, 'failure'), envelopeOf(statuscode, status, null, environment));

/**
 * The client must fail with this code under this HTTP status, and hand over
 * the whole failure envelope the interaction answers (the same arguments as `failure`).
 */
async function rejectsWith(
  call: Promise<unknown>,
  statuscode: string,
  status: string,
  httpStatus = 200,
  environment: InstantpayEnvironment = 'SANDBOX',
): Promise<InstantpayApiError> {
  const error = await rejection(call, InstantpayApiError);
  expect(error.statuscode).toBe(statuscode);
  expect(error.httpStatus).toBe(httpStatus);
  expect(error.envelope).toEqual(envelopeOf(statuscode, status, null, environment));
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
/** The answers' `data`, as the interactions declare them (the matchers' examples are what the mock server answers). */
const addedContact = { userId: SANDBOX_USER, ...newContact, callingCode: '91', updated_at: RECORD_TIME, created_at: RECORD_TIME, _id: '69a55f00a1b2c3d4e5f60718' };
const updatedContact = { ...seedContact, updated_at: RECORD_TIME, tagId: [INSTANTPAY.seedResponseTag] };
const newTag = { name: 'Suppliers', hexColorCode: '#2E8B57' };
const addedTag = { userId: SANDBOX_USER, ...newTag, updated_at: RECORD_TIME, created_at: RECORD_TIME, _id: '69a55f00a1b2c3d4e5f60719' };
const addedPerson = { ...newPerson, callingCode: '+91', updated_at: RECORD_TIME, created_at: RECORD_TIME, _id: '69a55f00a1b2c3d4e5f6071a' };
const updatedPerson = { ...karthik, ...newPerson, updated_at: RECORD_TIME };

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
          expect(await c.listContacts()).toEqual([seedContact]);
          expect(c.lastAnswer).toEqual(answerInfo('SANDBOX'));
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
        .willRespondWith(200, (b) => b.jsonBody(txn('addContact', 'Contact Added Successfully', addedContact)))
        .executeTest(async (server) => {
          const added = await client(server.url).addContact({ ...newContact, tagIds: [INSTANTPAY.tag] });
          expect(added).toEqual(addedContact);
          expect(added).not.toHaveProperty('tagId');
        }));

    it('PATCH updates a contact and answers it with the tags sent', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a contact')
        .withRequest('PATCH', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...contactUpdate, tagDetails: [{ tagId: INSTANTPAY.seedResponseTag }] }))
        .willRespondWith(200, (b) => b.jsonBody(txn('updateContact', 'Contact Updated Successfully', updatedContact)))
        .executeTest(async (server) => {
          const updated = await client(server.url).updateContact({ ...contactUpdate, tagIds: [INSTANTPAY.seedResponseTag] });
          expect(updated).toEqual(updatedContact);
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
          await rejectsWith(client(server.url).updateContact({ ...contactUpdate, contactId: UNKNOWN_ID, tagIds: [INSTANTPAY.tag] }), 'ERR', 'No Record Found');
        }));

    it('POST with a mobile that is not 10 digits fails with RPI under HTTP 200', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the addition of a contact with a short mobile number')
        .withRequest('POST', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...newContact, mobile: '98765', tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) => b.jsonBody(failure('addContact', 'RPI', 'The mobile must be 10 digits.')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).addContact({ ...newContact, mobile: '98765', tagIds: [INSTANTPAY.tag] }), 'RPI', 'The mobile must be 10 digits.');
        }));

    it('PATCH while the update fails inside answers ISE under HTTP 500 (5XX)', () =>
      pact
        .addInteraction()
        .given('instantpay/system-error-then-recover')
        .uponReceiving('an update of a contact while Instantpay fails with HTTP 500')
        .withRequest('PATCH', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...contactUpdate, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(500, (b) => b.jsonBody(failure('updateContact', 'ISE', 'System Error', 500)))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateContact({ ...contactUpdate, tagIds: [INSTANTPAY.tag] }), 'ISE', 'System Error', 500);
        }));

    it('POST while writes are pending answers TUP, which the client reports as pending', () =>
      pact
        .addInteraction()
        .given('instantpay/pending')
        .uponReceiving('the addition of a contact while writes are pending')
        .withRequest('POST', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...newContact, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) => b.jsonBody(failure('addContact', 'TUP', 'Transaction Under Process')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).addContact({ ...newContact, tagIds: [INSTANTPAY.tag] }), 'TUP', 'Transaction Under Process');
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
          const error = await rejectsWith(client(server.url).listContacts(), 'SPD', 'Service Provider Downtime');
          expect(error.pending).toBe(false);
        }));

    it('DELETE deletes a contact (the id in a JSON body)', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a contact')
        .withRequest('DELETE', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ contactId: INSTANTPAY.contact }))
        .willRespondWith(200, (b) => b.jsonBody(txn('deleteContact', 'Contact Deleted successfully', null)))
        .executeTest(async (server) => {
          expect(await client(server.url).deleteContact(INSTANTPAY.contact)).toBeUndefined();
        }));

    it('DELETE of an unknown contact answers ERR under HTTP 404 when failures have HTTP statuses (4XX)', () =>
      pact
        .addInteraction()
        .given('instantpay/http-errors')
        .uponReceiving('the deletion of an unknown contact with HTTP error statuses')
        .withRequest('DELETE', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ contactId: UNKNOWN_ID }))
        .willRespondWith(404, (b) => b.jsonBody(failure('deleteContact', 'ERR', 'No Record Found', 404)))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).deleteContact(UNKNOWN_ID), 'ERR', 'No Record Found', 404);
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
        .withRequest('POST', '/contacts/tag', (b) => b.headers(withJson()).jsonBody(newTag))
        .willRespondWith(200, (b) => b.jsonBody(txn('addTag', 'Tag Added Successfully', addedTag)))
        .executeTest(async (server) => {
          expect(await client(server.url).addTag(newTag)).toEqual(addedTag);
        }));

    it('PATCH updates a tag and answers 1', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a tag')
        .withRequest('PATCH', '/contacts/tag', (b) => b.headers(withJson()).jsonBody({ tagId: INSTANTPAY.tag, name: 'Key accounts', hexColorCode: '#FF1934' }))
        .willRespondWith(200, (b) => b.jsonBody(txn('updateTag', 'Tag Updated Successfully', 1)))
        .executeTest(async (server) => {
          expect(await client(server.url).updateTag(INSTANTPAY.tag, { name: 'Key accounts', hexColorCode: '#FF1934' })).toBeUndefined();
        }));

    it('DELETE deletes a tag', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a tag')
        .withRequest('DELETE', '/contacts/tag', (b) => b.headers(withJson()).jsonBody({ tagId: INSTANTPAY.tag }))
        .willRespondWith(200, (b) => b.jsonBody(txn('deleteTag', 'Tag Deleted successfully', null)))
        .executeTest(async (server) => {
          expect(await client(server.url).deleteTag(INSTANTPAY.tag)).toBeUndefined();
        }));

    it('GET during a system error answers ISE under HTTP 200', () =>
      pact
        .addInteraction()
        .given('instantpay/system-error')
        .uponReceiving('a list of tags during a system error')
        .withRequest('GET', '/contacts/tag', (b) => b.headers(ipayHeaders()))
        .willRespondWith(200, (b) => b.jsonBody(failure('listTags', 'ISE', 'System Error')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).listTags(), 'ISE', 'System Error');
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
          expect(await client(server.url).listPersons(INSTANTPAY.contact)).toEqual([karthik]);
        }));

    it('POST adds a person to a contact', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the addition of a person')
        .withRequest('POST', '/contacts/person', (b) => b.headers(withJson()).jsonBody(newPerson))
        .willRespondWith(200, (b) => b.jsonBody(txn('addPerson', 'Contact Person Added Successfully', addedPerson)))
        .executeTest(async (server) => {
          expect(await client(server.url).addPerson(newPerson)).toEqual(addedPerson);
        }));

    it('PATCH updates a person', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a person')
        .withRequest('PATCH', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ personId: INSTANTPAY.person, ...newPerson }))
        .willRespondWith(200, (b) => b.jsonBody(txn('updatePerson', 'Contact Person Updated Successfully', updatedPerson)))
        .executeTest(async (server) => {
          expect(await client(server.url).updatePerson(INSTANTPAY.person, newPerson)).toEqual(updatedPerson);
        }));

    it('DELETE deletes a person', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the deletion of a person')
        .withRequest('DELETE', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ gcId: INSTANTPAY.contact, personId: INSTANTPAY.person }))
        .willRespondWith(200, (b) => b.jsonBody(txn('deletePerson', 'Person Deleted successfully', null)))
        .executeTest(async (server) => {
          expect(await client(server.url).deletePerson(INSTANTPAY.contact, INSTANTPAY.person)).toBeUndefined();
        }));

    it('GET when the user is denied access answers UAD', () =>
      pact
        .addInteraction()
        .given('instantpay/access-denied')
        .uponReceiving('a list of persons while the user is denied access')
        .withRequest('GET', '/contacts/person', (b) => b.headers(withJson()).jsonBody({ gcId: INSTANTPAY.contact }))
        .willRespondWith(200, (b) => b.jsonBody(failure('listPersons', 'UAD', 'User Access Denied')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).listPersons(INSTANTPAY.contact), 'UAD', 'User Access Denied');
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
          expect(await c.listTags()).toEqual([sampleTag]);
          expect(c.lastAnswer).toEqual(answerInfo(environment));
        }),
    );

    it.each([
      {
        why: 'a wrong client secret',
        scenario: 'default',
        description: 'a list of tags with a wrong client secret',
        secret: WRONG_SECRET,
        httpStatus: 200,
        environment: 'SANDBOX',
      },
      {
        why: 'a wrong client secret (4XX)',
        scenario: 'instantpay/http-errors',
        description: 'a list of tags with a wrong client secret and HTTP error statuses',
        secret: WRONG_SECRET,
        httpStatus: 401,
        environment: 'SANDBOX',
      },
      {
        why: 'sandbox credentials on the production board',
        scenario: 'instantpay/live',
        description: 'a list of tags with sandbox credentials on the production board',
        secret: INSTANTPAY.sandbox.clientSecret,
        httpStatus: 200,
        environment: 'LIVE',
      },
    ] as const)('$why answers IAC under HTTP $httpStatus', ({ scenario, description, secret, httpStatus, environment }) =>
      pact
        .addInteraction()
        .given(scenario)
        .uponReceiving(description)
        .withRequest('GET', '/contacts/tag', (b) => b.headers(ipayHeaders('sandbox', secret)))
        .willRespondWith(httpStatus, (b) => b.jsonBody(failure('listTags', 'IAC', 'Invalid Dealer Credentials', httpStatus, environment)))
        .executeTest(async (server) => {
          const c = client(server.url, 'sandbox', secret);
          await rejectsWith(c.listTags(), 'IAC', 'Invalid Dealer Credentials', httpStatus, environment);
          expect(c.lastAnswer).toEqual(answerInfo(environment));
        }),
    );
  });

  describe('records a provider state with parameters makes (docs/provider-states.md)', () => {
    /** Its ObjectId's first 8 hex digits are 2024-03-13T12:57:23Z: the state creates it then. */
    const MADE = { contactId: '65f1a2b3c4d5e6f708192a3b', companyName: 'Pact Traders', tagIds: [INSTANTPAY.tag] };
    const update = { contactId: MADE.contactId, name: 'Pact Contact', email: 'pact.contact@example.com', mobile: '9876543210' };

    it('PATCH updates a contact the state made; its companyName and created_at stay the state’s', () =>
      pact
        .addInteraction()
        .given('an Instantpay contact', MADE)
        .uponReceiving('an update of a contact a provider state made')
        .withRequest('PATCH', '/contacts/profile', (b) => b.headers(withJson()).jsonBody({ ...update, tagDetails: [{ tagId: INSTANTPAY.tag }] }))
        .willRespondWith(200, (b) => {
          const { contactId: _id, ...fields } = update;
          const made = {
            _id,
            userId: SANDBOX_USER,
            ...fields,
            callingCode: '91',
            companyName: MADE.companyName,
            tagId: MADE.tagIds,
            updated_at: RECORD_TIME,
            created_at: '2024-03-13T12:57:23.000000Z',
          };
          const body = txn('updateContact', 'Contact Updated Successfully', made) as { data: object };
          // What the parameters made, pinned (Update Contact keeps companyName, docs/vendors/instantpay.md I-5).
          return b.jsonBody({ ...body, data: { ...body.data, _id: MADE.contactId, companyName: MADE.companyName, created_at: made.created_at } });
        })
        .executeTest(async (server) => {
          const updated = await client(server.url).updateContact({ ...update, tagIds: [INSTANTPAY.tag] });
          expect([updated._id, updated.companyName, updated.created_at]).toEqual([MADE.contactId, MADE.companyName, '2024-03-13T12:57:23.000000Z']);
        }));
  });
});
