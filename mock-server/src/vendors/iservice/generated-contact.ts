import { seededFaker } from '../../core/generate-entity.js';
import { deriveSeed } from '../../core/random.js';

/** A generated contact's values: by propertyID of the fixtures' form (First Name, Last Name, Company, Phone), its email login and segments. */
export interface GeneratedContact {
  readonly values: { readonly '1': string; readonly '3': string; readonly '4': string; readonly '5': string };
  readonly email: string;
  readonly membership: string[];
}

/**
 * A contact as the fixture generator makes them, every value from the seed
 * and the id, its segments among `segments` (the agent's). Provider states
 * make theirs the same way, from the sandbox's seed.
 */
export function generatedContact(seed: number, contactID: number, segments: readonly string[]): GeneratedContact {
  const faker = seededFaker(deriveSeed(seed, 'iservice:contact', String(contactID)));
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const membership = faker.helpers.arrayElements([...segments], { min: 1, max: 3 }).sort((a, b) => Number(a) - Number(b));
  const values = { '1': first, '3': last, '4': faker.company.name(), '5': faker.phone.number({ style: 'international' }) };
  return { values, email: faker.internet.email({ firstName: first, lastName: last, provider: 'example.com' }).toLowerCase(), membership };
}
