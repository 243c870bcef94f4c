import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
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
      expect(cli.stdout()).toMatch(new RegExp(`  dashboard +${cli.url}/__admin/ui\n`));
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

  it('--strict refuses a body without Content-Type with the vendor\'s 400, says "strict" at start, and logs the leniency', async () => {
    const cli = await startCli(['--port', '0', '--strict', '--log-format', 'json']);
    try {
      expect(cli.stdout()).toMatch(/scenario default · seed \d+ · clock real · strict\n/);
      // Without a Content-Type (node:http adds none): ocamba/content-type (docs/leniencies.md).
      const res = await rawRequest(`${cli.url}/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': 'ci-strict' },
        body: '{"value":"jane.doe@example.com"}',
      });
      expect(res.kind === 'response' && { status: res.status, body: JSON.parse(res.body) as unknown, warning: res.headers['x-sandbox-warning'] }).toMatchObject({
        status: 400,
        body: { code: 400, title: 'Bad request.', message: 'The request body is not valid.' },
        warning: expect.stringMatching(/^refused: ocamba\/content-type at content-type: /),
      });
      for (let i = 0; i < 50 && !cli.stdout().includes('"leniencies"'); i++) await new Promise((r) => setTimeout(r, 20));
      const line = cli
        .stdout()
        .split('\n')
        .find((l) => l.includes('"session":"ci-strict"'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({ status: 400, leniencies: ['ocamba/content-type'] });
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
      const line = cli
        .stdout()
        .split('\n')
        .find((l) => l.includes('"operation":"listPartners"'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        session: 'ci-7',
        vendor: 'ocamba',
        operation: 'listPartners',
        status: 200,
        ms: expect.any(Number),
        msg: 'GET /v1/hood/partners 200',
      });
    } finally {
      cli.child.kill('SIGINT');
    }
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('logs the same fields on one pretty line with --log-format pretty', async () => {
    const cli = await startCli(['--port', '0', '--log-format', 'pretty']);
    try {
      await rawRequest(`${cli.url}/v1/hood/partners`, { method: 'GET', headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': 'ci-8' } });
      for (let i = 0; i < 50 && !cli.stdout().includes('operation=listPartners'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(cli.stdout()).toMatch(/INFO: GET \/v1\/hood\/partners 200 session=ci-8 vendor=ocamba operation=listPartners status=200 ms=[\d.]+ scenario=default\n/);
    } finally {
      cli.child.kill('SIGTERM');
    }
    await cli.exited;
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
    [['--clock', '0001-01-01T00:00:00Z'], /--clock must be an instant from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z/],
    [['--vendors', 'acme'], /unknown vendor\(s\) acme; known: .*ocamba/],
    [['--vendors', ''], /--vendors.*no vendors given; name at least one of instantpay, imiconnect, loyaltii, ocamba, iservice/],
    [['--vendors', ' , '], /no vendors given/],
    [['--port', 'abc'], /--port must be an integer from 0 to 65535/],
    [['--port', '99999'], /--port must be an integer from 0 to 65535/],
    [['--scenarios-dir', '/nonexistent'], /--scenarios-dir.*no such directory: \/nonexistent/],
    [['--fixtures-dir', '/nonexistent'], /--fixtures-dir.*no such directory: \/nonexistent/],
    [['--scenario', 'nope'], /unknown scenario "nope"/],
    [
      ['--scenario', 'imiconnect/ip-not-whitelisted', '--vendors', 'ocamba'],
      /scenario "imiconnect\/ip-not-whitelisted" concerns only imiconnect, which is not mounted \(mounted: ocamba\)/,
    ],
  ])('refuses %j with one clear line on stderr and exit code 2', async (args, message) => {
    const { code, stderr } = await runCli(['--port', '0', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/ENOENT|\n\s+at /);
  });

  it('refuses PORT=99999 from the environment the same way', async () => {
    const { code, stderr } = await runCli([], { PORT: '99999' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be an integer from 0 to 65535/);
  });

  it('says so in one line (exit 2) when the port is taken', async () => {
    const first = await startCli(['--port', '0']);
    try {
      const port = new URL(first.url).port;
      const { code, stderr } = await runCli(['--port', port]);
      expect(code).toBe(2);
      expect(stderr).toBe(`contact-sandbox: cannot listen: 127.0.0.1:${port} is already in use (--port, --host)\n`);
    } finally {
      first.child.kill('SIGTERM');
    }
    await first.exited;
  });

  it('--help shows the serve options at top level, and the verify command', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const option of [
      '--port <port>',
      '--host <host>',
      '--scenario <name>',
      '--seed <n>',
      '--clock <real|instant>',
      '--vendors <list>',
      '--log-level <level>',
      '--log-format <format>',
      '--scenarios-dir <dir>',
      '--fixtures-dir <dir>',
      '--watch',
      '--journal-size <n>',
      '--session-idle <ms>',
      '--body-limit <bytes>',
      '--trust-proxy',
    ]) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toMatch(/verify \[options\]/);
  });

  it.each([['--version'], ['-V']])('%s prints the package version', async (flag) => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runCli([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});
