import { CowMap } from '../../core/cow-map.js';
import type { StateInit } from '../../core/vendor-module.js';
import { BodyRules } from './body-rules.js';
import type { components } from './generated/contract.js';
import type { Account, Contact, InstantpayFixtures, Person, Tag } from './fixtures.js';
import { ObjectIdMinter, recordTime } from './formats.js';
import type { InstantpaySettings } from './settings.js';

type Schemas = components['schemas'];
export type ContactInput = Omit<Schemas['AddContactRequest'], 'tagDetails'> & { readonly tagIds: readonly string[] };
export type PersonInput = Pick<Person, 'gcId' | 'contactPersonName' | 'email' | 'mobile' | 'description'>;
export type TagInput = Pick<Tag, 'name' | 'hexColorCode'>;

/** Results as values: the routes decide how each one is answered. */
export type Outcome<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'no-record' };

const ok = <T>(value: T): Outcome<T> => ({ kind: 'ok', value });
const NO_RECORD: Outcome<never> = { kind: 'no-record' };

/** One account's contact book: copy on write over the fixtures' (docs/decisions/0050), so a session holds only what it wrote. */
interface Book {
  readonly contacts: CowMap<string, Contact>;
  readonly tags: CowMap<string, Tag>;
  readonly persons: CowMap<string, Person>;
}

/** The fixtures' books, built once per fixture set and shared read-only by every session. */
interface BaseBook {
  readonly contacts: ReadonlyMap<string, Contact>;
  readonly tags: ReadonlyMap<string, Tag>;
  readonly persons: ReadonlyMap<string, Person>;
}

function baseBooks(fixtures: InstantpayFixtures): ReadonlyMap<number, BaseBook> {
  const books = new Map<number, { contacts: Map<string, Contact>; tags: Map<string, Tag>; persons: Map<string, Person> }>();
  for (const account of fixtures.accounts) books.set(account.userId, { contacts: new Map(), tags: new Map(), persons: new Map() });
  // The loader checked that every record belongs to an account.
  for (const tag of fixtures.tags) books.get(tag.userId)!.tags.set(tag._id, tag);
  for (const contact of fixtures.contacts) books.get(contact.userId)!.contacts.set(contact._id, contact);
  for (const [userId, persons] of Object.entries(fixtures.persons)) for (const person of persons) books.get(Number(userId))!.persons.set(person._id, person);
  return books;
}

/**
 * One session's Instantpay data: the accounts (client id/secret pairs) and
 * each account's contact book, keyed by the account's `userId`, so that the
 * sandbox and the live account hold the same seed ids apart. Every write
 * checks everything it refers to before it changes anything.
 */
export class InstantpayStore {
  readonly rules: BodyRules;
  readonly #accounts: ReadonlyMap<string, Account>;
  readonly #baseBooks: ReadonlyMap<number, BaseBook>;
  /** The books this session used, made on first use. */
  readonly #books = new Map<number, Book>();
  readonly #ids: ObjectIdMinter;
  readonly #now: () => number;

  constructor(init: StateInit<InstantpaySettings, InstantpayFixtures>) {
    const { fixtures } = init;
    this.rules = init.shared('bodyRules', () => new BodyRules(init.contract));
    this.#ids = new ObjectIdMinter(init.random);
    this.#now = () => init.clock.now();
    this.#accounts = init.shared('accounts', () => new Map(fixtures.accounts.map((a) => [a.clientId, a])));
    this.#baseBooks = init.shared('books', () => baseBooks(fixtures));
  }

  account(clientId: string): Account | undefined {
    return this.#accounts.get(clientId);
  }

  contacts(userId: number): Contact[] {
    return [...this.#book(userId).contacts.values()];
  }

  addContact(userId: number, input: ContactInput): Outcome<Contact> {
    const book = this.#book(userId);
    if (!input.tagIds.every((id) => book.tags.has(id))) return NO_RECORD;
    const now = this.#now();
    const contact: Contact = {
      _id: this.#ids.mint(now),
      userId,
      name: input.name,
      email: input.email,
      mobile: input.mobile,
      callingCode: '91',
      ...(input.companyName === undefined ? {} : { companyName: input.companyName }),
      tagId: [...input.tagIds],
      updated_at: recordTime(now),
      created_at: recordTime(now),
    };
    book.contacts.set(contact._id, contact);
    return ok(contact);
  }

  /** Replaces name, email, mobile and the tags (docs/vendors/instantpay.md I-4); keeps companyName (I-5) and created_at. */
  updateContact(userId: number, contactId: string, input: Omit<ContactInput, 'companyName'>): Outcome<Contact> {
    const book = this.#book(userId);
    const current = book.contacts.get(contactId);
    if (!current || !input.tagIds.every((id) => book.tags.has(id))) return NO_RECORD;
    const updated: Contact = { ...current, name: input.name, email: input.email, mobile: input.mobile, tagId: [...input.tagIds], updated_at: recordTime(this.#now()) };
    book.contacts.set(contactId, updated);
    return ok(updated);
  }

  /** Deletes the contact and its persons, which cannot outlive it (docs/decisions/0104). */
  deleteContact(userId: number, contactId: string): Outcome<null> {
    const book = this.#book(userId);
    if (!book.contacts.delete(contactId)) return NO_RECORD;
    for (const [id, person] of book.persons) if (person.gcId === contactId) book.persons.delete(id);
    return ok(null);
  }

  tags(userId: number): Tag[] {
    return [...this.#book(userId).tags.values()];
  }

  addTag(userId: number, input: TagInput): Outcome<Tag> {
    const now = this.#now();
    const tag: Tag = { userId, name: input.name, hexColorCode: input.hexColorCode, updated_at: recordTime(now), created_at: recordTime(now), _id: this.#ids.mint(now) };
    this.#book(userId).tags.set(tag._id, tag);
    return ok(tag);
  }

  updateTag(userId: number, tagId: string, input: TagInput): Outcome<Tag> {
    const tags = this.#book(userId).tags;
    const current = tags.get(tagId);
    if (!current) return NO_RECORD;
    const updated: Tag = { ...current, name: input.name, hexColorCode: input.hexColorCode, updated_at: recordTime(this.#now()) };
    tags.set(tagId, updated);
    return ok(updated);
  }

  /** Deletes the tag and takes it off the contacts that carry it (docs/decisions/0104). */
  deleteTag(userId: number, tagId: string): Outcome<null> {
    const book = this.#book(userId);
    if (!book.tags.delete(tagId)) return NO_RECORD;
    for (const [id, contact] of book.contacts) {
      if (contact.tagId.includes(tagId)) book.contacts.set(id, { ...contact, tagId: contact.tagId.filter((t) => t !== tagId) });
    }
    return ok(null);
  }

  /** The persons of a contact; an unknown contact has no record. */
  persons(userId: number, gcId: string): Outcome<Person[]> {
    const book = this.#book(userId);
    if (!book.contacts.has(gcId)) return NO_RECORD;
    return ok([...book.persons.values()].filter((p) => p.gcId === gcId));
  }

  addPerson(userId: number, input: PersonInput): Outcome<Person> {
    const book = this.#book(userId);
    if (!book.contacts.has(input.gcId)) return NO_RECORD;
    const now = this.#now();
    const person: Person = { _id: this.#ids.mint(now), ...personFields(input), callingCode: '+91', updated_at: recordTime(now), created_at: recordTime(now) };
    book.persons.set(person._id, person);
    return ok(person);
  }

  /** Updates a person of the contact `gcId` names; a person of another contact has no record there. */
  updatePerson(userId: number, personId: string, input: PersonInput): Outcome<Person> {
    const persons = this.#book(userId).persons;
    const current = persons.get(personId);
    if (!current || current.gcId !== input.gcId) return NO_RECORD;
    const updated: Person = { ...current, ...personFields(input), updated_at: recordTime(this.#now()) };
    persons.set(personId, updated);
    return ok(updated);
  }

  deletePerson(userId: number, gcId: string, personId: string): Outcome<null> {
    const persons = this.#book(userId).persons;
    if (persons.get(personId)?.gcId !== gcId) return NO_RECORD;
    persons.delete(personId);
    return ok(null);
  }

  /** The account of an environment (the sandbox pair, the live pair): where provider states put records. */
  accountIn(environment: Account['environment']): Account | undefined {
    return [...this.#accounts.values()].find((a) => a.environment === environment);
  }

  /** Provider states: a contact of the account, or undefined. */
  contact(userId: number, contactId: string): Contact | undefined {
    return this.#book(userId).contacts.get(contactId);
  }

  /**
   * Provider states: stores the contact as given (added, or replacing the one
   * with its id in the account's book; books are apart, as the seed's records
   * are in both). Refused, with the reason, when a tag is not the account's.
   */
  placeContact(contact: Contact): { readonly kind: 'ok' } | { readonly kind: 'refused'; readonly reason: string } {
    const book = this.#book(contact.userId);
    const unknown = contact.tagId.filter((id) => !book.tags.has(id));
    if (unknown.length > 0) return { kind: 'refused', reason: `tag(s) ${unknown.join(', ')} are not account ${contact.userId}'s` };
    book.contacts.set(contact._id, contact);
    return { kind: 'ok' };
  }

  dump(): unknown {
    return {
      accounts: [...this.#accounts.values()],
      books: Object.fromEntries(
        [...this.#baseBooks.keys()].map((userId) => {
          const book = this.#book(userId);
          return [userId, { contacts: [...book.contacts.values()], tags: [...book.tags.values()], persons: [...book.persons.values()] }];
        }),
      ),
    };
  }

  #book(userId: number): Book {
    let book = this.#books.get(userId);
    if (!book) {
      const base = this.#baseBooks.get(userId);
      if (!base) throw new Error(`instantpay: no account with userId ${userId}`);
      book = { contacts: new CowMap(base.contacts), tags: new CowMap(base.tags), persons: new CowMap(base.persons) };
      this.#books.set(userId, book);
    }
    return book;
  }
}

/** Only the fields a person has, whatever else the request carried. */
function personFields(input: PersonInput): PersonInput {
  return { gcId: input.gcId, contactPersonName: input.contactPersonName, email: input.email, mobile: input.mobile, description: input.description };
}
