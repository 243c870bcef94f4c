import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../helpers/contract-matchers.js';
import { LOYALTII } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { BEARER, checked, CONTACT_1, contactPath, loyaltiiClient } from './client.js';

const t = useSandbox();
const DENIED = { Message: 'Authorization has been denied for this request.' };
const noRoute = (path: string) => ({ Message: `No HTTP resource was found that matches the request URI '${t.url}${path}'.` });
const NO_ROUTE_SCHEMA = '#/components/responses/NoRoute/content/application~1json/schema';
const METHOD_NOT_ALLOWED_SCHEMA = '#/components/responses/MethodNotAllowed/content/application~1json/schema';

describe('authentication (docs/vendors/loyaltii.md §3.2: Bearer suggested, configurable)', () => {
  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'Bearer 0000000000000000000000000000000000000000'],
    ['the token without its scheme', LOYALTII.token],
    ['Basic credentials while the API takes Bearer', `Basic ${Buffer.from(`${LOYALTII.basic.user}:${LOYALTII.basic.password}`).toString('base64')}`],
  ])('answers 401 with the framework message and a Bearer challenge: %s', async (_case, authorization) => {
    const req = t.session().get(contactPath(1));
    if (authorization !== undefined) req.set('Authorization', authorization);
    const res = checked(await req);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(DENIED);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res).toMatchContract('loyaltii', 'getContact');
  });

  it.each([
    ['post', '/api/v1/Contacts', 'createContact'],
    ['patch', '/api/v1/Contacts', 'patchContacts'],
    ['put', contactPath(1), 'updateContact'],
    ['get', '/api/v1/Contacts?secret=x', 'getContactBySecret'],
    ['get', '/api/v1/Contacts/Registration', 'getRegistrations'],
  ] as const)('protects %s %s before reading its body', async (method, path, operation) => {
    const res = checked(await t.http()[method](path).set('Content-Type', 'application/json').send('{not json'));
    expect(res.status).toBe(401);
    expect(res.body).toEqual(DENIED);
    expect(res).toMatchContract('loyaltii', operation);
  });

  it('accepts the scheme in any case', async () => {
    const res = checked(await t.http().get(contactPath(1)).set('Authorization', `bearer ${LOYALTII.token}`));
    expect(res.status).toBe(200);
  });
});

describe('routing as ASP.NET Web API 2 routes (caseSensitivePaths: false, {id:int})', () => {
  it.each(['/API/V1/CONTACTS/1', '/api/v1/contacts/1', '/api/v1/Contacts/1/', '/api/v1/Contacts/%2B1'])('serves %s as contact 1', async (path) => {
    const res = checked(await t.http().get(path).set(BEARER));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(CONTACT_1);
  });

  it.each([
    ['an id that is not a number', '/api/v1/Contacts/abc'],
    ['an id beyond Int32', '/api/v1/Contacts/2147483648'],
    ['a decimal id', '/api/v1/Contacts/1.5'],
    ['an unknown resource under /api/v1', '/api/v1/Contactz'],
    ['the base path itself', '/api/v1'],
    ['a deeper path', '/api/v1/Contacts/1/Registrations'],
  ])('answers %s with 404 and the routing message, before authentication', async (_case, path) => {
    const res = checked(await t.http().get(path));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual(noRoute(path));
    expect(res).toMatchContractSchema('loyaltii', NO_ROUTE_SCHEMA);
  });

  it('answers a negative id (it is an Int32) with the empty 404 of an unknown contact', async () => {
    const res = checked(await t.http().get('/api/v1/Contacts/-1').set(BEARER));
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
  });

  it.each([
    ['DELETE', contactPath(1), 'GET, PATCH, PUT'],
    ['PATCH', '/api/v1/Contacts/Registration', 'GET'],
    ['PUT', '/api/v1/Contacts/Registration', 'GET'],
    ['PUT', '/api/v1/Contacts', 'PATCH, POST'],
    ['DELETE', '/api/v1/Contacts', 'PATCH, POST'],
    ['OPTIONS', contactPath(1), 'GET, PATCH, PUT'],
  ])("answers %s %s with 405, Allow: %s, and the action selector's message", async (method, path, allow) => {
    const res = checked(await t.http()[method.toLowerCase() as 'delete' | 'patch' | 'put' | 'options'](path).set(BEARER));
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe(allow);
    expect(res.body).toEqual({ Message: `The requested resource does not support http method '${method}'.` });
    expect(res).toMatchContractSchema('loyaltii', METHOD_NOT_ALLOWED_SCHEMA);
  });

  it('answers a wrong method on a non-integer id with 404: no route takes it at all', async () => {
    const res = checked(await t.http().delete('/api/v1/Contacts/abc').set(BEARER));
    expect(res.status).toBe(404);
    expect(res.body).toEqual(noRoute('/api/v1/Contacts/abc'));
  });
});

describe('content negotiation (Web API DefaultContentNegotiator, one JSON formatter)', () => {
  it.each([
    ['no Accept', {}, 'application/json; charset=utf-8'],
    ['Accept: */*', { Accept: '*/*' }, 'application/json; charset=utf-8'],
    ['Accept: text/json', { Accept: 'text/json' }, 'text/json; charset=utf-8'],
    ['Accept: text/*', { Accept: 'text/*' }, 'text/json; charset=utf-8'],
    ['Accept: text/json;q=0.5, application/json', { Accept: 'text/json;q=0.5, application/json' }, 'application/json; charset=utf-8'],
    ['Accept: application/xml (no XML formatter: JSON anyway)', { Accept: 'application/xml' }, 'application/json; charset=utf-8'],
  ])('%s → %s', async (_case, headers, contentType) => {
    const res = await loyaltiiClient(t, t.newSession()).get(contactPath(1), headers);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(contentType);
    expect(JSON.parse(res.text)).toEqual(CONTACT_1);
    expect(res).toMatchContract('loyaltii', 'getContact');
  });

  it('answers errors in the negotiated type too', async () => {
    const res = checked(await t.http().get(contactPath(1)).set('Accept', 'text/json'));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('text/json; charset=utf-8');
    expect(res).toMatchContract('loyaltii', 'getContact');
  });

  it('marks every answer uncacheable, as Web API on IIS does', async () => {
    for (const res of [await t.http().get(contactPath(1)).set(BEARER), await t.http().get(contactPath(1)), await t.http().get(contactPath(404)).set(BEARER)].map(checked)) {
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['pragma']).toBe('no-cache');
      expect(res.headers['expires']).toBe('-1');
    }
  });
});

describe('hostile input never gets an HTML page or a stack trace', () => {
  /** Raw bytes on a socket, for requests a client library would refuse to send. */
  function rawExchange(payload: string): Promise<string> {
    const { port, hostname } = new URL(t.url);
    return new Promise((resolve, reject) => {
      // latin1: each character of the payload is one byte on the wire.
      const socket = connect(Number(port), hostname, () => socket.end(Buffer.from(payload, 'latin1')));
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
  }
  const auth = `Authorization: Bearer ${LOYALTII.token}\r\n`;

  it.each([
    [
      'a malformed percent-encoding in the id',
      `PATCH /api/v1/Contacts/%E0%A4%A HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      404,
    ],
    [
      'a gzip-encoded body',
      `PATCH /api/v1/Contacts/1 HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd`,
      415,
    ],
    [
      'invalid UTF-8 in a JSON body',
      `PATCH /api/v1/Contacts/1 HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 4\r\nConnection: close\r\n\r\n\u00ff\u00fe{}`,
      400,
    ],
    ['an unusual method', `PROPFIND /api/v1/Contacts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 405],
  ])('%s', async (_case, payload, status) => {
    const answer = await rawExchange(payload);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head.toLowerCase()).toMatch(/content-type: application\/json; charset=utf-8/);
    expect(body).not.toMatch(/<html|<pre>|at .*\.(js|ts):\d+/i);
    expect(schemaProblems('loyaltii', status === 400 ? '#/components/schemas/ModelStateError' : '#/components/schemas/HttpError', JSON.parse(body))).toEqual([]);
  });
});
