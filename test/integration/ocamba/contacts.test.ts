import { describe, expect, it } from 'vitest';
import { OCAMBA, UUID } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const contacts = `/v1/hood/partners/${OCAMBA.partner}/contacts`;
const as = (session: string, key: string = OCAMBA.keyA) => ({ 'X-Sandbox-Session': session, Authorization: `Bearer ${key}` });

describe('GET /v1/hood/partners/{id}/contacts', () => {
  it('lists the partner contacts as {total, items}', async () => {
    const res = await t.http().get(contacts).set(as(t.newSession()));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      total: 2,
      items: [
        { id: OCAMBA.emailContact, type: 'email', value: 'partners@test-partner.example.com' },
        { id: OCAMBA.mobileContact, type: 'mobile', value: '1234567' },
      ],
    });
    expect(res).toMatchContract('ocamba', 'listPartnerContacts');
  });

  it('shows a PATCHed value afterwards (§4.6.10)', async () => {
    const session = t.newSession();
    const patched = await t.http().patch(`${contacts}/${OCAMBA.emailContact}`).set(as(session)).set('Content-Type', 'application/json').send('{"value":"new@example.org"}');
    expect(patched.status).toBe(204);
    const res = await t.http().get(contacts).set(as(session));
    expect(res.body.items[0]).toEqual({ id: OCAMBA.emailContact, type: 'email', value: 'new@example.org' });
  });

  it("answers 404 for another account's partner", async () => {
    const res = await t.http().get(contacts).set(as(t.newSession(), OCAMBA.keyB));
    expect(res.status).toBe(404);
    expect(res).toMatchContract('ocamba', 'listPartnerContacts');
  });
});

describe('POST /v1/hood/partners/{id}/contacts', () => {
  it("creates a contact from the vendor's sample and answers 201 {id, type, value} (§4.6.10)", async () => {
    const session = t.newSession();
    const res = await t.http().post(contacts).set(as(session)).set('Content-Type', 'application/json').send('{\n  "type": "mobile",\n  "value": "43164324"\n}');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(UUID), type: 'mobile', value: '43164324' });
    expect(res.headers['x-ratelimit-remaining']).toBe('9');
    expect(res).toMatchContract('ocamba', 'createPartnerContact');
    const listed = await t.http().get(contacts).set(as(session));
    expect(listed.body.total).toBe(3);
    expect(listed.body.items[2]).toEqual(res.body);
  });

  it('requires both type and value', async () => {
    const res = await t.http().post(contacts).set(as(t.newSession())).send({ value: 'a@b.co' });
    expect(res.status).toBe(400);
    expect(res).toMatchContract('ocamba', 'createPartnerContact');
  });

  it('requires a value that suits the type', async () => {
    const res = await t.http().post(contacts).set(as(t.newSession())).send({ type: 'email', value: '12345' });
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown partner', async () => {
    const res = await t.http().post('/v1/hood/partners/42/contacts').set(as(t.newSession())).send({ type: 'email', value: 'a@b.co' });
    expect(res.status).toBe(404);
    expect(res).toMatchContract('ocamba', 'createPartnerContact');
  });
});

describe('GET /v1/hood/partners/{id}/contacts/{contact_id}', () => {
  it('answers the contact in a list envelope with one item', async () => {
    const res = await t.http().get(`${contacts}/${OCAMBA.emailContact}`).set(as(t.newSession()));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 1, items: [{ id: OCAMBA.emailContact, type: 'email', value: 'partners@test-partner.example.com' }] });
    expect(res).toMatchContract('ocamba', 'getPartnerContact');
  });
});

describe('DELETE /v1/hood/partners/{id}/contacts/{contact_id}', () => {
  it('answers 204 and the contact is gone; a second delete answers 404', async () => {
    const session = t.newSession();
    const res = await t.http().delete(`${contacts}/${OCAMBA.mobileContact}`).set(as(session));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res).toMatchContract('ocamba', 'deletePartnerContact');
    const after = await t.http().get(`${contacts}/${OCAMBA.mobileContact}`).set(as(session));
    expect(after.status).toBe(404);
    const again = await t.http().delete(`${contacts}/${OCAMBA.mobileContact}`).set(as(session));
    expect(again.status).toBe(404);
    expect(again).toMatchContract('ocamba', 'deletePartnerContact');
  });
});

describe('unknown sub-routes under an Ocamba base path', () => {
  it.each(['/v1/hood/partnerz', '/v1/hood', '/v2/ocamba/personal-api-keys'])('answers %s with the Ocamba 404 envelope', async (path) => {
    const res = await t.http().get(path).set(as(t.newSession()));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, title: 'Not found.', message: 'The requested resource was not found.', trace_id: expect.stringMatching(UUID) });
    expect(res).toMatchContractSchema('ocamba', '#/components/responses/NotFound/content/application~1json/schema');
  });
});
