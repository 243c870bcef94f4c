import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { runNode } from '../helpers/run-node.js';

/**
 * The package as a consumer gets it: `npm pack` of this checkout (built by
 * `npm test`'s pretest), installed into a scratch project with production
 * dependencies only, offline from npm's cache where it can.
 */
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });

const CONSUMER_TS = `import { BUILT_IN_SCENARIOS, createSandbox, VENDOR_IDS, type BuiltInScenario, type VendorId } from 'contact-sandbox';
import { OcambaClient } from 'contact-sandbox/clients/ocamba';
import { responseBodyMatchers } from 'contact-sandbox/pact-matchers';

const vendor: VendorId = 'ocamba';
const scenario: BuiltInScenario = 'ocamba/rate-limited';
// @ts-expect-error vendor ids are literal types
const wrong: VendorId = 'ocambaa';
const sandbox = createSandbox({ vendors: [vendor], scenario, seed: 1 });
export const all: readonly VendorId[] = VENDOR_IDS;
export const first: BuiltInScenario | undefined = BUILT_IN_SCENARIOS[0];
export { sandbox, wrong, OcambaClient, responseBodyMatchers };
`;

const CONSUMER_MJS = `import { createSandbox } from 'contact-sandbox';
import { OcambaClient } from 'contact-sandbox/clients/ocamba';
import * as matchers from 'contact-sandbox/pact-matchers';
import * as instantpay from 'contact-sandbox/clients/instantpay';
import * as imiconnect from 'contact-sandbox/clients/imiconnect';
import * as loyaltii from 'contact-sandbox/clients/loyaltii';
import * as iservice from 'contact-sandbox/clients/iservice';

const running = await createSandbox({ seed: 1, vendors: ['ocamba'] }).listen(0);
try {
  const res = await fetch(running.url + '/v1/hood/partners', { headers: { Authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd' } });
  const body = await res.json();
  // The dashboard's page and the files it names ship in the package (decision 0610).
  const page = await fetch(running.url + '/__admin/ui');
  const named = [...(await page.text()).matchAll(new RegExp('"/__admin/ui/([^"]+)"', 'g'))].map((m) => m[1]);
  const files = await Promise.all(named.map((name) => fetch(running.url + '/__admin/ui/' + name).then((r) => r.status)));
  console.log(JSON.stringify({ status: res.status, partners: body.total, dashboard: [page.status, named.length, ...new Set(files)], exports: [typeof OcambaClient, typeof matchers.responseBodyMatchers, ...[instantpay, imiconnect, loyaltii, iservice].map((m) => Object.keys(m).length > 0)] }));
} finally {
  await running.close();
}
`;

describe('the packed package, installed by a consumer', () => {
  it('installs with production dependencies only, type-checks with skipLibCheck false, runs its bin and an in-process sandbox', { timeout: 180_000 }, async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'consumer-'));
    const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], PROJECT_ROOT)) as [
      { filename: string; entryCount: number; files: { path: string }[] },
    ];
    const files = packed[0].files.map((f) => f.path);
    expect(files.filter((f) => /^(test|bench|scripts|docs|examples)\//.test(f) || /\.map$|\.tsbuildinfo$|(?<!\.d)\.ts$/.test(f))).toEqual([]);
    expect(files).toContain('mock-server/dist/clients/ocamba.js');
    expect(files).toEqual(expect.arrayContaining(['mock-server/dist/ui/index.html', 'mock-server/dist/ui/manifest.json', 'mock-server/dist/ui/swagger-ui-LICENSE.txt']));
    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-package-lock', join(scratch, packed[0].filename)], project);
    expect(readdirSync(join(project, 'node_modules/@types')).sort()).not.toContain('supertest');

    writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', lib: ['ES2023', 'DOM'], strict: true, skipLibCheck: false, noEmit: true, types: [] },
        files: ['consumer.ts'],
      }),
    );
    const tsc = await runNode([join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(project, 'tsconfig.json')]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);

    const help = run('npx', ['--no-install', 'contact-sandbox', '--help'], project);
    expect(help).toContain('Usage: contact-sandbox');

    writeFileSync(join(project, 'consumer.mjs'), CONSUMER_MJS);
    const inProcess = await runNode([join(project, 'consumer.mjs')]);
    expect(inProcess.stderr).toBe('');
    expect(JSON.parse(inProcess.stdout)).toEqual({ status: 200, partners: 5, dashboard: [200, 4, 200], exports: ['function', 'function', true, true, true, true] });
  });
});
