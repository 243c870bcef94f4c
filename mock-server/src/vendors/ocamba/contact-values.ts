import type { Faker } from '@faker-js/faker';
import type { Contact } from './fixtures.js';

export type ContactType = Contact['type'];

/** The contact types in the order the fixture generator draws them from (the contract's ContactType). */
export const CONTACT_TYPES = ['email', 'mobile', 'phone', 'skype', 'sip', 'website'] as const satisfies readonly ContactType[];

/**
 * A partner contact as the fixtures hold them: a value that suits its type
 * (the contract's ValueSuitsType), from one faker stream. The fixture
 * generator and the provider states make contacts the same way; the draws
 * keep their order (type, user name, every type's value, id), so the
 * committed fixtures stay what they were.
 */
export function generatedContact(faker: Faker, type: ContactType = faker.helpers.arrayElement(CONTACT_TYPES)): Contact {
  const user =
    faker.internet
      .username()
      .replace(/[^A-Za-z0-9._-]/g, '')
      .toLowerCase() || 'contact';
  const value = {
    email: `${user}@example.com`,
    mobile: `+${faker.string.numeric({ length: 11, allowLeadingZeros: false })}`,
    phone: `+${faker.string.numeric({ length: 10, allowLeadingZeros: false })}`,
    skype: `${user}.skype`,
    sip: `sip:${user}@sip.example.com`,
    website: `https://www.${user.replace(/[._]/g, '-')}.example.com`,
  }[type];
  return { id: faker.string.uuid(), type, value };
}
