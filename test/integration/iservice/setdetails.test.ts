import { describe, expect, it } from 'vitest';
import { ISERVICE } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { CONTACT_466, CUSTINFO, iserviceClient, notLoggedIn, OK, SEED_PAYLOAD, SEED_PAYLOAD_LITERAL } from './client.js';

const t = useSandbox();
const api = iserviceClient(t);

/** The seed's payload with changes, as an object. */
const seedWith = (change: (body: Record<string, any>) => void): Record<string, unknown> => {
  const body = JSON.parse(SEED_PAYLOAD) as Record<string, any>;
  change(body);
  return body;
};

/** Checks an answer against the contract and that contact 466 is still as the fixtures hold it. */
async function expectUnchanged(session: string, cookie: string) {
  expect(await api.details(session, cookie)).toEqual(CONTACT_466);
}

describe('POST /f/webapp-api-custinfo?api=setdetails', () => {
  describe("the seed's request, sent unchanged by the logged-in agent", () => {
    it('answers {"errors":[],"errorDetails":[]} (§5.5.2)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await t.session(session).post(`${CUSTINFO}?api=setdetails`).set('Cookie', cookie).set('Content-Type', 'application/json').send(SEED_PAYLOAD);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.text).toBe('{"errors":[],"errorDetails":[]}');
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    });

    it('is accepted byte for byte as the page shows it, non-breaking spaces included (Json.NET reads U+00A0 between tokens as whitespace)', async () => {
      expect(SEED_PAYLOAD_LITERAL).toContain('\u00a0"contactID":\u00a0466');
      const literal = t.newSession();
      const spaced = t.newSession();
      const literalCookie = await api.login(literal);
      const spacedCookie = await api.login(spaced);
      const res = await t.session(literal).post(`${CUSTINFO}?api=setdetails`).set('Cookie', literalCookie).set('Content-Type', 'application/json').send(SEED_PAYLOAD_LITERAL);
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"errors":[],"errorDetails":[]}');
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await api.custinfo(spaced, 'setdetails', SEED_PAYLOAD, spacedCookie);
      // The same contact as the ASCII-spaced payload leaves it (properties are matched by propertyID).
      expect(await api.details(literal, literalCookie)).toEqual(await api.details(spaced, spacedCookie));
    });

    it('still refuses a body that is not JSON once its non-breaking spaces are read as spaces', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await t
        .session(session)
        .post(`${CUSTINFO}?api=setdetails`)
        .set('Cookie', cookie)
        .set('Content-Type', 'application/json')
        .send(`{\u00a0"contactID":\u00a0466,\u00a0}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errors: ['The request could not be read.'], errorDetails: ['The request body is not valid JSON.'] });
      await expectUnchanged(session, cookie);
    });

    it('replaces the listed properties, the logins and the membership; api=details reads them back (§5.5.2)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie);
      expect(await api.details(session, cookie)).toEqual({
        errors: [],
        errorDetails: [],
        contactID: 466,
        details: {
          properties: [
            { propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] },
            { propertyID: '2', propertyName: 'Middle Initial', values: [] },
            { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Deer' }] },
            // Not in the form's payload, so untouched.
            { propertyID: '4', propertyName: 'Company', values: [{ value: 'Example Corp' }] },
            { propertyID: '5', propertyName: 'Phone', values: [] },
          ],
          logins: [{ name: 'customer11@1to1service.com', type: 'Email' }],
        },
        membership: ['2', '3', '4', '5', '6', '7', '8', '10', '11', '12'],
      });
    });

    it('gives the same answer when sent twice (a full replacement, not an append)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie);
      const once = await api.details(session, cookie);
      expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie)).body).toEqual(OK);
      expect(await api.details(session, cookie)).toEqual(once);
    });
  });

  describe('logins', () => {
    it('are left unchanged when setLogins is false, whatever logins are sent (§5.5.9, S-8)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const body = seedWith((b) => {
        b.details.setLogins = false;
        b.details.logins = [{ name: 'new.login@example.com', type: 'email' }];
      });
      expect((await api.custinfo(session, 'setdetails', body, cookie)).body).toEqual(OK);
      expect(((await api.details(session, cookie)) as typeof CONTACT_466).details.logins).toEqual([{ name: 'customer11@1to1service.com', type: 'Email' }]);
    });

    it('are left unchanged when setLogins is absent', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const body = seedWith((b) => {
        delete b.details.setLogins;
        b.details.logins = [];
      });
      expect((await api.custinfo(session, 'setdetails', body, cookie)).body).toEqual(OK);
      expect(((await api.details(session, cookie)) as typeof CONTACT_466).details.logins).toEqual(CONTACT_466.details.logins);
    });

    it('are replaced when setLogins is true, with each type stored as sent (S-3)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const logins = [
        { name: 'jon.doe@example.com', type: 'EMAIL' },
        { name: 'jon.doe@gmail.example', type: 'Google' },
        { name: 'old@example.com', type: 'bounced' },
        { name: 'jd', type: '' },
      ];
      expect(
        (
          await api.custinfo(
            session,
            'setdetails',
            seedWith((b) => (b.details.logins = logins)),
            cookie,
          )
        ).body,
      ).toEqual(OK);
      expect(((await api.details(session, cookie)) as typeof CONTACT_466).details.logins).toEqual(logins);
    });

    it("refuse another contact's login, and change nothing", async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await api.custinfo(
        session,
        'setdetails',
        seedWith((b) => (b.details.logins = [{ name: 'Customer12@1to1service.com', type: 'Email' }])),
        cookie,
      );
      expect(res.body).toEqual({ errors: ['Login already in use.'], errorDetails: ['The login Customer12@1to1service.com belongs to another contact.'] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await expectUnchanged(session, cookie);
    });
  });

  describe('as a customer (seed: "customers may only update properties for their own contact ID")', () => {
    it('updates its own contact; the membership it sends is ignored (§5.5.4)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session, ISERVICE.customer);
      const res = await api.custinfo(
        session,
        'setdetails',
        seedWith((b) => (b.membership = ['1', '13'])),
        cookie,
      );
      expect(res.body).toEqual(OK);
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      const after = (await api.details(session, cookie)) as typeof CONTACT_466;
      expect(after.details.properties.slice(0, 3).map((p) => p.values)).toEqual([[{ value: 'John' }], [], [{ value: 'Deer' }]]);
      expect(after.membership).toEqual(['2', '3']);
    });

    it.each([
      ['another contact', 467],
      ['an unknown contact (without saying so)', 9999],
    ])('is denied %s, and nothing changes (§5.5.4, S-5)', async (_case, contactID) => {
      const session = t.newSession();
      const cookie = await api.login(session, ISERVICE.customer);
      const res = await api.custinfo(
        session,
        'setdetails',
        seedWith((b) => (b.contactID = contactID)),
        cookie,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errors: ['Access denied.'], errorDetails: [`Customers may only update their own contact (${contactID} is not yours).`] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      const agent = await api.login(session);
      expect(((await api.details(session, agent, 467)) as typeof CONTACT_466).details.properties[0]).toEqual({
        propertyID: '1',
        propertyName: 'First Name',
        values: [{ value: 'Maria' }],
      });
    });
  });

  describe('as an agent, within its segments', () => {
    it('is denied a membership with a segment it has no access to, and nothing changes (§5.5.5)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await api.custinfo(
        session,
        'setdetails',
        seedWith((b) => b.membership.push('13')),
        cookie,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errors: ['Access denied.'], errorDetails: ['You have no access to segment 13.'] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await expectUnchanged(session, cookie);
    });

    it('is denied a contact in none of its segments', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await api.custinfo(
        session,
        'setdetails',
        seedWith((b) => (b.contactID = ISERVICE.hiddenContact)),
        cookie,
      );
      expect(res.body).toEqual({ errors: ['Access denied.'], errorDetails: ['Contact 468 is in no segment you have access to.'] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    });

    it('keeps the segments it cannot see when it replaces the membership', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const body = seedWith((b) => {
        b.contactID = 467;
        b.details.setLogins = false;
      });
      expect((await api.custinfo(session, 'setdetails', body, cookie)).body).toEqual(OK);
      expect(((await api.details(session, cookie, 467)) as typeof CONTACT_466).membership).toEqual(['2', '3', '4', '5', '6', '7', '8', '10', '11', '12']);
      const state = await t.admin(session).state('iservice');
      expect(state.body.contacts.find((c: { contactID: number }) => c.contactID === 467).membership).toEqual(['2', '3', '4', '5', '6', '7', '8', '10', '11', '12', '13']);
    });

    it('leaves the membership unchanged when the body has none', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      expect(
        (
          await api.custinfo(
            session,
            'setdetails',
            seedWith((b) => delete b.membership),
            cookie,
          )
        ).body,
      ).toEqual(OK);
      expect(((await api.details(session, cookie)) as typeof CONTACT_466).membership).toEqual(['2', '3']);
    });

    it('accepts contactID as a numeric string (S-4)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      expect(
        (
          await api.custinfo(
            session,
            'setdetails',
            seedWith((b) => (b.contactID = '466')),
            cookie,
          )
        ).body,
      ).toEqual(OK);
      expect(((await api.details(session, cookie)) as typeof CONTACT_466).details.properties[0]?.values).toEqual([{ value: 'John' }]);
    });
  });

  describe('unknown records', () => {
    it('answers "Contact not found." for an unknown contactID (§5.5.6)', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await api.custinfo(
        session,
        'setdetails',
        seedWith((b) => (b.contactID = 9999)),
        cookie,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errors: ['Contact not found.'], errorDetails: ['No contact has contactID 9999.'] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    });

    it('answers "Invalid property." for an unknown or repeated propertyID, and applies nothing of the request', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const body = seedWith((b) =>
        b.details.properties.push({ propertyID: '99', propertyName: 'Shoe Size', values: [{ value: '44' }] }, { propertyID: '1', propertyName: 'First Name', values: [] }),
      );
      const res = await api.custinfo(session, 'setdetails', body, cookie);
      expect(res.body).toEqual({ errors: ['Invalid property.'], errorDetails: ['Property 99 does not exist.', 'Property 1 is listed more than once.'] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await expectUnchanged(session, cookie);
    });

    it('reports every problem at once: property, segments and login', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const body = seedWith((b) => {
        b.details.properties[0].propertyID = '77';
        b.membership = ['2', '1', '42'];
        b.details.logins = [{ name: 'agent@sandbox.example', type: 'Email' }];
      });
      const res = await api.custinfo(session, 'setdetails', body, cookie);
      expect(res.body).toEqual({
        errors: ['Invalid property.', 'Access denied.', 'Invalid segment.', 'Login already in use.'],
        errorDetails: [
          'Property 77 does not exist.',
          'You have no access to segment 1.',
          'Segment 42 does not exist.',
          'The login agent@sandbox.example belongs to another contact.',
        ],
      });
      await expectUnchanged(session, cookie);
    });
  });

  describe('when not logged in (§5.5.3)', () => {
    it.each([
      ['no cookie', undefined, 'The request carries no SessionID cookie.'],
      ['an unknown session id', 'SessionID=0123456789abcdef0123456789abcdef', 'The SessionID cookie names no session.'],
      ['a cookie of another name', 'ASP.NET_SessionId=abc', 'The request carries no SessionID cookie.'],
    ])('answers 200 "You must be logged in." with %s, and changes nothing', async (_case, cookie, detail) => {
      const session = t.newSession();
      const res = await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(notLoggedIn(detail));
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await expectUnchanged(session, await api.login(session));
    });

    it('says so before looking at the body', async () => {
      const res = await api.custinfo(t.newSession(), 'setdetails', '{not json');
      expect(res.body).toEqual(notLoggedIn('The request carries no SessionID cookie.'));
    });

    it('does not take a session from another sandbox session', async () => {
      const cookie = await api.login(t.newSession());
      const res = await api.custinfo(t.newSession(), 'setdetails', SEED_PAYLOAD, cookie);
      expect(res.body).toEqual(notLoggedIn('The SessionID cookie names no session.'));
    });
  });

  describe('bad bodies answer "Invalid request." (or "could not be read") and change nothing', () => {
    it.each([
      ['no body', undefined, ['body: request body is required']],
      ['an empty object', '{}', ["contactID: must have required property 'contactID'", "details: must have required property 'details'"]],
      ["details as an array (the seed table's details[] notation, S-1)", seedWith((b) => (b.details = [b.details])), ['details: must be object']],
      ['propertyID as a number (S-4)', seedWith((b) => (b.details.properties[0].propertyID = 1)), ['details.properties[0].propertyID: must be string']],
      ['a value that is not a string', seedWith((b) => (b.details.properties[2].values = [{ value: 5 }])), ['details.properties[2].values[0].value: must be string']],
      ['values as a string', seedWith((b) => (b.details.properties[0].values = 'John')), ['details.properties[0].values: must be array']],
      ['setLogins as a string', seedWith((b) => (b.details.setLogins = 'true')), ['details.setLogins: must be boolean']],
      [
        'a login type outside blank/email/bounced/Google',
        seedWith((b) => (b.details.logins[0].type = 'SMS')),
        ['details.logins[0].type: must match pattern "^([Ee][Mm][Aa][Ii][Ll]|[Bb][Oo][Uu][Nn][Cc][Ee][Dd]|[Gg][Oo][Oo][Gg][Ll][Ee]|[Bb][Ll][Aa][Nn][Kk])?$"'],
      ],
      ['membership ids as numbers (S-4)', seedWith((b) => (b.membership = [2, 3])), ['membership[0]: must be string', 'membership[1]: must be string']],
      ['a contactID of 0', seedWith((b) => (b.contactID = 0)), ['contactID: must be >= 1', 'contactID: must be string', 'contactID: must match a schema in anyOf']],
    ])('%s', async (_case, body, errorDetails) => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await api.custinfo(session, 'setdetails', body, cookie);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errors: ['Invalid request.'], errorDetails });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await expectUnchanged(session, cookie);
    });

    it.each([
      ['malformed JSON', 'application/json', SEED_PAYLOAD.slice(0, -2)],
      ['form fields instead of JSON', 'application/x-www-form-urlencoded', 'contactID=466'],
      ['a JSON body declared as text/plain, truncated', 'text/plain', '{"contactID": 466,'],
    ])('%s: "The request could not be read."', async (_case, type, body) => {
      const session = t.newSession();
      const cookie = await api.login(session);
      const res = await api.custinfo(session, 'setdetails', body, cookie, { 'Content-Type': type });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ errors: ['The request could not be read.'], errorDetails: ['The request body is not valid JSON.'] });
      expect(res).toMatchContract('iservice', 'webappApiCustinfo');
      await expectUnchanged(session, cookie);
    });

    it('reads a JSON body whatever its declared content type, or without one', async () => {
      const session = t.newSession();
      const cookie = await api.login(session);
      expect((await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie, { 'Content-Type': 'text/plain' })).body).toEqual(OK);
      const bare = await t
        .session(session)
        .post(`${CUSTINFO}?api=setdetails`)
        .set('Cookie', cookie)
        .serialize((b: string) => b)
        .send(SEED_PAYLOAD)
        .unset('Content-Type');
      expect(bare.body).toEqual(OK);
      expect(bare).toMatchContract('iservice', 'webappApiCustinfo');
    });
  });
});
