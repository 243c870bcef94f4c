import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../mock-server/src/index.js';
import { contractOf, schemaProblems } from '../../helpers/contract-matchers.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { CUSTINFO, iserviceClient, LOGIN, OK, SEED_PAYLOAD } from './client.js';

const t = useSandbox();
const api = iserviceClient(t);
const schema = (name: string) => `#/components/responses/${name}/content/application~1json/schema`;

describe('paths under /f that are not emulated forms', () => {
  it.each(['/f/webapp-api-findanswers', '/f/webapp-api-custinfo/extra', '/f', '/f/'])("answer 404 with iService's envelope: %s", async (path) => {
    const res = await t.session().post(path).send('{}');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({ errors: ['Unknown form.'], errorDetails: [`No API form is served at ${path}.`] });
    expect(res).toMatchContractSchema('iservice', schema('NotFound'));
  });
});

describe('the api query parameter', () => {
  it.each([
    [LOGIN, 'api=register', 'no API "register" (known: login, loggedin, logout)'],
    [CUSTINFO, 'api=SetDetails', 'no API "SetDetails" (known: setdetails, details, newcontact)'],
    [CUSTINFO, 'api=search', 'no API "search" (known: setdetails, details, newcontact)'],
    [CUSTINFO, '', 'no single api query parameter (known: setdetails, details, newcontact)'],
    [CUSTINFO, 'api=details&api=setdetails', 'no single api query parameter (known: setdetails, details, newcontact)'],
  ])('%s?%s answers "Unknown API."', async (path, query, detail) => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const res = await api.post(`${path}?${query}`, session, { Cookie: cookie, 'Content-Type': 'application/json' }, '{"contactID":466}');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: ['Unknown API.'], errorDetails: [`${path} has ${detail}.`] });
    expect(res).toMatchContract('iservice', path === LOGIN ? 'webappApiLogin' : 'webappApiCustinfo');
  });
});

describe('methods other than POST (S-6)', () => {
  it.each(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s answers 200 "Method not allowed." by default, without Allow', async (method) => {
    const res = await rawRequest(`${t.url}${CUSTINFO}?api=setdetails`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Sandbox-Session': t.newSession() },
      body: method === 'PUT' || method === 'PATCH' ? SEED_PAYLOAD : undefined,
    });
    if (res.kind !== 'response') throw new Error(res.message);
    expect(res.status).toBe(200);
    expect(res.headers['allow']).toBeUndefined();
    expect(JSON.parse(res.body)).toEqual({ errors: ['Method not allowed.'], errorDetails: [`${method} is not accepted; the iService API forms only accept POST.`] });
    expect(schemaProblems('iservice', schema('MethodNotAllowed'), JSON.parse(res.body))).toEqual([]);
  });

  it('is checked against the MethodNotAllowed schema', async () => {
    const res = await t.session().get(`${LOGIN}?api=loggedin`);
    expect(res).toMatchContractSchema('iservice', schema('MethodNotAllowed'));
  });
});

describe('bodies the sandbox will not read', () => {
  it('answers 413 with the envelope for a body over the size limit, and writes nothing', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const huge = JSON.stringify({ ...(JSON.parse(SEED_PAYLOAD) as object), padding: 'x'.repeat(1024 * 1024) });
    const res = await api.custinfo(session, 'setdetails', huge, cookie);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ errors: ['The request is too large.'], errorDetails: ['The request body is over the limit of 1048576 bytes.'] });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    expect(((await api.details(session, cookie)) as { details: { properties: { values: unknown }[] } }).details.properties[0]?.values).toEqual([{ value: 'Jon' }]);
  });

  it('answers 415 with the envelope for a compressed body', async () => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'setdetails', 'xx', await api.login(session), { 'Content-Encoding': 'gzip' });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ errors: ['Unsupported media type.'], errorDetails: ['Compressed request bodies are not accepted.'] });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });
});

describe('sessions of the sandbox', () => {
  it('work through the /__session/<id>/ path prefix, cookie and all', async () => {
    const session = t.newSession();
    const login = await t.http().post(`/__session/${session}${LOGIN}?api=login`).type('form').send({ emailAddress: 'agent@sandbox.example', Password: 'sandbox-agent' });
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
    expect(login).toMatchContract('iservice', 'webappApiLogin');
    const res = await t.http().post(`/__session/${session}${CUSTINFO}?api=setdetails`).set('Cookie', cookie).set('Content-Type', 'application/json').send(SEED_PAYLOAD);
    expect(res.body).toEqual(OK);
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it('journal each form call under its operation, with the api in the query', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    await api.custinfo(session, 'setdetails', SEED_PAYLOAD, cookie);
    const journal = await t.session(session).get('/__admin/requests?vendor=iservice&operation=webappApiCustinfo');
    expect(journal.body.requests.map((r: { query: unknown; status: number }) => [r.query, r.status])).toEqual([[{ api: 'setdetails' }, 200]]);
  });

  it('dump the store without passwords', async () => {
    const session = t.newSession();
    await api.login(session);
    const res = await t.admin(session).state('iservice');
    expect(res.body.users).toEqual([
      { contactID: 100, userType: 'Agent', segments: ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] },
      { contactID: 466, userType: 'Customer', segments: [] },
    ]);
    expect(res.body.loginSessions).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{32}$/), contactID: 100, emailAddress: 'agent@sandbox.example', lastActivity: '2026-03-02T10:00:00.000Z' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('sandbox-agent"');
  });
});

describe('determinism', () => {
  it('draws session ids from the seeded generator: the same seed and session give the same cookie', async () => {
    const cookies: string[] = [];
    for (const seed of [7, 7, 8]) {
      const running = await createSandbox({ seed, clock: '2026-01-01T00:00:00Z' }).listen(0);
      try {
        const res = await rawRequest(`${running.url}${LOGIN}?api=login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Sandbox-Session': 'same' },
          body: 'emailAddress=agent%40sandbox.example&Password=sandbox-agent',
        });
        if (res.kind !== 'response') throw new Error(res.message);
        expect(contractOf('iservice').validateResponse('webappApiLogin', { status: res.status, headers: res.headers, body: JSON.parse(res.body) })).toEqual([]);
        cookies.push(String(res.headers['set-cookie']));
      } finally {
        await running.close();
      }
    }
    expect(cookies[0]).toMatch(/^SessionID=[0-9a-f]{32};/);
    expect(cookies[1]).toBe(cookies[0]);
    expect(cookies[2]).not.toBe(cookies[0]);
  });
});
