import { describe, expect, it } from 'vitest';
import { ISERVICE } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { iserviceClient, LOGIN, notLoggedIn, SESSION_COOKIE } from './client.js';

const t = useSandbox();
const api = iserviceClient(t);
const advance = (session: string, minutes: number) => t.admin(session).advanceClock(minutes * 60_000);

const agentLoggedIn = {
  isLoggedIn: true,
  contactID: 100,
  name: 'Sandbox Agent',
  emailAddress: 'agent@sandbox.example',
  userType: 'Agent',
  segments: ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
};
const customerLoggedIn = { isLoggedIn: true, contactID: 466, name: 'Jon Doe', emailAddress: 'customer11@1to1service.com', userType: 'Customer', segments: [] };
const badPassword = { errors: ['Invalid email address or password.'], errorDetails: ['No user has this email address and password.'], loggedIn: { isLoggedIn: false } };

describe('POST /f/webapp-api-login?api=login', () => {
  it('logs the agent in from form fields, as the public PowerShell script posts them, and sets the session cookie (§5.5.1)', async () => {
    const res = await api.post(`${LOGIN}?api=login`, t.newSession(), {}, 'emailAddress=agent%40sandbox.example&Password=sandbox-agent', 'form');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({ errors: [], errorDetails: [], loggedIn: agentLoggedIn });
    expect(res.headers['set-cookie']).toHaveLength(1);
    expect(res.headers['set-cookie']?.[0]).toMatch(SESSION_COOKIE);
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });

  it('accepts the same fields as JSON, and logs the customer in as its own contact', async () => {
    const res = await api.post(`${LOGIN}?api=login`, t.newSession(), { 'Content-Type': 'application/json' }, JSON.stringify(ISERVICE.customer));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [], errorDetails: [], loggedIn: customerLoggedIn });
    expect(res.headers['set-cookie']?.[0]).toMatch(SESSION_COOKIE);
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });

  it('matches the email address in any case', async () => {
    const res = await api.post(`${LOGIN}?api=login`, t.newSession(), {}, { emailAddress: 'AGENT@Sandbox.Example', Password: 'sandbox-agent' }, 'form');
    expect(res.body.loggedIn).toEqual(agentLoggedIn);
  });

  it('gives each login its own session id', async () => {
    const session = t.newSession();
    expect(await api.login(session)).not.toBe(await api.login(session));
  });

  it.each([
    ['a wrong password', { emailAddress: 'agent@sandbox.example', Password: 'wrong' }],
    ['the password in another case', { emailAddress: 'agent@sandbox.example', Password: 'SANDBOX-AGENT' }],
    ['an unknown email address', { emailAddress: 'nobody@sandbox.example', Password: 'sandbox-agent' }],
    ['the login of a contact that is no user', { emailAddress: 'customer12@1to1service.com', Password: 'sandbox-customer' }],
  ])('answers 200 with isLoggedIn false, errors and no cookie for %s (§5.5.1)', async (_case, fields) => {
    const res = await api.post(`${LOGIN}?api=login`, t.newSession(), {}, fields, 'form');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(badPassword);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });

  it.each([
    ['no body', undefined, undefined, ['body: emailAddress and Password are required']],
    ['no Password field', 'application/x-www-form-urlencoded', 'emailAddress=agent%40sandbox.example', ["Password: must have required property 'Password'"]],
    ['a JSON array', 'application/json', '[]', ['body: must be object']],
    ['a number for the email address', 'application/json', '{"emailAddress":5,"Password":"x"}', ['emailAddress: must be string']],
  ])('answers "Invalid request." for %s', async (_case, type, body, errorDetails) => {
    const res = await api.post(`${LOGIN}?api=login`, t.newSession(), type ? { 'Content-Type': type } : {}, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: ['Invalid request.'], errorDetails });
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });

  it('answers "The request could not be read." for malformed JSON', async () => {
    const res = await api.post(`${LOGIN}?api=login`, t.newSession(), { 'Content-Type': 'application/json' }, '{"emailAddress": ');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: ['The request could not be read.'], errorDetails: ['The request body is not valid JSON.'] });
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });
});

describe('POST /f/webapp-api-login?api=loggedin', () => {
  it('reports the logged-in user and its access rights (user type, segments)', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const res = await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [], errorDetails: [], loggedIn: agentLoggedIn });
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });

  it('reports a customer with no segments', async () => {
    const session = t.newSession();
    const cookie = await api.login(session, ISERVICE.customer);
    expect((await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: cookie })).body.loggedIn).toEqual(customerLoggedIn);
  });

  it.each([
    ['without a cookie', {}],
    ['with an unknown session id', { Cookie: 'SessionID=0123456789abcdef0123456789abcdef' }],
  ])('answers isLoggedIn false, without errors, %s', async (_case, headers) => {
    const res = await api.post(`${LOGIN}?api=loggedin`, t.newSession(), headers);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [], errorDetails: [], loggedIn: { isLoggedIn: false } });
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });
});

describe('POST /f/webapp-api-login?api=logout (§5.5.8)', () => {
  it('ends the session and clears the cookie; later calls are not logged in', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const res = await api.post(`${LOGIN}?api=logout`, session, { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [], errorDetails: [] });
    expect(res.headers['set-cookie']).toEqual(['SessionID=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax']);
    expect(res).toMatchContract('iservice', 'webappApiLogin');
    const after = await api.custinfo(session, 'details', { contactID: 466 }, cookie);
    expect(after.body).toEqual(notLoggedIn('The session was logged out.'));
    expect((await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: cookie })).body.loggedIn).toEqual({ isLoggedIn: false });
  });

  it('leaves other sessions of the same user logged in', async () => {
    const session = t.newSession();
    const [first, second] = [await api.login(session), await api.login(session)];
    await api.post(`${LOGIN}?api=logout`, session, { Cookie: first });
    expect((await api.custinfo(session, 'details', { contactID: 466 }, second)).body.errors).toEqual([]);
  });

  it('succeeds without a session too (as the PowerShell sample calls it: POST, no body)', async () => {
    const res = await api.post(`${LOGIN}?api=logout`, t.newSession());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [], errorDetails: [] });
    expect(res).toMatchContract('iservice', 'webappApiLogin');
  });
});

describe('idle sessions (§5.5.7)', () => {
  it('stay logged in after 89 idle minutes of the virtual clock', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    await advance(session, 89);
    expect((await api.custinfo(session, 'details', { contactID: 466 }, cookie)).body.errors).toEqual([]);
  });

  it('end after 90 idle minutes: the next call is not logged in, and stays so', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    await advance(session, 90);
    const res = await api.custinfo(session, 'details', { contactID: 466 }, cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(notLoggedIn('The session ended after 90 minutes without a request.'));
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    expect((await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: cookie })).body.loggedIn).toEqual({ isLoggedIn: false });
  });

  it('count every request as activity (60 + 60 minutes with a call between stays logged in)', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    await advance(session, 60);
    await api.post(`${LOGIN}?api=loggedin`, session, { Cookie: cookie });
    await advance(session, 60);
    expect((await api.custinfo(session, 'details', { contactID: 466 }, cookie)).body.errors).toEqual([]);
  });
});
