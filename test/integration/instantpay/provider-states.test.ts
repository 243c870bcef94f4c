import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { expectStateRefused } from '../../helpers/provider-states.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { ipayHeaders, type AccountKind } from './client.js';

const t = useSandbox();
const setUp = (session: string, params: object) => t.session(session).post('/__admin/provider-states').send({ state: 'an Instantpay contact', params, action: 'setup' });
const contacts = async (session: string, account: AccountKind = 'sandbox') =>
  (await t.session(session).get('/contacts/profile').set(ipayHeaders(account))).body.data as { _id: string; [key: string]: unknown }[];
const MADE = '65f1a2b3c4d5e6f708192a3b';

describe('the provider state "an Instantpay contact"', () => {
  it("creates a contact at the time its ObjectId carries, in the sandbox account's book only, with the account's first tag", async () => {
    const session = t.newSession();
    await setUp(session, { contactId: MADE });
    const made = (await contacts(session)).find((c) => c._id === MADE);
    expect(made).toMatchObject({ callingCode: '91', tagId: [INSTANTPAY.tag], created_at: '2024-03-13T12:57:23.000000Z', updated_at: '2024-03-13T12:57:23.000000Z' });
    expect(made?.['mobile']).toMatch(/^[0-9]{10}$/);
    expect((await contacts(session, 'live')).map((c) => c._id)).not.toContain(MADE);
  });

  it("puts it in the live account's book with account: live", async () => {
    const session = t.newSession();
    await setUp(session, { contactId: MADE, account: 'live', name: 'Live One' });
    expect((await contacts(session, 'live')).find((c) => c._id === MADE)).toMatchObject({ name: 'Live One' });
    expect((await contacts(session)).map((c) => c._id)).not.toContain(MADE);
  });

  it('chooses an existing contact: the values given change, created_at stays, updated_at is now', async () => {
    const session = t.newSession();
    expect((await setUp(session, { contactId: INSTANTPAY.contact, name: 'Renamed' })).status).toBe(200);
    expect((await contacts(session)).find((c) => c._id === INSTANTPAY.contact)).toMatchObject({
      name: 'Renamed',
      email: 'sample.name@example.com',
      created_at: '2023-05-04T10:06:50.127000Z',
      updated_at: '2026-03-02T10:00:00.000000Z',
    });
  });

  it.each([
    ["a tag that is not the account's", { contactId: MADE, tagIds: ['645383ba4acec95a320899ff'] }, 'tag(s) 645383ba4acec95a320899ff are not account'],
    ['a mobile number that is not 10 digits', { contactId: MADE, mobile: '98765' }, 'parameter "mobile" must match pattern'],
  ])('refuses %s, changing nothing', (_label, params, problem) => expectStateRefused(t, 'instantpay', 'an Instantpay contact', params, problem));
});
