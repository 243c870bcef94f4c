import { Writable } from 'node:stream';
import { pino } from 'pino';
import pretty from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { prettyOptions } from '../../../mock-server/src/core/logger.js';
import { IMICONNECT, INSTANTPAY, ISERVICE, LOYALTII, OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { lastEntry, located } from './journal.js';

let logged = '';
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged += chunk.toString('utf8');
    done();
  },
});
const t = useSandbox({ logger: pino({ base: null, level: 'info' }, pretty({ ...prettyOptions(false), destination })) });
const partnerContacts = `/v1/hood/partners/${OCAMBA.partner}/contacts`;
const ipay = {
  'X-Ipay-Auth-Code': '1',
  'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
  'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
  'X-Ipay-Endpoint-Ip': '125.0.0.1',
};

describe('explanations of refused requests (decision 0080)', () => {
  describe('Ocamba: contract validation', () => {
    it('journals every violated rule with its contract location; the header only when asked; the body is the same either way', async () => {
      // The same session, reset in between: the same seeded trace id, so the bodies compare byte for byte.
      const s = t.session();
      const send = (explain: boolean) => {
        const req = s.post(partnerContacts).set('Authorization', `Bearer ${OCAMBA.keyA}`);
        return (explain ? req.set('X-Sandbox-Explain', '1') : req).send({ type: 'nope', value: 5 });
      };
      const a = await send(false);
      const plain = { s, entry: await lastEntry(t, s.id) };
      expect((await t.admin(s.id).reset()).status).toBeLessThan(300);
      const b = await send(true);
      expect(a.status).toBe(400);
      expect(a.headers['x-sandbox-explain']).toBeUndefined();
      expect(b.text).toBe(a.text);
      expect(b.headers['x-sandbox-explain']).toBe(
        'schema.enum /type: expected one of "phone", "mobile", "skype", "sip", "email", "website", got "nope" (contracts/ocamba/openapi.yaml#/components/schemas/ContactType/enum); +1 more',
      );
      expect(plain.entry.explanations).toEqual([
        {
          rule: 'schema.enum',
          where: '/type',
          expected: 'one of "phone", "mobile", "skype", "sip", "email", "website"',
          got: '"nope"',
          source: 'contracts/ocamba/openapi.yaml#/components/schemas/ContactType/enum',
        },
        { rule: 'schema.type', where: '/value', expected: 'type string', got: '5', source: 'contracts/ocamba/openapi.yaml#/components/schemas/ContactValue/type' },
      ]);
      expect(logged).toContain(`POST ${partnerContacts} 400 session=${plain.s.id} vendor=ocamba operation=createPartnerContact status=400`);
      expect(logged).toMatch(/scenario=default reason=schema\.enum \/type: expected one of/);
    });

    it('explains credentials, query parameters, the method and an unknown partner', async () => {
      const s = t.session();
      await s.get(partnerContacts);
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([{ rule: 'credentials', where: 'header:authorization', source: 'docs/vendors/ocamba.md §4.1' }]);
      await s.get('/v1/hood/partners?page=abc').set('Authorization', `Bearer ${OCAMBA.keyA}`);
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([
        { rule: 'schema.pattern', where: 'query:page', source: 'contracts/ocamba/openapi.yaml#/paths/~1v1~1hood~1partners/get/parameters/3/schema/pattern' },
      ]);
      await s.put(partnerContacts).set('Authorization', `Bearer ${OCAMBA.keyA}`);
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([
        { rule: 'route.method-not-allowed', where: 'method', source: 'contracts/ocamba/openapi.yaml#/paths/~1v1~1hood~1partners~1{id}~1contacts' },
      ]);
      await s.get('/v1/hood/partners/999/contacts').set('Authorization', `Bearer ${OCAMBA.keyA}`);
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([{ rule: 'not-found', where: 'path', source: 'docs/vendors/ocamba.md §4.2' }]);
    });

    it('lists no explanations for an answer that refuses nothing, and sends no header even when asked', async () => {
      const s = t.session();
      const res = await s.get(partnerContacts).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('X-Sandbox-Explain', '1');
      expect(res.status).toBe(200);
      expect(res.headers['x-sandbox-explain']).toBeUndefined();
      const listing = await t.http().get('/__admin/requests').set('X-Sandbox-Session', s.id);
      expect(listing).toMatchContract('admin', 'listRequests');
      expect(listing.body.requests[0].explanations).toEqual([]);
    });
  });

  describe('scenarios', () => {
    it('names the scenario and override that forced an answer', async () => {
      const s = t.session();
      const res = await s.get(partnerContacts).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('X-Sandbox-Scenario', 'ocamba/throttled').set('X-Sandbox-Explain', '1');
      expect(res.status).toBe(429);
      const entry = await lastEntry(t, s.id);
      expect(entry.explanations[0]).toMatchObject({
        rule: 'scenario.error',
        where: 'scenario',
        got: 'forced error TOO_MANY_REQUESTS',
        source: 'scenario "ocamba/throttled" overrides[0]',
      });
      expect(res.headers['x-sandbox-explain']).toMatch(/^scenario\.error scenario: expected the vendor's answer, got forced error TOO_MANY_REQUESTS/);
    });
  });

  describe('Instantpay: admission', () => {
    it('explains an unknown client id and a wrong auth code', async () => {
      const s = t.session();
      await s.get('/contacts/profile').set({ ...ipay, 'X-Ipay-Client-Id': 'nobody' });
      expect((await lastEntry(t, s.id)).explanations).toEqual([
        {
          rule: 'credentials',
          where: 'header:x-ipay-client-id',
          expected: 'the client id and secret of an account',
          got: 'unknown client id "nobody"',
          source: 'docs/vendors/instantpay.md §1.2 (decision 0101)',
        },
      ]);
      await s.get('/contacts/profile').set({ ...ipay, 'X-Ipay-Auth-Code': '2' });
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([
        { rule: 'auth-code', where: 'header:x-ipay-auth-code', source: 'docs/vendors/instantpay.md §1.2 (decision 0106)' },
      ]);
    });
  });

  describe('IMIconnect: admission and the batch limit', () => {
    it('explains a missing key, an unknown key and a batch over the limit', async () => {
      const s = t.session();
      const records = (n: number) => ({ Records: Array.from({ length: n }, (_, i) => ({ customerId: `c${i}`, Attributes: { name: 'x' } })) });
      await s.put('/resources/v2/customerprofile').send(records(1));
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([{ rule: 'credentials', where: 'header:key', source: 'docs/vendors/imiconnect.md §2.2' }]);
      await s.put('/resources/v2/customerprofile').set('key', 'wrong').send(records(1));
      expect((await lastEntry(t, s.id)).explanations[0]).toMatchObject({ rule: 'credentials', got: 'unknown key "wrong"' });
      await s.put('/resources/v2/customerprofile').set('key', IMICONNECT.key).send(records(101));
      expect((await lastEntry(t, s.id)).explanations).toEqual([
        { rule: 'batch-limit', where: '/Records', expected: 'at most 100 records', got: '101 records', source: 'docs/vendors/imiconnect.md §2.3 (M-3)' },
      ]);
    });
  });

  describe('Loyaltii: routing, credentials and Version concurrency', () => {
    const contact = `/api/v1/Contacts/${LOYALTII.contact1.id}`;
    it('explains a non-integer id, missing credentials and a stale Version', async () => {
      const s = t.session();
      await s.get('/api/v1/Contacts/abc');
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([{ rule: 'route.not-found', where: 'path', source: 'docs/decisions/0304-loyaltii-routing-and-formats.md' }]);
      await s.get(contact);
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([
        { rule: 'credentials', where: 'header:authorization', source: 'docs/vendors/loyaltii.md §3.2 (decision 0300)' },
      ]);
      const res = await s.patch(contact).set('Authorization', `Bearer ${LOYALTII.token}`).send({ Version: 'AAAAAAAAAAE=', FirstName: 'Anna' });
      expect(res.status).toBe(409);
      expect((await lastEntry(t, s.id)).explanations).toEqual([
        { rule: 'concurrency', where: '/Version', expected: 'the Version last read (ReadContactDto.Version)', got: '"AAAAAAAAAAE="', source: 'docs/vendors/loyaltii.md §3.3' },
      ]);
    });
  });

  describe('iService: login and the own-contact rule', () => {
    it('explains a call without a session and a customer writing another contact', async () => {
      const s = t.session();
      await s.post('/f/webapp-api-custinfo?api=setdetails').send({ contactID: ISERVICE.otherContact, details: { properties: [] } });
      expect(located((await lastEntry(t, s.id)).explanations)).toEqual([{ rule: 'login', where: 'header:cookie', source: 'docs/vendors/iservice.md §5.1 (decision 0402)' }]);
      await s.post('/f/webapp-api-login?api=login').send({ emailAddress: ISERVICE.customer.emailAddress, Password: ISERVICE.customer.Password });
      const res = await s.post('/f/webapp-api-custinfo?api=setdetails').send({ contactID: ISERVICE.otherContact, details: { properties: [] }, membership: [] });
      expect(res.body.errors).toEqual(['Access denied.']);
      expect((await lastEntry(t, s.id)).explanations).toEqual([
        {
          rule: 'own-contact',
          where: '/contactID',
          expected: `the customer's own contactID (${ISERVICE.customer.contactID})`,
          got: String(ISERVICE.otherContact),
          source: 'docs/decisions/0403-iservice-access-rights.md',
        },
      ]);
    });
  });
});

describe('a value nested too deeply to serialise', () => {
  it('is explained by its kind, and the vendor still answers its own refusal (no 500)', async () => {
    const s = t.session();
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const res = await s.post(partnerContacts).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('Content-Type', 'application/json').send(`{"type":"email","value":${deep}}`);
    expect(res.status).toBe(400);
    expect((await lastEntry(t, s.id)).explanations[0]).toMatchObject({ rule: 'schema.type', where: '/value', got: '[...] (nested too deeply to show)' });
  });
});
