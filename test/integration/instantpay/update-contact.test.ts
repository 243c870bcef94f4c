import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { admin, envelopeOf, ipay, NOW, rawCall, seedContact, userIdOf } from './client.js';

const t = useSandbox();

/** The seed's --data-raw text, exactly as scraped but for the email placeholder (docs/vendors/README.md §0). */
const SEED_BODY = `{
"contactId":"645383ba4acec95a32089822",
"name": "Sample Name",
"email": "jane.doe@example.com",
"mobile": "7428585742",
"tagDetails" : [
{
"tagId": "645381c92c8e9e093406ccb2"
}
]
}`;

/** The seed's curl headers, in its order, with the credential placeholders filled in; curl adds the rest. */
function seedCurlHeaders(session: string, authCode = '{{authCode}}'): [string, string][] {
  return [
    ['Host', 'api.instantpay.in'],
    ['User-Agent', 'curl/8.5.0'],
    ['Accept', '*/*'],
    ['X-Ipay-Auth-Code', authCode],
    ['X-Ipay-Client-Id', INSTANTPAY.sandbox.clientId],
    ['X-Ipay-Client-Secret', INSTANTPAY.sandbox.clientSecret],
    ['X-Ipay-Endpoint-Ip', '125.0.0.1'],
    ['X-Ipay-Auth-Code', '1'],
    // curl's default for --data-raw without -H 'Content-Type' (docs/vendors/instantpay.md I-2).
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['X-Sandbox-Session', session],
  ];
}

const ENVELOPE_KEYS = ['statuscode', 'actcode', 'status', 'data', 'timestamp', 'ipay_uuid', 'orderid', 'environment', 'internalCode'];
const UPDATED_KEYS = ['_id', 'userId', 'name', 'email', 'mobile', 'callingCode', 'companyName', 'updated_at', 'created_at', 'tagId'];

async function listed(session: string, account: 'sandbox' | 'live' = 'sandbox') {
  const res = await ipay(t, session, 'get', '/contacts/profile', { account });
  expect(res.body.statuscode).toBe('TXN');
  return res.body.data as { _id: string }[];
}

const contactIn = async (session: string, id: string = INSTANTPAY.contact, account: 'sandbox' | 'live' = 'sandbox') => (await listed(session, account)).find((c) => c._id === id);

describe('PATCH /contacts/profile', () => {
  describe("the seed's curl example (host, credential and email placeholders replaced)", () => {
    it('answers 200 TXN "Contact Updated Successfully" with the requested contact, the tags sent, callingCode 91 and companyName kept (§1.9.1-3)', async () => {
      const session = t.newSession();
      const sandboxUser = await userIdOf(t, 'sandbox');
      const res = await rawCall(t.url, 'PATCH', '/contacts/profile', seedCurlHeaders(session), SEED_BODY);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      const data = { ...seedContact(sandboxUser), email: 'jane.doe@example.com', updated_at: NOW.record };
      expect(res.body).toEqual(envelopeOf('TXN', 'Contact Updated Successfully', data));
      // The vendor's field order, envelope and record alike (seed 000).
      const body = res.body as { data: object };
      expect(Object.keys(body)).toEqual(ENVELOPE_KEYS);
      expect(Object.keys(body.data)).toEqual(UPDATED_KEYS);
      expect(res).toMatchContract('instantpay', 'updateContact');
      expect(await contactIn(session)).toEqual(data);
    });

    it('answers the same with the auth code filled in (sent twice as 1) and with the raw-HTTP block (JSON content type, headers once)', async () => {
      const session = t.newSession();
      const twice = await rawCall(t.url, 'PATCH', '/contacts/profile', seedCurlHeaders(session, '1'), SEED_BODY);
      expect(twice.status).toBe(200);
      expect((twice.body as { statuscode: string }).statuscode).toBe('TXN');
      const raw = await ipay(t, session, 'patch', '/contacts/profile', { body: SEED_BODY });
      expect(raw.status).toBe(200);
      expect(raw.body).toEqual(
        envelopeOf('TXN', 'Contact Updated Successfully', { ...seedContact(await userIdOf(t, 'sandbox')), email: 'jane.doe@example.com', updated_at: NOW.record }),
      );
      expect(raw).toMatchContract('instantpay', 'updateContact');
    });

    it('uses the last X-Ipay-Auth-Code: 1 then 2 answers RPI and changes nothing (I-1)', async () => {
      const session = t.newSession();
      const headers = seedCurlHeaders(session, '1');
      headers[7] = ['X-Ipay-Auth-Code', '2'];
      const res = await rawCall(t.url, 'PATCH', '/contacts/profile', headers, SEED_BODY);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(envelopeOf('RPI', 'The X-Ipay-Auth-Code header must have valid authCode.', null));
      expect(res).toMatchContract('instantpay', 'updateContact');
      expect(await contactIn(session)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
    });
  });

  describe('formats (§1.3, §1.6)', () => {
    it("reproduces the seed's sample answer for the contact it shows, at the seed's time", async () => {
      const session = t.newSession();
      await admin(t, session, 'put', '/clock', 'setClock', { now: '2023-05-10T08:59:19.384Z' });
      const res = await ipay(t, session, 'patch', '/contacts/profile', {
        account: 'live',
        body: {
          contactId: INSTANTPAY.seedResponseContact,
          name: 'Sample Name',
          email: 'sample.name@example.com',
          mobile: '7428585742',
          tagDetails: [{ tagId: INSTANTPAY.seedResponseTag }],
        },
      });
      expect(res.body).toEqual({
        statuscode: 'TXN',
        actcode: null,
        status: 'Contact Updated Successfully',
        data: {
          _id: '645b283b9b2e242ec80dd5c2',
          userId: 189590,
          name: 'Sample Name',
          email: 'sample.name@example.com',
          mobile: '7428585742',
          callingCode: '91',
          companyName: 'Business Name',
          updated_at: '2023-05-10T08:59:19.384000Z',
          created_at: '2023-05-10T05:14:35.381000Z',
          tagId: ['645b280e95335f08eb021aa2'],
        },
        timestamp: '2023-05-10 14:29:19',
        // The seed's is h005 9921e8a1 (node 005, minted a second earlier); the node is a setting.
        ipay_uuid: expect.stringMatching(/^h0069921e8a2-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        orderid: null,
        environment: 'LIVE',
        internalCode: null,
      });
      expect(res).toMatchContract('instantpay', 'updateContact');
    });

    it('moves updated_at, timestamp (IST) and the ipay_uuid time with the clock, keeps created_at, and mints a fresh ipay_uuid each time', async () => {
      const session = t.newSession();
      const body = { contactId: INSTANTPAY.contact, name: 'A', email: 'a@example.com', mobile: '9876543210', tagDetails: [{ tagId: INSTANTPAY.tag }] };
      const first = await ipay(t, session, 'patch', '/contacts/profile', { body });
      await admin(t, session, 'post', '/clock/advance', 'advanceClock', { ms: 19 * 3600 * 1000 + 1234 });
      const second = await ipay(t, session, 'patch', '/contacts/profile', { body });
      expect(first.body.ipay_uuid).toMatch(new RegExp(`^h006${NOW.uuidTime}-`));
      expect(second.body.timestamp).toBe('2026-03-03 10:30:01');
      expect(second.body.data.updated_at).toBe('2026-03-03T05:00:01.234000Z');
      expect(second.body.data.created_at).toBe('2023-05-04T10:06:50.127000Z');
      // floor(unix seconds / 0.65536) of 2026-03-03T05:00:01.234Z.
      expect(second.body.ipay_uuid).toMatch(/^h006a1358ebd-/);
      expect(second.body.ipay_uuid).not.toBe(first.body.ipay_uuid);
      expect(second).toMatchContract('instantpay', 'updateContact');
    });

    it('replaces the tags with those sent, in order, each once (I-4)', async () => {
      const session = t.newSession();
      const tags = [{ tagId: INSTANTPAY.seedResponseTag }, { tagId: INSTANTPAY.tag }, { tagId: INSTANTPAY.seedResponseTag }];
      const res = await ipay(t, session, 'patch', '/contacts/profile', {
        body: { contactId: INSTANTPAY.contact, name: 'Sample Name', email: 'a@example.com', mobile: '7428585742', tagDetails: tags },
      });
      expect(res.body.data.tagId).toEqual([INSTANTPAY.seedResponseTag, INSTANTPAY.tag]);
      expect(res).toMatchContract('instantpay', 'updateContact');
      expect(await contactIn(session)).toMatchObject({ tagId: [INSTANTPAY.seedResponseTag, INSTANTPAY.tag] });
    });
  });

  describe('when the body is not valid (§1.9.6: RPI, a Laravel-style message, HTTP 200, nothing changed)', () => {
    const valid = { contactId: INSTANTPAY.contact, name: 'Sample Name', email: 'a@example.com', mobile: '7428585742', tagDetails: [{ tagId: INSTANTPAY.tag }] };
    const without = (field: keyof typeof valid) => JSON.stringify(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field)));
    const withField = (field: string, value: unknown) => JSON.stringify({ ...valid, [field]: value });
    it.each([
      ['no email (§1.9.6)', without('email'), 'The email field is required.'],
      ['no contactId', without('contactId'), 'The contact id field is required.'],
      ['no tagDetails', without('tagDetails'), 'The tag details field is required.'],
      ['an empty object', '{}', 'The contact id field is required.'],
      ['no body at all', '', 'The contact id field is required.'],
      ['malformed JSON (read as no input, as Laravel does)', '{"contactId": "645383ba4acec95a32089822", ', 'The contact id field is required.'],
      ['a JSON array', `[${JSON.stringify(valid)}]`, 'The contact id field is required.'],
      ['JSON null', 'null', 'The contact id field is required.'],
      ['an empty name', withField('name', ''), 'The name field is required.'],
      ['a number for contactId', withField('contactId', 645383), 'The contact id must be a string.'],
      ['a contactId that is not an ObjectId', withField('contactId', 'abc'), 'The contact id format is invalid.'],
      ['an email without @', withField('email', 'not-an-email'), 'The email must be a valid email address.'],
      ['a 5-digit mobile', withField('mobile', '74285'), 'The mobile must be 10 digits.'],
      ['a number for mobile', withField('mobile', 7428585742), 'The mobile must be a string.'],
      ['a name over 255 characters', withField('name', 'n'.repeat(256)), 'The name must not be greater than 255 characters.'],
      ['tagDetails as one object, not an array (I-9)', withField('tagDetails', { tagId: INSTANTPAY.tag }), 'The tag details must be an array.'],
      ['tagDetails as a string (I-9)', withField('tagDetails', INSTANTPAY.tag), 'The tag details must be an array.'],
      ['an empty tagDetails', withField('tagDetails', []), 'The tag details field is required.'],
      ['a tag without tagId', withField('tagDetails', [{}]), 'The tag details.0.tag id field is required.'],
      ['a tagId that is not an ObjectId', withField('tagDetails', [{ tagId: INSTANTPAY.tag }, { tagId: 'x' }]), 'The tag details.1.tag id format is invalid.'],
      [
        'a wrong contactId and no email: the first field in the vendor order wins',
        JSON.stringify({ ...valid, contactId: 1, email: undefined }),
        'The contact id must be a string.',
      ],
      ['a wrong mobile and no email: email comes first', JSON.stringify({ ...valid, mobile: '1', email: undefined }), 'The email field is required.'],
    ])('%s', async (_case, body, message) => {
      const session = t.newSession();
      const res = await ipay(t, session, 'patch', '/contacts/profile', { body });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(envelopeOf('RPI', message, null));
      expect(res).toMatchContract('instantpay', 'updateContact');
      expect(await contactIn(session)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
    });

    it('ignores properties the vendor does not list (companyName stays, I-5)', async () => {
      const session = t.newSession();
      const res = await ipay(t, session, 'patch', '/contacts/profile', { body: { ...valid, companyName: 'Other', userId: 1, callingCode: '44' } });
      expect(res.body.data).toMatchObject({ companyName: 'Business Name', callingCode: '91', userId: await userIdOf(t, 'sandbox') });
    });
  });

  describe('unknown records (§1.9.7)', () => {
    const body = (contactId: string, tagId: string = INSTANTPAY.tag) => ({ contactId, name: 'X', email: 'x@example.com', mobile: '9999999999', tagDetails: [{ tagId }] });

    it('answers ERR "No Record Found" with data null for a well-formed contactId nobody has', async () => {
      const res = await ipay(t, t.newSession(), 'patch', '/contacts/profile', { body: body('0123456789abcdef01234567') });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
      expect(res).toMatchContract('instantpay', 'updateContact');
    });

    it('answers ERR for a tag the account does not have, and changes nothing', async () => {
      const session = t.newSession();
      const res = await ipay(t, session, 'patch', '/contacts/profile', { body: body(INSTANTPAY.contact, '0123456789abcdef01234567') });
      expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
      expect(await contactIn(session)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
    });

    it("answers ERR for the other account's contact: each account has its own book", async () => {
      const session = t.newSession();
      const added = await ipay(t, session, 'post', '/contacts/profile', {
        account: 'live',
        body: { name: 'L', email: 'l@example.com', mobile: '9000000000', tagDetails: [{ tagId: INSTANTPAY.tag }] },
      });
      const res = await ipay(t, session, 'patch', '/contacts/profile', { body: body(added.body.data._id) });
      expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    });
  });
});
