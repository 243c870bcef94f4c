import type { Contract } from '../../core/contract.js';
import { validateFixtures, type FixtureFiles } from '../../core/fixtures.js';
import type { FixtureLoader } from '../../core/vendor-module.js';
import type { components } from './generated/contract.js';

export type Contact = components['schemas']['Contact'];
export type StoredProperty = components['schemas']['StoredProperty'];
export type StoredLogin = components['schemas']['StoredLogin'];
export type PropertyDefinition = components['schemas']['PropertyDefinition'];
export type Segment = components['schemas']['Segment'];
export type User = components['schemas']['User'];

/** One fixture set: the tenant's contact form (`properties.json`), `segments.json`, `contacts.json`, `users.json`. */
export interface IServiceFixtures {
  readonly properties: readonly PropertyDefinition[];
  readonly segments: readonly Segment[];
  readonly contacts: readonly Contact[];
  readonly users: readonly User[];
}

export const fixtures: FixtureLoader<IServiceFixtures> = {
  load(files: FixtureFiles, contract: Contract): IServiceFixtures {
    const read = <T>(file: string, schema: string) => validateFixtures<T>(contract, schema, files.json(file), files.path(file));
    const set: IServiceFixtures = {
      properties: read<PropertyDefinition>('properties.json', 'PropertyDefinition'),
      segments: read<Segment>('segments.json', 'Segment'),
      contacts: read<Contact>('contacts.json', 'Contact'),
      users: read<User>('users.json', 'User'),
    };
    const problems = consistencyProblems(set);
    if (problems.length > 0) throw new Error(`invalid fixtures (iservice ${files.dir}):\n  ${problems.join('\n  ')}`);
    return set;
  },
};

/** What the schemas cannot say: ids that must exist elsewhere in the set, and unique keys. */
function consistencyProblems({ properties, segments, contacts, users }: IServiceFixtures): string[] {
  const problems: string[] = [];
  const names = new Map(properties.map((p) => [p.propertyID, p.propertyName]));
  const segmentIds = new Set(segments.map((s) => s.segmentID));
  const contactIds = new Set<number>();
  const logins = new Set<string>();
  for (const contact of contacts) {
    const where = `contacts.json ${contact.contactID}`;
    if (contactIds.has(contact.contactID)) problems.push(`${where}: contactID used twice`);
    contactIds.add(contact.contactID);
    for (const p of contact.properties)
      if (names.get(p.propertyID) !== p.propertyName) problems.push(`${where}: property ${p.propertyID} "${p.propertyName}" is not in properties.json`);
    for (const s of contact.membership) if (!segmentIds.has(s)) problems.push(`${where}: segment ${s} is not in segments.json`);
    for (const login of contact.logins) {
      const key = login.name.toLowerCase();
      if (logins.has(key)) problems.push(`${where}: login ${login.name} belongs to another contact too`);
      logins.add(key);
    }
  }
  for (const user of users) {
    if (!contactIds.has(user.contactID)) problems.push(`users.json: contact ${user.contactID} is not in contacts.json`);
    for (const s of user.segments) if (!segmentIds.has(s)) problems.push(`users.json ${user.contactID}: segment ${s} is not in segments.json`);
  }
  return problems;
}
