import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { createSandbox } from '../../../mock-server/src/index.js';

const committed = (file: string) => JSON.parse(readFileSync(join(DEFAULT_DIRS.fixtures, 'imiconnect/default', file), 'utf8')) as unknown;

interface Files {
  tenants: Record<string, unknown>[];
  customers: Record<string, Record<string, unknown>[]>;
  transactions?: Record<string, Record<string, unknown>[]>;
}

/** A fixtures directory holding an IMIconnect default set made of the committed one, changed by `edit`. */
function fixturesWith(edit: (files: Files) => void): string {
  const files = { tenants: committed('tenants.json'), customers: committed('customers.json'), transactions: committed('transactions.json') } as Files;
  edit(files);
  const dir = mkdtempSync(join(tmpdir(), 'imiconnect-fixtures-'));
  mkdirSync(join(dir, 'imiconnect/default'), { recursive: true });
  writeFileSync(join(dir, 'imiconnect/default/tenants.json'), JSON.stringify(files.tenants));
  writeFileSync(join(dir, 'imiconnect/default/customers.json'), JSON.stringify(files.customers));
  if (files.transactions) writeFileSync(join(dir, 'imiconnect/default/transactions.json'), JSON.stringify(files.transactions));
  return dir;
}

/** Only the default scenario: the built-in ones name vendors this sandbox does not mount. */
const scenarios = mkdtempSync(join(tmpdir(), 'imiconnect-scenarios-'));
writeFileSync(join(scenarios, 'default.yaml'), 'description: d\n');
const load = (fixturesDir: string) => () => createSandbox({ vendors: ['imiconnect'], fixturesDir, scenarioDirs: [scenarios] });

describe('IMIconnect fixtures are checked when the sandbox starts', () => {
  it('loads the committed set', () => {
    expect(load(fixturesWith(() => {}))).not.toThrow();
  });

  it('loads a set without transactions.json (it is optional)', () => {
    expect(load(fixturesWith((f) => delete f.transactions))).not.toThrow();
  });

  it.each([
    ['transactions of an unknown tenant', (f: Files) => (f.transactions!['ghost'] = []), /transactions\.json#ghost: tenant ghost is not in tenants\.json/],
    [
      'a transaction listed twice',
      (f: Files) => f.transactions!['sandbox']!.push(structuredClone(f.transactions!['sandbox']![0]!)),
      /transid 3c6f1d2e-8a4b-4f7c-9e05-b1d2a3c4e5f6 appears twice/,
    ],
    [
      'a transaction whose counts do not follow from its results',
      (f: Files) => (f.transactions!['sandbox']![0]!['SuccessCount'] = 1),
      /#sandbox\[0\]: counts or code do not follow from the results/,
    ],
    [
      'a result code the queue never reports',
      (f: Files) => ((f.transactions!['sandbox']![1]!['Results'] as { code: string }[])[1]!.code = '7011'),
      /#sandbox\[1\]: a result code is not one of/,
    ],
    ['a transaction that is not a status answer', (f: Files) => delete f.transactions!['sandbox']![0]!['transid'], /transactions\.json#sandbox\[0\]/],
    ['a tenant whose key is not a UUID', (f: Files) => (f.tenants[0]!['key'] = 'not-a-key'), /tenants\.json\[0\]\.key: must match format "uuid"/],
    ['two tenants with one key', (f: Files) => (f.tenants[1]!['key'] = f.tenants[0]!['key']), /key 070b57a3-3308-4a2b-a009-d91d80ff926b appears twice/],
    ['an allow-list entry Node cannot read', (f: Files) => (f.tenants[1]!['allowedIps'] = ['1:2:3:4:5:6:7:8:9']), /#allow-listed: allowedIps:/],
    ['customers of an unknown tenant', (f: Files) => (f.customers['ghost'] = []), /tenant ghost is not in tenants\.json/],
    [
      'a customer without a customerId attribute',
      (f: Files) => (f.customers['sandbox']![0]!['Attributes'] = [{ Name: 'name', Value: 'x', ID: 1 }]),
      /#sandbox\[0\]: no customerId attribute/,
    ],
    ['a customer listed twice', (f: Files) => f.customers['sandbox']!.push(structuredClone(f.customers['sandbox']![1]!)), /customerId 1234569 appears twice/],
  ])('refuses %s, naming the file and the problem', (_case, edit, message) => {
    expect(load(fixturesWith(edit))).toThrow(message);
  });
});
