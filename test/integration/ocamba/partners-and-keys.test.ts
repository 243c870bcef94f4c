import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../helpers/contract-matchers.js';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const as = (session: string, key: string = OCAMBA.keyA) => ({ 'X-Sandbox-Session': session, Authorization: `Bearer ${key}` });
const PARTNER_SCHEMA = '#/components/schemas/Partner';

describe('GET /v1/hood/partners', () => {
  it("lists only the account's partners, each a full Partner", async () => {
    const res = await t.http().get('/v1/hood/partners').set(as(t.newSession()));
    expect(res.status).toBe(200);
    expect(res).toMatchContract('ocamba', 'listPartners');
    expect(res.body.total).toBe(5);
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(['1000418', '1000417', '1000416', '1000415', '1000414']);
    for (const partner of res.body.items) expect(schemaProblems('ocamba', PARTNER_SCHEMA, partner)).toEqual([]);
  });

  it('pages with page=N,M', async () => {
    const res = await t.http().get('/v1/hood/partners?page=2,2').set(as(t.newSession()));
    expect(res.body.total).toBe(5);
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(['1000416', '1000415']);
  });

  it('sorts with sort=-field and searches the name with q', async () => {
    const sorted = await t.http().get('/v1/hood/partners?sort=-id').set(as(t.newSession()));
    expect(sorted.body.items.map((p: { id: string }) => p.id)).toEqual(['1000418', '1000417', '1000416', '1000415', '1000414']);
    const ascending = await t.http().get('/v1/hood/partners?sort=id').set(as(t.newSession()));
    expect(ascending.body.items[0].id).toBe('1000414');
    const found = await t.http().get('/v1/hood/partners?q=test%20PART').set(as(t.newSession()));
    expect(found.body).toMatchObject({ total: 1, items: [{ id: '1000418', name: 'Test Partner' }] });
  });

  it('keeps only the requested fields', async () => {
    const res = await t.http().get('/v1/hood/partners?fields=id,name&page=1,1').set(as(t.newSession()));
    expect(res.body.items).toEqual([{ id: '1000418', name: 'Test Partner' }]);
  });

  it('answers 400 for a malformed page or an unsortable field', async () => {
    for (const query of ['page=0', 'page=a,b', 'sort=secret']) {
      const res = await t.http().get(`/v1/hood/partners?${query}`).set(as(t.newSession()));
      expect(res.status, query).toBe(400);
      expect(res).toMatchContract('ocamba', 'listPartners');
    }
  });
});

describe('GET /v1/hood/partners/{id}', () => {
  it("answers the seed's partner 1000418 in a one-item list envelope", async () => {
    const res = await t.http().get(`/v1/hood/partners/${OCAMBA.partner}`).set(as(t.newSession()));
    expect(res.status).toBe(200);
    expect(res).toMatchContract('ocamba', 'getPartner');
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ id: '1000418', company_id: OCAMBA.companyA, name: 'Test Partner', create_time: '2024-09-24 13:28:19' });
  });

  it('answers 404 for a partner of another account', async () => {
    const res = await t.http().get(`/v1/hood/partners/${OCAMBA.partnerOfB}`).set(as(t.newSession()));
    expect(res.status).toBe(404);
    expect(res).toMatchContract('ocamba', 'getPartner');
  });

  it("moves update_time to the virtual clock's now when a contact changes", async () => {
    const session = t.newSession();
    await t.http().patch(`/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`).set(as(session)).send({ value: 'a@b.co' });
    const res = await t.http().get(`/v1/hood/partners/${OCAMBA.partner}`).set(as(session));
    expect(res.body.items[0].update_time).toBe('2026-03-02 10:00:00');
  });
});

describe('POST /v2/ocamba/personal-api-keys/validate', () => {
  it('answers 204 for a valid key', async () => {
    const res = await t.http().post('/v2/ocamba/personal-api-keys/validate').set(as(t.newSession()));
    expect(res.status).toBe(204);
    expect(res).toMatchContract('ocamba', 'validatePersonalApiKey');
  });

  it.each([
    ['an unknown key', '1111111111111111111111111111111111111111'],
    ['an expired key', OCAMBA.expiredKey],
  ])('answers 401 for %s', async (_case, key) => {
    const res = await t.http().post('/v2/ocamba/personal-api-keys/validate').set(as(t.newSession(), key));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 401, title: 'Unauthorized.', message: 'Unauthorized.' });
    expect(res).toMatchContract('ocamba', 'validatePersonalApiKey');
  });

  it('accepts the expired key while the virtual clock is inside its validity window', async () => {
    const session = t.newSession();
    await t.admin(session).setClock('2023-06-01T00:00:00Z');
    const res = await t.http().post('/v2/ocamba/personal-api-keys/validate').set(as(session, OCAMBA.expiredKey));
    expect(res.status).toBe(204);
  });
});
