import { describe, expect, it } from 'vitest';
import { LOYALTII } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { checked, CONTACT_1, contactPath, INVALID, loyaltiiClient, NEXT_VERSIONS, NOW } from './client.js';

const t = useSandbox();
const { version } = LOYALTII.contact1;
const AN_ERROR = 'An error has occurred.';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** PATCHes contact 1 in a fresh session and checks the answer is a 400 that changed nothing. */
async function refused(body: string | object, headers: Record<string, string> = {}) {
  const client = loyaltiiClient(t, t.newSession());
  const res = await client.send('patch', contactPath(1), body, headers);
  expect(res.status).toBe(400);
  expect(res).toMatchContract('loyaltii', 'patchContact');
  expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
  return res.body as { Message: string; ModelState: Record<string, string[]> };
}

describe('PATCH /api/v1/Contacts/{id}: validation as Web API 2 renders it (docs/vendors/loyaltii.md §3.3)', () => {
  describe('every documented length limit', () => {
    it.each([
      ['Email', 250],
      ['PhoneCountryCode', 10],
      ['Phone', 20],
      ['FirstName', 50],
      ['LastName', 50],
    ])('%s: %i characters pass, one more is a 400 with the DataAnnotations message', async (field, limit) => {
      const ok = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: version, [field]: '9'.repeat(limit) });
      expect(ok.status).toBe(200);
      expect(ok.body[field]).toBe('9'.repeat(limit));
      expect(await refused({ Version: version, [field]: '9'.repeat(limit + 1) })).toEqual({
        Message: INVALID,
        ModelState: { [`patchContactDto.${field}`]: [`The field ${field} must be a string with a maximum length of ${limit}.`] },
      });
    });
  });

  describe('Version', () => {
    it.each([
      ['missing', {}, ['The Version field is required.']],
      ['null', { Version: null }, ['The Version field is required.']],
      ['not base64', { Version: 'not base64!' }, [AN_ERROR, 'The Version field is required.']],
      ['base64 without its padding', { Version: 'AAAAAAAAB9E' }, [AN_ERROR, 'The Version field is required.']],
      ['a number', { Version: 2001 }, [AN_ERROR, 'The Version field is required.']],
    ])('%s: 400 on patchContactDto.Version', async (_case, body, messages) => {
      expect(await refused({ ...body, FirstName: 'Ann' })).toEqual({ Message: INVALID, ModelState: { 'patchContactDto.Version': messages } });
    });

    it('a byte array with a value that is no byte: the error sits on the element, as Json.NET reports it', async () => {
      expect(await refused({ Version: [0, 0, 0, 0, 0, 0, 7, 300] })).toEqual({
        Message: INVALID,
        ModelState: { 'patchContactDto.Version[7]': [AN_ERROR], 'patchContactDto.Version': ['The Version field is required.'] },
      });
    });
  });

  describe('values Json.NET cannot convert: "An error has occurred." (IncludeErrorDetailPolicy hides the exception)', () => {
    it.each([
      ['a number for a string', { FirstName: 5 }, 'FirstName'],
      ['an object for a string', { Email: { address: 'a@b.c' } }, 'Email'],
      ['a string for a boolean', { LimitMailsPermanently: 'yes' }, 'LimitMailsPermanently'],
      ['a string for an integer', { PreferredStoreId: 'one' }, 'PreferredStoreId'],
      ['a fraction for an integer', { ContactCompanyId: 1.5 }, 'ContactCompanyId'],
      ['an integer beyond Int32', { PreferredStoreId: 2147483648 }, 'PreferredStoreId'],
      ['a date that is no date', { LimitMailsTemporarilyUntil: 'tomorrow' }, 'LimitMailsTemporarilyUntil'],
      ['an 8-digit fraction', { ProfileLastUpdated: '2026-01-01T00:00:00.12345678Z' }, 'ProfileLastUpdated'],
      ['30 February', { ProfileLastUpdated: '2024-02-30T00:00:00Z' }, 'ProfileLastUpdated'],
      ['an array for a string', { NewPassword: ['x'] }, 'NewPassword'],
    ])('%s', async (_case, body, field) => {
      expect(await refused({ Version: version, ...body })).toEqual({ Message: INVALID, ModelState: { [`patchContactDto.${field}`]: [AN_ERROR] } });
    });

    it.each([
      ['a JSON array', '[{"Version":"AAAAAAAAB9E="}]'],
      ['a JSON string', '"AAAAAAAAB9E="'],
      ['a JSON number', '42'],
      ['malformed JSON', '{"Version": "AAAAAAAAB9E=", "FirstName": '],
    ])('%s: the error lands on the parameter itself', async (_case, body) => {
      expect(await refused(body)).toEqual({ Message: INVALID, ModelState: { patchContactDto: [AN_ERROR] } });
    });
  });

  it('reports every problem at once, conversion errors first, then DataAnnotations in the DTO order', async () => {
    const body = await refused({ Email: 'e'.repeat(251), FirstName: 'f'.repeat(51), LastName: 'l'.repeat(51), PreferredStoreId: 'x', LimitMailsPermanently: 1 });
    expect(body).toEqual({
      Message: INVALID,
      ModelState: {
        'patchContactDto.LimitMailsPermanently': [AN_ERROR],
        'patchContactDto.PreferredStoreId': [AN_ERROR],
        'patchContactDto.Version': ['The Version field is required.'],
        'patchContactDto.Email': ['The field Email must be a string with a maximum length of 250.'],
        'patchContactDto.FirstName': ['The field FirstName must be a string with a maximum length of 50.'],
        'patchContactDto.LastName': ['The field LastName must be a string with a maximum length of 50.'],
      },
    });
  });

  it('validates a request without a body as an empty DTO (docs/decisions/0303)', async () => {
    const res = checked(await t.session().patch(contactPath(1)).set('Authorization', `Bearer ${LOYALTII.token}`));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ Message: INVALID, ModelState: { 'patchContactDto.Version': ['The Version field is required.'] } });
  });

  it('ignores properties the DTO does not have (Json.NET MissingMemberHandling.Ignore)', async () => {
    const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), { Version: version, Id: 99, Secret: 'x', FirstName: 'Ann', Nickname: 'A' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...CONTACT_1, FirstName: 'Ann', Version: NEXT_VERSIONS[0], LastModified: NOW });
  });

  describe('application/x-www-form-urlencoded (seed: Request Formats)', () => {
    it('binds the same DTO from form fields', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send(
        'patch',
        contactPath(1),
        `Version=${encodeURIComponent(version)}&FirstName=Ann&LimitMailsPermanently=true&PreferredStoreId=2&LimitMailsTemporarilyUntil=2026-05-01`,
        FORM,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...CONTACT_1,
        FirstName: 'Ann',
        LimitMailsPermanently: true,
        PreferredStoreId: 2,
        LimitMailsTemporarilyUntil: '2026-05-01T00:00:00.0000000+00:00',
        Version: NEXT_VERSIONS[0],
        LastModified: NOW,
      });
      expect(res).toMatchContract('loyaltii', 'patchContact');
    });

    it('binds an empty field as null, which PATCH reads as "not changed" (ConvertEmptyStringToNull)', async () => {
      const res = await loyaltiiClient(t, t.newSession()).send('patch', contactPath(1), `Version=${encodeURIComponent(version)}&Email=&FirstName=`, FORM);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ Email: CONTACT_1.Email, FirstName: CONTACT_1.FirstName });
    });

    it("answers the model binder's messages for values it cannot convert, and the length limits", async () => {
      expect(await refused(`Version=&PreferredStoreId=abc&LimitMailsPermanently=maybe&FirstName=${'f'.repeat(51)}`, FORM)).toEqual({
        Message: INVALID,
        ModelState: {
          'patchContactDto.LimitMailsPermanently': ["The value 'maybe' is not valid for LimitMailsPermanently."],
          'patchContactDto.PreferredStoreId': ["The value 'abc' is not valid for PreferredStoreId."],
          'patchContactDto.Version': ['The Version field is required.'],
          'patchContactDto.FirstName': ['The field FirstName must be a string with a maximum length of 50.'],
        },
      });
    });
  });

  describe('bodies Web API does not read', () => {
    it.each([
      ['text/plain', 'text/plain', "The request entity's media type 'text/plain' is not supported for this resource."],
      ['application/xml (no XML formatter on this API)', 'application/xml', "The request entity's media type 'application/xml' is not supported for this resource."],
      ['application/merge-patch+json', 'application/merge-patch+json', "The request entity's media type 'application/merge-patch+json' is not supported for this resource."],
    ])('%s: 415 with the framework message, after authentication', async (_case, contentType, message) => {
      const client = loyaltiiClient(t, t.newSession());
      const res = await client.send('patch', contactPath(1), JSON.stringify({ Version: version, FirstName: 'Ann' }), { 'Content-Type': contentType });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ Message: message });
      expect(res).toMatchContract('loyaltii', 'patchContact');
      expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
      const anonymous = checked(await t.http().patch(contactPath(1)).set('Content-Type', contentType).send('{}'));
      expect(anonymous.status).toBe(401);
    });

    it('a body without Content-Type: 415, naming the inferred application/octet-stream', async () => {
      const res = checked(
        await t
          .http()
          .patch(contactPath(1))
          .set('X-Sandbox-Session', t.newSession())
          .set('Authorization', `Bearer ${LOYALTII.token}`)
          .serialize((b: string) => b)
          .send(JSON.stringify({ Version: version }))
          .unset('Content-Type'),
      );
      expect(res.status).toBe(415);
      expect(res.body).toEqual({
        Message: "The request contains an entity body but no Content-Type header. The inferred media type 'application/octet-stream' is not supported for this resource.",
      });
    });

    it('a body over the 1 MiB limit: 413 in the Web API envelope, nothing stored', async () => {
      const client = loyaltiiClient(t, t.newSession());
      const res = await client.send('patch', contactPath(1), { Version: version, FirstName: 'x'.repeat(1024 * 1024) });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ Message: 'Maximum request length exceeded.' });
      expect(res).toMatchContract('loyaltii', 'patchContact');
      expect((await client.get(contactPath(1))).body).toEqual(CONTACT_1);
    });
  });
});

describe('JSON as Json.NET reads it (docs/decisions/0011)', () => {
  it('takes non-breaking spaces between tokens as whitespace and keeps one inside a string', async () => {
    const client = loyaltiiClient(t, t.newSession());
    const res = await client.send('patch', contactPath(1), `{\u00a0"Version":\u00a0"${version}",\u00a0"FirstName":\u00a0"Ann\u00a0Marie"\u00a0}`);
    expect(res.status).toBe(200);
    expect(res).toMatchContract('loyaltii', 'patchContact');
    expect(res.body.FirstName).toBe('Ann\u00a0Marie');
  });
});
