import { describe, expect, it } from 'vitest';
import { IMICONNECT } from '../../helpers/identities.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';

/** IMIconnect's leniencies together (docs/leniencies.md); each alone is in test/integration/core/leniencies.test.ts. */
const t = useSandbox();
const strict = useSandbox({ strict: true });

const seedBody = JSON.stringify({ Records: [{ customerId: IMICONNECT.customer, Attributes: { email: 'umtest.one@example.com', msisdn: '911278994640', name: 'umtest' } }] });
// No Content-Type, "records", "customerid" twice and "attributes": three leniencies at once.
const lenientBody = JSON.stringify({
  records: [
    { customerid: IMICONNECT.customer, attributes: { name: 'umtest' } },
    { customerid: IMICONNECT.otherCustomer, Attributes: { name: 'umtest' } },
  ],
});

async function put(url: string, session: string, body: string, headers: Record<string, string> = {}) {
  const res = await rawRequest(`${url}/resources/v2/customerprofile`, { method: 'PUT', headers: { key: IMICONNECT.key, 'X-Sandbox-Session': session, ...headers }, body });
  if (res.kind !== 'response') throw new Error(res.message);
  // Node joins the X-Sandbox-Warning lines with ", ", as fetch does; no line holds a comma, so they split again.
  const warning = res.headers['x-sandbox-warning'];
  return { ...res, warnings: typeof warning === 'string' ? warning.split(', ') : undefined };
}

describe('IMIconnect leniencies', () => {
  it("the seed's own request relies on none: no X-Sandbox-Warning, no warnings in the journal", async () => {
    const session = t.newSession();
    const res = await put(t.url, session, seedBody, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.headers['x-sandbox-warning']).toBeUndefined();
    const journal = await t.session(session).get('/__admin/requests');
    expect(journal.body.requests[0]).not.toHaveProperty('warnings');
  });

  it('a request relying on several gets a warning for each, in declaration order, the count of records in the message', async () => {
    const session = t.newSession();
    const res = await put(t.url, session, lenientBody);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response: { code: '1001' } });
    expect(res.warnings).toEqual([
      'imiconnect/content-type at content-type: a body without Content-Type was read as JSON (documented: application/json)',
      'imiconnect/records-spelling at /records: the records were sent as "records"; the vendor\'s examples send "Records"',
      'imiconnect/customerid-spelling at /records/0/customerid: 2 records spelled "customerid" (the body table\'s spelling); the vendor\'s examples send "customerId"',
      'imiconnect/attributes-spelling at /records/0/attributes: 1 record spelled "attributes" (the body table\'s spelling); the vendor\'s examples send "Attributes"',
    ]);
    const journal = await t.session(session).get('/__admin/requests');
    expect(journal.body.requests[0].warnings.map((w: { leniency: string }) => w.leniency)).toEqual([
      'imiconnect/content-type',
      'imiconnect/records-spelling',
      'imiconnect/customerid-spelling',
      'imiconnect/attributes-spelling',
    ]);
  });

  it("strict mode refuses it with the first leniency's code (7000) under HTTP 200, queues nothing, and marks every warning refused", async () => {
    const session = strict.newSession();
    const res = await put(strict.url, session, lenientBody);
    expect({ status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ status: 200, body: { response: { code: '7000', description: 'Invalid JSON' } } });
    const journal = await strict.session(session).get('/__admin/requests');
    const warnings = journal.body.requests[0].warnings as { leniency: string; refused?: true }[];
    expect(warnings.map((w) => [w.leniency, w.refused])).toEqual([
      ['imiconnect/content-type', true],
      ['imiconnect/records-spelling', true],
      ['imiconnect/customerid-spelling', true],
      ['imiconnect/attributes-spelling', true],
      ['imiconnect/http-status', true],
    ]);
    // Four warnings and the http-status one: the header shows three and counts the other two.
    expect(res.warnings).toHaveLength(4);
    expect(res.warnings?.[3]).toBe("2 more leniencies: see this request's journal entry (GET /__admin/requests)");
  });

  it('strict mode answers the documented request as before', async () => {
    const res = await put(strict.url, strict.newSession(), seedBody, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response: { code: '1001', description: 'Queued' } });
    expect(res.headers['x-sandbox-warning']).toBeUndefined();
  });

  it("strict mode leaves a scenario's forced error its code but answers it with HTTP 200", async () => {
    const session = strict.newSession();
    expect((await strict.admin(session).activate('imiconnect/internal-error')).status).toBe(200);
    const res = await put(strict.url, session, seedBody, { 'content-type': 'application/json' });
    expect({ status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ status: 200, body: { response: { code: '7006', description: 'Internal error occurred' } } });
  });
});
