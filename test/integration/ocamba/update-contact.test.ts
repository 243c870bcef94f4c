import { describe, expect, it } from 'vitest';
import { OCAMBA, UUID } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const contactPath = (partner: string = OCAMBA.partner, contact: string = OCAMBA.emailContact) => `/v1/hood/partners/${partner}/contacts/${contact}`;

/** PATCH as the seed's curl sends it, in a session of its own. */
function patch(session: string, body: string | object, headers: Record<string, string> = {}, path = contactPath()) {
  const req = t.http().patch(path).set('X-Sandbox-Session', session).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

async function storedContact(session: string, contact: string = OCAMBA.emailContact) {
  const res = await t.session(session).get(contactPath(OCAMBA.partner, contact)).set('Authorization', `Bearer ${OCAMBA.keyA}`);
  expect(res.status).toBe(200);
  return res.body.items[0] as { id: string; type: string; value: string };
}

describe('PATCH /v1/hood/partners/{id}/contacts/{contact_id}', () => {
  describe("the seed's curl example (host replaced, placeholder email made real)", () => {
    it('returns 204 with an empty body and the three X-RateLimit headers (§4.6.1)', async () => {
      const session = t.newSession();
      const res = await patch(session, '{\n  "value": "jane.doe@example.com",\n  "type": "email"\n}');
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.headers['content-type']).toBeUndefined();
      expect(res.headers['x-ratelimit-limit']).toBe('10');
      expect(res.headers['x-ratelimit-remaining']).toBe('9');
      expect(res.headers['x-ratelimit-reset']).toBe('1');
      expect(res).toMatchContract('ocamba', 'updatePartnerContact');
      expect(await storedContact(session)).toEqual({ id: OCAMBA.emailContact, type: 'email', value: 'jane.doe@example.com' });
    });

    it("the JS sample's fetch gets an empty 204, so its response.json() throws as it would against Ocamba (O-2)", async () => {
      const res = await fetch(`${t.url}${contactPath()}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'Content-Type': 'application/json', 'X-Sandbox-Session': t.newSession() },
        body: JSON.stringify({ value: 'jane.doe@example.com', type: 'email' }),
      });
      expect(res.status).toBe(204);
      await expect(res.json()).rejects.toThrow(SyntaxError);
    });

    it("the PHP sample, which really sends POST, gets 405 with Allow and Ocamba's envelope (O-3)", async () => {
      const res = await t
        .http()
        .post(contactPath())
        .set('Authorization', `Bearer ${OCAMBA.keyA}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ value: 'jane.doe@example.com', type: 'email' }));
      expect(res.status).toBe(405);
      expect(res.headers['allow']).toBe('DELETE, GET, PATCH');
      expect(res.body).toEqual({
        code: 405,
        title: 'Method not allowed.',
        message: 'The requested method is not allowed for this resource.',
        trace_id: expect.stringMatching(UUID),
      });
      expect(res).toMatchContractSchema('ocamba', '#/components/responses/MethodNotAllowed/content/application~1json/schema');
    });
  });

  it('changes only the value when only the value is sent (§4.6.2)', async () => {
    const session = t.newSession();
    const res = await patch(session, { value: 'x@y.zz' });
    expect(res.status).toBe(204);
    expect(await storedContact(session)).toEqual({ id: OCAMBA.emailContact, type: 'email', value: 'x@y.zz' });
  });

  it('changes only the type when only the type is sent, if the stored value suits it', async () => {
    const session = t.newSession();
    const res = await patch(session, { type: 'phone' }, {}, contactPath(OCAMBA.partner, OCAMBA.mobileContact));
    expect(res.status).toBe(204);
    expect(await storedContact(session, OCAMBA.mobileContact)).toEqual({ id: OCAMBA.mobileContact, type: 'phone', value: '1234567' });
  });

  describe('when the body is not valid', () => {
    const badRequest = { code: 400, title: 'Bad request.', message: 'The request body is not valid.', trace_id: expect.stringMatching(UUID) };
    it.each([
      ['an empty object (§4.6.3)', '{}'],
      ['no updatable field', '{"name":"x"}'],
      ['a type outside phone|mobile|skype|sip|email|website (§4.6.4)', '{"type":"fax","value":"1"}'],
      ['an email type with a value that is not an email (§4.6.4)', '{"type":"email","value":"not-an-email"}'],
      ['a mobile type with letters in the value', '{"type":"mobile","value":"12ab34"}'],
      ['a website that is not a URL', '{"type":"website","value":"not a url"}'],
      ['a value that is not a string', '{"value":12345}'],
      ['null for the value', '{"value":null}'],
      ['an empty value', '{"value":""}'],
      ['malformed JSON (§4.6.5)', '{"value": "a@b.co", '],
      ['a JSON array', '[{"value":"a@b.co"}]'],
      ['a JSON string', '"a@b.co"'],
      ['no body at all', ''],
    ])('answers 400 with the seed envelope and changes nothing: %s', async (_case, body) => {
      const session = t.newSession();
      const res = await patch(session, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body).toEqual(badRequest);
      expect(res).toMatchContract('ocamba', 'updatePartnerContact');
      expect(await storedContact(session)).toEqual({ id: OCAMBA.emailContact, type: 'email', value: 'partners@test-partner.example.com' });
    });

    it('answers 400 when only the value is sent and it does not suit the stored type', async () => {
      const session = t.newSession();
      const res = await patch(session, { value: 'not-an-email' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(badRequest);
      expect((await storedContact(session)).value).toBe('partners@test-partner.example.com');
    });

    it('gives every error a fresh trace id', async () => {
      const session = t.newSession();
      const [a, b] = [await patch(session, '{}'), await patch(session, '{}')];
      expect(a.body.trace_id).not.toBe(b.body.trace_id);
    });
  });

  describe('authentication (§4.6.6)', () => {
    const unauthorized = { code: 401, title: 'Unauthorized.', message: 'Unauthorized.', trace_id: expect.stringMatching(UUID) };
    it.each([
      ['no Authorization header', undefined],
      ['an unknown key', 'Bearer 0000000000000000000000000000000000000000'],
      ['the key without the Bearer scheme', OCAMBA.keyA],
      ['Basic instead of Bearer', `Basic ${OCAMBA.keyA}`],
      ['a key whose validity window has ended', `Bearer ${OCAMBA.expiredKey}`],
    ])('answers 401 with no rate-limit headers: %s', async (_case, authorization) => {
      const req = t.session().patch(contactPath()).set('Content-Type', 'application/json');
      if (authorization !== undefined) req.set('Authorization', authorization);
      const res = await req.send('{"value":"a@b.co"}');
      expect(res.status).toBe(401);
      expect(res.body).toEqual(unauthorized);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      expect(res).toMatchContract('ocamba', 'updatePartnerContact');
    });

    it('accepts the scheme in any case, as HTTP auth schemes are case-insensitive', async () => {
      const res = await patch(t.newSession(), { value: 'a@b.co' }, { Authorization: `bearer ${OCAMBA.keyA}` });
      expect(res.status).toBe(204);
    });
  });

  describe('unknown partner or contact (§4.6.7)', () => {
    const notFound = { code: 404, title: 'Not found.', message: 'The requested resource was not found.', trace_id: expect.stringMatching(UUID) };
    it.each([
      ['an unknown partner', contactPath('9999999')],
      ['an unknown contact', contactPath(OCAMBA.partner, '00000000-0000-4000-8000-000000000000')],
      ["another account's partner", contactPath(OCAMBA.partnerOfB)],
      ['a contact of another partner', contactPath('1000417', OCAMBA.emailContact)],
    ])('answers 404: %s', async (_case, path) => {
      const res = await patch(t.newSession(), { value: 'a@b.co' }, {}, path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(notFound);
      expect(res).toMatchContract('ocamba', 'updatePartnerContact');
    });
  });

  describe('content types and sizes', () => {
    it('reads a JSON body sent without a Content-Type', async () => {
      const res = await t
        .http()
        .patch(contactPath())
        .set('X-Sandbox-Session', t.newSession())
        .set('Authorization', `Bearer ${OCAMBA.keyA}`)
        .serialize((b: string) => b)
        .send('{"value":"a@b.co"}')
        .unset('Content-Type');
      expect(res.status).toBe(204);
    });

    it('answers 415 in the Ocamba envelope for a non-JSON content type', async () => {
      const res = await patch(t.newSession(), 'value=a@b.co', { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ code: 415, title: 'Unsupported media type.', message: 'The request body must be JSON.', trace_id: expect.stringMatching(UUID) });
      expect(res).toMatchContract('ocamba', 'updatePartnerContact');
    });

    it('answers 413 in the Ocamba envelope for a body over the limit, without reading it into the store', async () => {
      const session = t.newSession();
      const res = await patch(session, JSON.stringify({ value: `${'a'.repeat(1024 * 1024)}@b.co` }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ code: 413, title: 'Request entity too large.', message: 'The request body is too large.', trace_id: expect.stringMatching(UUID) });
      expect(res).toMatchContract('ocamba', 'updatePartnerContact');
      expect((await storedContact(session)).value).toBe('partners@test-partner.example.com');
    });
  });
});
