import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSandbox, type CreateSandboxOptions } from '../../../mock-server/src/index.js';
import { IMICONNECT, INSTANTPAY, ISERVICE, LOYALTII, OCAMBA } from '../../helpers/identities.js';

const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts`;

/** Requests that exercise generated values: trace ids, new ids, rate-limit headers, dates. */
const SEQUENCE: readonly { method: string; path: string; body?: string }[] = [
  { method: 'PATCH', path: `${contact}/${OCAMBA.emailContact}`, body: '{"value":"jane.doe@example.com","type":"email"}' },
  { method: 'PATCH', path: `${contact}/${OCAMBA.emailContact}`, body: '{}' },
  { method: 'POST', path: contact, body: '{"type":"mobile","value":"43164324"}' },
  { method: 'POST', path: contact, body: '{"type":"email","value":"second@example.com"}' },
  { method: 'GET', path: contact },
  { method: 'GET', path: `/v1/hood/partners/${OCAMBA.partner}` },
  { method: 'PATCH', path: `${contact}/00000000-0000-4000-8000-000000000000`, body: '{"value":"a@b.co"}' },
  { method: 'GET', path: '/v1/hood/partners' },
  { method: 'GET', path: '/v1/hood/partners' },
  { method: 'GET', path: '/v1/hood/partners' },
  { method: 'GET', path: '/v1/hood/partners' },
];

/** The raw bytes of each answer, each request on its own connection. */
async function transcript(options: CreateSandboxOptions): Promise<string[]> {
  const sandbox = createSandbox(options);
  const running = await sandbox.listen(0);
  try {
    const out: string[] = [];
    for (const step of SEQUENCE) {
      const body = step.body ?? '';
      const head = [
        `${step.method} ${step.path} HTTP/1.1`,
        'Host: sandbox',
        `Authorization: Bearer ${OCAMBA.keyA}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
      ];
      out.push(await exchange(running.port, `${head.join('\r\n')}\r\n\r\n${body}`));
    }
    return out;
  } finally {
    await running.close();
  }
}

function exchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

describe('determinism', () => {
  it('gives byte-identical responses for the same seed, clock and requests', async () => {
    const options = { seed: 424242, clock: '2026-05-01T08:00:00Z' };
    const [first, second] = [await transcript(options), await transcript(options)];
    expect(first).toHaveLength(SEQUENCE.length);
    expect(second).toEqual(first);
    // The transcript really contains generated values, so the comparison means something.
    expect(first[1]).toMatch(/"trace_id":"[0-9a-f-]{36}"/);
    expect(first[2]).toMatch(/^HTTP\/1\.1 201 Created\r\n/);
    expect(first[0]).toContain('Date: Fri, 01 May 2026 08:00:00 GMT');
    expect(first[10]).toMatch(/^HTTP\/1\.1 429 /);
  });

  it('gives different generated values for another seed', async () => {
    const [a, b] = [await transcript({ seed: 1, clock: '2026-05-01T08:00:00Z' }), await transcript({ seed: 2, clock: '2026-05-01T08:00:00Z' })];
    expect(a[0]).toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
    expect(a[2]).not.toBe(b[2]);
  });
});

/** One request of a cross-vendor sequence; it may read the raw answers before it (iService's session cookie). */
type Step = (earlier: readonly string[]) => { method: string; path: string; headers: Record<string, string>; body?: string };

const ipay = {
  'X-Ipay-Auth-Code': '1',
  'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
  'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
  'X-Ipay-Endpoint-Ip': '125.0.0.1',
  'Content-Type': 'application/json',
};
const cookieOf = (answer: string | undefined) => /Set-Cookie: (SessionID=[^;]+)/i.exec(answer ?? '')?.[1] ?? '';

/** Every vendor's generated values: ObjectIds and ipay_uuid, transids, rowversions, session ids and new contact ids. */
const ALL_VENDORS: readonly Step[] = [
  () => ({
    method: 'POST',
    path: '/contacts/profile',
    headers: ipay,
    body: `{"name":"Sample Name","email":"sample.name@example.com","mobile":"7428585742","companyName":"Business Name","tagDetails":[{"tagId":"${INSTANTPAY.tag}"}]}`,
  }),
  () => ({ method: 'POST', path: '/contacts/tag', headers: ipay, body: '{"name":"VIP","hexColorCode":"#112233"}' }),
  () => ({
    method: 'PUT',
    path: '/resources/v2/customerprofile',
    headers: { key: IMICONNECT.key, 'Content-Type': 'application/json' },
    body: `{"Records":[{"customerId":"${IMICONNECT.customer}","Attributes":{"name":"umtest"}}]}`,
  }),
  () => ({
    method: 'PATCH',
    path: `/api/v1/Contacts/${LOYALTII.contact1.id}`,
    headers: { Authorization: `Bearer ${LOYALTII.token}`, 'Content-Type': 'application/json' },
    body: `{"Version":"${LOYALTII.contact1.version}","FirstName":"Ann"}`,
  }),
  () => ({
    method: 'POST',
    path: '/f/webapp-api-login?api=login',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password }),
  }),
  (earlier) => ({
    method: 'POST',
    path: '/f/webapp-api-custinfo?api=newcontact',
    headers: { 'Content-Type': 'application/json', Cookie: cookieOf(earlier[4]) },
    body: '{"details":{"properties":[{"propertyID":"1","propertyName":"First Name","values":[{"value":"Miss"}]}]}}',
  }),
  () => ({
    method: 'PATCH',
    path: `/v1/hood/partners/${OCAMBA.partner}/contacts/00000000-0000-4000-8000-000000000000`,
    headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'Content-Type': 'application/json' },
    body: '{"value":"a@b.co"}',
  }),
];

async function allVendorsTranscript(options: CreateSandboxOptions): Promise<string[]> {
  const running = await createSandbox(options).listen(0);
  try {
    const out: string[] = [];
    for (const step of ALL_VENDORS) {
      const { method, path, headers, body = '' } = step(out);
      const head = [
        `${method} ${path} HTTP/1.1`,
        'Host: sandbox',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
      ];
      out.push(await exchange(running.port, `${head.join('\r\n')}\r\n\r\n${body}`));
    }
    return out;
  } finally {
    await running.close();
  }
}

describe('determinism across every vendor', () => {
  it('gives byte-identical responses for the same seed, clock and requests, and other generated values for another seed', async () => {
    const options = { seed: 7, clock: '2026-05-01T08:00:00Z' };
    const [first, second, other] = [await allVendorsTranscript(options), await allVendorsTranscript(options), await allVendorsTranscript({ ...options, seed: 8 })];
    expect(second).toEqual(first);
    // Each answer succeeded and carries the vendor's generated value, so the comparison means something.
    expect(first[0]).toMatch(/"statuscode":"TXN".*"_id":"[0-9a-f]{24}".*"ipay_uuid":"[^"]+"/s);
    expect(first[1]).toMatch(/"statuscode":"TXN"/);
    expect(first[2]).toMatch(/"code":"1001","description":"Queued","transid":"[0-9a-f-]{36}"/);
    expect(first[3]).toMatch(/^HTTP\/1\.1 200 [\s\S]*"Version":"[A-Za-z0-9+/]{11}="/);
    expect(cookieOf(first[4])).toMatch(/^SessionID=[0-9a-f]{32}$/);
    expect(first[5]).toMatch(/"errors":\[\],"errorDetails":\[\],"contactID":"\d+"/);
    expect(first[6]).toMatch(/"trace_id":"[0-9a-f-]{36}"/);
    // Seeded values differ with the seed: Instantpay's ids, IMIconnect's transid, iService's session, Ocamba's trace id.
    for (const i of [0, 2, 4, 6]) expect(other[i], `step ${i}`).not.toBe(first[i]);
  });
});
