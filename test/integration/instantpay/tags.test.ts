import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { envelopeOf, ipay, userIdOf } from './client.js';

const t = useSandbox();
const listTags = (session: string) => ipay(t, session, 'get', '/contacts/tag');

describe('GET /contacts/tag (List Tag)', () => {
  it('answers TXN "Transaction Successful" with [{_id, name, hexColorCode}]', async () => {
    const res = await listTags(t.newSession());
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('TXN', 'Transaction Successful', expect.any(Array)));
    expect(res.body.data[0]).toEqual({ _id: INSTANTPAY.tag, name: 'Sample Tag', hexColorCode: '#FF1934' });
    for (const tag of res.body.data as object[]) expect(Object.keys(tag)).toEqual(['_id', 'name', 'hexColorCode']);
    expect(res).toMatchContract('instantpay', 'listTags');
  });
});

describe('POST /contacts/tag (Add Tag)', () => {
  it('answers TXN "Tag Added Successfully" with {userId, name, hexColorCode, updated_at, created_at, _id}; the _id carries created_at', async () => {
    const session = t.newSession();
    const res = await ipay(t, session, 'post', '/contacts/tag', { body: { name: 'Sample Tag', hexColorCode: '#FF1934' } });
    expect(res.body).toEqual(
      envelopeOf('TXN', 'Tag Added Successfully', {
        userId: await userIdOf(t, 'sandbox'),
        name: 'Sample Tag',
        hexColorCode: '#FF1934',
        updated_at: '2026-03-02T10:00:00.000000Z',
        created_at: '2026-03-02T10:00:00.000000Z',
        _id: expect.stringMatching(/^69a55fa0[0-9a-f]{16}$/),
      }),
    );
    expect(Object.keys(res.body.data)).toEqual(['userId', 'name', 'hexColorCode', 'updated_at', 'created_at', '_id']);
    expect(res).toMatchContract('instantpay', 'addTag');
    expect((await listTags(session)).body.data.at(-1)).toEqual({ _id: res.body.data._id, name: 'Sample Tag', hexColorCode: '#FF1934' });
  });

  it.each([
    ['a colour without #', { name: 'T', hexColorCode: 'FF1934' }, 'The hex color code format is invalid.'],
    ['no name', { hexColorCode: '#FF1934' }, 'The name field is required.'],
    ['no colour', { name: 'T' }, 'The hex color code field is required.'],
  ])('answers RPI: %s', async (_case, body, message) => {
    const session = t.newSession();
    const res = await ipay(t, session, 'post', '/contacts/tag', { body });
    expect(res.body).toEqual(envelopeOf('RPI', message, null));
    expect(res).toMatchContract('instantpay', 'addTag');
    expect((await listTags(session)).body.data).toHaveLength(4);
  });
});

describe('PATCH /contacts/tag (Update Tag, §1.9.10)', () => {
  it('answers TXN "Tag Updated Successfully" with data 1, an integer, and the list shows the change', async () => {
    const session = t.newSession();
    const res = await ipay(t, session, 'patch', '/contacts/tag', { body: { tagId: INSTANTPAY.tag, name: 'Renamed', hexColorCode: '#00FF00' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('TXN', 'Tag Updated Successfully', 1));
    expect(res.text).toContain('"data":1,');
    expect(res).toMatchContract('instantpay', 'updateTag');
    expect((await listTags(session)).body.data[0]).toEqual({ _id: INSTANTPAY.tag, name: 'Renamed', hexColorCode: '#00FF00' });
  });

  it('answers ERR "No Record Found" for an unknown tag', async () => {
    const res = await ipay(t, t.newSession(), 'patch', '/contacts/tag', { body: { tagId: 'ffffffffffffffffffffffff', name: 'R', hexColorCode: '#00FF00' } });
    expect(res.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
    expect(res).toMatchContract('instantpay', 'updateTag');
  });
});

describe('DELETE /contacts/tag (Delete Tag)', () => {
  it('answers TXN "Tag Deleted successfully" with data null, and takes the tag off the contacts that carry it', async () => {
    const session = t.newSession();
    const res = await ipay(t, session, 'delete', '/contacts/tag', { body: { tagId: INSTANTPAY.tag } });
    expect(res.body).toEqual(envelopeOf('TXN', 'Tag Deleted successfully', null));
    expect(res).toMatchContract('instantpay', 'deleteTag');
    expect((await listTags(session)).body.data.map((tag: { _id: string }) => tag._id)).not.toContain(INSTANTPAY.tag);
    const contacts = await ipay(t, session, 'get', '/contacts/profile');
    expect(contacts.body.data[0]).toMatchObject({ _id: INSTANTPAY.contact, tagId: [] });
    for (const contact of contacts.body.data as { tagId: string[] }[]) expect(contact.tagId).not.toContain(INSTANTPAY.tag);
    const again = await ipay(t, session, 'delete', '/contacts/tag', { body: { tagId: INSTANTPAY.tag } });
    expect(again.body).toEqual(envelopeOf('ERR', 'No Record Found', null));
  });
});
