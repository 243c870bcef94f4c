import { readFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { ISERVICE } from '../../helpers/identities.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

export const LOGIN = '/f/webapp-api-login';
export const CUSTINFO = '/f/webapp-api-custinfo';
export const SESSION_COOKIE = /^SessionID=([0-9a-f]{32}); Path=\/; HttpOnly; SameSite=Lax$/;

/** The request payload exactly as seed 004 shows it, U+00A0 spaces included (copied from the seed file). */
export const SEED_PAYLOAD_LITERAL = readFileSync(new URL('./seed-004-request.txt', import.meta.url), 'utf8');

/**
 * The seed's request payload with the page's non-breaking spaces (U+00A0, an
 * artefact of the HTML code block) as ASCII spaces; `SEED_PAYLOAD_LITERAL` is
 * the page's text byte for byte.
 */
export const SEED_PAYLOAD = `{
  "contactID": 466,
  "details": {
    "properties": [
      {
        "propertyID": "1",
        "propertyName": "First Name",
        "values": [
          {
            "value": "John"
          }
        ]
      },
      {
        "propertyID": "2",
        "propertyName": "Middle Initial",
        "values": []
      },
      {
        "propertyID": "3",
        "propertyName": "Last Name",
        "values": [
          {
            "value": "Deer"
          }
        ]
      }
    ],
    "setLogins": true,
    "logins": [
      {
        "name": "customer11@1to1service.com",
        "type": "Email"
      }
    ]
  },
  "membership": [
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "10",
    "11",
    "12"
  ]
}`;

export const OK = { errors: [], errorDetails: [] };

/** Contact 466 as the fixtures hold it, as `api=details` shows it to the agent. */
export const CONTACT_466 = {
  errors: [],
  errorDetails: [],
  contactID: 466,
  details: {
    properties: [
      { propertyID: '1', propertyName: 'First Name', values: [{ value: 'Jon' }] },
      { propertyID: '2', propertyName: 'Middle Initial', values: [{ value: 'Q' }] },
      { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Doe' }] },
      { propertyID: '4', propertyName: 'Company', values: [{ value: 'Example Corp' }] },
      { propertyID: '5', propertyName: 'Phone', values: [] },
    ],
    logins: [{ name: 'customer11@1to1service.com', type: 'Email' }],
  },
  membership: ['2', '3'],
};

export const notLoggedIn = (detail: string) => ({ errors: ['You must be logged in.'], errorDetails: [detail] });

type Who = { readonly emailAddress: string; readonly Password: string };

/** The contract operation a path belongs to. */
const operationOf = (path: string) => (path.startsWith(CUSTINFO) ? 'webappApiCustinfo' : 'webappApiLogin');

/**
 * iService calls against one test sandbox, each in the sandbox session given.
 * Every answer to a form is checked against the contract before it is returned.
 */
export function iserviceClient(t: TestSandbox) {
  /** POST to a form; a string body is sent as is, an object as JSON (or as form fields with `type` 'form'). */
  async function post(path: string, session: string, headers: Record<string, string> = {}, body?: string | object, type?: 'form'): Promise<Response> {
    const req = t.session(session).post(path).set(headers);
    if (type) req.type(type);
    const res = await (body === undefined ? req : req.send(body));
    expect(res).toMatchContract('iservice', operationOf(path));
    return res;
  }

  /** Logs in with form fields, as the vendor's PowerShell sample does; returns the `Cookie` header value. */
  async function login(session: string, who: Who = ISERVICE.agent): Promise<string> {
    const res = await post(`${LOGIN}?api=login`, session, {}, { emailAddress: who.emailAddress, Password: who.Password }, 'form');
    expect(res.status).toBe(200);
    expect(res.body.loggedIn.isLoggedIn).toBe(true);
    const match = SESSION_COOKIE.exec(res.headers['set-cookie']?.[0] ?? '');
    if (!match) throw new Error(`no session cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
    return `SessionID=${match[1]}`;
  }

  /** POST to the customer-info form as JSON; a string body is sent as is. */
  function custinfo(session: string, api: string, body: string | object | undefined, cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
    const all = { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers };
    return post(`${CUSTINFO}?api=${api}`, session, all, typeof body === 'object' ? JSON.stringify(body) : body);
  }

  /** `api=details` for a contact. */
  async function details(session: string, cookie: string, contactID: number = ISERVICE.seedContact): Promise<unknown> {
    const res = await custinfo(session, 'details', { contactID }, cookie);
    expect(res.status).toBe(200);
    return res.body;
  }

  return { post, login, custinfo, details };
}
