import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Contract } from '../../mock-server/src/core/contract.js';
import { readCheckedFixtures } from '../../mock-server/src/core/fixture-checks.js';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';

const log = pino({ level: 'silent' });
const prepare = (fixturesDir: string) => VENDORS.map((v) => v.prepare({ contractsDir: DEFAULT_DIRS.contracts, fixturesDir, log }));

describe('fixture checks the build ran (decision 0034)', () => {
  it('start-up runs none for the built-in fixtures: every list was checked by the build', () => {
    expect(readCheckedFixtures().size).toBeGreaterThanOrEqual(VENDORS.length);
    for (const vendor of prepare(DEFAULT_DIRS.fixtures)) expect(vendor.contract.checkedFixtures, vendor.module.id).toEqual([]);
  });

  it('a fixture list the build did not check is checked at start, and one that breaks its contract is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-checks-'));
    cpSync(DEFAULT_DIRS.fixtures, dir, { recursive: true });
    const file = join(dir, 'ocamba', 'default', 'partners.json');
    const partners = JSON.parse(readFileSync(file, 'utf8')) as { name: string }[];
    writeFileSync(file, JSON.stringify(partners.map((p, i) => (i === 0 ? { ...p, name: `${p.name} (changed)` } : p))));
    const ocamba = prepare(dir).find((v) => v.module.id === 'ocamba')!;
    expect(ocamba.contract.checkedFixtures).toHaveLength(1);
    writeFileSync(file, JSON.stringify(partners.map((p, i) => (i === 0 ? { ...p, name: 42 } : p))));
    expect(() => prepare(dir)).toThrow(/invalid fixtures \(ocamba Partner\)/);
  });

  it('checkFixtures reports the issues of an item that breaks the schema', () => {
    const contract = Contract.load('ocamba', join(DEFAULT_DIRS.contracts, 'ocamba', 'openapi.yaml'));
    expect(contract.checkFixtures('Contact', [{ id: 'x' }])?.[0]?.length).toBeGreaterThan(0);
  });
});
