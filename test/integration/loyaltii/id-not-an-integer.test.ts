import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../helpers/sandbox.js';
import { BEARER, checked, contactPath } from './client.js';

const t = useSandbox();

// A validator that matches `/api/v1/Contacts/abc` to the `{id}` template (as OpenAPI tools do) checks the answer against that operation's 404.
describe("Loyaltii's {id} operations answer 404 as their contract declares it (decision 0071)", () => {
  it.each([
    ['getContact', 'get'],
    ['updateContact', 'put'],
    ['patchContact', 'patch'],
  ] as const)('%s: an id that is no 32-bit integer gets the framework no-route HttpError, which the 404 declares', async (operationId, method) => {
    const req = t.http()[method]('/api/v1/Contacts/abc').set('X-Sandbox-Session', t.newSession()).set(BEARER);
    const res = checked(await (method === 'get' ? req : req.set('Content-Type', 'application/json').send('{}')));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ Message: `No HTTP resource was found that matches the request URI '${t.url}/api/v1/Contacts/abc'.` });
    expect(res).toMatchContract('loyaltii', operationId);
  });

  it('getContact: an unknown integer id still gets the empty 404 of NotFound(), which the 404 allows', async () => {
    const res = await t.http().get(contactPath(999)).set('X-Sandbox-Session', t.newSession()).set(BEARER);
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res).toMatchContract('loyaltii', 'getContact');
  });
});
