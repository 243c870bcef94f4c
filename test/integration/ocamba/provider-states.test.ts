import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };
const setUp = (session: string, state: string, params: object) => t.session(session).post('/__admin/provider-states').send({ state, params, action: 'setup' });
const OCAMBA_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe("Ocamba's provider states", () => {
  it('"a partner with contacts" chooses an existing partner and leaves it exactly `count` contacts; its update_time is now', async () => {
    const session = t.newSession();
    await setUp(session, 'a partner with contacts', { partnerId: OCAMBA.partner, count: 0 });
    expect((await t.session(session).get(`/v1/hood/partners/${OCAMBA.partner}/contacts`).set(auth)).body).toEqual({ total: 0, items: [] });
    expect((await t.session(session).get(`/v1/hood/partners/${OCAMBA.partner}`).set(auth)).body.items[0]).toMatchObject({
      name: 'Test Partner',
      update_time: '2026-03-02 10:00:00',
    });
  });

  it("makes a new partner of the sandbox account as the generated partners are: listed, Ocamba's timestamps", async () => {
    const session = t.newSession();
    await setUp(session, 'a partner with contacts', { partnerId: '2000555' });
    const partner = (await t.session(session).get('/v1/hood/partners/2000555').set(auth)).body.items[0];
    expect(partner).toMatchObject({ id: '2000555', company_id: OCAMBA.companyA });
    expect(partner.create_time).toMatch(OCAMBA_TIME);
    expect((await t.session(session).get('/v1/hood/partners/2000555/contacts').set(auth)).body.total).toBe(2);
    const list = await t.session(session).get('/v1/hood/partners').query({ q: partner.name }).set(auth);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain('2000555');
    // Account B's key does not see it.
    expect(
      (
        await t
          .session(session)
          .get('/v1/hood/partners/2000555')
          .set({ Authorization: `Bearer ${OCAMBA.keyB}` })
      ).status,
    ).toBe(404);
  });

  it('"an Ocamba partner contact" replaces the contact with its id, and refuses a value that does not suit the type, changing nothing', async () => {
    const session = t.newSession();
    await setUp(session, 'an Ocamba partner contact', { partnerId: OCAMBA.partner, contactId: OCAMBA.emailContact, value: 'new@example.com' });
    expect((await t.session(session).get(`/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`).set(auth)).body.items).toEqual([
      { id: OCAMBA.emailContact, type: 'email', value: 'new@example.com' },
    ]);
    const before = (await t.admin(session).state('ocamba')).body;
    const res = await setUp(session, 'an Ocamba partner contact', { partnerId: OCAMBA.partner, contactId: OCAMBA.emailContact, type: 'mobile', value: 'abc' });
    expect(res.body.error.issues).toEqual(['"an Ocamba partner contact": contact "abc" is not a valid mobile value (must match pattern "^\\+?[0-9]{3,15}$")']);
    expect((await t.admin(session).state('ocamba')).body).toEqual(before);
  });
});
