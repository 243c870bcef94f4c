import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';
import { OCAMBA } from '../helpers/identities.js';
import { rawRequest } from '../helpers/raw-http.js';

describe('contact-sandbox (the compiled CLI, over a real socket)', () => {
  it("prints its URL and every vendor's base paths, and answers the seed's curl example with 204", async () => {
    const cli = await startCli(['--port', '0', '--seed', '5', '--clock', '2026-01-01T00:00:00Z', '--log-format', 'json']);
    try {
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.stdout()).toContain('scenario default · seed 5 · clock 2026-01-01T00:00:00Z');
      expect(cli.stdout()).toContain(`${cli.url}/v1/hood  ${cli.url}/v2/ocamba`);
      expect(cli.stdout()).toContain(`${cli.url}/__admin`);
      const res = await rawRequest(`${cli.url}/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'Content-Type': 'application/json' },
        body: '{\n  "value": "jane.doe@example.com",\n  "type": "email"\n}',
      });
      expect(res).toMatchObject({ kind: 'response', status: 204, body: '' });
      const health = await rawRequest(`${cli.url}/__admin/health`, { method: 'GET' });
      expect(health.kind === 'response' && JSON.parse(health.body)).toMatchObject({ status: 'ok', seed: 5 });
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('logs one JSON line per request with session, vendor, operation, status and ms', async () => {
    const cli = await startCli(['--port', '0', '--log-format', 'json']);
    try {
      await rawRequest(`${cli.url}/v1/hood/partners`, { method: 'GET', headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': 'ci-7' } });
      for (let i = 0; i < 50 && !cli.stdout().includes('"operation":"listPartners"'); i++) await new Promise((r) => setTimeout(r, 20));
      const line = cli.stdout().split('\n').find((l) => l.includes('"operation":"listPartners"'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({ session: 'ci-7', vendor: 'ocamba', operation: 'listPartners', status: 200, ms: expect.any(Number), msg: 'GET /v1/hood/partners 200' });
    } finally {
      cli.child.kill('SIGINT');
    }
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('takes the port and host from PORT and HOST', async () => {
    const cli = await startCli([], { PORT: '0', HOST: '127.0.0.1' });
    try {
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.url).not.toMatch(/:4010$/);
    } finally {
      cli.child.kill('SIGTERM');
    }
    await cli.exited;
  });

  it('starts with the scenario it is given', async () => {
    const cli = await startCli(['--port', '0', '--scenario', 'ocamba/unknown-partner']);
    try {
      const res = await rawRequest(`${cli.url}/v1/hood/partners`, { method: 'GET', headers: { Authorization: `Bearer ${OCAMBA.keyA}` } });
      expect(res.kind === 'response' && JSON.parse(res.body)).toEqual({ total: 0, items: [] });
    } finally {
      cli.child.kill('SIGTERM');
    }
    await cli.exited;
  });

  it('mounts only the vendors named by --vendors', async () => {
    const cli = await startCli(['--port', '0', '--vendors', 'ocamba']);
    try {
      const health = await rawRequest(`${cli.url}/__admin/health`, { method: 'GET' });
      expect(health.kind === 'response' && (JSON.parse(health.body) as { vendors: { id: string }[] }).vendors.map((v) => v.id)).toEqual(['ocamba']);
    } finally {
      cli.child.kill('SIGTERM');
    }
    await cli.exited;
  });

  it.each([
    [['--clock', 'soon'], /--clock must be "real" or an ISO-8601 instant/],
    [['--vendors', 'acme'], /unknown vendor\(s\) acme; known: .*ocamba/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--scenario', 'nope'], /unknown scenario "nope"/],
  ])('refuses %j with a clear message and exit code 1', async (args, message) => {
    const { code, stderr } = await runCli(['--port', '0', ...args]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});
