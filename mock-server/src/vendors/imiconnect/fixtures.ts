import { join } from 'node:path';
import { isObject, type Contract } from '../../core/contract.js';
import { readFixtureFile, validateFixtures } from '../../core/fixtures.js';
import type { FixtureLoader } from '../../core/vendor-module.js';
import type { components } from './contract.gen.js';
import { IpAllowList } from './ip-allow-list.js';

export type Tenant = components['schemas']['Tenant'];
export type ProfileRecord = components['schemas']['ProfileRecord'];
export type ProfileAttribute = components['schemas']['ProfileAttribute'];
export type LinkedProfile = components['schemas']['LinkedProfile'];

/** One fixture set: `tenants.json`, and `customers.json` (tenant id → customers as Get Profile returns them). */
export interface ImiconnectFixtures {
  readonly tenants: readonly Tenant[];
  readonly customers: Readonly<Record<string, readonly ProfileRecord[]>>;
}

/** The customer id a stored profile carries among its attributes (as the vendor's Get Profile example shows). */
export function customerIdOf(record: ProfileRecord): string | undefined {
  return record.Attributes.find((a) => a.Name === 'customerId')?.Value;
}

export const fixtures: FixtureLoader<ImiconnectFixtures> = {
  load(dir: string, contract: Contract): ImiconnectFixtures {
    const tenantsFile = join(dir, 'tenants.json');
    const customersFile = join(dir, 'customers.json');
    const tenants = validateFixtures<Tenant>(contract, 'Tenant', readFixtureFile(dir, 'tenants.json'), tenantsFile);
    const problems: string[] = [];
    const unique = (values: readonly string[], what: string, where: string) => {
      const seen = new Set<string>();
      for (const value of values) {
        if (seen.has(value)) problems.push(`${where}: ${what} ${value} appears twice`);
        seen.add(value);
      }
    };
    unique(tenants.map((t) => t.id), 'tenant id', tenantsFile);
    unique(tenants.map((t) => t.key), 'key', tenantsFile);
    for (const tenant of tenants) {
      // The contract's pattern cannot check every IPv6 form; Node's BlockList can, so a bad entry fails at start-up.
      try {
        new IpAllowList(tenant.allowedIps);
      } catch (error) {
        problems.push(`${tenantsFile}#${tenant.id}: allowedIps: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    const raw = readFixtureFile(dir, 'customers.json');
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
      unique(records.map((r) => customerIdOf(r) ?? ''), 'customerId', where);
      for (const record of records) attributeIds.push(...[...record.Attributes, ...record.InwardLinks.flatMap((l) => l.Records)].map((a) => String(a.ID)));
      customers[tenantId] = records;
    }
    // The vendor's attribute IDs are system-wide numbers; new ones continue after the largest.
    unique(attributeIds, 'attribute ID', customersFile);
    if (problems.length > 0) throw new Error(`invalid fixtures (imiconnect):\n  ${problems.join('\n  ')}`);
    return { tenants, customers };
  },
};
