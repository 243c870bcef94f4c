import { describe, expect, it } from 'vitest';
import { LOYALTII } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { checked, CONTACT_1, contactPath, INVALID, loyaltiiClient, NEXT_VERSIONS, NOW } from './client.js';

const t = useSandbox();
const { contact1, contact2 } = LOYALTII;

/** The seed's sample request body, byte for byte (its Email has no placeholder to replace). */
const SEED_BODY =
  '{ "Version": "QEA=", "Email": "sample string 1", "PhoneCountryCode": "sample string 2", "Phone": "sample string 3", "FirstName": "sample string 4", "LastName": "sample string 5", "LimitMailsPermanently": true, "LimitMailsTemporarilyUntil": "2024-11-21T06:45:32.6938828+00:00", "ProfileLastUpdated": "2024-11-21T06:45:32.6938828+00:00", "PreferredStoreId": 1, "ContactCompanyId": 1, "NewPassword": "sample string 6", "LatestPermissionSource": "sample string 7" }';

describe('PATCH /api/v1/Contacts/{id}', () => {
  describe("the seed's sample request (docs/decisions/0301-loyaltii-seed-sample.md)", () => {
    it('answers 400: its PhoneCountryCode "sample string 2" breaks the documented 0-10 length', async () => {
      const session = t.newSession();
      const res = await loyaltiiClient(t, session).send('patch', contactPath(1), SEED_BODY);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toEqual({
        Message: INVALID,
        ModelState: { 'patchContactDto.PhoneCountryCode': ['The field PhoneCountryCode must be a string with a maximum length of 10.'] },
      });
      expect(res).toMatchContract('loyaltii', 'patchContact');
      expect((await loyaltiiClient(t, session).get(contactPath(1))).body).toEqual(CONTACT_1);
    });

    it('answers 409 with the current contact once the country code fits: "QEA=" is the help page\'s dummy Version, not the stored one', async () => {
      const session = t.newSession();
      const res = await loyaltiiClient(t, session).send('patch', contactPath(1), SEED_BODY.replace('"sample string 2"', '"sample 2"'));
      expect(res.status).toBe(409);
      expect(res.body).toEqual(CONTACT_1);
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });

    it("answers 200 with the seed's documented response shape when it also carries the current Version", async () => {
      const session = t.newSession();
      const client = loyaltiiClient(t, session);
      const res = await client.send('patch', contactPath(1), SEED_BODY.replace('"sample string 2"', '"sample 2"').replace('"QEA="', `"${contact1.version}"`));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...CONTACT_1,
        LastModified: NOW,
        Version: NEXT_VERSIONS[0],
        Email: 'sample string 1',
        PhoneCountryCode: 'sample 2',
        Phone: 'sample string 3',
        FirstName: 'sample string 4',
        LastName: 'sample string 5',
        LimitMailsPermanently: true,
        LimitMailsTemporarilyUntil: '2024-11-21T06:45:32.6938828+00:00',
        PreferredStoreId: 1,
        ContactCompanyId: 1,
        LatestPermissionSource: 'sample string 7',
      });
      // The seed's response sample lists the same 18 properties in the same order.
      expect(Object.keys(res.body)).toEqual([
        'Id',
        'Secret',
        'RegistrationDateTime',
        'RegistrationSource',
        'RegistrationIp',
        'LastModified',
        'Version',
        'RegistrationStoreId',
        'Email',
        'PhoneCountryCode',
        'Phone',
        'FirstName',
        'LastName',
        'LimitMailsPermanently',
        'LimitMailsTemporarilyUntil',
        'PreferredStoreId',
        'ContactCompanyId',
        'LatestPermissionSource',
      ]);
      expect(res).toMatchContract('loyaltii', 'patchContact');
      // NewPassword and ProfileLastUpdated are stored, never returned (docs/vendors/loyaltii.md L-5).
      expect(await client.stored(1)).toMatchObject({ Password: 'sample string 6', ProfileLastUpdated: '2024-11-21T06:45:32.6938828+00:00' });
    });
  });

  describe('docs/vendors/loyaltii.md §3.7 checklist', () => {
    it('1. changes only FirstName, with a new Version and LastModified = now (with offset)', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, FirstName: 'Ann' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...CONTACT_1, FirstName: 'Ann', Version: NEXT_VERSIONS[0], LastModified: NOW });
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });

    it('2. the same body again, now with a stale Version, answers 409 with the current contact', async () => {
      const client = loyaltiiClient(t, t.newSession());
      const first = await client.send('patch', contactPath(1), { Version: contact1.version, FirstName: 'Ann' });
      const again = await client.send('patch', contactPath(1), { Version: contact1.version, FirstName: 'Ann' });
      expect(again.status).toBe(409);
      expect(again.body).toEqual(first.body);
      expect(again.body.Version).toBe(NEXT_VERSIONS[0]);
      expect(again).toMatchContract('loyaltii', 'patchContact');
    });

    it.each([
      ['Email', { Email: null }],
      ['Phone', { Phone: null }],
      ['PhoneCountryCode', { PhoneCountryCode: null }],
    ])('3. "" sets %s to null', async (field, expected) => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, [field]: '' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...CONTACT_1, ...expected, Version: NEXT_VERSIONS[0], LastModified: NOW });
    });

    it("4. another contact's Email answers 409 with the current contact, and changes nothing", async () => {
      const session = t.newSession();
      const client = loyaltiiClient(t, session);
      const res = await client.send('patch', contactPath(1), { Version: contact1.version, Email: contact2.email, FirstName: 'Ann' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(CONTACT_1);
      expect(res).toMatchContract('loyaltii', 'patchContact');
      expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
    });

    it('5. an unknown PreferredStoreId answers 409 with the current contact', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, PreferredStoreId: LOYALTII.unknownStore });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(CONTACT_1);
    });

    it('6. no Version answers 400 with the ModelState entry for it', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { FirstName: 'Ann' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ Message: INVALID, ModelState: { 'patchContactDto.Version': ['The Version field is required.'] } });
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });

    it('7. a FirstName of 51 characters answers 400 (maximum length 50)', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, FirstName: 'a'.repeat(51) });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ Message: INVALID, ModelState: { 'patchContactDto.FirstName': ['The field FirstName must be a string with a maximum length of 50.'] } });
    });

    it("8. an id that is not an integer matches no route: 404 with Web API's message", async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath('abc'), { Version: contact1.version });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ Message: `No HTTP resource was found that matches the request URI '${t.url}/api/v1/Contacts/abc'.` });
      expect(res).toMatchContractSchema('loyaltii', '#/components/responses/NoRoute/content/application~1json/schema');
    });

    it.each([
      ['an unknown id', 12345],
      ["another account's contact", LOYALTII.contactOfSecondAccount],
    ])('9. %s answers 404 without a body', async (_case, id) => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(id), { Version: contact1.version, FirstName: 'Ann' });
      expect(res.status).toBe(404);
      expect(res.text).toBe('');
      expect(res.headers['content-length']).toBe('0');
      expect(res.headers['content-type']).toBeUndefined();
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });

    it('10. no credentials answer 401 with the framework message', async () => {
      const res = checked(
        await t
          .session()
          .patch(contactPath(1))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ Version: contact1.version, FirstName: 'Ann' })),
      );
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ Message: 'Authorization has been denied for this request.' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });

    it('11. Content-Type: text/json is read like application/json, and answered in text/json', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, FirstName: 'Ann' }, { 'Content-Type': 'text/json' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/json; charset=utf-8');
      expect(JSON.parse(res.text)).toEqual({ ...CONTACT_1, FirstName: 'Ann', Version: NEXT_VERSIONS[0], LastModified: NOW });
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });
  });

  describe('null versus empty (seed; docs/vendors/loyaltii.md L-4)', () => {
    it('leaves every property sent as null (or not sent) unchanged', async () => {
      const body = {
        Version: contact1.version,
        Email: null,
        PhoneCountryCode: null,
        Phone: null,
        FirstName: null,
        LastName: null,
        LimitMailsPermanently: null,
        LimitMailsTemporarilyUntil: null,
        ProfileLastUpdated: null,
        PreferredStoreId: null,
        ContactCompanyId: null,
        NewPassword: null,
        LatestPermissionSource: null,
      };
      const client = loyaltiiClient(t, t.newSession());
      const res = await client.send('patch', contactPath(1), body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...CONTACT_1, Version: NEXT_VERSIONS[0], LastModified: NOW });
      expect(await client.stored(1)).toMatchObject({ Password: null, ProfileLastUpdated: null });
    });

    it('stores "" for the other strings (FirstName, LastName, LatestPermissionSource)', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, FirstName: '', LastName: '', LatestPermissionSource: '' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ FirstName: '', LastName: '', LatestPermissionSource: '', Email: contact1.email });
    });

    it('sets every patchable property at once, dates in round-trip format, keeping a sent offset', async () => {
      const client = loyaltiiClient(t, t.newSession());
      const res = await client.send('patch', contactPath(2), {
        Version: contact2.version,
        Email: 'erik@example.org',
        PhoneCountryCode: '+47',
        Phone: '41234567',
        FirstName: 'Erik',
        LastName: 'Berg',
        LimitMailsPermanently: true,
        LimitMailsTemporarilyUntil: '2026-12-24T18:00:00+01:00',
        ProfileLastUpdated: '2026-03-01',
        PreferredStoreId: 3,
        ContactCompanyId: 77,
        NewPassword: 's3cret',
        LatestPermissionSource: 'app',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        Id: 2,
        Email: 'erik@example.org',
        PhoneCountryCode: '+47',
        Phone: '41234567',
        LastName: 'Berg',
        LimitMailsPermanently: true,
        LimitMailsTemporarilyUntil: '2026-12-24T18:00:00.0000000+01:00',
        PreferredStoreId: 3,
        ContactCompanyId: 77,
        LatestPermissionSource: 'app',
      });
      expect(res.body).not.toHaveProperty('NewPassword');
      expect(res.body).not.toHaveProperty('ProfileLastUpdated');
      expect(await client.stored(2)).toMatchObject({ Password: 's3cret', ProfileLastUpdated: '2026-03-01T00:00:00.0000000+00:00' });
    });

    it('moves Version and LastModified on every write, even one that changes no field', async () => {
      const session = t.newSession();
      const client = loyaltiiClient(t, session);
      const first = await client.send('patch', contactPath(1), { Version: contact1.version });
      const second = await client.send('patch', contactPath(1), { Version: first.body.Version });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.body.Version, second.body.Version]).toEqual([NEXT_VERSIONS[0], NEXT_VERSIONS[1]]);
      await t.admin(session).advanceClock(1500);
      const third = await client.send('patch', contactPath(1), { Version: second.body.Version });
      expect(third.body).toMatchObject({ Version: NEXT_VERSIONS[2], LastModified: '2026-03-02T10:00:01.5000000+00:00' });
    });

    it('accepts its own Email and Phone again (a contact is no duplicate of itself), in any case', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, Email: contact1.email.toUpperCase(), Phone: contact1.phone });
      expect(res.status).toBe(200);
      expect(res.body.Email).toBe(contact1.email.toUpperCase());
    });

    it("ignores the second account's contact 8, which holds contact 1's Email and Phone (unique within account)", async () => {
      const client = loyaltiiClient(t, t.newSession());
      expect((await client.send('patch', contactPath(2), { Version: contact2.version, Email: contact1.email })).status).toBe(409);
      const freed = await client.send('patch', contactPath(1), { Version: contact1.version, Email: 'anna@example.org', Phone: '' });
      expect(freed.status).toBe(200);
      const res = await client.send('patch', contactPath(2), { Version: contact2.version, Email: contact1.email, Phone: contact1.phone });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ Email: contact1.email, Phone: contact1.phone });
    });

    it('treats Email as duplicate regardless of case and trailing spaces (SQL Server collation)', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, Email: `${contact2.email.toUpperCase()}  ` });
      expect(res.status).toBe(409);
    });

    it("another contact's Phone answers 409 too", async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: contact1.version, Phone: contact2.phone });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(CONTACT_1);
    });
  });

  describe('Version (docs/vendors/loyaltii.md L-3)', () => {
    it('matches the same 8 bytes sent as an array of byte values (Json.NET reads byte[] both ways)', async () => {
      const bytes = [...Buffer.from(contact1.version, 'base64')];
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: bytes, FirstName: 'Ann' });
      expect(res.status).toBe(200);
    });

    it.each([
      ['an empty byte[] ("")', ''],
      ['2 bytes (the help page\'s "QEA=")', 'QEA='],
      ['the 8 bytes of another contact', contact2.version],
    ])('answers 409 for %s', async (_case, version) => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: version, FirstName: 'Ann' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual(CONTACT_1);
    });
  });
});
