import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';
import { INSTANTPAY_HEADERS as IPAY } from '../helpers/identities.js';
import { startTrustedRealVendor, type RealVendor } from '../helpers/real-vendor.js';

const SANDBOX = { seed: 7, clock: '2026-03-02T10:00:00Z' };

let dir: string;
let real: RealVendor;
let recording: string;

/** One proxy run through the compiled CLI (the CA from NODE_EXTRA_CA_CERTS), recording two exchanges: one that agrees and one whose status differs. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drift-cli-'));
  const { real: started, caFile } = await startTrustedRealVendor(dir, SANDBOX);
  real = started;
  recording = join(dir, 'drift.jsonl');
  const args = ['proxy', '--vendor', 'instantpay', '--target', real.url, '--port', '0', '--record', recording, '--seed', '7', '--clock', SANDBOX.clock, '--log-level', 'silent'];
  const cli = await startCli(args, { NODE_EXTRA_CA_CERTS: caFile });
  try {
    for (const deviate of ['none', 'status']) {
      const answer = await request(`${cli.url}/contacts/profile`, { headers: { ...IPAY, 'x-deviate': deviate, 'x-sandbox-session': deviate } });
      await answer.body.arrayBuffer();
    }
    // Comparisons finish after the client's answers; the admin route counts them.
    for (let tries = 0; tries < 50; tries++) {
      const drift = (await (await request(`${cli.url}/__admin/drift`)).body.json()) as { exchanges: number };
      if (drift.exchanges === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  }
});

afterAll(async () => {
  await real?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('contact-sandbox drift <file>', () => {
  it('prints per operation where the two differed, with the contract path, and exits 1', async () => {
    const { code, stdout } = await runCli(['drift', recording]);
    expect(stdout).toContain('2 exchanges: 1 agree, 1 differ, 0 failed');
    expect(stdout).toMatch(/listContacts {2}DIFFER/);
    expect(stdout).toContain('status      status: HTTP status 503 (real) vs 200 (sandbox)  [#/paths/~1contacts~1profile/get/responses]');
    expect(code).toBe(1);
  });

  it('--json prints the report as JSON; --html writes one self-contained page', async () => {
    const html = join(dir, 'drift.html');
    const { code, stdout } = await runCli(['drift', recording, '--json', '--html', html]);
    const report = JSON.parse(stdout) as { exchanges: number; differ: number; vendors: { vendor: string; operations: { operation: string }[] }[] };
    expect(report).toMatchObject({ exchanges: 2, agree: 1, differ: 1, vendors: [{ vendor: 'instantpay', operations: [{ operation: 'listContacts' }] }] });
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('#/paths/~1contacts~1profile/get/responses');
    expect(page).not.toMatch(/<script|<link|src=/);
    expect(code).toBe(1);
  });

  it('exits 2 on a file that is not a recording', async () => {
    const bogus = join(dir, 'bogus.jsonl');
    writeFileSync(bogus, '{"not":"an exchange"}\n');
    const { code, stderr } = await runCli(['drift', bogus]);
    expect(stderr).toContain('bogus.jsonl:1: not an exchange');
    expect(code).toBe(2);
  });
});

describe('contact-sandbox replay <file>', () => {
  it('replays against an in-process sandbox, reports the recorded deviation and exits 1', async () => {
    const { code, stdout } = await runCli(['replay', recording, '--seed', '7', '--clock', SANDBOX.clock]);
    expect(stdout).toContain('2 exchanges: 1 agree, 1 differ, 0 failed');
    expect(stdout).toContain('HTTP status 503 (real) vs 200 (sandbox)');
    expect(code).toBe(1);
  });
});
