import { isObject, type Contract } from '../../core/contract.js';
import { validateFixtures, type FixtureFiles } from '../../core/fixtures.js';
import type { FixtureLoader } from '../../core/vendor-module.js';
import type { components } from './generated/contract.js';
import { IpAllowList } from './ip-allow-list.js';

export type Tenant = components['schemas']['Tenant'];
export type ProfileRecord = components['schemas']['ProfileRecord'];
export type ProfileAttribute = components['schemas']['ProfileAttribute'];
export type LinkedProfile = components['schemas']['LinkedProfile'];
export type ProfileStatus = components['schemas']['ProfileStatus'];

/** The per-record codes the queue can report (docs/vendors/imiconnect.md §2.5). */
export const RESULT_CODES = ['1000', '7014', '7015', '7203'] as const;

/**
 * One fixture set: `tenants.json`, `customers.json` (tenant id → customers as
 * Get Profile returns them) and, optionally, `transactions.json` (tenant id →
 * finished transactions as Get Profile Status returns them), so that a known
 * transid answers without a write first (a Pact interaction stands alone).
 */
export interface ImiconnectFixtures {
  readonly tenants: readonly Tenant[];
  readonly customers: Readonly<Record<string, readonly ProfileRecord[]>>;
  readonly transactions: Readonly<Record<string, readonly ProfileStatus[]>>;
}

/** The customer id a stored profile carries among its attributes (as the vendor's Get Profile example shows). */
export function customerIdOf(record: ProfileRecord): string | undefined {
  return record.Attributes.find((a) => a.Name === 'customerId')?.Value;
}

export const fixtures: FixtureLoader<ImiconnectFixtures> = {
  load(files: FixtureFiles, contract: Contract): ImiconnectFixtures {
    const tenantsFile = files.path('tenants.json');
    const customersFile = files.path('customers.json');
    const tenants = validateFixtures<Tenant>(contract, 'Tenant', files.json('tenants.json'), tenantsFile);
    const problems: string[] = [];
    const unique = (values: readonly string[], what: string, where: string) => {
      const seen = new Set<string>();
      for (const value of values) {
        if (seen.has(value)) problems.push(`${where}: ${what} ${value} appears twice`);
        seen.add(value);
      }
    };
    unique(
      tenants.map((t) => t.id),
      'tenant id',
      tenantsFile,
    );
    unique(
      tenants.map((t) => t.key),
      'key',
      tenantsFile,
    );
    for (const tenant of tenants) {
      // The contract's pattern cannot check every IPv6 form; Node's BlockList can, so a bad entry fails at start-up.
      try {
        new IpAllowList(tenant.allowedIps);
      } catch (error) {
        problems.push(`${tenantsFile}#${tenant.id}: allowedIps: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    const raw = files.json('customers.json');
    if (!isObject(raw)) throw new Error(`fixture ${customersFile}: expected an object of tenant id → customers`);
    const customers: Record<string, readonly ProfileRecord[]> = {};
    const attributeIds: string[] = [];
    for (const [tenantId, list] of Object.entries(raw)) {
      const where = `${customersFile}#${tenantId}`;
      if (!tenants.some((t) => t.id === tenantId)) problems.push(`${where}: tenant ${tenantId} is not in tenants.json`);
      const records = validateFixtures<ProfileRecord>(contract, 'ProfileRecord', list, where);
      records.forEach((record, i) => {
        if (customerIdOf(record) === undefined) problems.push(`${where}[${i}]: no customerId attribute`);
      });
      unique(
        records.map((r) => customerIdOf(r) ?? ''),
        'customerId',
        where,
      );
      for (const record of records) attributeIds.push(...[...record.Attributes, ...record.InwardLinks.flatMap((l) => l.Records)].map((a) => String(a.ID)));
      customers[tenantId] = records;
    }
    // The vendor's attribute IDs are system-wide numbers; new ones continue after the largest.
    unique(attributeIds, 'attribute ID', customersFile);
    const transactions = loadTransactions(contract, files, tenants, problems);
    if (problems.length > 0) throw new Error(`invalid fixtures (imiconnect):\n  ${problems.join('\n  ')}`);
    return { tenants, customers, transactions };
  },
};

/**
 * `transactions.json`, when the set has one: each transaction must be what
 * Get Profile Status would answer for it (codes the queue reports, counts and
 * the top-level outcome that follow from its results), each transid once.
 */
function loadTransactions(contract: Contract, files: FixtureFiles, tenants: readonly Tenant[], problems: string[]): Record<string, readonly ProfileStatus[]> {
  const file = files.path('transactions.json');
  if (!files.has('transactions.json')) return {};
  const raw = files.json('transactions.json');
  if (!isObject(raw)) throw new Error(`fixture ${file}: expected an object of tenant id → transactions`);
  const out: Record<string, readonly ProfileStatus[]> = {};
  const seen = new Set<string>();
  for (const [tenantId, list] of Object.entries(raw)) {
    const where = `${file}#${tenantId}`;
    if (!tenants.some((t) => t.id === tenantId)) problems.push(`${where}: tenant ${tenantId} is not in tenants.json`);
    const transactions = validateFixtures<ProfileStatus>(contract, 'ProfileStatus', list, where);
    transactions.forEach((t, i) => {
      if (seen.has(t.transid)) problems.push(`${where}[${i}]: transid ${t.transid} appears twice`);
      seen.add(t.transid);
      const failures = t.Results.filter((r) => r.code !== '1000').length;
      if (t.Results.some((r) => !(RESULT_CODES as readonly string[]).includes(r.code))) problems.push(`${where}[${i}]: a result code is not one of ${RESULT_CODES.join(', ')}`);
      const consistent =
        t.TotalCount === t.Results.length &&
        t.FailureCount === failures &&
        t.SuccessCount === t.Results.length - failures &&
        t.code === (failures === 0 ? '1000' : '1002') &&
        t.description === (failures === 0 ? 'SUCCESS' : 'Partial success');
      if (!consistent) problems.push(`${where}[${i}]: counts or code do not follow from the results`);
    });
    out[tenantId] = transactions;
  }
  return out;
}
