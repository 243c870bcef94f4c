import { IMICONNECT, INSTANTPAY, ISERVICE, LOYALTII, OCAMBA } from '../helpers/identities.js';

/** What the fuzzer needs to know about a vendor beyond its contract: how to authenticate and which values its fixtures hold. */
export interface FuzzTarget {
  readonly vendor: string;
  /** Headers of a well-authenticated request (iService's cookie is added per session, after a login). */
  readonly auth: Readonly<Record<string, string>>;
  /** The same headers with wrong values. */
  readonly wrongAuth: Readonly<Record<string, string>>;
  /** Path parameter values the fixtures hold (and one they do not), so that generated requests reach records. */
  readonly pathValues: Readonly<Record<string, readonly string[]>>;
  /** Body fields set to values the fixtures hold, applied over generated bodies half the time. */
  readonly bodyValues: Readonly<Record<string, readonly unknown[]>>;
  /** True when an answer says the write did not happen (the vendor's own way: HTTP status or body code). */
  refused(status: number, body: unknown): boolean;
}

const record = (body: unknown): Record<string, unknown> => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

export const TARGETS: readonly FuzzTarget[] = [
  {
    vendor: 'instantpay',
    auth: { 'X-Ipay-Auth-Code': '1', 'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId, 'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret, 'X-Ipay-Endpoint-Ip': '125.0.0.1' },
    wrongAuth: {
      'X-Ipay-Auth-Code': '0',
      'X-Ipay-Client-Id': INSTANTPAY.live.clientId,
      'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
      'X-Ipay-Endpoint-Ip': '999.1.1.1',
    },
    pathValues: {},
    bodyValues: {
      contactId: [INSTANTPAY.contact, INSTANTPAY.seedResponseContact],
      tagId: [INSTANTPAY.tag, INSTANTPAY.seedResponseTag],
      personId: [INSTANTPAY.person, INSTANTPAY.listedPerson],
    },
    // Business outcomes travel in the envelope: TXN succeeded, TUP is pending, any other code refused.
    refused: (status, body) => status >= 400 || !['TXN', 'TUP'].includes(String(record(body)['statuscode'])),
  },
  {
    vendor: 'imiconnect',
    auth: { key: IMICONNECT.key },
    wrongAuth: { key: '00000000-0000-4000-8000-000000000000' },
    pathValues: { customerid: [IMICONNECT.customer, IMICONNECT.otherCustomer, IMICONNECT.absentCustomer], transid: [IMICONNECT.finishedTransid, IMICONNECT.partialTransid] },
    bodyValues: { customerId: [IMICONNECT.customer, IMICONNECT.otherCustomer, IMICONNECT.absentCustomer] },
    refused: (status, body) => {
      const code = record(record(body)['response'])['code'];
      return status >= 400 || (code !== undefined && !['1000', '1001', '1002'].includes(String(code)));
    },
  },
  {
    vendor: 'loyaltii',
    auth: { Authorization: `Bearer ${LOYALTII.token}` },
    wrongAuth: { Authorization: `Bearer ${LOYALTII.token.replace(/.$/, '0')}` },
    pathValues: { id: [String(LOYALTII.contact1.id), String(LOYALTII.contact2.id), '999', '-1'] },
    bodyValues: {
      Version: [LOYALTII.contact1.version, LOYALTII.contact2.version],
      Id: [1, 2],
      RegistrationStoreId: [LOYALTII.store, LOYALTII.unknownStore],
      PreferredStoreId: [LOYALTII.store],
    },
    refused: (status) => status >= 400,
  },
  {
    vendor: 'ocamba',
    auth: { Authorization: `Bearer ${OCAMBA.keyA}` },
    wrongAuth: { Authorization: `Bearer ${OCAMBA.expiredKey}` },
    pathValues: { id: [OCAMBA.partner, OCAMBA.partnerOfB, '0'], contact_id: [OCAMBA.emailContact, OCAMBA.mobileContact, '00000000-0000-4000-8000-000000000000'] },
    bodyValues: {},
    refused: (status) => status >= 400,
  },
  {
    vendor: 'iservice',
    auth: {},
    wrongAuth: { Cookie: 'SessionID=0123456789abcdef0123456789abcdef' },
    pathValues: {},
    bodyValues: {
      contactID: [ISERVICE.seedContact, ISERVICE.otherContact, ISERVICE.hiddenContact],
      emailAddress: [ISERVICE.agent.emailAddress],
      Password: [ISERVICE.agent.Password],
    },
    // Business and permission failures answer 200 with non-empty `errors`.
    refused: (status, body) => {
      const errors = record(body)['errors'];
      return status >= 400 || (Array.isArray(errors) && errors.length > 0);
    },
  },
];
