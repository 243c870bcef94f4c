import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../mock-server/src/core/paths.js';
import { createSandbox } from '../../../mock-server/src/index.js';
import { LOYALTII } from '../../helpers/identities.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { BEARER, checked, CONTACT_1, contactPath, INVALID, loyaltiiClient, NEXT_VERSIONS, NOW } from './client.js';

const t = useSandbox();
const { contact1, contact2 } = LOYALTII;
const AN_ERROR = 'An error has occurred.';
const CONTACTS = '/api/v1/Contacts';
/** The default fixtures as committed (the generated contacts' registration data). */
const FIXTURE_CONTACTS = JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/loyaltii/default/contacts.json'), 'utf8')) as {
  Id: number;
  Account: string;
  Secret: string;
  RegistrationDateTime: string;
  RegistrationSource: string;
  RegistrationIp: string;
}[];
const registered = (ids: readonly number[]) =>
  FIXTURE_CONTACTS.filter((c) => ids.includes(c.Id)).map(({ Id, RegistrationDateTime, RegistrationSource, RegistrationIp }) => ({
    Id,
    RegistrationDateTime,
    RegistrationSource,
    RegistrationIp,
  }));

describe('GET /api/v1/Contacts/{id} (suggested, docs/vendors/loyaltii.md §3.5)', () => {
  it('answers the ReadContactDto', async () => {
    const res = await loyaltiiClient(t, t.newSession()).get(contactPath(1));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual(CONTACT_1);
    expect(res).toMatchContract('loyaltii', 'getContact');
  });

  it.each([
    ['an unknown id', 404404],
    ["another account's contact", LOYALTII.contactOfSecondAccount],
  ])('answers 404 without a body for %s', async (_case, id) => {
    const res = await loyaltiiClient(t, t.newSession()).get(contactPath(id));
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
    expect(res).toMatchContract('loyaltii', 'getContact');
  });

  it('lets the second account read its own contact 8 with its own token', async () => {
    const res = checked(await t.session().get(contactPath(8)).set('Authorization', `Bearer ${LOYALTII.secondAccountToken}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ Id: 8, Email: contact1.email, Phone: contact1.phone });
  });
});

describe('PUT /api/v1/Contacts/{id} (the PUT help page)', () => {
  it('replaces every field (absent = null), keeps ProfileLastUpdated, stores NewPassword, and moves Version on', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('put', contactPath(2), { Version: contact2.version, NewPassword: 'pw', Email: contact2.email, FirstName: 'Erik', PreferredStoreId: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      Id: 2,
      Secret: '9b8a7c6d5e4f30211a2b3c4d5e6f7081',
      RegistrationDateTime: '2025-02-14T17:05:11.0451230+00:00',
      RegistrationSource: 'store',
      RegistrationIp: '192.0.2.44',
      LastModified: NOW,
      Version: NEXT_VERSIONS[0],
      RegistrationStoreId: 2,
      Email: contact2.email,
      PhoneCountryCode: null,
      Phone: null,
      FirstName: 'Erik',
      LastName: null,
      LimitMailsPermanently: false,
      LimitMailsTemporarilyUntil: null,
      PreferredStoreId: 1,
      ContactCompanyId: null,
      LatestPermissionSource: null,
    });
    expect(res).toMatchContract('loyaltii', 'updateContact');
    expect(await client.stored(2)).toMatchObject({ Password: 'pw', ProfileLastUpdated: '2025-09-12T12:00:00.5000000+00:00' });
  });

  it("accepts the contract's example body", async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('put', contactPath(1), {
      Version: contact1.version,
      Email: contact1.email,
      PhoneCountryCode: '+46',
      Phone: contact1.phone,
      FirstName: 'Annie',
      LastName: 'Lindqvist',
      LimitMailsPermanently: false,
      LimitMailsTemporarilyUntil: null,
      PreferredStoreId: 1,
      ContactCompanyId: null,
      LatestPermissionSource: 'webshop-checkout',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...CONTACT_1, FirstName: 'Annie', Version: NEXT_VERSIONS[0], LastModified: NOW });
  });

  it.each([
    ['a stale Version (concurrent update)', { Version: 'AAAAAAAAB9A=' }],
    ['the Email of another contact', { Email: contact2.email }],
    ['the Phone of another contact', { Phone: contact2.phone }],
    ['an unknown PreferredStoreId', { PreferredStoreId: LOYALTII.unknownStore }],
    ["a store of the other account's", { PreferredStoreId: 4 }],
  ])('answers 409 with the latest contact for %s, changing nothing', async (_case, change) => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('put', contactPath(1), { Version: contact1.version, Email: contact1.email, FirstName: 'Changed', ...change });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(CONTACT_1);
    expect(res).toMatchContract('loyaltii', 'updateContact');
    expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
  });

  it('keys its ModelState by its own parameter, updateContactDto', async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('put', contactPath(1), { LastName: 'l'.repeat(51) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      Message: INVALID,
      ModelState: {
        'updateContactDto.Version': ['The Version field is required.'],
        'updateContactDto.LastName': ['The field LastName must be a string with a maximum length of 50.'],
      },
    });
    expect(res).toMatchContract('loyaltii', 'updateContact');
  });

  it('answers 404 for an unknown id', async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('put', contactPath(99), { Version: contact1.version });
    expect(res.status).toBe(404);
    expect(res).toMatchContract('loyaltii', 'updateContact');
  });
});

describe('POST /api/v1/Contacts (the POST help page)', () => {
  it('creates the contact: 201, Location, the ReadContactDto with a new Id, secret and rowversion', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('post', CONTACTS, {
      RegistrationSource: 'webshop',
      RegistrationIp: '192.0.2.10',
      Email: 'jane.doe@example.com',
      FirstName: 'Jane',
      LastName: 'Doe',
      PreferredStoreId: 1,
    });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`${t.url}/api/v1/Contacts/9`);
    expect(res.body).toEqual({
      Id: 9,
      Secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      RegistrationDateTime: NOW,
      RegistrationSource: 'webshop',
      RegistrationIp: '192.0.2.10',
      LastModified: NOW,
      Version: NEXT_VERSIONS[0],
      RegistrationStoreId: null,
      Email: 'jane.doe@example.com',
      PhoneCountryCode: null,
      Phone: null,
      FirstName: 'Jane',
      LastName: 'Doe',
      LimitMailsPermanently: false,
      LimitMailsTemporarilyUntil: null,
      PreferredStoreId: 1,
      ContactCompanyId: null,
      LatestPermissionSource: null,
    });
    expect(res).toMatchContract('loyaltii', 'createContact');
    expect((await client.get(contactPath(9))).body).toEqual(res.body);
    expect((await client.get(`${CONTACTS}?secret=${res.body.Secret}`)).body).toEqual(res.body);
  });

  it("defaults RegistrationIp to the caller's address and reads a RegistrationDateTime without offset in the server's", async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('post', CONTACTS, { RegistrationSource: 'store', RegistrationDateTime: '2026-02-01T09:30:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ RegistrationIp: '127.0.0.1', RegistrationDateTime: '2026-02-01T09:30:00.0000000+00:00', LastModified: NOW });
  });

  it.each([
    ['an Email another contact holds (any case)', { Email: contact1.email.toUpperCase() }],
    ['a Phone another contact holds', { Phone: contact2.phone }],
    ['an unknown PreferredStoreId', { PreferredStoreId: LOYALTII.unknownStore }],
  ])('answers an empty 409 for %s, creating nothing', async (_case, fields) => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('post', CONTACTS, { RegistrationSource: 'webshop', ...fields });
    expect(res.status).toBe(409);
    expect(res.text).toBe('');
    expect(res).toMatchContract('loyaltii', 'createContact');
    expect((await client.get(contactPath(9))).status).toBe(404);
  });

  it.each([
    ['no RegistrationSource', {}, { 'createContactDto.RegistrationSource': ['The RegistrationSource field is required.'] }],
    ['an empty RegistrationSource ([Required] refuses "")', { RegistrationSource: '' }, { 'createContactDto.RegistrationSource': ['The RegistrationSource field is required.'] }],
    [
      'a RegistrationSource over 50 characters',
      { RegistrationSource: 's'.repeat(51) },
      { 'createContactDto.RegistrationSource': ['The field RegistrationSource must be a string with a maximum length of 50.'] },
    ],
    [
      'a RegistrationIp over 16 characters',
      { RegistrationSource: 'x', RegistrationIp: '1'.repeat(17) },
      { 'createContactDto.RegistrationIp': ['The field RegistrationIp must be a string with a maximum length of 16.'] },
    ],
    ['a RegistrationStoreId that is no integer', { RegistrationSource: 'x', RegistrationStoreId: 'one' }, { 'createContactDto.RegistrationStoreId': [AN_ERROR] }],
  ])('answers 400 for %s', async (_case, body, modelState) => {
    const res = await loyaltiiClient(t, t.newSession()).send('post', CONTACTS, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ Message: INVALID, ModelState: modelState });
    expect(res).toMatchContract('loyaltii', 'createContact');
  });

  it('creates from form fields too', async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('post', CONTACTS, 'RegistrationSource=store&FirstName=Form&PreferredStoreId=2&LimitMailsPermanently=True', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ RegistrationSource: 'store', FirstName: 'Form', PreferredStoreId: 2, LimitMailsPermanently: true });
  });
});

describe('PATCH /api/v1/Contacts (bulk, the PATCH-api-v1-Contacts help page)', () => {
  it("patches the found keys and lists the others (the contract's example)", async () => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('patch', CONTACTS, { KeyType: 'Id', Keys: ['1', '2', '404'], Fields: { LimitMailsPermanently: true } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Updated: ['1', '2'], NotFound: ['404'] });
    expect(res).toMatchContract('loyaltii', 'patchContacts');
    expect((await client.get(contactPath(1))).body).toEqual({ ...CONTACT_1, LimitMailsPermanently: true, Version: NEXT_VERSIONS[0], LastModified: NOW });
    expect((await client.get(contactPath(2))).body).toMatchObject({ LimitMailsPermanently: true, Version: NEXT_VERSIONS[1] });
  });

  it("reports another account's contact, a key that is no id and repeated keys as Web API would find them", async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('patch', CONTACTS, {
      KeyType: 0,
      Keys: ['8', 'abc', '1', '1'],
      Fields: { FirstName: 'Bulk', PreferredStoreId: null, Email: '' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Updated: ['1'], NotFound: ['8', 'abc'] });
    const client = loyaltiiClient(t, res.request.getHeader('X-Sandbox-Session') as string);
    expect((await client.get(contactPath(1))).body).toMatchObject({ FirstName: 'Bulk', PreferredStoreId: null, Email: null });
  });

  it('answers an empty 409 and changes nothing when the Fields would give two contacts one Email', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('patch', CONTACTS, { KeyType: 'Id', Keys: ['1', '2'], Fields: { Email: 'shared@example.com', FirstName: 'X' } });
    expect(res.status).toBe(409);
    expect(res.text).toBe('');
    expect(res).toMatchContract('loyaltii', 'patchContacts');
    expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
  });

  it.each([
    ['an unknown field name', { Fields: { Nickname: 'x' } }, { 'patchContactsDto.Fields.Nickname': [AN_ERROR] }],
    ['a field over its length', { Fields: { Email: 'e'.repeat(251) } }, { 'patchContactsDto.Fields.Email': ['The field Email must be a string with a maximum length of 250.'] }],
    ['an undocumented KeyType', { KeyType: 'Email' }, { 'patchContactsDto.KeyType': [AN_ERROR] }],
    ['a 30 February', { Fields: { LimitMailsTemporarilyUntil: '2026-02-30' } }, { 'patchContactsDto.Fields.LimitMailsTemporarilyUntil': [AN_ERROR] }],
  ])('answers 400 for %s', async (_case, body, modelState) => {
    const res = await loyaltiiClient(t, t.newSession()).send('patch', CONTACTS, { Keys: ['1'], ...body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ Message: INVALID, ModelState: modelState });
    expect(res).toMatchContract('loyaltii', 'patchContacts');
  });

  it('binds MVC-style form fields: Keys repeated or indexed, Fields[Name]', async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('patch', CONTACTS, 'KeyType=Id&Keys=1&Keys[1]=2&Fields[FirstName]=Form&Fields[PreferredStoreId]=3', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Updated: ['1', '2'], NotFound: [] });
    const client = loyaltiiClient(t, res.request.getHeader('X-Sandbox-Session') as string);
    expect((await client.get(contactPath(2))).body).toMatchObject({ FirstName: 'Form', PreferredStoreId: 3 });
  });

  it('answers empty lists for a request without a body', async () => {
    const res = checked(await t.session().patch(CONTACTS).set('Authorization', `Bearer ${LOYALTII.token}`));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Updated: [], NotFound: [] });
  });
});

describe('GET /api/v1/Contacts?secret={secret}&ip={ip}', () => {
  it('answers the contact with that secret (ip accepted)', async () => {
    const res = await loyaltiiClient(t, t.newSession()).get(`${CONTACTS}?secret=${contact1.secret}&ip=203.0.113.9`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(CONTACT_1);
    expect(res).toMatchContract('loyaltii', 'getContactBySecret');
  });

  it('matches the path in any case (ASP.NET routing) and the other query names too', async () => {
    const res = await loyaltiiClient(t, t.newSession()).get(`/API/V1/contacts?secret=${contact1.secret}&IP=203.0.113.9`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(CONTACT_1);
    const registrations = await loyaltiiClient(t, t.newSession()).get(`${CONTACTS}/registration?Source=WEBSHOP&Ip=127.0.0.1`);
    expect(registrations.body).toEqual([{ Id: 1, RegistrationDateTime: CONTACT_1.RegistrationDateTime, RegistrationSource: 'webshop', RegistrationIp: '127.0.0.1' }]);
  });

  it.each([
    ['an unknown secret', '00000000000000000000000000000000'],
    ["the second account's contact's secret, asked by the first", FIXTURE_CONTACTS.find((c) => c.Id === LOYALTII.contactOfSecondAccount)?.Secret ?? ''],
    ['an empty secret', ''],
  ])('answers 404 without a body for %s', async (_case, secret) => {
    const res = await loyaltiiClient(t, t.newSession()).get(`${CONTACTS}?secret=${secret}`);
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
    expect(res).toMatchContract('loyaltii', 'getContactBySecret');
  });

  it('without secret selects no GET action: 405 with Allow: PATCH, POST', async () => {
    const res = await loyaltiiClient(t, t.newSession()).get(CONTACTS);
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('PATCH, POST');
    expect(res.body).toEqual({ Message: "The requested resource does not support http method 'GET'." });
    expect(res).toMatchContract('loyaltii', 'getContactBySecret');
  });
});

describe('GET /api/v1/Contacts/Registration?timespan=&source=&ip=', () => {
  it('lists every registration of the account without filters, by Id', async () => {
    const res = await loyaltiiClient(t, t.newSession()).get(`${CONTACTS}/Registration`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(registered([1, 2, 3, 4, 5, 6, 7]));
    expect(res).toMatchContract('loyaltii', 'getRegistrations');
  });

  it('combines source (any case) and ip', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const bySource = FIXTURE_CONTACTS.filter((c) => c.Account === 'sandbox' && c.RegistrationSource === 'webshop').map((c) => c.Id);
    expect((await client.get(`${CONTACTS}/Registration?source=WEBSHOP`)).body).toEqual(registered(bySource));
    expect((await client.get(`${CONTACTS}/Registration?source=webshop&ip=127.0.0.1`)).body).toEqual([
      { Id: 1, RegistrationDateTime: CONTACT_1.RegistrationDateTime, RegistrationSource: 'webshop', RegistrationIp: '127.0.0.1' },
    ]);
    expect((await client.get(`${CONTACTS}/Registration?source=webshop&ip=192.0.2.44`)).body).toEqual([]);
  });

  it('timespan keeps the contacts registered in the last N minutes of the session clock', async () => {
    const session = t.newSession();
    const client = loyaltiiClient(t, session);
    const created = await client.send('post', CONTACTS, { RegistrationSource: 'campaign' });
    expect((await client.get(`${CONTACTS}/Registration?timespan=5`)).body).toEqual([
      { Id: created.body.Id, RegistrationDateTime: NOW, RegistrationSource: 'campaign', RegistrationIp: '127.0.0.1' },
    ]);
    await t.admin(session).advanceClock(6 * 60_000);
    expect((await client.get(`${CONTACTS}/Registration?timespan=5`)).body).toEqual([]);
    expect((await client.get(`${CONTACTS}/Registration?timespan=7`)).body).toHaveLength(1);
  });

  it("answers the binder's 400 for a timespan that is no Int32", async () => {
    const res = await loyaltiiClient(t, t.newSession()).get(`${CONTACTS}/Registration?timespan=abc`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ Message: INVALID, ModelState: { timespan: ["The value 'abc' is not valid for Nullable`1."] } });
    expect(res).toMatchContract('loyaltii', 'getRegistrations');
  });
});

describe('determinism (ids, secrets and times come from the session seed and clock)', () => {
  it('creates the same contact, byte for byte, under the same seed and clock, and another Secret under another seed', async () => {
    const create = async (seed: number) => {
      const running = await createSandbox({ seed, clock: '2026-05-01T08:00:00Z' }).listen(0);
      try {
        const res = await rawRequest(`${running.url}/api/v1/Contacts`, {
          method: 'POST',
          headers: { ...BEARER, 'Content-Type': 'application/json', Host: 'sandbox' },
          body: '{"RegistrationSource":"webshop"}',
        });
        if (res.kind !== 'response') throw new Error(res.message);
        expect(res.status).toBe(201);
        return res.body;
      } finally {
        await running.close();
      }
    };
    const [one, two, other] = [await create(7), await create(7), await create(8)];
    expect(two).toBe(one);
    expect(JSON.parse(one)).toMatchObject({ Id: 9, RegistrationDateTime: '2026-05-01T08:00:00.0000000+00:00', Version: NEXT_VERSIONS[0] });
    expect(JSON.parse(other).Secret).not.toBe(JSON.parse(one).Secret);
  });
});
