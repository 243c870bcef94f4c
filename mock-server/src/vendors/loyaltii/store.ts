import type { Contract } from '../../core/contract.js';
import { CowMap } from '../../core/cow-map.js';
import type { Clock } from '../../core/clock.js';
import type { Random } from '../../core/random.js';
import type { StateInit } from '../../core/vendor-module.js';
import { INTEGER_TEXT } from './action-selection.js';
import type { components } from './generated/contract.js';
import { dateTimeOffset, epochOf } from './dates.js';
import type { ContactChanges } from './dto.js';
import type { LoyaltiiFixtures, ReadContactDto, SandboxAccount, SandboxStore, StoredContact } from './fixtures.js';
import { generatedContact } from './generated-contact.js';
import { decodeRowVersion, encodeRowVersion, sameVersion } from './rowversion.js';
import type { LoyaltiiSettings } from './settings.js';

export type ReadRegisteredContactDto = components['schemas']['ReadRegisteredContactDto'];

/** Why a write answers 409 (PUT page: stale Version, duplicate Email/Phone, unknown PreferredStoreId). */
export type ConflictReason = 'stale-version' | 'unknown-store' | 'duplicate-email' | 'duplicate-phone';

/** Outcomes as values: the routes decide how each is answered. */
export type WriteResult =
  | { readonly kind: 'ok'; readonly contact: ReadContactDto }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'conflict'; readonly reason: ConflictReason; readonly current: ReadContactDto };
export type CreateResult = { readonly kind: 'created'; readonly contact: ReadContactDto } | { readonly kind: 'conflict'; readonly reason: ConflictReason };
export type BulkResult =
  { readonly kind: 'ok'; readonly updated: readonly string[]; readonly notFound: readonly string[] } | { readonly kind: 'conflict'; readonly reason: ConflictReason };

/** A new contact: its registration data plus every writable field. */
export interface NewContact {
  readonly RegistrationDateTime: string | null;
  readonly RegistrationSource: string;
  readonly RegistrationIp: string;
  readonly RegistrationStoreId: number | null;
  readonly changes: ContactChanges;
}

export interface RegistrationFilter {
  readonly sinceMs?: number;
  readonly source?: string;
  readonly ip?: string;
}

/** A stored contact as the API answers it: ReadContactDto's properties in the order Json.NET writes them (the seed's response sample). */
export function readContactDto(contact: StoredContact): ReadContactDto {
  return {
    Id: contact.Id,
    Secret: contact.Secret,
    RegistrationDateTime: contact.RegistrationDateTime,
    RegistrationSource: contact.RegistrationSource,
    RegistrationIp: contact.RegistrationIp,
    LastModified: contact.LastModified,
    Version: contact.Version,
    RegistrationStoreId: contact.RegistrationStoreId,
    Email: contact.Email,
    PhoneCountryCode: contact.PhoneCountryCode,
    Phone: contact.Phone,
    FirstName: contact.FirstName,
    LastName: contact.LastName,
    LimitMailsPermanently: contact.LimitMailsPermanently,
    LimitMailsTemporarilyUntil: contact.LimitMailsTemporarilyUntil,
    PreferredStoreId: contact.PreferredStoreId,
    ContactCompanyId: contact.ContactCompanyId,
    LatestPermissionSource: contact.LatestPermissionSource,
  };
}

/**
 * SQL Server's default collation compares case-insensitively and ignores
 * trailing spaces, so the unique indexes on Email and Phone do too.
 */
const uniqueKey = (value: string): string => value.replace(/ +$/, '').toLowerCase();

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+(\S+)\s*$/i;

/**
 * One session's Loyaltii database: accounts (with their credentials), stores
 * and contacts, and the database-wide rowversion counter. Every write is
 * checked in full before anything is stored, so a refused write changes
 * nothing; store calls are synchronous, so a Version check and its write can
 * never interleave with another request's.
 */
export class LoyaltiiStore {
  readonly contract: Contract;
  readonly #accounts: readonly SandboxAccount[];
  readonly #stores: readonly SandboxStore[];
  /** Copy on write over the fixtures' contacts (shared by every session, docs/decisions/0050): a session holds only those it saved. */
  readonly #contacts: CowMap<number, StoredContact>;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #seed: number;
  #rowVersion: bigint;
  #concurrentEditsApplied = 0;

  constructor(init: StateInit<LoyaltiiSettings, LoyaltiiFixtures>) {
    this.contract = init.contract;
    this.#clock = init.clock;
    this.#random = init.random;
    this.#seed = init.seed;
    this.#accounts = init.fixtures.accounts;
    this.#stores = init.fixtures.stores;
    const { contacts } = init.fixtures;
    this.#contacts = new CowMap(init.shared('contacts', () => new Map(contacts.map((contact) => [contact.Id, contact]))));
    this.#rowVersion = init.shared('rowVersion', () => contacts.reduce((max, c) => (decodeRowVersion(c.Version) > max ? decodeRowVersion(c.Version) : max), 0n));
  }

  /** The account an Authorization header acts for under the configured scheme (docs/vendors/loyaltii.md section 3.2). */
  accountOf(authorization: string | undefined, scheme: LoyaltiiSettings['auth']['scheme']): string | undefined {
    if (scheme === 'Bearer') {
      const token = BEARER.exec(authorization ?? '')?.[1];
      return this.#accounts.find((a) => a.BearerToken === token)?.Account;
    }
    const encoded = BASIC.exec(authorization ?? '')?.[1];
    if (encoded === undefined) return undefined;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return this.#accounts.find((a) => a.BasicUserName === user && a.BasicPassword === password)?.Account;
  }

  contact(account: string, id: number): ReadContactDto | undefined {
    const contact = this.#own(account, id);
    return contact && readContactDto(contact);
  }

  contactBySecret(account: string, secret: string): ReadContactDto | undefined {
    const contact = [...this.#contacts.values()].find((c) => c.Account === account && c.Secret === secret);
    return contact && readContactDto(contact);
  }

  /** GET Registration: every filter given must hold; timespan keeps contacts registered since `sinceMs`. */
  registrations(account: string, filter: RegistrationFilter): ReadRegisteredContactDto[] {
    return [...this.#contacts.values()]
      .filter(
        (c) =>
          c.Account === account &&
          (filter.sinceMs === undefined || epochOf(c.RegistrationDateTime) >= filter.sinceMs) &&
          (filter.source === undefined || uniqueKey(c.RegistrationSource) === uniqueKey(filter.source)) &&
          (filter.ip === undefined || c.RegistrationIp === filter.ip),
      )
      .sort((a, b) => a.Id - b.Id)
      .map((c) => ({ Id: c.Id, RegistrationDateTime: c.RegistrationDateTime, RegistrationSource: c.RegistrationSource, RegistrationIp: c.RegistrationIp }));
  }

  /**
   * PUT and PATCH by id: the client's Version must be the stored one (PUT
   * page; docs/vendors/loyaltii.md L-2); on success Version and LastModified move on (L-8).
   */
  write(account: string, id: number, version: Buffer, changes: ContactChanges, settings: LoyaltiiSettings): WriteResult {
    let contact = this.#own(account, id);
    if (!contact) return { kind: 'not-found' };
    if (this.#concurrentEditsApplied < settings.concurrentEdits) {
      // Scenario loyaltii/concurrent-edit: someone else saved this contact after the client read it.
      this.#concurrentEditsApplied++;
      contact = this.#save({ ...contact }, settings);
    }
    if (!sameVersion(version, contact.Version)) return { kind: 'conflict', reason: 'stale-version', current: readContactDto(contact) };
    const merged: StoredContact = { ...contact, ...changes };
    const reason = this.#conflict(account, [merged], [contact], changes, settings);
    if (reason) return { kind: 'conflict', reason, current: readContactDto(contact) };
    return { kind: 'ok', contact: readContactDto(this.#save(merged, settings)) };
  }

  create(account: string, input: NewContact, settings: LoyaltiiSettings): CreateResult {
    const now = dateTimeOffset(this.#clock.now(), settings.utcOffset);
    const contact: StoredContact = {
      Id: Math.max(0, ...this.#contacts.keys()) + 1,
      Secret: this.#newSecret(),
      RegistrationDateTime: input.RegistrationDateTime ?? now,
      RegistrationSource: input.RegistrationSource,
      RegistrationIp: input.RegistrationIp,
      LastModified: now,
      Version: '',
      RegistrationStoreId: input.RegistrationStoreId,
      Email: null,
      PhoneCountryCode: null,
      Phone: null,
      FirstName: null,
      LastName: null,
      LimitMailsPermanently: false,
      LimitMailsTemporarilyUntil: null,
      PreferredStoreId: null,
      ContactCompanyId: null,
      LatestPermissionSource: null,
      Account: account,
      Password: null,
      ProfileLastUpdated: null,
      ...input.changes,
    };
    const reason = this.#conflict(account, [contact], [], input.changes, settings);
    if (reason) return { kind: 'conflict', reason };
    return { kind: 'created', contact: readContactDto(this.#save(contact, settings)) };
  }

  /** The bulk PATCH by Id keys: all found contacts change, or (on a conflict) none does. */
  patchMany(account: string, keys: readonly string[], changes: ContactChanges, settings: LoyaltiiSettings): BulkResult {
    const updated: string[] = [];
    const notFound: string[] = [];
    const before: StoredContact[] = [];
    for (const key of new Set(keys)) {
      const contact = INTEGER_TEXT.test(key) ? this.#own(account, Number(key)) : undefined;
      if (contact && !before.includes(contact)) before.push(contact);
      (contact ? updated : notFound).push(key);
    }
    const merged = before.map((contact) => ({ ...contact, ...changes }));
    const reason = this.#conflict(account, merged, before, changes, settings);
    if (reason) return { kind: 'conflict', reason };
    for (const contact of merged) this.#save(contact, settings);
    return { kind: 'ok', updated, notFound };
  }

  /** The account the sandbox's Bearer token (README "Sandbox identities") acts for: where provider states put contacts. */
  sandboxAccount(): string {
    const account = this.#accounts[0]?.Account;
    if (account === undefined) throw new Error('loyaltii: no accounts in the fixtures');
    return account;
  }

  /**
   * Provider states: contact `id` of `account` with `changes` over it (over a
   * contact generated as the fixtures' are, when the account has none), saved
   * as the database would: with `version` as its rowversion (the counter moves
   * past it) or the next one, and LastModified now. Refused, with the reason,
   * where the database would refuse: an id another account's contact has, an
   * Email or Phone another contact of the account holds, a Version or Secret
   * another contact has.
   */
  placeContact(
    account: string,
    id: number,
    changes: Partial<StoredContact>,
    version: string | undefined,
    settings: LoyaltiiSettings,
    /** Over a generated contact only (a new one), before `changes`. */
    generatedChanges: Partial<StoredContact> = {},
  ): WriteResult | { readonly kind: 'refused'; readonly reason: string } {
    const current = this.#contacts.get(id);
    if (current !== undefined && current.Account !== account) return { kind: 'refused', reason: `contact ${id} is account ${current.Account}'s` };
    const stores = this.#stores.filter((s) => s.Account === account).map((s) => s.Id);
    const base = current ?? { ...generatedContact(this.#seed, id, account, stores), ...generatedChanges };
    const contact: StoredContact = { ...base, ...changes, Id: id, Account: account };
    const others = [...this.#contacts.values()].filter((c) => c.Id !== id);
    for (const field of ['Email', 'Phone'] as const) {
      const value = contact[field];
      const holder = value === null ? undefined : others.find((c) => c.Account === account && c[field] !== null && uniqueKey(c[field]) === uniqueKey(value));
      if (holder) return { kind: 'refused', reason: `${field} ${value} is contact ${holder.Id}'s (unique within the account)` };
    }
    const secretHolder = others.find((c) => c.Secret === contact.Secret);
    if (secretHolder) return { kind: 'refused', reason: `Secret ${contact.Secret} is contact ${secretHolder.Id}'s` };
    if (version === undefined) return { kind: 'ok', contact: readContactDto(this.#save(contact, settings)) };
    const versionHolder = others.find((c) => c.Version === version);
    if (versionHolder) return { kind: 'refused', reason: `Version ${version} is contact ${versionHolder.Id}'s (a rowversion is unique in the database)` };
    const counter = decodeRowVersion(version);
    if (counter > this.#rowVersion) this.#rowVersion = counter;
    const saved: StoredContact = { ...contact, Version: version, LastModified: dateTimeOffset(this.#clock.now(), settings.utcOffset) };
    this.#contacts.set(id, saved);
    return { kind: 'ok', contact: readContactDto(saved) };
  }

  dump(): unknown {
    return {
      accounts: this.#accounts,
      stores: this.#stores,
      contacts: [...this.#contacts.values()].sort((a, b) => a.Id - b.Id),
      rowVersion: encodeRowVersion(this.#rowVersion),
      concurrentEditsApplied: this.#concurrentEditsApplied,
    };
  }

  #own(account: string, id: number): StoredContact | undefined {
    const contact = this.#contacts.get(id);
    return contact?.Account === account ? contact : undefined;
  }

  /** Stores a contact with the next rowversion and LastModified = now, as the database does on every UPDATE/INSERT. */
  #save(contact: StoredContact, settings: LoyaltiiSettings): StoredContact {
    this.#rowVersion++;
    const saved = { ...contact, Version: encodeRowVersion(this.#rowVersion), LastModified: dateTimeOffset(this.#clock.now(), settings.utcOffset) };
    this.#contacts.set(saved.Id, saved);
    return saved;
  }

  /**
   * The first rule the would-be contacts break: an unknown PreferredStoreId,
   * or an Email/Phone another contact of the account holds (or, under the
   * duplicate scenarios, any Email/Phone the write sets that is new to it).
   */
  #conflict(account: string, after: readonly StoredContact[], before: readonly StoredContact[], changes: ContactChanges, settings: LoyaltiiSettings): ConflictReason | undefined {
    const store = changes.PreferredStoreId;
    if (typeof store === 'number' && !this.#stores.some((s) => s.Account === account && s.Id === store)) return 'unknown-store';
    if (typeof changes.Email !== 'string' && typeof changes.Phone !== 'string') return undefined;
    const ids = new Set(after.map((c) => c.Id));
    const others = [...this.#contacts.values()].filter((c) => c.Account === account && !ids.has(c.Id));
    for (const [field, reason, forced] of [
      ['Email', 'duplicate-email', settings.duplicates.email],
      ['Phone', 'duplicate-phone', settings.duplicates.phone],
    ] as const) {
      const value = changes[field];
      if (typeof value !== 'string') continue;
      const key = uniqueKey(value);
      if (forced && (before.length === 0 || before.some((c) => c[field] === null || uniqueKey(c[field]) !== key))) return reason;
      const holders = [...others, ...after].filter((c) => c[field] !== null && uniqueKey(c[field]) === key);
      if (holders.length > 1) return reason;
    }
    return undefined;
  }

  #newSecret(): string {
    let secret: string;
    do secret = this.#random.hex(32);
    while ([...this.#contacts.values()].some((c) => c.Secret === secret));
    return secret;
  }
}
