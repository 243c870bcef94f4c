import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { envelopeOf, ipay } from './client.js';

const t = useSandbox();
/** The vendor's person samples send this extra header; it changes nothing. */
const SAMPLE_HEADERS = { 'XContent-Type': 'application/json' } as const;
const listPersons = (session: string, gcId: string = INSTANTPAY.contact) =>
  ipay(t, session, 'get', '/contacts/person', { body: `{\n    "gcId":"${gcId}"\n}`, headers: SAMPLE_HEADERS });

const LISTED_SAMPLE = {
  _id: INSTANTPAY.listedPerson,
  gcId: INSTANTPAY.contact,
  contactPersonName: 'Sample Name',
  email: 'sample.name@example.com',
  mobile: '7428585742',
  description: 'test desc',
  callingCode: '+91',
  updated_at: '2023-05-04T11:27:24.956000Z',
  created_at: '2023-05-04T11:27:24.956000Z',
};

describe('GET /contacts/person (List Person), with the contact id in a JSON body', () => {
  it('answers TXN "Transaction Successful" with the contact\'s persons, the vendor\'s sample among them', async () => {
    const res = await listPersons(t.newSession());
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('TXN', 'Transaction Successful', expect.any(Array)));
    expect(res.body.data.map((p: { _id: string }) => p._id)).toEqual([INSTANTPAY.person, INSTANTPAY.listedPerson]);
    expect(res.body.data[1]).toEqual(LISTED_SAMPLE);
    expect(Object.keys(res.body.data[1])).toEqual(Object.keys(LISTED_SAMPLE));
    expect(res).toMatchContract('instantpay', 'listPersons');
  });

  it('answers RPI "The gc id field is required." without a body', async () => {
    const res = await ipay(t, t.newSession(), 'get', '/contacts/person');
    expect(res.body).toEqual(envelopeOf('RPI', 'The gc id field is required.', null));
    expect(res).toMatchContract('instantpay', 'listPersons');
  });

  it('answers ERR "No Record Found" for an unknown contact', async () => {
    const res = await listPersons(t.newSession(), 'ffffffffffffffffffffffff');
    expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    expect(res).toMatchContract('instantpay', 'listPersons');
  });
});

describe('POST /contacts/person (Add Person)', () => {
  it('answers TXN "Contact Person Added Successfully" with the person, callingCode "+91", its _id carrying created_at', async () => {
    const session = t.newSession();
    const body = { gcId: INSTANTPAY.contact, contactPersonName: 'Karthik', email: 'testkartk123@gmail', mobile: '9219113815', description: 'test desc for karthik' };
    const res = await ipay(t, session, 'post', '/contacts/person', { body, headers: SAMPLE_HEADERS });
    const person = {
      ...body,
      callingCode: '+91',
      updated_at: '2026-03-02T10:00:00.000000Z',
      created_at: '2026-03-02T10:00:00.000000Z',
      _id: expect.stringMatching(/^69a55fa0[0-9a-f]{16}$/),
    };
    expect(res.body).toEqual(envelopeOf('TXN', 'Contact Person Added Successfully', person));
    expect(Object.keys(res.body.data)).toEqual(['gcId', 'contactPersonName', 'email', 'mobile', 'description', 'callingCode', 'updated_at', 'created_at', '_id']);
    expect(res).toMatchContract('instantpay', 'addPerson');
    expect((await listPersons(session)).body.data.at(-1)).toMatchObject({ _id: res.body.data._id, contactPersonName: 'Karthik' });
  });

  it('answers ERR for an unknown contact and RPI for a missing description', async () => {
    const base = { gcId: 'ffffffffffffffffffffffff', contactPersonName: 'K', email: 'k@example.com', mobile: '9219113815', description: 'd' };
    const unknown = await ipay(t, t.newSession(), 'post', '/contacts/person', { body: base });
    expect(unknown.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    const { description: _d, ...noDescription } = { ...base, gcId: INSTANTPAY.contact };
    const invalid = await ipay(t, t.newSession(), 'post', '/contacts/person', { body: noDescription });
    expect(invalid.body).toEqual(envelopeOf('RPI', 'The description field is required.', null));
    expect(invalid).toMatchContract('instantpay', 'addPerson');
  });
});

describe('PATCH /contacts/person (Update Person)', () => {
  it('updates the vendor sample\'s person: TXN "Contact Person Updated Successfully", created_at kept', async () => {
    const session = t.newSession();
    const sample = `{
    "personId" : "6453951835fca2f80f074002",
    "gcId" : "645383ba4acec95a32089822",
    "contactPersonName" : "Sample Name",
    "email" : "sample.name@example.com",
    "mobile" : "7428585742",
    "description" : "test desc"

}`;
    const res = await ipay(t, session, 'patch', '/contacts/person', { body: sample, headers: SAMPLE_HEADERS });
    expect(res.body).toEqual(
      envelopeOf('TXN', 'Contact Person Updated Successfully', {
        gcId: INSTANTPAY.contact,
        contactPersonName: 'Sample Name',
        email: 'sample.name@example.com',
        mobile: '7428585742',
        description: 'test desc',
        callingCode: '+91',
        updated_at: '2026-03-02T10:00:00.000000Z',
        created_at: '2023-05-04T11:20:56.731000Z',
        _id: INSTANTPAY.person,
      }),
    );
    expect(res).toMatchContract('instantpay', 'updatePerson');
    expect((await listPersons(session)).body.data[0]).toMatchObject({ _id: INSTANTPAY.person, contactPersonName: 'Sample Name', updated_at: '2026-03-02T10:00:00.000000Z' });
  });

  it('answers ERR when the person belongs to another contact than gcId, and changes nothing', async () => {
    const session = t.newSession();
    const contacts = await ipay(t, session, 'get', '/contacts/profile');
    const other = (contacts.body.data as { _id: string }[])[1]!._id;
    const res = await ipay(t, session, 'patch', '/contacts/person', {
      body: { personId: INSTANTPAY.person, gcId: other, contactPersonName: 'X', email: 'x@example.com', mobile: '9000000000', description: 'x' },
    });
    expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    expect((await listPersons(session)).body.data[0]).toMatchObject({ _id: INSTANTPAY.person, contactPersonName: 'Karthik' });
  });
});

describe('DELETE /contacts/person (Delete Person)', () => {
  it('deletes the vendor sample\'s person: TXN "Person Deleted successfully", data null; a second delete answers ERR', async () => {
    const session = t.newSession();
    const body = `{\n\n    "gcId":"645383ba4acec95a32089822",\n    "personId" : "6453951835fca2f80f074002"\n}\n`;
    const res = await ipay(t, session, 'delete', '/contacts/person', { body, headers: SAMPLE_HEADERS });
    expect(res.body).toEqual(envelopeOf('TXN', 'Person Deleted successfully', null));
    expect(res).toMatchContract('instantpay', 'deletePerson');
    expect((await listPersons(session)).body.data.map((p: { _id: string }) => p._id)).toEqual([INSTANTPAY.listedPerson]);
    const again = await ipay(t, session, 'delete', '/contacts/person', { body });
    expect(again.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    expect(again).toMatchContract('instantpay', 'deletePerson');
  });
});
