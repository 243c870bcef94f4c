import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { envelopeOf, ipay, ipayHeaders, rawCall, seedContact, userIdOf } from './client.js';

const t = useSandbox();
const UPDATE = { contactId: INSTANTPAY.contact, name: 'Changed', email: 'changed@example.com', mobile: '9876543210', tagDetails: [{ tagId: INSTANTPAY.tag }] };
const responses = (name: string) => `#/components/responses/${name}/content/application~1json/schema`;

async function seedContactUnchanged(session: string) {
  const res = await ipay(t, session, 'get', '/contacts/profile');
  expect((res.body.data as { _id: string }[]).find((c) => c._id === INSTANTPAY.contact)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
}

describe('unknown paths under /contacts', () => {
  it.each(['/contacts', '/contacts/', '/contacts/profiles', `/contacts/profile/${INSTANTPAY.contact}`, '/contacts/tag/x', '/Contacts/profile'])(
    'answer %s with 404 and the envelope: ERR "Route Not Found"',
    async (path) => {
      const res = await ipay(t, t.newSession(), 'get', path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body).toEqual(envelopeOf('ERR', 'Route Not Found', null));
      expect(res).toMatchContractSchema('instantpay', responses('RouteNotFound'));
    },
  );
});

describe('methods a path does not serve', () => {
  it.each([
    ['put', '/contacts/profile'],
    ['put', '/contacts/tag'],
    ['put', '/contacts/person'],
  ] as const)('answer %s %s with 405, Allow and the envelope: ERR "Method Not Allowed"', async (method, path) => {
    const res = await ipay(t, t.newSession(), method, path, { body: UPDATE });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('DELETE, GET, PATCH, POST');
    expect(res.body).toEqual(envelopeOf('ERR', 'Method Not Allowed', null));
    expect(res).toMatchContractSchema('instantpay', responses('MethodNotAllowed'));
  });
});

describe('bodies', () => {
  it('refuses a body over the limit with 413 and the envelope, without reading it into the store', async () => {
    const session = t.newSession();
    const res = await ipay(t, session, 'patch', '/contacts/profile', { body: { ...UPDATE, name: 'n'.repeat(1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(envelopeOf('RPI', 'Request Entity Too Large', null));
    expect(res).toMatchContractSchema('instantpay', responses('PayloadTooLarge'));
    await seedContactUnchanged(session);
  });

  it('refuses a compressed body with 415 and the envelope', async () => {
    const session = t.newSession();
    const headers: [string, string][] = [...Object.entries(ipayHeaders()), ['Content-Type', 'application/json'], ['Content-Encoding', 'gzip'], ['X-Sandbox-Session', session]];
    const res = await rawCall(t.url, 'PATCH', '/contacts/profile', headers, gzipSync(JSON.stringify(UPDATE)).toString('latin1'));
    expect(res.status).toBe(415);
    expect(res.body).toEqual(envelopeOf('RPI', 'Unsupported Media Type', null));
    expect(res).toMatchContractSchema('instantpay', responses('UnsupportedMediaType'));
    await seedContactUnchanged(session);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('reads a JSON body labelled %s as JSON (I-2)', async (type) => {
    const res = await ipay(t, t.newSession(), 'patch', '/contacts/profile', { body: UPDATE, headers: { 'Content-Type': type } });
    expect(res.body.statuscode).toBe('TXN');
    expect(res).toMatchContract('instantpay', 'updateContact');
  });

  it('reads a JSON body sent without any Content-Type', async () => {
    const session = t.newSession();
    const headers: [string, string][] = [...Object.entries(ipayHeaders()), ['X-Sandbox-Session', session]];
    const res = await rawCall(t.url, 'PATCH', '/contacts/profile', headers, JSON.stringify(UPDATE));
    expect((res.body as { statuscode: string }).statuscode).toBe('TXN');
  });

  it('answers a form body (not JSON) as no input: RPI for the first mandatory field', async () => {
    const session = t.newSession();
    const res = await ipay(t, session, 'patch', '/contacts/profile', {
      body: 'contactId=645383ba4acec95a32089822&name=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.body).toEqual(envelopeOf('RPI', 'The contact id field is required.', null));
    expect(res).toMatchContract('instantpay', 'updateContact');
    await seedContactUnchanged(session);
  });

  it('answers malformed JSON on an operation without parameters with the generic RPI text', async () => {
    const res = await ipay(t, t.newSession(), 'get', '/contacts/tag', { body: '{"name":' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('RPI', 'Request Parameters are Invalid or Incomplete', null));
    expect(res).toMatchContract('instantpay', 'listTags');
  });

  it.each([
    ['a JSON string', '"645383ba4acec95a32089822"'],
    ['a JSON number', '42'],
    ['deeply nested junk', `{"contactId": ${'['.repeat(500)}${']'.repeat(500)}}`],
  ])('never crashes: %s', async (_case, body) => {
    const res = await ipay(t, t.newSession(), 'delete', '/contacts/profile', { body });
    expect(res.status).toBe(200);
    expect(res.body.statuscode).toBe('RPI');
    expect(res).toMatchContract('instantpay', 'deleteContact');
  });
});
