import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const start = '2026-03-02T10:00:00.000Z';

/** Sends the path exactly as written (supertest and fetch would re-encode a malformed escape). */
async function raw(method: string, path: string, headers: Record<string, string> = {}, body?: object) {
  const res = await rawRequest(`${t.url}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json', ...headers } : headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (res.kind !== 'response') throw new Error(`${method} ${path}: ${res.code}`);
  return { ...res, json: res.body ? (JSON.parse(res.body) as { error: { code: string; message: string; issues?: string[] } }) : undefined };
}

describe('a path segment that is not valid percent-encoding', () => {
  it.each([
    ['GET', '/__admin/state/%zz'],
    ['GET', '/__admin/sessions/%zz'],
    ['DELETE', '/__admin/sessions/%zz'],
    ['DELETE', '/__admin/sessions/%E0%A4%A'],
  ])('%s %s answers 400 invalid_path in the admin envelope, not 500', async (method, path) => {
    const res = await raw(method, path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json).toEqual({ error: { code: 'invalid_path', message: expect.stringContaining('not valid percent-encoding') } });
  });

  it('in the /__session/<id>/ prefix answers 400 invalid_session, naming the prefix', async () => {
    const res = await raw('GET', '/__session/%zz/contacts/tag');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'invalid_session', message: expect.stringContaining('"/__session/%zz/" is not valid percent-encoding') } });
    const admin = await raw('GET', '/__session/%zz/__admin/clock');
    expect(admin.status).toBe(400);
  });

  it('leaves the session working afterwards', async () => {
    await raw('GET', '/__admin/state/%zz');
    const res = await raw('GET', '/__admin/state/ocamba');
    expect(res.status).toBe(200);
  });
});

describe('the clock is bounded to 1970-01-01T00:00:00.000Z … 9999-12-31T23:59:59.999Z', () => {
  const clockOf = async (session: string) => (await raw('GET', '/__admin/clock', { 'X-Sandbox-Session': session })).json as unknown as { now: string; mode: string };

  it.each([
    ['an advance beyond the contract maximum', { ms: 1e20 }, 'invalid_request'],
    ['an advance one past the contract maximum', { ms: 253_402_300_800_000 }, 'invalid_request'],
    ['an advance within the maximum that still ends after year 9999', { ms: 253_402_300_799_999 }, 'clock_out_of_range'],
    ['a negative advance', { ms: -1 }, 'invalid_request'],
  ])('POST /__admin/clock/advance refuses %s with 400 and changes nothing', async (_what, body, code) => {
    const session = t.newSession();
    const res = await raw('POST', '/__admin/clock/advance', { 'X-Sandbox-Session': session }, body);
    expect(res.status).toBe(400);
    expect(res.json?.error.code).toBe(code);
    expect(await clockOf(session)).toEqual({ now: start, mode: 'frozen' });
    // Later answers still carry a valid Date.
    const after = await rawRequest(`${t.url}/v1/hood/partners`, { method: 'GET', headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': session } });
    expect(after.kind === 'response' && after.headers['date']).toBe('Mon, 02 Mar 2026 10:00:00 GMT');
  });

  it('POST /__admin/clock/advance accepts a step to the last millisecond of 9999', async () => {
    const session = t.newSession();
    await raw('PUT', '/__admin/clock', { 'X-Sandbox-Session': session }, { now: '9999-12-31T23:59:59.000Z' });
    const res = await raw('POST', '/__admin/clock/advance', { 'X-Sandbox-Session': session }, { ms: 999 });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ now: '9999-12-31T23:59:59.999Z', mode: 'frozen' });
    const over = await raw('POST', '/__admin/clock/advance', { 'X-Sandbox-Session': session }, { ms: 1 });
    expect(over.status).toBe(400);
    expect(over.json?.error).toMatchObject({ code: 'clock_out_of_range', message: expect.stringContaining('the clock is unchanged') });
    expect((await clockOf(session)).now).toBe('9999-12-31T23:59:59.999Z');
  });

  it.each([
    ['before 1970', { now: '1969-12-31T23:59:59Z' }, 'invalid_request'],
    ['in year 0001', { now: '0001-01-01T00:00:00Z' }, 'invalid_request'],
    ['before 1970 once its offset is applied', { now: '1970-01-01T00:30:00+01:00' }, 'clock_out_of_range'],
    ['not a date-time', { now: 'tomorrow' }, 'invalid_request'],
  ])('PUT /__admin/clock refuses an instant %s with 400 and changes nothing', async (_what, body, code) => {
    const session = t.newSession();
    const res = await raw('PUT', '/__admin/clock', { 'X-Sandbox-Session': session }, { ...body, mode: 'real' });
    expect(res.status).toBe(400);
    expect(res.json?.error.code).toBe(code);
    expect(await clockOf(session)).toEqual({ now: start, mode: 'frozen' });
  });

  it('PUT /__admin/clock accepts the first instant of 1970', async () => {
    const res = await raw('PUT', '/__admin/clock', { 'X-Sandbox-Session': t.newSession() }, { now: '1970-01-01T00:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ now: '1970-01-01T00:00:00.000Z', mode: 'frozen' });
  });
});
