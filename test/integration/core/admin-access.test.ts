import { describe, expect, it } from 'vitest';
import { OCAMBA } from '../../helpers/identities.js';
import { schemaProblems } from '../../helpers/contract-matchers.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';

const TOKEN = 'correct-horse-battery-staple';
const t = useSandbox({ adminAccess: { token: TOKEN, allowedHosts: ['sandbox'] } });
const bearer = { Authorization: `Bearer ${TOKEN}` };
const contact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

function refusal(res: { status: number; headers: Record<string, unknown>; body: unknown }, status: number, code: string, response: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['x-sandbox-error']).toBe(code);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(schemaProblems('admin', `#/components/responses/${response}/content/application~1json/schema`, res.body)).toEqual([]);
}

describe('admin API with --admin-token', () => {
  it('answers 401 admin_unauthorized without the token, with a wrong one, and with another scheme', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer ']) {
      const req = t.http().get('/__admin/health');
      const res = await (authorization === undefined ? req : req.set('Authorization', authorization));
      refusal(res, 401, 'admin_unauthorized', 'Unauthorized');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="contact-sandbox admin"');
    }
  });

  it('answers with the token, in either header form of the session', async () => {
    const session = t.newSession();
    expect((await t.http().get('/__admin/health').set(bearer)).status).toBe(200);
    const prefixed = await t.http().get(`/__session/${session}/__admin/requests`).set(bearer);
    expect(prefixed.status).toBe(200);
    expect(prefixed.body.session).toBe(session);
  });

  it('refuses the session-prefixed admin paths without the token, and changes nothing', async () => {
    const session = t.newSession();
    const res = await t.http().put(`/__session/${session}/__admin/scenario`).send({ name: 'ocamba/slow' });
    refusal(res, 401, 'admin_unauthorized', 'Unauthorized');
    const scenarios = await t.http().get('/__admin/scenarios').set('X-Sandbox-Session', session).set(bearer);
    expect(scenarios.body.active.ocamba).toBe('default');
  });

  it('leaves vendor routes alone', async () => {
    const res = await t.http().get(contact).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('X-Sandbox-Session', t.newSession());
    expect(res.status).toBe(200);
  });

  it('takes admin writes with a body only as application/json (415 otherwise), the text/plain switch included', async () => {
    const session = t.newSession();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t
        .http()
        .post('/__admin/provider-states')
        .set(bearer)
        .set('X-Sandbox-Session', session)
        .set('Content-Type', type)
        .send('{"state":"ocamba/slow","action":"setup"}');
      refusal(res, 415, 'unsupported_media_type', 'UnsupportedMediaType');
    }
    const scenarios = await t.http().get('/__admin/scenarios').set('X-Sandbox-Session', session).set(bearer);
    expect(scenarios.body.active.ocamba).toBe('default');
    const json = await t
      .http()
      .post('/__admin/provider-states')
      .set(bearer)
      .set('X-Sandbox-Session', session)
      .set('Content-Type', 'application/json; charset=utf-8')
      .send('{"state":"ocamba/slow","action":"setup"}');
    expect(json.status).toBe(200);
    // A write without a body needs no content type.
    expect((await t.http().post('/__admin/reset').set(bearer).set('X-Sandbox-Session', session)).status).toBe(200);
  });

  it('answers 403 forbidden_host for a foreign Host (DNS rebinding), and takes loopback names, IP addresses and --allowed-hosts', async () => {
    const { port } = new URL(t.url);
    const host = async (value: string) => {
      const res = await rawRequest(`${t.url}/__admin/health`, { method: 'GET', headers: { Host: value, ...bearer } });
      if (res.kind !== 'response') throw new Error(res.message);
      return { status: res.status, headers: res.headers, body: JSON.parse(res.body) as unknown };
    };
    for (const foreign of [`evil.example:${port}`, 'rebind.attacker.test', `localhost.evil.example:${port}`]) refusal(await host(foreign), 403, 'forbidden_host', 'Forbidden');
    for (const fine of [`localhost:${port}`, `app.localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `10.1.2.3:${port}`, `sandbox:${port}`, 'SANDBOX'])
      expect((await host(fine)).status).toBe(200);
  });

  it('answers 403 forbidden_origin to a request from a web page of another origin', async () => {
    const res = await t.http().post('/__admin/reset').set(bearer).set('Origin', 'https://evil.example');
    refusal(res, 403, 'forbidden_origin', 'Forbidden');
    const same = await t.http().get('/__admin/health').set(bearer).set('Origin', t.url);
    expect(same.status).toBe(200);
  });

  it('sends no CORS headers and allows no preflight', async () => {
    const preflight = await t
      .http()
      .options('/__admin/provider-states')
      .set('Origin', t.url)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, authorization')
      .set(bearer);
    expect(preflight.status).toBe(404);
    const health = await t.http().get('/__admin/health').set(bearer).set('Origin', t.url);
    for (const res of [preflight, health]) expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
