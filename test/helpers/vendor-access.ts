import { INSTANTPAY, OCAMBA } from './identities.js';

/**
 * How a test gets a request past each vendor's admission (auth), so drift
 * tests can reach every operation generically. Add an entry with each vendor.
 */
export const ADMITTED_HEADERS: Readonly<Record<string, (baseUrl: string, session: string) => Promise<Record<string, string>>>> = {
  ocamba: async () => ({ Authorization: `Bearer ${OCAMBA.keyA}` }),
  instantpay: async () => ({
    'X-Ipay-Auth-Code': '1',
    'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
    'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
    'X-Ipay-Endpoint-Ip': '125.0.0.1',
  }),
};
