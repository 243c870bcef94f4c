import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();

/** Sends raw bytes and returns the raw answer (for requests a client library would refuse to send). */
function rawExchange(url: string, payload: string): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(payload));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('requests no vendor serves', () => {
  it('get a JSON 404 naming the closest known routes', async () => {
    const res = await t.http().patch('/v1/hod/partners/1000418/contacts/abc');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.error.code).toBe('no_route');
    expect(res.body.error.message).toBe('No emulated vendor serves PATCH /v1/hod/partners/1000418/contacts/abc');
    expect(res.body.error.closest[0]).toEqual({ vendor: 'ocamba', method: 'PATCH', path: '/v1/hood/partners/{id}/contacts/{contact_id}' });
    expect(res.body.error.closest).toHaveLength(3);
  });

  it("name each known path once, with the request's method where the path has it", async () => {
    const res = await t.http().patch('/v1/hod/partners/1000418/contacts/abc');
    expect(res.body.error.closest).toEqual([
      { vendor: 'ocamba', method: 'PATCH', path: '/v1/hood/partners/{id}/contacts/{contact_id}' },
      { vendor: 'ocamba', method: 'GET', path: '/v1/hood/partners/{id}/contacts' },
      { vendor: 'ocamba', method: 'GET', path: '/v1/hood/partners/{id}' },
    ]);
  });

  it.each([
    ['a forgotten base path', 'GET', '/customerprofile', { vendor: 'imiconnect', method: 'GET', path: '/resources/v1/customerprofile' }],
    ['a forgotten version segment, with an id in a parameter slot', 'GET', '/api/Contacts/5', { vendor: 'loyaltii', method: 'GET', path: '/api/v1/Contacts/{id}' }],
    ['a missing form prefix', 'POST', '/webapp-api-custinfo', { vendor: 'iservice', method: 'POST', path: '/f/webapp-api-custinfo' }],
  ])('name first the route meant despite %s', async (_case, method, path, expected) => {
    const res = await t.http()[method === 'GET' ? 'get' : 'post'](path);
    expect(res.status).toBe(404);
    expect(res.body.error.closest[0]).toEqual(expected);
  });

  it('are journaled without a vendor', async () => {
    const session = t.newSession();
    await t.session(session).get('/favicon.ico');
    const journal = await t.session(session).get('/__admin/requests');
    expect(journal.body.requests[0]).toMatchObject({ path: '/favicon.ico', vendor: null, operation: null, status: 404 });
  });
});

describe('hostile input never gets an HTML page or a stack trace', () => {
  it.each([
    [
      'a malformed percent-encoding in a vendor path',
      `PATCH /v1/hood/partners/%E0%A4%A/contacts/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    ],
    ['a malformed percent-encoding elsewhere', 'GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['an unusual method', 'PROPFIND /v1/hood/partners HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['OPTIONS on a vendor path', 'OPTIONS /v1/hood/partners HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    [
      'a gzip-encoded body (refused, not inflated)',
      `PATCH /v1/hood/partners/1000418/contacts/${OCAMBA.emailContact} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd`,
    ],
    [
      'an unknown content encoding',
      `PATCH /v1/hood/partners/1000418/contacts/${OCAMBA.emailContact} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nContent-Encoding: br2\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    ],
    [
      'a body on a GET',
      `GET /v1/hood/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OCAMBA.keyA}\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a":`,
    ],
  ])('%s', async (_case, payload) => {
    const answer = await rawExchange(t.url, payload);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(head.toLowerCase()).toMatch(/content-type: application\/json/);
    expect(body).not.toMatch(/<html|<pre>|at .*\.(js|ts):\d+/i);
    expect(() => JSON.parse(body) as unknown).not.toThrow();
  });

  it("refuses a compressed body with the vendor's 415", async () => {
    const res = await t
      .http()
      .patch(`/v1/hood/partners/1000418/contacts/${OCAMBA.emailContact}`)
      .set('Authorization', `Bearer ${OCAMBA.keyA}`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('xx');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 415, title: 'Unsupported media type.' });
  });

  it('answers OPTIONS and other methods on a vendor path with the vendor 405 and Allow', async () => {
    const res = await t.http().options('/v1/hood/partners');
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET');
    expect(res.body).toMatchObject({ code: 405, title: 'Method not allowed.' });
  });
});
