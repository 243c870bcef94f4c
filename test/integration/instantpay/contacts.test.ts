import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { admin, envelopeOf, ipay, seedContact, userIdOf } from './client.js';

const t = useSandbox();

/** The vendor's Add Contact sample body (/data-add-contact), email placeholder replaced. */
const ADD_SAMPLE = `{
    "name": "Sample Name",
    "email": "sample.name@example.com",
    "mobile": "7428585742",
    "companyName": "Business Name",
    "tagDetails" : [
            {
                "tagId": "645b280e95335f08eb021aa2"
            }
     ]
}`;

const idSeconds = (id: string) => parseInt(id.slice(0, 8), 16);
const listContacts = (session: string) => ipay(t, session, 'get', '/contacts/profile');

describe('GET /contacts/profile (List Contact)', () => {
  it('answers TXN "Transaction Successful" with every contact of the account, each with tagId[]', async () => {
    const res = await listContacts(t.newSession());
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('TXN', 'Transaction Successful', expect.any(Array)));
    expect(res.body.data[0]).toEqual(seedContact(await userIdOf(t, 'sandbox')));
    expect(Object.keys(res.body.data[0])).toEqual(['_id', 'userId', 'name', 'email', 'mobile', 'callingCode', 'companyName', 'tagId', 'updated_at', 'created_at']);
    for (const contact of res.body.data as { tagId: unknown }[]) expect(Array.isArray(contact.tagId)).toBe(true);
    expect(res).toMatchContract('instantpay', 'listContacts');
  });

  it('ignores a request body', async () => {
    const res = await ipay(t, t.newSession(), 'get', '/contacts/profile', { body: { contactId: 'whatever' } });
    expect(res.body.statuscode).toBe('TXN');
  });
});

describe('POST /contacts/profile (Add Contact, §1.9.9)', () => {
  it('adds the vendor\'s sample: TXN "Contact Added Successfully", a new _id whose time prefix is created_at, no tagId in the answer', async () => {
    const session = t.newSession();
    await admin(t, session, 'post', '/clock/advance', 'advanceClock', { ms: 4321 });
    const res = await ipay(t, session, 'post', '/contacts/profile', { body: ADD_SAMPLE });
    expect(res.status).toBe(200);
    const data = {
      userId: await userIdOf(t, 'sandbox'),
      name: 'Sample Name',
      email: 'sample.name@example.com',
      mobile: '7428585742',
      callingCode: '91',
      companyName: 'Business Name',
      updated_at: '2026-03-02T10:00:04.321000Z',
      created_at: '2026-03-02T10:00:04.321000Z',
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
    };
    expect(res.body).toEqual({ ...envelopeOf('TXN', 'Contact Added Successfully', data), timestamp: '2026-03-02 15:30:04' });
    expect(Object.keys(res.body.data)).toEqual(['userId', 'name', 'email', 'mobile', 'callingCode', 'companyName', 'updated_at', 'created_at', '_id']);
    expect(idSeconds(res.body.data._id)).toBe(Math.floor(Date.parse('2026-03-02T10:00:04.321Z') / 1000));
    expect(res).toMatchContract('instantpay', 'addContact');

    const listed = await listContacts(session);
    const { _id, ...rest } = res.body.data as typeof data;
    expect(listed.body.data.at(-1)).toEqual({ _id, ...rest, tagId: [INSTANTPAY.seedResponseTag] });
  });

  it('mints distinct ids in one second, each with that second as its time prefix', async () => {
    const session = t.newSession();
    const body = { name: 'N', email: 'n@example.com', mobile: '9000000001', tagDetails: [{ tagId: INSTANTPAY.tag }] };
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await ipay(t, session, 'post', '/contacts/profile', { body })).body.data._id as string);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(idSeconds(id)).toBe(Date.parse('2026-03-02T10:00:00Z') / 1000);
  });

  it('leaves companyName out when none is sent (it is optional)', async () => {
    const res = await ipay(t, t.newSession(), 'post', '/contacts/profile', {
      body: { name: 'N', email: 'n@example.com', mobile: '9000000001', tagDetails: [{ tagId: INSTANTPAY.tag }] },
    });
    expect(res.body.statuscode).toBe('TXN');
    expect(res.body.data).not.toHaveProperty('companyName');
    expect(res).toMatchContract('instantpay', 'addContact');
  });

  it.each([
    ['no name', { email: 'n@example.com', mobile: '9000000001', tagDetails: [{ tagId: INSTANTPAY.tag }] }, 'The name field is required.'],
    ['no tagDetails', { name: 'N', email: 'n@example.com', mobile: '9000000001' }, 'The tag details field is required.'],
    [
      'a companyName that is not a string',
      { name: 'N', email: 'n@example.com', mobile: '9000000001', companyName: 5, tagDetails: [{ tagId: INSTANTPAY.tag }] },
      'The company name must be a string.',
    ],
  ])('answers RPI and adds nothing: %s', async (_case, body, message) => {
    const session = t.newSession();
    const before = (await listContacts(session)).body.data.length;
    const res = await ipay(t, session, 'post', '/contacts/profile', { body });
    expect(res.body).toEqual(envelopeOf('RPI', message, null));
    expect(res).toMatchContract('instantpay', 'addContact');
    expect((await listContacts(session)).body.data).toHaveLength(before);
  });

  it('answers ERR "No Record Found" for a tag the account does not have, and adds nothing', async () => {
    const session = t.newSession();
    const before = (await listContacts(session)).body.data.length;
    const res = await ipay(t, session, 'post', '/contacts/profile', {
      body: { name: 'N', email: 'n@example.com', mobile: '9000000001', tagDetails: [{ tagId: INSTANTPAY.tag }, { tagId: 'ffffffffffffffffffffffff' }] },
    });
    expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    expect((await listContacts(session)).body.data).toHaveLength(before);
  });
});

describe('DELETE /contacts/profile (Delete Contact, §1.9.9)', () => {
  it('reads {contactId} from a JSON body: TXN "Contact Deleted successfully", data null; then it is gone and PATCH on it answers ERR', async () => {
    const session = t.newSession();
    const added = await ipay(t, session, 'post', '/contacts/profile', { body: ADD_SAMPLE });
    const id = added.body.data._id as string;
    const res = await ipay(t, session, 'delete', '/contacts/profile', { body: `{\n    "contactId":"${id}"\n}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('TXN', 'Contact Deleted successfully', null));
    expect(res).toMatchContract('instantpay', 'deleteContact');
    expect((await listContacts(session)).body.data.map((c: { _id: string }) => c._id)).not.toContain(id);
    const patch = await ipay(t, session, 'patch', '/contacts/profile', {
      body: { contactId: id, name: 'N', email: 'n@example.com', mobile: '9000000001', tagDetails: [{ tagId: INSTANTPAY.tag }] },
    });
    expect(patch.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    expect(patch).toMatchContract('instantpay', 'updateContact');
    const again = await ipay(t, session, 'delete', '/contacts/profile', { body: { contactId: id } });
    expect(again.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
  });

  it("takes the contact's persons with it", async () => {
    const session = t.newSession();
    await ipay(t, session, 'delete', '/contacts/profile', { body: { contactId: INSTANTPAY.contact } });
    const persons = await ipay(t, session, 'get', '/contacts/person', { body: { gcId: INSTANTPAY.contact } });
    expect(persons.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    const dump = await admin(t, session, 'get', '/state/instantpay', 'getVendorState');
    const book = dump.body.books[String(await userIdOf(t, 'sandbox'))] as { persons: { gcId: string }[] };
    expect(book.persons.filter((p) => p.gcId === INSTANTPAY.contact)).toEqual([]);
  });

  it('answers RPI "The contact id field is required." without a body', async () => {
    const res = await ipay(t, t.newSession(), 'delete', '/contacts/profile');
    expect(res.body).toEqual(envelopeOf('RPI', 'The contact id field is required.', null));
    expect(res).toMatchContract('instantpay', 'deleteContact');
  });
});
