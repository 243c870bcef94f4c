import { IMICONNECT, INSTANTPAY, ISERVICE, LOYALTII, OCAMBA } from '../test/helpers/identities.js';
import { call } from './processes.js';
import type { WrkRequest } from './wrk.js';

/** One vendor's main write as the bench sends it; `prepare` runs once against the sandbox (iService logs in). */
export interface VendorWrite {
  readonly vendor: string;
  readonly label: string;
  /** Loyaltii chains Versions, so its writes go one at a time (its baseline rounds too). */
  readonly connections?: number;
  prepare(origin: string): Promise<WrkRequest>;
}

const json = { 'Content-Type': 'application/json' };

export const VENDOR_WRITES: readonly VendorWrite[] = [
  {
    vendor: 'instantpay',
    label: 'Instantpay PATCH /contacts/profile',
    prepare: async () => ({
      method: 'PATCH',
      path: '/contacts/profile',
      headers: {
        ...json,
        'X-Ipay-Auth-Code': '1',
        'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
        'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
        'X-Ipay-Endpoint-Ip': '125.0.0.1',
      },
      body: JSON.stringify({ contactId: INSTANTPAY.contact, name: 'Sample Name', email: 'sample.name@example.com', mobile: '7428585742', tagDetails: [{ tagId: INSTANTPAY.tag }] }),
    }),
  },
  {
    vendor: 'imiconnect',
    label: 'IMIconnect PUT /resources/v2/customerprofile',
    prepare: async () => ({
      method: 'PUT',
      path: '/resources/v2/customerprofile',
      headers: { ...json, key: IMICONNECT.key },
      body: JSON.stringify({ Records: [{ customerId: IMICONNECT.customer, Attributes: { email: 'umtest.one@example.com', msisdn: '911278994640', name: 'umtest' } }] }),
    }),
  },
  {
    vendor: 'loyaltii',
    label: 'Loyaltii PATCH /api/v1/Contacts/{id}',
    connections: 1,
    prepare: async (origin) => {
      const headers = { ...json, Authorization: `Bearer ${LOYALTII.token}` };
      const current = await call(`${origin}/api/v1/Contacts/${LOYALTII.contact1.id}`, 'GET', headers);
      const version = (JSON.parse(current.text) as { Version: string }).Version;
      return {
        method: 'PATCH',
        path: `/api/v1/Contacts/${LOYALTII.contact1.id}`,
        headers,
        body: JSON.stringify({ Version: version, FirstName: 'Bench' }),
        // Each answer carries the next Version; one connection keeps every PATCH a 200 (the baseline ignores it).
        lua: [
          `local version = "${version}"`,
          `request = function() wrk.body = '{"Version":"' .. version .. '","FirstName":"Bench"}' return wrk.format() end`,
          `response = function(status, headers, body) local v = body and body:match('"Version":"([^"]+)"') if v then version = v end end`,
        ].join('\n'),
      };
    },
  },
  {
    vendor: 'ocamba',
    label: 'Ocamba PATCH /v1/hood/partners/{id}/contacts/{contact_id}',
    prepare: async () => ({
      method: 'PATCH',
      path: `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`,
      headers: { ...json, Authorization: `Bearer ${OCAMBA.keyA}` },
      body: JSON.stringify({ value: 'jane.doe@example.com', type: 'email' }),
    }),
  },
  {
    vendor: 'iservice',
    label: 'iService POST /f/webapp-api-custinfo?api=setdetails (logged in)',
    prepare: async (origin) => {
      const login = await call(
        `${origin}/f/webapp-api-login?api=login`,
        'POST',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        new URLSearchParams({ emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password }).toString(),
      );
      const cookie = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('SessionID='));
      if (!cookie) throw new Error(`iService login failed: ${login.status} ${login.text}`);
      return {
        method: 'POST',
        path: '/f/webapp-api-custinfo?api=setdetails',
        headers: { ...json, Cookie: cookie.split(';')[0]! },
        body: JSON.stringify({
          contactID: ISERVICE.seedContact,
          details: {
            properties: [
              { propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] },
              { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Deer' }] },
            ],
            // The web form sends every value on the page (seed 004), logins included: the main write relies on no leniency.
            setLogins: false,
            logins: [],
          },
          membership: ['2', '3'],
        }),
      };
    },
  },
];
