import { MatchersV3 as M, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { LoyaltiiApiError, LoyaltiiClient, type LoyaltiiContact, type LoyaltiiCredentials } from '../../mock-server/src/clients/loyaltii.js';
import { responseBodyMatchers, responseHeaderMatchers } from '../../mock-server/src/pact-matchers.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { LOYALTII } from '../helpers/identities.js';
import { CONSUMER, expectCommittedPact, pactOutputDir, rejection } from './pact-files.js';

const PROVIDER = 'loyaltii-contacts';
const dir = pactOutputDir();
expectCommittedPact(dir, PROVIDER);
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'warn' });
const contract = contractOf('loyaltii');

const { contact1, contact2 } = LOYALTII;
const contactPath = (id: number) => `/api/v1/Contacts/${id}`;
const UNKNOWN_ID = 404404;
const UNKNOWN_TOKEN = '0000000000000000000000000000000000000000';
const read = (token: string = LOYALTII.token) => ({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
const write = { ...read(), 'Content-Type': 'application/json' };
const client = (url: string, credentials: LoyaltiiCredentials = { bearer: LOYALTII.token }) => new LoyaltiiClient({ baseUrl: url, credentials });

/** Contact 1 as the default fixtures hold it; Version, LastModified and every generated value become matchers. */
const CONTACT_1: LoyaltiiContact = {
  Id: contact1.id,
  Secret: contact1.secret,
  RegistrationDateTime: '2024-11-21T06:45:32.6938828+00:00',
  RegistrationSource: 'webshop',
  RegistrationIp: '127.0.0.1',
  LastModified: '2025-10-01T08:30:00.1234567+00:00',
  Version: contact1.version,
  RegistrationStoreId: 1,
  Email: contact1.email,
  PhoneCountryCode: '+46',
  Phone: contact1.phone,
  FirstName: 'Anna',
  LastName: 'Lindqvist',
  LimitMailsPermanently: false,
  LimitMailsTemporarilyUntil: null,
  PreferredStoreId: LOYALTII.store,
  ContactCompanyId: null,
  LatestPermissionSource: 'webshop-checkout',
};
/** What a successful write answers: the same contact with a new Version and LastModified. */
const WRITTEN_VERSION = 'AAAAAAAAB9k=';
const WRITTEN_AT = '2026-03-02T10:00:00.0000000+00:00';

const contactBody = (op: string, status: number, contact: LoyaltiiContact) => responseBodyMatchers(contract, op, status, contact);
// Texts are pinned literally: they are the framework's fixed messages, and a client shows or matches them.
const httpError = (message: string) => ({ Message: message });
const invalidModel = (key: string, message: string) => ({ Message: 'The request is invalid.', ModelState: { [key]: [message] } });
const challenge = (op: string, value: string) => responseHeaderMatchers(contract, op, 401, { 'WWW-Authenticate': value });
const AN_ERROR = 'An error has occurred.';
const DENIED = 'Authorization has been denied for this request.';
const TOO_LONG_NAME = 'A'.repeat(51);

/** The client must fail with this status. */
async function rejectsWith(call: Promise<unknown>, status: number): Promise<LoyaltiiApiError> {
  const error = await rejection(call, LoyaltiiApiError);
  expect(error.status).toBe(status);
  return error;
}

describe(`${CONSUMER} → ${PROVIDER}`, () => {
  describe('GET a contact by id (getContact)', () => {
    it('200 with the contact', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a contact by id')
        .withRequest('GET', contactPath(contact1.id), (b) => b.headers(read()))
        .willRespondWith(200, (b) => b.jsonBody(contactBody('getContact', 200, CONTACT_1)))
        .executeTest(async (server) => {
          expect(await client(server.url).getContact(contact1.id)).toEqual(CONTACT_1);
        }));

    it('200 with Basic credentials where the account uses them', () =>
      pact
        .addInteraction()
        .given('loyaltii/basic-auth')
        .uponReceiving('a contact by id with Basic credentials')
        .withRequest('GET', contactPath(contact1.id), (b) =>
          b.headers({ Authorization: `Basic ${Buffer.from(`${LOYALTII.basic.user}:${LOYALTII.basic.password}`).toString('base64')}`, Accept: 'application/json' }),
        )
        .willRespondWith(200, (b) => b.jsonBody(contactBody('getContact', 200, CONTACT_1)))
        .executeTest(async (server) => {
          expect((await client(server.url, { basic: LOYALTII.basic }).getContact(contact1.id)).Id).toBe(contact1.id);
        }));

    it('401 with the Bearer challenge for an unknown token', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a contact by id with an unknown token')
        .withRequest('GET', contactPath(contact1.id), (b) => b.headers(read(UNKNOWN_TOKEN)))
        .willRespondWith(401, (b) => b.headers(challenge('getContact', 'Bearer')).jsonBody(httpError(DENIED)))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url, { bearer: UNKNOWN_TOKEN }).getContact(contact1.id), 401);
          expect([error.errorMessage, error.challenge]).toEqual([DENIED, 'Bearer']);
        }));

    it('404 without a body for an unknown id', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an unknown contact by id')
        .withRequest('GET', contactPath(UNKNOWN_ID), (b) => b.headers(read()))
        .willRespondWith(404)
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).getContact(UNKNOWN_ID), 404);
          expect(error.errorMessage).toBeUndefined();
        }));

    it('500 with Web API’s message while Loyaltii fails', () =>
      pact
        .addInteraction()
        .given('loyaltii/server-error')
        .uponReceiving('a contact by id while Loyaltii fails')
        .withRequest('GET', contactPath(contact1.id), (b) => b.headers(read()))
        .willRespondWith(500, (b) => b.jsonBody(httpError(AN_ERROR)))
        .executeTest(async (server) => {
          expect((await rejectsWith(client(server.url).getContact(contact1.id), 500)).errorMessage).toBe(AN_ERROR);
        }));
  });

  describe('GET a contact by secret (getContactBySecret)', () => {
    it('200 with the contact, passing the end user’s ip', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a contact by secret and ip')
        .withRequest('GET', '/api/v1/Contacts', (b) => b.headers(read()).query({ secret: contact1.secret, ip: '192.0.2.10' }))
        .willRespondWith(200, (b) => b.jsonBody(contactBody('getContactBySecret', 200, CONTACT_1)))
        .executeTest(async (server) => {
          expect(await client(server.url).getContactBySecret(contact1.secret, '192.0.2.10')).toEqual(CONTACT_1);
        }));

    it('404 for an unknown secret', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a contact by an unknown secret')
        .withRequest('GET', '/api/v1/Contacts', (b) => b.headers(read()).query({ secret: '00000000000000000000000000000000' }))
        .willRespondWith(404)
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).getContactBySecret('00000000000000000000000000000000'), 404);
        }));
  });

  describe('GET registrations (getRegistrations)', () => {
    it('200 with the contacts a source registered', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the registrations of a source')
        .withRequest('GET', '/api/v1/Contacts/Registration', (b) => b.headers(read()).query({ source: 'webshop' }))
        .willRespondWith(200, (b) =>
          b.jsonBody(
            responseBodyMatchers(contract, 'getRegistrations', 200, [
              { Id: contact1.id, RegistrationDateTime: CONTACT_1.RegistrationDateTime, RegistrationSource: 'webshop', RegistrationIp: CONTACT_1.RegistrationIp },
            ]),
          ),
        )
        .executeTest(async (server) => {
          const registrations = await client(server.url).getRegistrations({ source: 'webshop' });
          expect(registrations[0]?.RegistrationSource).toBe('webshop');
        }));

    it('400 with ModelState for a timespan that is no Int32', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the registrations of a timespan beyond Int32')
        .withRequest('GET', '/api/v1/Contacts/Registration', (b) => b.headers(read()).query({ timespan: '2147483648' }))
        .willRespondWith(400, (b) => b.jsonBody(invalidModel('timespan', "The value '2147483648' is not valid for Nullable`1.")))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).getRegistrations({ timespan: 2147483648 }), 400);
          expect(Object.keys(error.modelState ?? {})).toEqual(['timespan']);
        }));
  });

  describe('POST a contact (createContact)', () => {
    const NEW = {
      RegistrationSource: 'webshop',
      RegistrationIp: '192.0.2.10',
      Email: 'jane.doe@example.com',
      FirstName: 'Jane',
      LastName: 'Doe',
      PreferredStoreId: LOYALTII.store,
    };

    it('201 with the new contact and its Location', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the creation of a contact')
        .withRequest('POST', '/api/v1/Contacts', (b) => b.headers(write).jsonBody(NEW))
        .willRespondWith(201, (b) =>
          b
            // The contract declares a URI without a pattern; Web API's CreatedAtRoute makes it absolute, ending in the new Id.
            .headers({ Location: M.regex('^https?://[^/]+/api/v1/Contacts/\\d+$', 'http://127.0.0.1:4010/api/v1/Contacts/9') })
            .jsonBody(
              contactBody('createContact', 201, {
                ...CONTACT_1,
                ...NEW,
                Id: 9,
                Secret: 'e5b7c0d2a4f6183b9c1d3e5f7a9b0c2d',
                RegistrationDateTime: WRITTEN_AT,
                LastModified: WRITTEN_AT,
                Version: WRITTEN_VERSION,
                RegistrationStoreId: null,
                PhoneCountryCode: null,
                Phone: null,
                LatestPermissionSource: null,
              }),
            ),
        )
        .executeTest(async (server) => {
          const created = await client(server.url).createContact(NEW);
          expect(created.location).toBe(`http://127.0.0.1:4010/api/v1/Contacts/${created.contact.Id}`);
          expect(created.contact).toMatchObject(NEW);
        }));

    it('400 with ModelState for a first name over 50 characters', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('the creation of a contact with a first name over 50 characters')
        .withRequest('POST', '/api/v1/Contacts', (b) => b.headers(write).jsonBody({ RegistrationSource: 'webshop', FirstName: TOO_LONG_NAME }))
        .willRespondWith(400, (b) => b.jsonBody(invalidModel('createContactDto.FirstName', 'The field FirstName must be a string with a maximum length of 50.')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).createContact({ RegistrationSource: 'webshop', FirstName: TOO_LONG_NAME }), 400);
          expect(error.modelState).toEqual({ 'createContactDto.FirstName': ['The field FirstName must be a string with a maximum length of 50.'] });
        }));

    it('409 without a body when the email is taken', () =>
      pact
        .addInteraction()
        .given('loyaltii/duplicate-email')
        .uponReceiving('the creation of a contact whose email is taken')
        .withRequest('POST', '/api/v1/Contacts', (b) => b.headers(write).jsonBody(NEW))
        .willRespondWith(409)
        .executeTest(async (server) => {
          expect((await rejectsWith(client(server.url).createContact(NEW), 409)).current).toBeUndefined();
        }));
  });

  describe('PUT a contact (updateContact)', () => {
    const {
      Id: _id,
      Secret: _secret,
      RegistrationDateTime: _at,
      RegistrationSource: _source,
      RegistrationIp: _ip,
      LastModified: _modified,
      RegistrationStoreId: _store,
      ...fields
    } = CONTACT_1;
    const replacement = { ...fields, FirstName: 'Annie' };

    it('200 with the contact, a new Version and LastModified', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a contact with its current Version')
        .withRequest('PUT', contactPath(contact1.id), (b) => b.headers(write).jsonBody(replacement))
        .willRespondWith(200, (b) => b.jsonBody(contactBody('updateContact', 200, { ...CONTACT_1, FirstName: 'Annie', Version: WRITTEN_VERSION, LastModified: WRITTEN_AT })))
        .executeTest(async (server) => {
          const updated = await client(server.url).updateContact(contact1.id, replacement);
          expect(updated.FirstName).toBe('Annie');
        }));

    it('400 with ModelState for a last name over 50 characters', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a contact with a last name over 50 characters')
        .withRequest('PUT', contactPath(contact1.id), (b) => b.headers(write).jsonBody({ ...replacement, LastName: TOO_LONG_NAME }))
        .willRespondWith(400, (b) => b.jsonBody(invalidModel('updateContactDto.LastName', 'The field LastName must be a string with a maximum length of 50.')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).updateContact(contact1.id, { ...replacement, LastName: TOO_LONG_NAME }), 400);
          expect(error.modelState).toEqual({ 'updateContactDto.LastName': ['The field LastName must be a string with a maximum length of 50.'] });
        }));

    it('404 for an unknown id', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of an unknown contact')
        .withRequest('PUT', contactPath(UNKNOWN_ID), (b) => b.headers(write).jsonBody(replacement))
        .willRespondWith(404)
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateContact(UNKNOWN_ID, replacement), 404);
        }));

    it('409 with the current contact when the phone is taken', () =>
      pact
        .addInteraction()
        .given('loyaltii/duplicate-phone')
        .uponReceiving('an update of a contact whose new phone is taken')
        .withRequest('PUT', contactPath(contact1.id), (b) => b.headers(write).jsonBody({ ...replacement, Phone: contact2.phone }))
        .willRespondWith(409, (b) => b.jsonBody(contactBody('updateContact', 409, CONTACT_1)))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).updateContact(contact1.id, { ...replacement, Phone: contact2.phone }), 409);
          expect(error.current).toEqual(CONTACT_1);
        }));
  });

  describe('PATCH a contact (patchContact)', () => {
    const rename = { Version: contact1.version, FirstName: 'Ann' };

    it('200 with the contact, a new Version and LastModified', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a patch of a first name with the current Version')
        .withRequest('PATCH', contactPath(contact1.id), (b) => b.headers(write).jsonBody(rename))
        .willRespondWith(200, (b) => b.jsonBody(contactBody('patchContact', 200, { ...CONTACT_1, FirstName: 'Ann', Version: WRITTEN_VERSION, LastModified: WRITTEN_AT })))
        .executeTest(async (server) => {
          const patched = await client(server.url).patchContact(contact1.id, rename);
          expect([patched.FirstName, patched.Version]).toEqual(['Ann', WRITTEN_VERSION]);
        }));

    it('200 clearing the email with ""', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a patch clearing the email')
        .withRequest('PATCH', contactPath(contact1.id), (b) => b.headers(write).jsonBody({ Version: contact1.version, Email: '' }))
        .willRespondWith(200, (b) => b.jsonBody(contactBody('patchContact', 200, { ...CONTACT_1, Email: null, Version: WRITTEN_VERSION, LastModified: WRITTEN_AT })))
        .executeTest(async (server) => {
          expect((await client(server.url).patchContact(contact1.id, { Version: contact1.version, Email: '' })).Email).toBeNull();
        }));

    it('400 with ModelState for a first name over 50 characters', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a patch of a first name over 50 characters')
        .withRequest('PATCH', contactPath(contact1.id), (b) => b.headers(write).jsonBody({ Version: contact1.version, FirstName: TOO_LONG_NAME }))
        .willRespondWith(400, (b) => b.jsonBody(invalidModel('patchContactDto.FirstName', 'The field FirstName must be a string with a maximum length of 50.')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).patchContact(contact1.id, { Version: contact1.version, FirstName: TOO_LONG_NAME }), 400);
          expect(error.modelState).toEqual({ 'patchContactDto.FirstName': ['The field FirstName must be a string with a maximum length of 50.'] });
        }));

    it('401 for an unknown token', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a patch with an unknown token')
        .withRequest('PATCH', contactPath(contact1.id), (b) => b.headers({ ...read(UNKNOWN_TOKEN), 'Content-Type': 'application/json' }).jsonBody(rename))
        .willRespondWith(401, (b) => b.headers(challenge('patchContact', 'Bearer')).jsonBody(httpError(DENIED)))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url, { bearer: UNKNOWN_TOKEN }).patchContact(contact1.id, rename), 401);
          expect([error.errorMessage, error.challenge]).toEqual([DENIED, 'Bearer']);
        }));

    it('404 for an unknown id', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a patch of an unknown contact')
        .withRequest('PATCH', contactPath(UNKNOWN_ID), (b) => b.headers(write).jsonBody(rename))
        .willRespondWith(404)
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).patchContact(UNKNOWN_ID, rename), 404);
        }));

    it('409 with the current contact when someone else saved it since it was read', () =>
      pact
        .addInteraction()
        .given('loyaltii/concurrent-edit')
        .uponReceiving('a patch with a Version someone else has moved on')
        .withRequest('PATCH', contactPath(contact1.id), (b) => b.headers(write).jsonBody(rename))
        .willRespondWith(409, (b) => b.jsonBody(contactBody('patchContact', 409, { ...CONTACT_1, Version: WRITTEN_VERSION, LastModified: WRITTEN_AT })))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).patchContact(contact1.id, rename), 409);
          // What a careful client retries with: the Version the contact has now.
          expect(error.current).toEqual({ ...CONTACT_1, Version: WRITTEN_VERSION, LastModified: WRITTEN_AT });
        }));

    it('500 with Web API’s message while Loyaltii fails', () =>
      pact
        .addInteraction()
        .given('loyaltii/server-error-then-recover')
        .uponReceiving('a patch while Loyaltii fails')
        .withRequest('PATCH', contactPath(contact1.id), (b) => b.headers(write).jsonBody(rename))
        .willRespondWith(500, (b) => b.jsonBody(httpError(AN_ERROR)))
        .executeTest(async (server) => {
          expect((await rejectsWith(client(server.url).patchContact(contact1.id, rename), 500)).errorMessage).toBe(AN_ERROR);
        }));
  });

  describe('PATCH contacts by key (patchContacts)', () => {
    it('200 with the keys patched and the keys not found', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('a bulk patch limiting mails for two contacts and an unknown key')
        .withRequest('PATCH', '/api/v1/Contacts', (b) =>
          b.headers(write).jsonBody({ KeyType: 'Id', Keys: ['1', '2', String(UNKNOWN_ID)], Fields: { LimitMailsPermanently: true } }),
        )
        .willRespondWith(200, (b) => b.jsonBody({ Updated: ['1', '2'], NotFound: [String(UNKNOWN_ID)] }))
        .executeTest(async (server) => {
          expect(await client(server.url).patchContacts([contact1.id, contact2.id, UNKNOWN_ID], { LimitMailsPermanently: true })).toEqual({
            Updated: ['1', '2'],
            NotFound: [String(UNKNOWN_ID)],
          });
        }));

    it('409 without a body when the email is taken', () =>
      pact
        .addInteraction()
        .given('loyaltii/duplicate-email')
        .uponReceiving('a bulk patch setting an email that is taken')
        .withRequest('PATCH', '/api/v1/Contacts', (b) => b.headers(write).jsonBody({ KeyType: 'Id', Keys: ['2'], Fields: { Email: 'erik.j@example.com' } }))
        .willRespondWith(409)
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).patchContacts([contact2.id], { Email: 'erik.j@example.com' }), 409);
        }));
  });

  describe('records a provider state with parameters makes (docs/provider-states.md)', () => {
    /** Contact 4242 with Version AAAAAAAAJxA= (rowversion 10000): a PATCH must send exactly that Version. */
    const MADE = { id: 4242, version: 'AAAAAAAAJxA=', email: 'pact.contact@example.com', firstName: 'Pact', lastName: 'Contact' };
    const patch = { Version: MADE.version, FirstName: 'Ada' };

    it('PATCH with the Version the state gave: 200 with the state’s values and the patch', () =>
      pact
        .addInteraction()
        .given('a Loyaltii contact', MADE)
        .uponReceiving('a patch of a contact a provider state made, with its Version')
        .withRequest('PATCH', contactPath(MADE.id), (b) => b.headers(write).jsonBody(patch))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            ...(contactBody('patchContact', 200, {
              ...CONTACT_1,
              Id: MADE.id,
              Email: MADE.email,
              LastName: MADE.lastName,
              FirstName: 'Ada',
              Version: 'AAAAAAAAJxE=',
              // A new contact of the state has no store, company, mail limit or permission source.
              RegistrationStoreId: null,
              PreferredStoreId: null,
              LatestPermissionSource: null,
            }) as object),
            // What the parameters made, pinned: a state that dropped them would answer another contact (or none).
            Id: MADE.id,
            Email: MADE.email,
            LastName: MADE.lastName,
            FirstName: 'Ada',
          }),
        )
        .executeTest(async (server) => {
          const patched = await client(server.url).patchContact(MADE.id, patch);
          expect([patched.Id, patched.Email, patched.FirstName, patched.LastName]).toEqual([MADE.id, MADE.email, 'Ada', MADE.lastName]);
        }));
  });
});
