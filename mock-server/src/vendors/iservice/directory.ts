import { CowMap } from '../../core/cow-map.js';
import type { Failure } from './errors.js';
import type { Contact, IServiceFixtures, PropertyDefinition, Segment, StoredLogin, StoredProperty, User } from './fixtures.js';

const ACCESS_RIGHTS = 'docs/decisions/0403-iservice-access-rights.md';
const MODEL = 'docs/decisions/0404-iservice-contact-model.md';

/** The `details` object of setdetails/newcontact, as the contract's DetailsInput describes it. */
export interface DetailsInput {
  readonly properties: readonly { readonly propertyID: string; readonly values: readonly { readonly value: string }[] }[];
  readonly setLogins?: boolean;
  readonly logins?: readonly StoredLogin[];
}

export interface ContactInput {
  readonly details: DetailsInput;
  readonly membership?: readonly string[];
}

export interface DetailsView {
  readonly contactID: number;
  readonly details: { readonly properties: StoredProperty[]; readonly logins: StoredLogin[] };
  readonly membership: string[];
}

/** Results as values; the routes render failures with the error catalogue. */
export type Outcome<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'failed'; readonly failures: readonly Failure[] };

/** A contact as stored. Never changed in place: the fixtures' records are shared by every session, so a write stores a new record. */
interface ContactRecord {
  readonly contactID: number;
  /** propertyID → values; properties never set are absent. */
  readonly values: ReadonlyMap<string, readonly { readonly value: string }[]>;
  readonly logins: readonly StoredLogin[];
  readonly membership: readonly string[];
}

/** The fixtures' contacts as records, built once per fixture set and shared read-only by every session's directory. */
function contactRecords(fixtures: IServiceFixtures): ReadonlyMap<number, ContactRecord> {
  return new Map(
    fixtures.contacts.map((c): [number, ContactRecord] => [
      c.contactID,
      {
        contactID: c.contactID,
        values: new Map(c.properties.map((p) => [p.propertyID, p.values.map(({ value }) => ({ value }))])),
        logins: c.logins.map(({ name, type }) => ({ name, type })),
        membership: [...c.membership],
      },
    ]),
  );
}

const failed = (...failures: Failure[]): Outcome<never> => ({ kind: 'failed', failures });
const bySegmentId = (a: string, b: string) => Number(a) - Number(b);

/**
 * The tenant's contacts and the access rules of docs/vendors/iservice.md §5.1: customers see and
 * update only their own contact (seed 004); agents only contacts in (or
 * without) segments they have access to, and only set membership of those
 * segments ("the data returned and accepted is also limited to the iService
 * Segments to which the user has been granted access",
 * https://www.iservice.info/guides/api/api-overview.html).
 * Every write is checked whole before anything is changed.
 */
export class ContactDirectory {
  readonly #properties: readonly PropertyDefinition[];
  readonly #propertyIds: ReadonlySet<string>;
  readonly #segments: ReadonlyMap<string, Segment>;
  readonly #users: ReadonlyMap<number, User>;
  /** Copy on write over the fixtures' records (docs/decisions/0050): a session holds only the contacts it wrote. */
  readonly #contacts: CowMap<number, ContactRecord>;

  /** `shared` builds a value once per fixture set (StateInit.shared): the lookups and records every session reads alike. */
  constructor(fixtures: IServiceFixtures, shared: <T>(key: string, build: () => T) => T) {
    this.#properties = fixtures.properties;
    this.#propertyIds = shared('propertyIds', () => new Set(fixtures.properties.map((p) => p.propertyID)));
    this.#segments = shared('segments', () => new Map(fixtures.segments.map((s) => [s.segmentID, s])));
    this.#users = shared('users', () => new Map(fixtures.users.map((u) => [u.contactID, u])));
    this.#contacts = new CowMap(shared('contacts', () => contactRecords(fixtures)));
  }

  user(contactID: number): User | undefined {
    return this.#users.get(contactID);
  }

  /** The user one of whose contact's logins is `emailAddress` (any case); Google logins have no password. */
  userByLogin(emailAddress: string): { readonly user: User; readonly login: string } | undefined {
    const wanted = emailAddress.toLowerCase();
    for (const contact of this.#contacts.values()) {
      const login = contact.logins.find((l) => l.name.toLowerCase() === wanted && l.type.toLowerCase() !== 'google');
      const user = login && this.#users.get(contact.contactID);
      if (login && user) return { user, login: login.name };
    }
    return undefined;
  }

  authenticate(emailAddress: string, password: string): { readonly user: User; readonly login: string } | undefined {
    const found = this.userByLogin(emailAddress);
    return found && found.user.password === password ? found : undefined;
  }

  /** First and last name, as a display name for the logged-in user. */
  displayName(contactID: number): string {
    const values = this.#contacts.get(contactID)?.values;
    const first = (id: string) => values?.get(id)?.[0]?.value ?? '';
    return [first('1'), first('3')].filter(Boolean).join(' ');
  }

  details(user: User, contactID: number): Outcome<DetailsView> {
    const contact = this.#reachable(user, contactID, 'read');
    if (contact.kind === 'failed') return contact;
    const { value: c } = contact;
    return {
      kind: 'ok',
      value: {
        contactID: c.contactID,
        details: {
          // Every property of the form, in form order, as the Contact Details tab shows them.
          properties: this.#properties.map((p) => ({
            propertyID: p.propertyID,
            propertyName: p.propertyName,
            values: (c.values.get(p.propertyID) ?? []).map(({ value }) => ({ value })),
          })),
          logins: c.logins.map(({ name, type }) => ({ name, type })),
        },
        membership: user.userType === 'Agent' ? c.membership.filter((s) => user.segments.includes(s)) : [...c.membership],
      },
    };
  }

  /** api=setdetails: replaces the listed properties, the logins (only when setLogins is true, docs/vendors/iservice.md S-8) and the membership. */
  setDetails(user: User, contactID: number, input: ContactInput): Outcome<void> {
    const contact = this.#reachable(user, contactID, 'update');
    if (contact.kind === 'failed') return contact;
    const c = contact.value;
    const problems = this.#check(user, c.contactID, input);
    if (problems.length > 0) return failed(...problems);
    const values = new Map(c.values);
    for (const p of input.details.properties)
      values.set(
        p.propertyID,
        p.values.map(({ value }) => ({ value })),
      );
    const logins = input.details.setLogins === true ? (input.details.logins ?? []).map(({ name, type }) => ({ name, type })) : c.logins;
    // Customers have no segment rights: the form's membership is ignored for them (docs/decisions/0403-iservice-access-rights.md).
    let membership = c.membership;
    if (input.membership !== undefined && user.userType === 'Agent') {
      const hidden = c.membership.filter((s) => !user.segments.includes(s));
      membership = [...new Set([...hidden, ...input.membership])].sort(bySegmentId);
    }
    this.#contacts.set(c.contactID, { contactID: c.contactID, values, logins, membership });
    return { kind: 'ok', value: undefined };
  }

  /** api=newcontact: "all agent types are allowed to use this endpoint" (https://www.iservice.info/guides/api/creating-a-new-contact.html). */
  newContact(user: User, input: ContactInput): Outcome<number> {
    if (user.userType !== 'Agent') {
      return failed({
        code: 'ACCESS_DENIED',
        detail: 'Only agents may create contacts.',
        reason: { rule: 'agents-only', where: 'header:cookie', expected: 'an agent logged in', got: `a ${user.userType}`, source: ACCESS_RIGHTS },
      });
    }
    const problems = this.#check(user, undefined, input);
    if (problems.length > 0) return failed(...problems);
    const contactID = Math.max(0, ...this.#contacts.keys()) + 1;
    this.#contacts.set(contactID, {
      contactID,
      values: new Map(input.details.properties.map((p) => [p.propertyID, p.values.map(({ value }) => ({ value }))])),
      logins: input.details.setLogins === true ? (input.details.logins ?? []).map(({ name, type }) => ({ name, type })) : [],
      membership: [...new Set(input.membership ?? [])].sort(bySegmentId),
    });
    return { kind: 'ok', value: contactID };
  }

  /** The first agent's segments: where provider states put a new contact by default (so the sandbox agent can reach it). */
  agentSegments(): readonly string[] {
    return [...this.#users.values()].find((u) => u.userType === 'Agent')?.segments ?? [];
  }

  /** Whether the tenant's form has this property (provider states). */
  definesProperty(propertyID: string): boolean {
    return this.#propertyIds.has(propertyID);
  }

  /** Whether a contact exists (provider states). */
  has(contactID: number): boolean {
    return this.#contacts.has(contactID);
  }

  /**
   * Provider states: contact `contactID` with the listed properties replaced
   * (and, when given, its logins and membership), or a new contact with them.
   * Refused with the reason, changing nothing: a property or segment the
   * tenant does not define, a login another contact holds.
   */
  placeContact(input: {
    readonly contactID: number;
    readonly properties: Readonly<Record<string, string>>;
    readonly logins?: readonly StoredLogin[];
    readonly membership?: readonly string[];
  }): { readonly kind: 'ok' } | { readonly kind: 'refused'; readonly reason: string } {
    const unknownProperties = Object.keys(input.properties).filter((id) => !this.#propertyIds.has(id));
    if (unknownProperties.length > 0)
      return { kind: 'refused', reason: `property ${unknownProperties.join(', ')} is not one the tenant defines (${[...this.#propertyIds].join(', ')})` };
    const unknownSegments = (input.membership ?? []).filter((s) => !this.#segments.has(s));
    if (unknownSegments.length > 0) return { kind: 'refused', reason: `segment ${unknownSegments.join(', ')} is not one the tenant defines` };
    for (const login of input.logins ?? []) {
      const owner = this.#loginOwner(login.name);
      if (owner !== undefined && owner !== input.contactID) return { kind: 'refused', reason: `the login ${login.name} is contact ${owner}'s` };
    }
    // Records may be the fixtures' own, shared by every session: the state writes a new one.
    const current = this.#contacts.get(input.contactID);
    const values = new Map(current?.values ?? []);
    for (const [id, value] of Object.entries(input.properties)) values.set(id, value === '' ? [] : [{ value }]);
    this.#contacts.set(input.contactID, {
      contactID: input.contactID,
      values,
      logins: input.logins !== undefined ? input.logins.map(({ name, type }) => ({ name, type })) : (current?.logins ?? []),
      membership: input.membership !== undefined ? [...new Set(input.membership)].sort(bySegmentId) : (current?.membership ?? []),
    });
    return { kind: 'ok' };
  }

  dump(): { properties: readonly PropertyDefinition[]; segments: Segment[]; users: Omit<User, 'password'>[]; contacts: Contact[] } {
    return {
      properties: this.#properties,
      segments: [...this.#segments.values()],
      users: [...this.#users.values()].map(({ contactID, userType, segments }) => ({ contactID, userType, segments })),
      contacts: [...this.#contacts.values()].map((c) => ({
        contactID: c.contactID,
        properties: this.#properties.filter((p) => c.values.has(p.propertyID)).map((p) => ({ ...p, values: (c.values.get(p.propertyID) ?? []).map(({ value }) => ({ value })) })),
        logins: c.logins.map(({ name, type }) => ({ name, type })),
        membership: [...c.membership],
      })),
    };
  }

  /** The contact, if the user may read or update it; customers learn nothing about other contacts. */
  #reachable(user: User, contactID: number, verb: 'read' | 'update'): Outcome<ContactRecord> {
    if (user.userType === 'Customer' && contactID !== user.contactID) {
      return failed({
        code: 'ACCESS_DENIED',
        detail: `Customers may only ${verb} their own contact (${contactID} is not yours).`,
        reason: { rule: 'own-contact', where: '/contactID', expected: `the customer's own contactID (${user.contactID})`, got: String(contactID), source: ACCESS_RIGHTS },
      });
    }
    const contact = this.#contacts.get(contactID);
    if (!contact) {
      return failed({
        code: 'CONTACT_NOT_FOUND',
        detail: `No contact has contactID ${contactID}.`,
        reason: { rule: 'not-found', where: '/contactID', expected: 'an existing contactID', got: String(contactID), source: 'docs/decisions/0401-iservice-errors.md' },
      });
    }
    const visible = user.userType === 'Customer' || contact.membership.length === 0 || contact.membership.some((s) => user.segments.includes(s));
    if (!visible) {
      return failed({
        code: 'ACCESS_DENIED',
        detail: `Contact ${contactID} is in no segment you have access to.`,
        reason: {
          rule: 'segment-access',
          where: '/contactID',
          expected: "a contact in one of the agent's segments",
          got: `${contactID} (segments ${contact.membership.join(', ')})`,
          source: ACCESS_RIGHTS,
        },
      });
    }
    return { kind: 'ok', value: contact };
  }

  /** Every problem with the properties, membership and logins of a write (all of them, not the first). */
  #check(user: User, contactID: number | undefined, input: ContactInput): Failure[] {
    const problems: Failure[] = [];
    const seen = new Set<string>();
    input.details.properties.forEach(({ propertyID }, i) => {
      const where = `/details/properties/${i}/propertyID`;
      if (!this.#propertyIds.has(propertyID)) {
        problems.push({
          code: 'INVALID_PROPERTY',
          detail: `Property ${propertyID} does not exist.`,
          reason: { rule: 'known-property', where, expected: 'a property the tenant defines', got: JSON.stringify(propertyID), source: MODEL },
        });
      } else if (seen.has(propertyID)) {
        problems.push({
          code: 'INVALID_PROPERTY',
          detail: `Property ${propertyID} is listed more than once.`,
          reason: { rule: 'property-once', where, expected: 'each property listed once', got: `${JSON.stringify(propertyID)} again`, source: MODEL },
        });
      }
      seen.add(propertyID);
    });
    if (user.userType === 'Agent') {
      for (const segment of new Set(input.membership ?? [])) {
        const got = JSON.stringify(segment);
        if (!this.#segments.has(segment)) {
          problems.push({
            code: 'INVALID_SEGMENT',
            detail: `Segment ${segment} does not exist.`,
            reason: { rule: 'known-segment', where: '/membership', expected: 'segments the tenant defines', got, source: MODEL },
          });
        } else if (!user.segments.includes(segment)) {
          problems.push({
            code: 'ACCESS_DENIED',
            detail: `You have no access to segment ${segment}.`,
            reason: { rule: 'segment-access', where: '/membership', expected: "the agent's own segments", got, source: ACCESS_RIGHTS },
          });
        }
      }
    }
    if (input.details.setLogins === true) {
      for (const login of input.details.logins ?? []) {
        const owner = this.#loginOwner(login.name);
        if (owner !== undefined && owner !== contactID) {
          problems.push({
            code: 'LOGIN_IN_USE',
            detail: `The login ${login.name} belongs to another contact.`,
            reason: { rule: 'unique-login', where: '/details/logins', expected: 'logins no other contact holds', got: JSON.stringify(login.name), source: MODEL },
          });
        }
      }
    }
    return problems;
  }

  #loginOwner(name: string): number | undefined {
    const wanted = name.toLowerCase();
    for (const c of this.#contacts.values()) if (c.logins.some((l) => l.name.toLowerCase() === wanted)) return c.contactID;
    return undefined;
  }
}
