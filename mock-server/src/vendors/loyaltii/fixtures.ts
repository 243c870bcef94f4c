import type { Contract } from '../../core/contract.js';
import { validateFixtures, type FixtureFiles } from '../../core/fixtures.js';
import type { FixtureLoader } from '../../core/vendor-module.js';
import type { components } from './generated/contract.js';

export type SandboxAccount = components['schemas']['SandboxAccount'];
export type SandboxStore = components['schemas']['SandboxStore'];
/** A stored contact: the ReadContactDto plus its account, password and ProfileLastUpdated (never returned). */
export type StoredContact = components['schemas']['SandboxContact'];
export type ReadContactDto = components['schemas']['ReadContactDto'];

/** One fixture set: `accounts.json`, `stores.json`, `contacts.json`. */
export interface LoyaltiiFixtures {
  readonly accounts: readonly SandboxAccount[];
  readonly stores: readonly SandboxStore[];
  readonly contacts: readonly StoredContact[];
}

/** Rules the schemas cannot state: references resolve, and Email/Phone are unique per account (docs/vendors/loyaltii.md L-6). */
function crossCheck(fixtures: LoyaltiiFixtures, dir: string): void {
  const problems: string[] = [];
  const accounts = new Set(fixtures.accounts.map((a) => a.Account));
  const seen = new Set<string>();
  for (const item of [...fixtures.stores.map((s) => ({ kind: 'store', ...s })), ...fixtures.contacts.map((c) => ({ kind: 'contact', ...c }))]) {
    if (!accounts.has(item.Account)) problems.push(`${item.kind} ${item.Id}: account ${item.Account} is not in accounts.json`);
    const key = `${item.kind}:${item.Id}`;
    if (seen.has(key)) problems.push(`${item.kind} ${item.Id} appears twice`);
    seen.add(key);
  }
  for (const field of ['Email', 'Phone'] as const) {
    const holders = new Map<string, number>();
    for (const c of fixtures.contacts) {
      const value = c[field];
      if (value === null) continue;
      const key = `${c.Account}:${value.toLowerCase()}`;
      const other = holders.get(key);
      if (other !== undefined) problems.push(`contacts ${other} and ${c.Id} share ${field} ${value}`);
      holders.set(key, c.Id);
    }
  }
  if (problems.length > 0) throw new Error(`invalid fixtures (${dir}):\n  ${problems.join('\n  ')}`);
}

export const fixtures: FixtureLoader<LoyaltiiFixtures> = {
  load(files: FixtureFiles, contract: Contract): LoyaltiiFixtures {
    const read = <T>(file: string, schema: string) => validateFixtures<T>(contract, schema, files.json(file), files.path(file));
    const loaded: LoyaltiiFixtures = {
      accounts: read<SandboxAccount>('accounts.json', 'SandboxAccount'),
      stores: read<SandboxStore>('stores.json', 'SandboxStore'),
      contacts: read<StoredContact>('contacts.json', 'SandboxContact'),
    };
    crossCheck(loaded, files.dir);
    return loaded;
  },
};
