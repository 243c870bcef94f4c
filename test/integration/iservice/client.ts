import type { Response } from 'supertest';
import { expect } from 'vitest';
import { ISERVICE } from '../../helpers/identities.js';
import type { TestSandbox } from '../../helpers/sandbox.js';

export const LOGIN = '/f/webapp-api-login';
export const CUSTINFO = '/f/webapp-api-custinfo';
export const SESSION_COOKIE = /^SessionID=([0-9a-f]{32}); Path=\/; HttpOnly; SameSite=Lax$/;

/** The seed's request payload, byte for byte as the vendor page shows it. */
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

/** iService calls against one test sandbox, each in the sandbox session given. */
export function iservice(t: TestSandbox) {
  const post = (path: string, session: string, headers: Record<string, string> = {}) => t.http().post(path).set('X-Sandbox-Session', session).set(headers);

  /** Logs in with form fields, as the vendor's PowerShell sample does; returns the `Cookie` header value. */
  async function login(session: string, who: Who = ISERVICE.agent): Promise<string> {
    const res = await post(`${LOGIN}?api=login`, session).type('form').send({ emailAddress: who.emailAddress, Password: who.Password });
    expect(res.status).toBe(200);
    expect(res.body.loggedIn.isLoggedIn).toBe(true);
    const match = SESSION_COOKIE.exec(res.headers['set-cookie']?.[0] ?? '');
    if (!match) throw new Error(`no session cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
    return `SessionID=${match[1]}`;
  }

  /** POST to the customer-info form; a string body is sent as is. */
  function custinfo(session: string, api: string, body: string | object | undefined, cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
    const req = post(`${CUSTINFO}?api=${api}`, session, { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers });
    return body === undefined ? req : req.send(typeof body === 'string' ? body : JSON.stringify(body));
  }

  /** `api=details` for a contact, checked against the contract. */
  async function details(session: string, cookie: string, contactID: number = ISERVICE.seedContact): Promise<unknown> {
    const res = await custinfo(session, 'details', { contactID }, cookie);
    expect(res.status).toBe(200);
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    return res.body;
  }

  return { post, login, custinfo, details };
}
