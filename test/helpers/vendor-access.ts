import { IMICONNECT, OCAMBA } from './identities.js';

/**
 * How a test gets a request past each vendor's admission (auth), so drift
 * tests can reach every operation generically. Add an entry with each vendor.
 */
export const ADMITTED_HEADERS: Readonly<Record<string, (baseUrl: string, session: string) => Promise<Record<string, string>>>> = {
  ocamba: async () => ({ Authorization: `Bearer ${OCAMBA.keyA}` }),
  imiconnect: async () => ({ key: IMICONNECT.key }),
};
