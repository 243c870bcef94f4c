import { isObject, type Contract } from '../../core/contract.js';
import { validateFixtures, type FixtureFiles } from '../../core/fixtures.js';
import type { FixtureLoader } from '../../core/vendor-module.js';
import type { components } from './generated/contract.js';
import { objectIdSeconds } from './formats.js';

export type Account = components['schemas']['Account'];
export type Contact = components['schemas']['Contact'];
export type Tag = components['schemas']['Tag'];
export type Person = components['schemas']['Person'];

/**
 * One fixture set: `accounts.json` (client id/secret pairs, each a sandbox or a
 * live account), `tags.json` and `contacts.json` (each record names its
 * account's `userId`, as the vendor's records do), `persons.json` (userId →
 * persons, whose records carry no userId of their own).
 */
export interface InstantpayFixtures {
  readonly accounts: readonly Account[];
  readonly tags: readonly Tag[];
  readonly contacts: readonly Contact[];
  readonly persons: Readonly<Record<string, readonly Person[]>>;
}

export const fixtures: FixtureLoader<InstantpayFixtures> = {
  load(files: FixtureFiles, contract: Contract): InstantpayFixtures {
    const accounts = validateFixtures<Account>(contract, 'Account', files.json('accounts.json'), files.path('accounts.json'));
    const tags = validateFixtures<Tag>(contract, 'Tag', files.json('tags.json'), files.path('tags.json'));
    const contacts = validateFixtures<Contact>(contract, 'Contact', files.json('contacts.json'), files.path('contacts.json'));
    const rawPersons = files.json('persons.json');
    if (!isObject(rawPersons)) throw new Error(`fixture ${files.path('persons.json')}: expected an object of userId → persons`);
    const persons: Record<string, readonly Person[]> = {};
    for (const [userId, list] of Object.entries(rawPersons)) persons[userId] = validateFixtures<Person>(contract, 'Person', list, `${files.path('persons.json')}#${userId}`);
    const loaded = { accounts, tags, contacts, persons };
    const problems = consistencyProblems(loaded);
    if (problems.length > 0) throw new Error(`invalid fixtures (instantpay, ${files.dir}):\n  ${problems.join('\n  ')}`);
    return loaded;
  },
};

/** What the schemas cannot check: references between files, unique keys, and ObjectIds whose time prefix is `created_at` (docs/vendors/instantpay.md §1.6). */
function consistencyProblems({ accounts, tags, contacts, persons }: InstantpayFixtures): string[] {
  const problems: string[] = [];
  const userIds = new Set(accounts.map((a) => a.userId));
  if (new Set(accounts.map((a) => a.clientId)).size !== accounts.length) problems.push('accounts.json: a client id appears twice');
  if (userIds.size !== accounts.length) problems.push('accounts.json: a userId appears twice');
  const timed = (where: string, record: { _id: string; created_at: string }) => {
    if (objectIdSeconds(record._id) !== Math.floor(Date.parse(record.created_at) / 1000))
      problems.push(`${where} ${record._id}: the id's time prefix is not created_at ${record.created_at}`);
  };
  const owned = (where: string, record: { _id: string; userId: number }) => {
    if (!userIds.has(record.userId)) problems.push(`${where} ${record._id}: no account has userId ${record.userId}`);
  };
  for (const tag of tags) {
    owned('tags.json', tag);
    timed('tags.json', tag);
  }
  for (const contact of contacts) {
    owned('contacts.json', contact);
    timed('contacts.json', contact);
    for (const tagId of contact.tagId) {
      if (!tags.some((t) => t._id === tagId && t.userId === contact.userId)) problems.push(`contacts.json ${contact._id}: tag ${tagId} is not its account's`);
    }
  }
  for (const [userId, list] of Object.entries(persons)) {
    if (!userIds.has(Number(userId))) problems.push(`persons.json: no account has userId ${userId}`);
    for (const person of list) {
      timed('persons.json', person);
      if (!contacts.some((c) => c._id === person.gcId && c.userId === Number(userId)))
        problems.push(`persons.json ${person._id}: contact ${person.gcId} is not account ${userId}'s`);
    }
  }
  return problems;
}
