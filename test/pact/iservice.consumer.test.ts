import { MatchersV3 as M, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { IServiceApiError, IServiceClient, type IServiceDetailsInput } from '../../mock-server/src/clients/iservice.js';
import { matchersFor, responseBodyMatchers } from '../../mock-server/src/pact-matchers.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { CONTACT_466 } from '../integration/iservice/client.js';
import { ISERVICE } from '../helpers/identities.js';
import { CONSUMER, expectCommittedPact, pactOutputDir, rejection } from './pact-files.js';

const PROVIDER = 'iservice-custinfo';
const dir = pactOutputDir();
expectCommittedPact(dir, PROVIDER);
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'warn' });
const contract = contractOf('iservice');

const LOGIN = '/f/webapp-api-login';
const CUSTINFO = '/f/webapp-api-custinfo';
const agentCookie = { Cookie: `SessionID=${ISERVICE.presetAgentSession}` };
const customerCookie = { Cookie: `SessionID=${ISERVICE.presetCustomerSession}` };
const json = { 'Content-Type': 'application/json' };
const asAgent = { ...agentCookie, ...json };
const asCustomer = { ...customerCookie, ...json };

/** An interaction with the login form (`POST ?api=…`, a JSON body when given). */
const loginForm = (state: string, description: string, api: string, headers: Record<string, string> = {}, body?: unknown) =>
  pact
    .addInteraction()
    .given(state)
    .uponReceiving(description)
    .withRequest('POST', LOGIN, (b) => {
      b.query({ api }).headers(headers);
      if (body !== undefined) b.jsonBody(body);
    });

/** An interaction with the customer-info form (`POST ?api=…` with a JSON body). */
const custinfo = (state: string, description: string, api: string, headers: Record<string, string>, body: unknown) =>
  pact
    .addInteraction()
    .given(state)
    .uponReceiving(description)
    .withRequest('POST', CUSTINFO, (b) => b.query({ api }).headers(headers).jsonBody(body));

/** A client of the mock server, logged in with a preset session when given one. */
const client = (url: string, sessionId?: string) => new IServiceClient({ baseUrl: url, ...(sessionId === undefined ? {} : { sessionId }) });
const agent = (url: string) => client(url, ISERVICE.presetAgentSession);
const customer = (url: string) => client(url, ISERVICE.presetCustomerSession);

/** Matchers for a component schema of the contract (the 200 answers are an `anyOf` of these). */
const shaped = (schema: string, example: unknown) => matchersFor(contract, `#/components/schemas/${schema}`, example) as Record<string, unknown>;

/**
 * The same matchers with every list allowed to be empty: the contract sets no
 * minItems on a contact's lists (a property never set answers `values: []`),
 * but matchersFor's eachLike asks for one item where the example has one.
 */
function listsMayBeEmpty(matchers: unknown): unknown {
  if (Array.isArray(matchers)) return matchers.map(listsMayBeEmpty);
  if (typeof matchers !== 'object' || matchers === null) return matchers;
  const out = Object.fromEntries(Object.entries(matchers).map(([key, value]) => [key, listsMayBeEmpty(value)]));
  return out['pact:matcher:type'] === 'type' && Array.isArray(out['value']) && typeof out['min'] === 'number' ? { ...out, min: 0 } : out;
}
const OK = shaped('Envelope', { errors: [], errorDetails: [] });

/** A business error, answered with HTTP 200: the message pinned (clients act on it), the details by type. */
const failure = (message: string, detail: string) => ({ ...shaped('ErrorEnvelope', { errors: [message], errorDetails: [detail] }), errors: [message] });

const AGENT = {
  isLoggedIn: true,
  contactID: ISERVICE.agent.contactID,
  name: 'Sandbox Agent',
  emailAddress: ISERVICE.agent.emailAddress,
  userType: 'Agent',
  segments: [...ISERVICE.agentSegments],
} as const;
const loggedIn = (user: unknown) => ({ ...shaped('LoginResponse', { errors: [], errorDetails: [], loggedIn: user }), loggedIn: shaped('LoggedIn/oneOf/0', user) });

/** The seed's setdetails payload (seed 004), as the client sends it. */
const SEED_DETAILS: IServiceDetailsInput = {
  properties: [
    { propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] },
    { propertyID: '2', propertyName: 'Middle Initial', values: [] },
    { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Deer' }] },
  ],
  setLogins: true,
  logins: [{ name: ISERVICE.customer.emailAddress, type: 'Email' }],
};
const SEED_MEMBERSHIP = ['2', '3', '4', '5', '6', '7', '8', '10', '11', '12'];

const NEW_CONTACT: IServiceDetailsInput = {
  properties: [
    { propertyID: '1', propertyName: 'First Name', values: [{ value: 'Miss' }] },
    { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Marple' }] },
  ],
  setLogins: true,
  logins: [{ name: 'jane.marple@example.com', type: 'Email' }],
};

/** The client must fail with this status and first message (the pact pins the envelope). */
async function rejectsWith(call: Promise<unknown>, status: number, message: string): Promise<IServiceApiError> {
  const error = await rejection(call, IServiceApiError);
  expect(error.status).toBe(status);
  expect(error.errors).toEqual([message]);
  return error;
}

describe(`${CONSUMER} → ${PROVIDER}`, () => {
  describe('the login form (webappApiLogin)', () => {
    // JSON, not form fields: Pact's verifier (pact_verifier 1.4.8) replays a form-field body as truncated JSON.
    it('api=login: the user, and the session cookie', () =>
      loginForm('default', 'a login of the agent', 'login', json, { emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password })
        .willRespondWith(200, (b) =>
          b
            .headers({
              'Set-Cookie': M.regex('^SessionID=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax$', 'SessionID=4646e61fa02147d8e49c9104b894da23; Path=/; HttpOnly; SameSite=Lax'),
            })
            .jsonBody(loggedIn(AGENT)),
        )
        .executeTest(async (server) => {
          const c = client(server.url);
          const user = await c.login(ISERVICE.agent.emailAddress, ISERVICE.agent.Password);
          expect(user).toEqual(expect.objectContaining({ isLoggedIn: true, contactID: ISERVICE.agent.contactID, userType: 'Agent' }));
          expect(c.sessionId).toMatch(/^[0-9a-f]{32}$/);
        }));

    it('api=login with a wrong password: "Invalid email address or password." and no session', () =>
      loginForm('default', 'a login with a wrong password', 'login', json, { emailAddress: ISERVICE.agent.emailAddress, Password: 'wrong-password' })
        .willRespondWith(200, (b) =>
          b.jsonBody({
            ...shaped('LoginResponse', {
              errors: ['Invalid email address or password.'],
              errorDetails: ['No user has this email address and password.'],
              loggedIn: { isLoggedIn: false },
            }),
            errors: ['Invalid email address or password.'],
            loggedIn: { isLoggedIn: false },
          }),
        )
        .executeTest(async (server) => {
          const c = client(server.url);
          await rejectsWith(c.login(ISERVICE.agent.emailAddress, 'wrong-password'), 200, 'Invalid email address or password.');
          expect(c.sessionId).toBeUndefined();
        }));

    it('api=loggedin with a session: the user and its rights', () =>
      loginForm('iservice/agent-user', 'a login status query of the logged-in agent', 'loggedin', agentCookie)
        .willRespondWith(200, (b) => b.jsonBody(loggedIn(AGENT)))
        .executeTest(async (server) => {
          expect(await agent(server.url).loggedIn()).toEqual({ ...AGENT, segments: ['2'] });
        }));

    it('api=loggedin without a session: isLoggedIn false, not an error', () =>
      loginForm('default', 'a login status query without a session', 'loggedin')
        .willRespondWith(200, (b) => b.jsonBody({ ...OK, loggedIn: { isLoggedIn: false } }))
        .executeTest(async (server) => {
          expect(await client(server.url).loggedIn()).toEqual({ isLoggedIn: false });
        }));

    it('api=logout: the empty envelope, and the session cookie cleared', () =>
      loginForm('iservice/agent-user', 'a logout of the logged-in agent', 'logout', agentCookie)
        .willRespondWith(200, (b) =>
          b
            .headers({
              'Set-Cookie': M.regex(
                '^SessionID=; Path=/; Expires=[^;]+; HttpOnly; SameSite=Lax$',
                'SessionID=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
              ),
            })
            .jsonBody(OK),
        )
        .executeTest(async (server) => {
          const c = agent(server.url);
          await c.logout();
          expect(c.sessionId).toBeUndefined();
        }));
  });

  describe('the customer-info form (webappApiCustinfo)', () => {
    it("api=setdetails: the seed's payload, by the customer for its own contact", () =>
      custinfo('iservice/customer-user', "the seed's setdetails of the customer's own contact", 'setdetails', asCustomer, {
        contactID: ISERVICE.seedContact,
        details: SEED_DETAILS,
        membership: SEED_MEMBERSHIP,
      })
        .willRespondWith(200, (b) => b.jsonBody(OK))
        .executeTest(async (server) => customer(server.url).setDetails(ISERVICE.seedContact, SEED_DETAILS, SEED_MEMBERSHIP)));

    it('api=details: the contact in the shape setdetails takes', () =>
      custinfo('iservice/agent-user', 'the details of a contact the agent may see', 'details', asAgent, { contactID: ISERVICE.seedContact })
        .willRespondWith(200, (b) => b.jsonBody(listsMayBeEmpty(shaped('DetailsResponse', CONTACT_466))))
        .executeTest(async (server) => {
          const contact = await agent(server.url).details(ISERVICE.seedContact);
          expect(contact.contactID).toBe(ISERVICE.seedContact);
          expect(contact.details.properties[0]).toEqual({ propertyID: '1', propertyName: 'First Name', values: [{ value: 'Jon' }] });
          expect(contact.membership).toEqual(['2']);
        }));

    it('api=newcontact: the new id, answered as a string', () =>
      custinfo('iservice/agent-user', 'the creation of a contact by the agent', 'newcontact', asAgent, { details: NEW_CONTACT, membership: ['2'] })
        .willRespondWith(200, (b) => b.jsonBody(shaped('NewContactResponse', { errors: [], errorDetails: [], contactID: '489' })))
        .executeTest(async (server) => {
          expect(await agent(server.url).newContact(NEW_CONTACT, ['2'])).toBe(489);
        }));

    describe('business errors (HTTP 200 with errors)', () => {
      it('"Access denied." for a customer updating another contact', () =>
        custinfo('iservice/customer-user', "a customer's setdetails of another contact", 'setdetails', asCustomer, { contactID: ISERVICE.otherContact, details: SEED_DETAILS })
          .willRespondWith(200, (b) => b.jsonBody(failure('Access denied.', 'Customers may only update their own contact (467 is not yours).')))
          .executeTest(async (server) => {
            await rejectsWith(customer(server.url).setDetails(ISERVICE.otherContact, SEED_DETAILS), 200, 'Access denied.');
          }));

      it('"Access denied." for a customer creating a contact', () =>
        custinfo('iservice/customer-user', "a customer's newcontact", 'newcontact', asCustomer, { details: NEW_CONTACT })
          .willRespondWith(200, (b) => b.jsonBody(failure('Access denied.', 'Only agents may create contacts.')))
          .executeTest(async (server) => {
            await rejectsWith(customer(server.url).newContact(NEW_CONTACT), 200, 'Access denied.');
          }));

      it('"Contact not found." for an unknown contactID', () =>
        custinfo('iservice/agent-user', 'the details of an unknown contact', 'details', asAgent, { contactID: 9999 })
          .willRespondWith(200, (b) => b.jsonBody(failure('Contact not found.', 'No contact has contactID 9999.')))
          .executeTest(async (server) => {
            await rejectsWith(agent(server.url).details(9999), 200, 'Contact not found.');
          }));

      it('"Invalid property." for a property the form does not have', () =>
        custinfo('iservice/agent-user', 'a setdetails with an unknown property', 'setdetails', asAgent, {
          contactID: ISERVICE.otherContact,
          details: { properties: [{ propertyID: '99', values: [] }] },
        })
          .willRespondWith(200, (b) => b.jsonBody(failure('Invalid property.', 'Property 99 does not exist.')))
          .executeTest(async (server) => {
            await rejectsWith(agent(server.url).setDetails(ISERVICE.otherContact, { properties: [{ propertyID: '99', values: [] }] }), 200, 'Invalid property.');
          }));

      it('"Invalid segment." for a segment that does not exist', () =>
        custinfo('iservice/agent-user', 'a setdetails with an unknown segment', 'setdetails', asAgent, {
          contactID: ISERVICE.otherContact,
          details: { properties: [] },
          membership: ['99'],
        })
          .willRespondWith(200, (b) => b.jsonBody(failure('Invalid segment.', 'Segment 99 does not exist.')))
          .executeTest(async (server) => {
            await rejectsWith(agent(server.url).setDetails(ISERVICE.otherContact, { properties: [] }, ['99']), 200, 'Invalid segment.');
          }));

      it('"Login already in use." for a login of another contact', () => {
        const details: IServiceDetailsInput = { properties: [], setLogins: true, logins: [{ name: ISERVICE.customer.emailAddress, type: 'Email' }] };
        return custinfo('iservice/agent-user', "a setdetails giving a contact another contact's login", 'setdetails', asAgent, { contactID: ISERVICE.otherContact, details })
          .willRespondWith(200, (b) => b.jsonBody(failure('Login already in use.', 'The login customer11@1to1service.com belongs to another contact.')))
          .executeTest(async (server) => {
            await rejectsWith(agent(server.url).setDetails(ISERVICE.otherContact, details), 200, 'Login already in use.');
          });
      });

      it('"You must be logged in." without a session', () =>
        custinfo('default', 'a details call without a session', 'details', json, { contactID: ISERVICE.seedContact })
          .willRespondWith(200, (b) => b.jsonBody(failure('You must be logged in.', 'The request carries no SessionID cookie.')))
          .executeTest(async (server) => {
            expect((await rejectsWith(client(server.url).details(ISERVICE.seedContact), 200, 'You must be logged in.')).notLoggedIn).toBe(true);
          }));

      it('"You must be logged in." once the session has expired', () =>
        custinfo('iservice/session-expired', 'a details call with an expired session', 'details', asAgent, { contactID: ISERVICE.seedContact })
          .willRespondWith(200, (b) => b.jsonBody(failure('You must be logged in.', 'The session ended after 0 minutes without a request.')))
          .executeTest(async (server) => {
            expect((await rejectsWith(agent(server.url).details(ISERVICE.seedContact), 200, 'You must be logged in.')).notLoggedIn).toBe(true);
          }));
    });

    it('401 "You must be logged in." for an unknown session, where the tenant answers with HTTP statuses', () =>
      custinfo('iservice/strict-http-status', 'a details call with an unknown session, HTTP statuses on', 'details', asAgent, { contactID: ISERVICE.seedContact })
        .willRespondWith(401, (b) =>
          b.jsonBody(responseBodyMatchers(contract, 'webappApiCustinfo', 401, { errors: ['You must be logged in.'], errorDetails: ['The SessionID cookie names no session.'] })),
        )
        .executeTest(async (server) => {
          expect((await rejectsWith(agent(server.url).details(ISERVICE.seedContact), 401, 'You must be logged in.')).notLoggedIn).toBe(true);
        }));

    it('500 with the envelope when iService fails', () =>
      custinfo('iservice/server-error', 'a setdetails while iService fails', 'setdetails', asAgent, {
        contactID: ISERVICE.seedContact,
        details: SEED_DETAILS,
        membership: SEED_MEMBERSHIP,
      })
        .willRespondWith(500, (b) =>
          b.jsonBody(
            responseBodyMatchers(contract, 'webappApiCustinfo', 500, { errors: ['An unexpected error occurred.'], errorDetails: ['The server could not complete the request.'] }),
          ),
        )
        .executeTest(async (server) => {
          await rejectsWith(agent(server.url).setDetails(ISERVICE.seedContact, SEED_DETAILS, SEED_MEMBERSHIP), 500, 'An unexpected error occurred.');
        }));
  });

  describe('records a provider state with parameters makes (docs/provider-states.md)', () => {
    const MADE = { contactID: 900, properties: { '1': 'Pact', '3': 'Tester' }, email: 'pact.tester@example.com', segments: ['2'] };

    it('api=details of a contact a state made: the properties, login and segments it was given', () =>
      pact
        .addInteraction()
        // The scenario logs the preset agent in; the records state, listed after it, adds the contact to that store.
        .given('iservice/agent-user')
        .given('an iService contact', MADE)
        .uponReceiving('the details of a contact a provider state made')
        .withRequest('POST', CUSTINFO, (b) => b.query({ api: 'details' }).headers(asAgent).jsonBody({ contactID: MADE.contactID }))
        .willRespondWith(200, (b) =>
          b.jsonBody({
            errors: [],
            errorDetails: [],
            contactID: MADE.contactID,
            details: {
              properties: M.arrayContaining(
                { propertyID: '1', propertyName: 'First Name', values: [{ value: 'Pact' }] },
                { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Tester' }] },
              ),
              logins: [{ name: MADE.email, type: 'Email' }],
            },
            membership: MADE.segments,
          }),
        )
        .executeTest(async (server) => {
          const contact = await agent(server.url).details(MADE.contactID);
          expect(contact.details.properties.map((p) => p.values[0]?.value)).toEqual(['Pact', 'Tester']);
          expect([contact.details.logins, contact.membership]).toEqual([[{ name: MADE.email, type: 'Email' }], MADE.segments]);
        }));
  });
});
