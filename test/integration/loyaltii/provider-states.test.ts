import { describe, expect, it } from 'vitest';
import { LOYALTII } from '../../helpers/identities.js';
import { expectStateRefused } from '../../helpers/provider-states.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { BEARER, contactPath, NOW } from './client.js';

const t = useSandbox();
const { contact1, contact2 } = LOYALTII;
const setUp = (session: string, params: object) => t.session(session).post('/__admin/provider-states').send({ state: 'a Loyaltii contact', params, action: 'setup' });
const get = (session: string, id: number) =>
  t
    .session(session)
    .get(contactPath(id))
    .set({ ...BEARER, Accept: 'application/json' });
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$/;

describe('the provider state "a Loyaltii contact"', () => {
  it("chooses an existing contact: the fields given change, the others and its Secret stay; the Version given is the one a PATCH must send, and the database's counter moves past it", async () => {
    const session = t.newSession();
    const res = await setUp(session, { id: contact1.id, version: 'AAAAAAAAJxA=', firstName: 'Annika' });
    expect(res.body).toMatchObject({ id: contact1.id, version: 'AAAAAAAAJxA=', secret: contact1.secret });
    const contact = (await get(session, contact1.id)).body;
    expect(contact).toMatchObject({
      Id: contact1.id,
      Secret: contact1.secret,
      Email: contact1.email,
      FirstName: 'Annika',
      LastName: 'Lindqvist',
      Version: 'AAAAAAAAJxA=',
      LastModified: NOW,
    });
    const stale = await t.session(session).patch(contactPath(contact1.id)).set(BEARER).send({ Version: contact1.version, FirstName: 'Ann' });
    expect(stale.status).toBe(409);
    const patched = await t.session(session).patch(contactPath(contact1.id)).set(BEARER).send({ Version: 'AAAAAAAAJxA=', FirstName: 'Ann' });
    expect([patched.status, patched.body.Version]).toEqual([200, 'AAAAAAAAJxE=']);
  });

  it('makes a new contact as the database would: the next rowversion without a Version, LastModified now, round-trip dates, nothing else set', async () => {
    const session = t.newSession();
    expect((await setUp(session, { id: 777 })).body.version).toBe('AAAAAAAAB9k=');
    const contact = (await get(session, 777)).body as Record<string, unknown>;
    expect(contact).toMatchObject({
      Id: 777,
      Version: 'AAAAAAAAB9k=',
      LastModified: NOW,
      PreferredStoreId: null,
      RegistrationStoreId: null,
      ContactCompanyId: null,
      LimitMailsPermanently: false,
    });
    expect(contact['RegistrationDateTime']).toMatch(DATE_TIME_OFFSET);
    expect(contact['Secret']).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['an Email another contact of the account holds', { id: 777, email: contact2.email }, `Email ${contact2.email} is contact 2's (unique within the account)`],
    ['a Version another contact has', { id: 777, version: contact2.version }, `Version ${contact2.version} is contact 2's (a rowversion is unique in the database)`],
    ["the id of another account's contact", { id: LOYALTII.contactOfSecondAccount }, `contact ${LOYALTII.contactOfSecondAccount} is account second's`],
    ['a Version of another length than 8 bytes', { id: 777, version: 'AAAAAAAAAAAA' }, 'parameter "version" must match pattern'],
  ])('refuses %s, changing nothing', (_label, params, problem) => expectStateRefused(t, 'loyaltii', 'a Loyaltii contact', params, problem));
});
