import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';

const t = useSandbox({ vendors: ['ocamba'] });
const dir = mkdtempSync(join(tmpdir(), 'coverage-cli-'));
let session: string;

beforeAll(async () => {
  const s = t.session();
  session = s.id;
  // listPartners 401, twice: 1 of Ocamba's 53 documented outcomes (1.8 %).
  await s.get('/v1/hood/partners');
  await s.get('/v1/hood/partners');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cov = (...args: string[]) => runCli(['coverage', '--url', t.url, '--session', session, ...args]);

describe('contact-sandbox coverage', () => {
  it('prints a table with every documented outcome, the unreached ones marked, and the percentage', async () => {
    const { code, stdout } = await cov();
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ ocamba │ GET \/v1\/hood\/partners \(listPartners\)\s*│ ✗ 200 /);
    expect(stdout).toMatch(new RegExp(`│ ✓ 401\\s*│ HTTP status\\s*│ 2\\s*│\\s*│ ${session}×2`));
    expect(stdout).toMatch(/│ ✗ 200\s*│ HTTP status\s*│ NOT REACHED/);
    expect(stdout.match(/NOT REACHED/g)).toHaveLength(52);
    expect(stdout).toContain(`Documented outcomes reached, sessions ${session}:`);
    expect(stdout).toMatch(/total\s+1 \/ 53\s+1\.8 %/);
  });

  it('--only-missing leaves out what was reached', async () => {
    const { stdout } = await cov('--only-missing');
    expect(stdout).not.toContain('✓ 401');
    expect(stdout.match(/NOT REACHED/g)).toHaveLength(52);
  });

  it('--json prints the GET /__admin/coverage body', async () => {
    const { code, stdout } = await cov('--json');
    expect(code).toBe(0);
    const admin = await t.http().get(`/__admin/coverage?session=${session}`);
    expect(JSON.parse(stdout)).toEqual(admin.body);
  });

  it('--html writes a self-contained page with the unreached outcomes in their own style', async () => {
    const file = join(dir, 'coverage.html');
    const { code, stderr } = await cov('--html', file, '--json');
    expect(code).toBe(0);
    expect(stderr).toContain(`coverage: wrote ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('1 of 53 documented outcomes reached, 1.8 %');
    expect(html.match(/<tr class="missing">/g)).toHaveLength(52);
    expect(html).toContain('tr.missing td');
    // Nothing fetched from elsewhere: no script, link, image or url().
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(/i);
  });

  it('--fail-under exits 1 under the threshold, 0 at or over it', async () => {
    const under = await cov('--fail-under', '1.9');
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('coverage: 1.8 % of the documented outcomes reached, under --fail-under 1.9 %');
    expect((await cov('--fail-under', '1.8')).code).toBe(0);
  });

  it('exits 2 when there is no report: a sandbox that is not there, a vendor not mounted, a bad option', async () => {
    const gone = await runCli(['coverage', '--url', 'http://127.0.0.1:9']);
    expect([gone.code, gone.stderr]).toEqual([2, expect.stringContaining('coverage: cannot reach the sandbox at http://127.0.0.1:9')]);
    const vendor = await cov('--vendor', 'imiconnect');
    expect([vendor.code, vendor.stderr]).toEqual([2, expect.stringContaining('unknown_vendor')]);
    expect((await cov('--fail-under', '101')).code).toBe(2);
    expect((await runCli(['coverage'])).code).toBe(2);
  });
});
