import { isObject, type Contract } from '../../core/contract.js';
import { validateFixtures, type FixtureFiles } from '../../core/fixtures.js';
import type { FixtureLoader } from '../../core/vendor-module.js';
import type { components } from './generated/contract.js';

export type Partner = components['schemas']['Partner'];
export type Contact = Pick<components['schemas']['Contact'], 'id' | 'type' | 'value'>;
export type PersonalApiKey = components['schemas']['PersonalApiKey'];

/** One fixture set: `api-keys.json`, `partners.json`, `contacts.json` (partner id → contacts). */
export interface OcambaFixtures {
  readonly apiKeys: readonly PersonalApiKey[];
  readonly partners: readonly Partner[];
  readonly contacts: Readonly<Record<string, readonly Contact[]>>;
}

export const fixtures: FixtureLoader<OcambaFixtures> = {
  load(files: FixtureFiles, contract: Contract): OcambaFixtures {
    const apiKeys = validateFixtures<PersonalApiKey>(contract, 'PersonalApiKey', files.json('api-keys.json'), files.path('api-keys.json'));
    const partners = validateFixtures<Partner>(contract, 'Partner', files.json('partners.json'), files.path('partners.json'));
    const rawContacts = files.json('contacts.json');
    if (!isObject(rawContacts)) throw new Error(`fixture ${files.path('contacts.json')}: expected an object of partner id → contacts`);
    const partnerIds = new Set(partners.map((p) => p.id));
    const contacts: Record<string, readonly Contact[]> = {};
    for (const [partnerId, list] of Object.entries(rawContacts)) {
      if (!partnerIds.has(partnerId)) throw new Error(`fixture ${files.path('contacts.json')}: partner ${partnerId} is not in partners.json`);
      contacts[partnerId] = validateFixtures<Contact>(contract, 'Contact', list, `${files.path('contacts.json')}#${partnerId}`);
    }
    return { apiKeys, partners, contacts };
  },
};
