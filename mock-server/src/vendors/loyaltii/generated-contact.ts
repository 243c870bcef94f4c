import { seededFaker } from '../../core/generate-entity.js';
import { deriveSeed } from '../../core/random.js';
import { dateTimeOffset } from './dates.js';
import type { StoredContact } from './fixtures.js';

/** A DateTimeOffset with a full 7-digit fraction, as SQL Server stores one written by a real clock. */
function storedTime(faker: ReturnType<typeof seededFaker>, from: string, to: string): string {
  const ms = faker.date.between({ from, to }).getTime();
  const text = dateTimeOffset(ms, '+00:00');
  return `${text.slice(0, 23)}${faker.string.numeric({ length: 4 })}${text.slice(27)}`;
}

/**
 * A contact as the fixture generator makes them (every value from the seed
 * and the id; Version left empty for the caller). Provider states make theirs
 * the same way, from the sandbox's seed.
 */
export function generatedContact(seed: number, id: number, account: string, stores: readonly number[]): StoredContact {
  const faker = seededFaker(deriveSeed(seed, 'loyaltii:contact', String(id)));
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  const registered = storedTime(faker, '2023-01-01T00:00:00Z', '2025-06-30T00:00:00Z');
  const modified = storedTime(faker, registered.slice(0, 19) + 'Z', '2025-12-31T00:00:00Z');
  return {
    Id: id,
    Secret: faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }),
    RegistrationDateTime: registered,
    RegistrationSource: faker.helpers.arrayElement(['webshop', 'store', 'birthday-campaign', 'newsletter']),
    RegistrationIp: faker.internet.ipv4(),
    LastModified: modified,
    Version: '',
    RegistrationStoreId: faker.helpers.arrayElement([...stores, null]),
    Email: `${ascii(first)}.${ascii(last)}${id}@example.com`,
    PhoneCountryCode: '+46',
    Phone: `7${faker.string.numeric({ length: 8 })}`,
    FirstName: first,
    LastName: last,
    LimitMailsPermanently: faker.datatype.boolean({ probability: 0.2 }),
    LimitMailsTemporarilyUntil: faker.datatype.boolean({ probability: 0.2 }) ? storedTime(faker, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z') : null,
    PreferredStoreId: faker.helpers.arrayElement([...stores, null]),
    ContactCompanyId: faker.datatype.boolean({ probability: 0.3 }) ? faker.number.int({ min: 100, max: 999 }) : null,
    LatestPermissionSource: faker.helpers.arrayElement(['webshop-checkout', 'store-signup', 'newsletter-form', null]),
    Account: account,
    Password: null,
    ProfileLastUpdated: null,
  };
}
