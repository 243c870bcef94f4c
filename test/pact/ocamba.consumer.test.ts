import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3 as M, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { OcambaApiError, OcambaClient } from '../../mock-server/src/clients/ocamba.js';
import { responseBodyMatchers, responseHeaderMatchers } from '../../mock-server/src/pact-matchers.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { OCAMBA } from '../helpers/identities.js';
import { CONSUMER, expectCommittedPact, pactOutputDir, rejection } from './pact-files.js';

const PROVIDER = 'ocamba-hood';
const dir = pactOutputDir();
expectCommittedPact(dir, PROVIDER);
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'warn' });
const contract = contractOf('ocamba');
const partners = JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/ocamba/default/partners.json'), 'utf8')) as { id: string }[];
const partner = partners.find((p) => p.id === OCAMBA.partner)!;

const contactPath = `/v1/hood/partners/${OCAMBA.partner}/contacts`;
const auth = { Authorization: `Bearer ${OCAMBA.keyA}` };
const json = { ...auth, 'Content-Type': 'application/json' };
const TRACE = '99a84211-f73d-4ff8-acdf-eb3e06bb9d62';
const rateLimitHeaders = (op: string, status: number) =>
  responseHeaderMatchers(contract, op, status, { 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '9', 'X-RateLimit-Reset': '1' });
const errorBody = (op: string, status: number, title: string, message?: string) =>
  responseBodyMatchers(contract, op, status, { code: status, title, ...(message === undefined ? {} : { message }), trace_id: TRACE });
const client = (url: string, key: string = OCAMBA.keyA) => new OcambaClient({ baseUrl: url, apiKey: key });

/** The client must fail with this status (and the vendor's envelope, which the pact pins). */
async function rejectsWith(call: Promise<unknown>, status: number): Promise<OcambaApiError> {
  const error = await rejection(call, OcambaApiError);
  expect(error.status).toBe(status);
  return error;
}

describe(`${CONSUMER} → ${PROVIDER}`, () => {
  describe('PATCH a partner contact (updatePartnerContact)', () => {
    it('204 with rate-limit headers for type and value', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a partner contact with type and value')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(json).jsonBody({ type: 'email', value: 'jane.doe@example.com' }))
        .willRespondWith(204, (b) => b.headers(rateLimitHeaders('updatePartnerContact', 204)))
        .executeTest(async (server) => {
          const c = client(server.url);
          await c.updateContact(OCAMBA.partner, OCAMBA.emailContact, { type: 'email', value: 'jane.doe@example.com' });
          expect(c.lastRateLimit).toEqual({ limit: 10, remaining: 9, reset: 1 });
        }));

    it('204 for the value alone', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of a partner contact value only')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(json).jsonBody({ value: 'john.doe@example.org' }))
        .willRespondWith(204)
        .executeTest(async (server) => client(server.url).updateContact(OCAMBA.partner, OCAMBA.emailContact, { value: 'john.doe@example.org' })));

    it('400 for a value that does not suit the type', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update with a value that is not an email')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(json).jsonBody({ type: 'email', value: 'not-an-email' }))
        .willRespondWith(400, (b) => b.jsonBody(errorBody('updatePartnerContact', 400, 'Bad request.', 'The request body is not valid.')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).updateContact(OCAMBA.partner, OCAMBA.emailContact, { type: 'email', value: 'not-an-email' }), 400);
          expect(error.body?.message).toBe('The request body is not valid.');
        }));

    it('401 for an unknown key', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update with an unknown API key')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) =>
          b.headers({ Authorization: 'Bearer 0000000000000000000000000000000000000000', 'Content-Type': 'application/json' }).jsonBody({ value: 'a@b.co' }),
        )
        .willRespondWith(401, (b) => b.jsonBody(errorBody('updatePartnerContact', 401, 'Unauthorized.', 'Unauthorized.')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url, '0000000000000000000000000000000000000000').updateContact(OCAMBA.partner, OCAMBA.emailContact, { value: 'a@b.co' }), 401);
        }));

    it('403 when the key may not touch partners', () =>
      pact
        .addInteraction()
        .given('ocamba/forbidden-key')
        .uponReceiving('an update with a key that may not touch partners')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(json).jsonBody({ value: 'a@b.co' }))
        .willRespondWith(403, (b) => b.jsonBody(errorBody('updatePartnerContact', 403, 'Forbidden.', 'You do not have access to this resource.')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateContact(OCAMBA.partner, OCAMBA.emailContact, { value: 'a@b.co' }), 403);
        }));

    it('404 for an unknown contact', () =>
      pact
        .addInteraction()
        .given('default')
        .uponReceiving('an update of an unknown contact')
        .withRequest('PATCH', `${contactPath}/00000000-0000-4000-8000-000000000000`, (b) => b.headers(json).jsonBody({ value: 'a@b.co' }))
        .willRespondWith(404, (b) => b.jsonBody(errorBody('updatePartnerContact', 404, 'Not found.', 'The requested resource was not found.')))
        .executeTest(async (server) => {
          await rejectsWith(client(server.url).updateContact(OCAMBA.partner, '00000000-0000-4000-8000-000000000000', { value: 'a@b.co' }), 404);
        }));

    it('429 with Retry-After when the account is throttled', () =>
      pact
        .addInteraction()
        .given('ocamba/throttled')
        .uponReceiving('an update while the account is throttled')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(json).jsonBody({ value: 'a@b.co' }))
        .willRespondWith(429, (b) =>
          b
            .headers(responseHeaderMatchers(contract, 'updatePartnerContact', 429, { 'Retry-After': '1' }))
            .jsonBody(errorBody('updatePartnerContact', 429, 'Too many requests.', 'Rate limit reached.')),
        )
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).updateContact(OCAMBA.partner, OCAMBA.emailContact, { value: 'a@b.co' }), 429);
          expect(error.retryAfter).toBe(1);
        }));

    it('500 without a message, as the seed documents', () =>
      pact
        .addInteraction()
        .given('ocamba/server-error-then-recover')
        .uponReceiving('an update while Ocamba fails')
        .withRequest('PATCH', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(json).jsonBody({ value: 'a@b.co' }))
        .willRespondWith(500, (b) => b.jsonBody(errorBody('updatePartnerContact', 500, 'Internal server error.')))
        .executeTest(async (server) => {
          const error = await rejectsWith(client(server.url).updateContact(OCAMBA.partner, OCAMBA.emailContact, { value: 'a@b.co' }), 500);
          expect(error.body).toEqual({ code: 500, title: 'Internal server error.', trace_id: TRACE });
        }));
  });

  it('POST a partner contact: 201 with the new contact', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the creation of a mobile partner contact')
      .withRequest('POST', contactPath, (b) => b.headers(json).jsonBody({ type: 'mobile', value: '43164324' }))
      .willRespondWith(201, (b) =>
        b
          .headers(rateLimitHeaders('createPartnerContact', 201))
          .jsonBody(responseBodyMatchers(contract, 'createPartnerContact', 201, { id: '95eb301b-6aaf-42ad-a219-ccbd5f4d3d2b', type: 'mobile', value: '43164324' })),
      )
      .executeTest(async (server) => {
        expect(await client(server.url).createContact(OCAMBA.partner, { type: 'mobile', value: '43164324' })).toEqual({
          id: '95eb301b-6aaf-42ad-a219-ccbd5f4d3d2b',
          type: 'mobile',
          value: '43164324',
        });
      }));

  it('GET the partner contacts: {total, items}', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('a list of partner contacts')
      .withRequest('GET', contactPath, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody(
          responseBodyMatchers(contract, 'listPartnerContacts', 200, { total: 2, items: [{ id: OCAMBA.emailContact, type: 'email', value: 'partners@test-partner.example.com' }] }),
        ),
      )
      .executeTest(async (server) => {
        const list = await client(server.url).listContacts(OCAMBA.partner);
        expect(list.items[0]?.id).toBe(OCAMBA.emailContact);
      }));

  it('GET one partner contact', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('one partner contact')
      .withRequest('GET', `${contactPath}/${OCAMBA.emailContact}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody(
          responseBodyMatchers(contract, 'getPartnerContact', 200, { total: 1, items: [{ id: OCAMBA.emailContact, type: 'email', value: 'partners@test-partner.example.com' }] }),
        ),
      )
      .executeTest(async (server) => {
        expect(await client(server.url).getContact(OCAMBA.partner, OCAMBA.emailContact)).toEqual({
          id: OCAMBA.emailContact,
          type: 'email',
          value: 'partners@test-partner.example.com',
        });
      }));

  it('DELETE a partner contact: 204', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the deletion of a partner contact')
      .withRequest('DELETE', `${contactPath}/${OCAMBA.mobileContact}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => client(server.url).deleteContact(OCAMBA.partner, OCAMBA.mobileContact)));

  it('GET the partners of an account without partners: an empty list', () =>
    pact
      .addInteraction()
      .given('ocamba/unknown-partner')
      .uponReceiving('a list of partners of an account that has none')
      .withRequest('GET', '/v1/hood/partners', (b) => b.headers(auth))
      .willRespondWith(200, (b) => b.jsonBody({ total: 0, items: [] }))
      .executeTest(async (server) => {
        expect(await client(server.url).listPartners()).toEqual({ total: 0, items: [] });
      }));

  it('GET a partner: a one-item list envelope', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('one partner')
      .withRequest('GET', `/v1/hood/partners/${OCAMBA.partner}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) => b.jsonBody({ total: 1, items: [M.like(partner)] }))
      .executeTest(async (server) => {
        expect((await client(server.url).getPartner(OCAMBA.partner)).name).toBe('Test Partner');
      }));

  it('GET partners with paging and sorting', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('a page of partners sorted by name')
      .withRequest('GET', '/v1/hood/partners', (b) => b.headers(auth).query({ page: '1,2', sort: 'name' }))
      .willRespondWith(200, (b) => b.jsonBody({ total: M.integer(5), items: M.eachLike(M.like(partner), 1) }))
      .executeTest(async (server) => {
        const page = await client(server.url).listPartners({ page: 1, perPage: 2, sort: ['name'] });
        expect(page.items.length).toBeGreaterThan(0);
      }));

  it('POST validate an API key: 204 when valid', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the validation of a valid API key')
      .withRequest('POST', '/v2/ocamba/personal-api-keys/validate', (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        expect(await client(server.url).validateKey()).toBe(true);
      }));

  it('POST validate an API key: 401 when expired', () =>
    pact
      .addInteraction()
      .given('default')
      .uponReceiving('the validation of an expired API key')
      .withRequest('POST', '/v2/ocamba/personal-api-keys/validate', (b) => b.headers({ Authorization: `Bearer ${OCAMBA.expiredKey}` }))
      .willRespondWith(401, (b) => b.jsonBody(errorBody('validatePersonalApiKey', 401, 'Unauthorized.', 'Unauthorized.')))
      .executeTest(async (server) => {
        expect(await client(server.url, OCAMBA.expiredKey).validateKey()).toBe(false);
      }));

  describe('records a provider state with parameters makes (docs/provider-states.md)', () => {
    const MADE_PARTNER = '2000123';
    const MADE_CONTACT = '0b6f3c2a-5d1e-4f7a-9c3b-2e8d1a4f6b7c';

    it('GET the contacts of a partner made with three email contacts: total 3', () =>
      pact
        .addInteraction()
        .given('a partner with contacts', { partnerId: MADE_PARTNER, count: 3, type: 'email' })
        .uponReceiving('a list of the contacts of a partner a provider state made')
        .withRequest('GET', `/v1/hood/partners/${MADE_PARTNER}/contacts`, (b) => b.headers(auth))
        .willRespondWith(200, (b) =>
          // `total` and `type` are what the parameters say; ids and values are generated.
          b.jsonBody({
            total: 3,
            items: M.eachLike({ id: M.uuid('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'), type: 'email', value: M.regex('^[^@\\s]+@[^@\\s]+$', 'jane@example.com') }, 3),
          }),
        )
        .executeTest(async (server) => {
          const list = await client(server.url).listContacts(MADE_PARTNER);
          expect(list.total).toBe(3);
          expect(list.items.map((c) => c.type)).toEqual(['email', 'email', 'email']);
        }));

    it('GET one contact a provider state made with a given id, type and value', () =>
      pact
        .addInteraction()
        .given('an Ocamba partner contact', { partnerId: OCAMBA.partner, contactId: MADE_CONTACT, type: 'mobile', value: '+46701234567' })
        .uponReceiving('one partner contact a provider state made')
        .withRequest('GET', `${contactPath}/${MADE_CONTACT}`, (b) => b.headers(auth))
        .willRespondWith(200, (b) => b.jsonBody({ total: 1, items: [{ id: MADE_CONTACT, type: 'mobile', value: '+46701234567' }] }))
        .executeTest(async (server) => {
          expect(await client(server.url).getContact(OCAMBA.partner, MADE_CONTACT)).toEqual({ id: MADE_CONTACT, type: 'mobile', value: '+46701234567' });
        }));
  });
});
