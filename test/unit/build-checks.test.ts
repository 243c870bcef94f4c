import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BuildChecks } from '../../mock-server/src/core/build-checks.js';
import { createSandboxApp } from '../../mock-server/src/core/create-sandbox.js';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { GENERATED_VENDOR_IDS } from '../../mock-server/src/generated-names.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

const start = (checks: BuildChecks, scenarioDirs: readonly string[] = [DEFAULT_DIRS.scenarios], fixturesDir: string = DEFAULT_DIRS.fixtures) =>
  createSandboxApp({ vendors: VENDORS, knownVendorIds: GENERATED_VENDOR_IDS, scenarioDirs, fixturesDir }, checks);

/** Fixture sets: one directory per vendor and set. */
const fixtureSets = (root: string) => readdirSync(root, { withFileTypes: true }).flatMap((v) => (v.isDirectory() ? readdirSync(join(root, v.name)) : []));

function scenarioCopy(): { readonly dir: string; readonly file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'build-checks-'));
  cpSync(DEFAULT_DIRS.scenarios, dir, { recursive: true });
  return { dir, file: join(dir, 'ocamba', 'rate-limited.yaml') };
}

describe('scenario, settings and fixture checks the build ran (decision 0034)', () => {
  it('start-up runs none for the built-in scenarios, default settings and fixture sets: the build passed every one', () => {
    const checks = BuildChecks.read();
    start(checks);
    expect(checks.passedNow).toEqual([]);
    // Without the build's list, each scenario file, each vendor's default settings and each fixture set is checked (once).
    const everything = BuildChecks.none();
    start(everything);
    const files = readdirSync(DEFAULT_DIRS.scenarios, { recursive: true }).filter((f) => String(f).endsWith('.yaml'));
    expect(everything.passedNow).toHaveLength(files.length + VENDORS.length + fixtureSets(DEFAULT_DIRS.fixtures).length);
  });

  it('a scenario changed after the build is checked again, and refused when it is wrong', () => {
    const { dir, file } = scenarioCopy();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n# changed after the build\n`);
    const checks = BuildChecks.read();
    start(checks, [dir]);
    expect(checks.passedNow).toHaveLength(1);
    writeFileSync(file, text.replace(/vendors:/, 'vendors:\n  nosuchvendor: {}\n  _x:'));
    expect(() => start(BuildChecks.read(), [dir])).toThrow(/rate-limited\.yaml/);
  });

  it('a fixture set the build checked is read on first use, and answers as read; one changed after the build is read at start, and refused when it is wrong (decision 0032)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-checks-fixtures-'));
    cpSync(DEFAULT_DIRS.fixtures, dir, { recursive: true });
    // Same bytes in another directory: the build's check still holds, so nothing is read or checked at start.
    const checks = BuildChecks.read();
    const sandbox = start(checks, [DEFAULT_DIRS.scenarios], dir);
    expect(checks.passedNow).toEqual([]);
    // Loaded on first use from the bytes the start read: a file broken since is not what the set holds.
    const file = join(dir, 'ocamba', 'default', 'partners.json');
    const original = readFileSync(file, 'utf8');
    const partners = JSON.parse(original) as { id: string }[];
    writeFileSync(file, '[{"id": 42}]');
    const state = await request(sandbox.app).get('/__admin/state/ocamba').expect(200);
    expect(JSON.stringify(state.body)).toContain(`"${partners[0]!.id}"`);
    // A byte changed: that set alone is read and checked at start.
    writeFileSync(file, `${original}\n`);
    const changed = BuildChecks.read();
    start(changed, [DEFAULT_DIRS.scenarios], dir);
    expect(changed.passedNow).toHaveLength(1);
    writeFileSync(file, JSON.stringify([{ ...partners[0], id: 42 }]));
    expect(() => start(BuildChecks.read(), [DEFAULT_DIRS.scenarios], dir)).toThrow(/partners\.json\[0\]\.id/);
  });
});
