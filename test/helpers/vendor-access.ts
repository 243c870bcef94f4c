import { IMICONNECT, INSTANTPAY, ISERVICE, LOYALTII, OCAMBA } from './identities.js';

/**
 * How a test gets a request past each vendor's admission (auth), so drift
 * tests can reach every operation generically. Add an entry with each vendor.
 */
export const ADMITTED_HEADERS: Readonly<Record<string, (baseUrl: string, session: string) => Promise<Record<string, string>>>> = {
  ocamba: async () => ({ Authorization: `Bearer ${OCAMBA.keyA}` }),
  loyaltii: async () => ({ Authorization: `Bearer ${LOYALTII.token}` }),
  // iService admits by session cookie: log the agent in, in the same sandbox session.
  iservice: async (baseUrl, session) => {
    const res = await fetch(`${baseUrl}/f/webapp-api-login?api=login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Sandbox-Session': session },
      body: new URLSearchParams({ emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password }).toString(),
    });
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error(`iservice: the sandbox agent could not log in (HTTP ${res.status})`);
    return { Cookie: cookie };
  },
  imiconnect: async () => ({ key: IMICONNECT.key }),
  instantpay: async () => ({
    'X-Ipay-Auth-Code': '1',
    'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
    'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
    'X-Ipay-Endpoint-Ip': '125.0.0.1',
  }),
};
