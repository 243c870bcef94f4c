/**
 * Run as a child process with --expose-gc (see test/integration/core/session-cost.test.ts):
 * starts a sandbox, makes `count` sessions each send one main write of `vendor`
 * (default Ocamba's PATCH; iService logs in first, as its write needs a login),
 * and prints the retained heap per session as JSON on stdout.
 */
import { createSandbox } from '../../mock-server/src/index.js';
import { IMICONNECT, INSTANTPAY, ISERVICE, LOYALTII, OCAMBA } from './identities.js';

const count = Number(process.argv[2] ?? 1000);
const vendor = process.argv[3] ?? 'ocamba';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const sandbox = createSandbox({ seed: 1, clock: '2026-03-02T10:00:00.000Z' });
const running = await sandbox.listen(0);
const json = { 'Content-Type': 'application/json' };

async function send(session: string, method: string, path: string, headers: Record<string, string>, body: string, expected: number): Promise<Response> {
  const res = await fetch(`${running.url}${path}`, { method, headers: { ...headers, 'X-Sandbox-Session': session }, body });
  await res.clone().arrayBuffer();
  if (res.status !== expected) throw new Error(`${vendor} ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res;
}

/** Each vendor's main write (bench/vendor-writes.ts sends the same), in a fresh session. */
const WRITES: Readonly<Record<string, (session: string) => Promise<unknown>>> = {
  ocamba: (session) =>
    send(
      session,
      'PATCH',
      `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`,
      { ...json, Authorization: `Bearer ${OCAMBA.keyA}` },
      JSON.stringify({ value: `${session}@example.com` }),
      204,
    ),
  instantpay: (session) =>
    send(
      session,
      'PATCH',
      '/contacts/profile',
      {
        ...json,
        'X-Ipay-Auth-Code': '1',
        'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
        'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
        'X-Ipay-Endpoint-Ip': '125.0.0.1',
      },
      JSON.stringify({ contactId: INSTANTPAY.contact, name: 'Sample Name', email: `${session}@example.com`, mobile: '7428585742', tagDetails: [{ tagId: INSTANTPAY.tag }] }),
      200,
    ),
  imiconnect: (session) =>
    send(
      session,
      'PUT',
      '/resources/v2/customerprofile',
      { ...json, key: IMICONNECT.key },
      JSON.stringify({ Records: [{ customerId: IMICONNECT.customer, Attributes: { email: `${session}@example.com`, name: 'umtest' } }] }),
      200,
    ),
  loyaltii: async (session) => {
    const headers = { ...json, Authorization: `Bearer ${LOYALTII.token}` };
    // Every session starts from the fixtures, so the fixture's Version is current in each.
    return send(session, 'PATCH', `/api/v1/Contacts/${LOYALTII.contact1.id}`, headers, JSON.stringify({ Version: LOYALTII.contact1.version, FirstName: 'Heap' }), 200);
  },
  iservice: async (session) => {
    const login = await send(
      session,
      'POST',
      '/f/webapp-api-login?api=login',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password }).toString(),
      200,
    );
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('SessionID='))!
      .split(';')[0]!;
    const body = {
      contactID: ISERVICE.seedContact,
      details: { properties: [{ propertyID: '1', propertyName: 'First Name', values: [{ value: 'John' }] }], setLogins: false, logins: [] },
      membership: ['2', '3'],
    };
    return send(session, 'POST', '/f/webapp-api-custinfo?api=setdetails', { ...json, Cookie: cookie }, JSON.stringify(body), 200);
  },
};

const write = WRITES[vendor];
if (!write) throw new Error(`no main write for ${vendor} (known: ${Object.keys(WRITES).join(', ')})`);

async function wave(prefix: string, n: number): Promise<void> {
  // A few in parallel, as CI jobs would be; bounded so sockets stay few.
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < ids.length; i += 16) await Promise.all(ids.slice(i, i + 16).map(write!));
}

function settledHeap(): number {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage().heapUsed;
}

// Warm up: compiled code, sockets, caches the first sessions fill.
await wave('warm', 100);
const before = settledHeap();
await wave('measured', count);
const after = settledHeap();
await running.close();
process.stdout.write(`${JSON.stringify({ vendor, count, bytesPerSession: Math.round((after - before) / count) })}\n`);
