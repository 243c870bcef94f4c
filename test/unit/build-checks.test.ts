import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildChecks } from '../../mock-server/src/core/build-checks.js';
import { createSandboxApp } from '../../mock-server/src/core/create-sandbox.js';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { GENERATED_VENDOR_IDS } from '../../mock-server/src/generated-names.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

const start = (checks: BuildChecks, scenarioDirs: readonly string[] = [DEFAULT_DIRS.scenarios]) =>
  createSandboxApp({ vendors: VENDORS, knownVendorIds: GENERATED_VENDOR_IDS, scenarioDirs }, checks);

function scenarioCopy(): { readonly dir: string; readonly file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'build-checks-'));
  cpSync(DEFAULT_DIRS.scenarios, dir, { recursive: true });
  return { dir, file: join(dir, 'ocamba', 'rate-limited.yaml') };
}

describe('scenario and settings checks the build ran (decision 0034)', () => {
  it('start-up runs none for the built-in scenarios and default settings: the build passed every one', () => {
    const checks = BuildChecks.read();
    start(checks);
    expect(checks.passedNow).toEqual([]);
    // Without the build's list, each scenario file and each vendor's default settings is checked (once).
    const everything = BuildChecks.none();
    start(everything);
    const files = readdirSync(DEFAULT_DIRS.scenarios, { recursive: true }).filter((f) => String(f).endsWith('.yaml'));
    expect(everything.passedNow).toHaveLength(files.length + VENDORS.length);
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
});
