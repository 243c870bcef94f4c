import type { Contract } from '../../core/contract.js';
import { CowMap } from '../../core/cow-map.js';
import { generateEntity } from '../../core/generate-entity.js';
import { deriveSeed, type Random } from '../../core/random.js';
import { ConcurrencyLimiter, FixedWindowLimiter } from '../../core/rate-limit.js';
import type { StateInit } from '../../core/vendor-module.js';
import type { Contact, OcambaFixtures, Partner, PersonalApiKey } from './fixtures.js';
import type { OcambaSettings } from './settings.js';

export type ContactPatch = Partial<Pick<Contact, 'type' | 'value'>>;

/** Results as values: the routes decide how each one is answered. */
export type WriteResult<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'not-found' } | { readonly kind: 'invalid' };

export interface PartnerQuery {
  readonly q?: string;
  readonly status?: readonly string[];
  readonly type?: readonly string[];
  readonly sort?: readonly string[];
  readonly page: number;
  readonly perPage: number;
}

const GENERATED_PARTNER_IDS_FROM = 2_000_001;

/** "YYYY-MM-DD HH:MM:SS" in GMT, Ocamba's timestamp format (docs/vendors/ocamba.md §4.4). */
export function ocambaTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One session's Ocamba account data: API keys, partners (owned by a company,
 * the account), their contacts, and the account's rate-limit counters.
 */
export class OcambaStore {
  readonly windows = new FixedWindowLimiter();
  readonly parallel = new ConcurrencyLimiter();
  readonly #keys: ReadonlyMap<string, PersonalApiKey>;
  /** Copy on write over the fixtures' partners (shared by every session): a session holds only those it changed. */
  readonly #partners: CowMap<string, Partner>;
  /** The fixtures' contacts per partner, shared by every session. */
  readonly #baseContacts: ReadonlyMap<string, ReadonlyMap<string, Contact>>;
  /** Partners whose contacts this session wrote: copy on write over #baseContacts. */
  readonly #contacts = new Map<string, CowMap<string, Contact>>();
  readonly #contract: Contract;
  readonly #random: Random;
  readonly #seed: number;
  readonly #now: () => number;
  #formatted = { second: NaN, text: '' };

  constructor(init: StateInit<OcambaSettings, OcambaFixtures>) {
    const { fixtures, contract, settings, seed } = init;
    this.#contract = contract;
    this.#random = init.random;
    this.#seed = seed;
    this.#now = () => init.clock.now();
    this.#keys = init.shared('apiKeys', () => new Map(fixtures.apiKeys.map((key) => [key.secret, key])));
    this.#baseContacts = init.shared(
      'contacts',
      () => new Map(Object.entries(fixtures.contacts).map(([partnerId, contacts]) => [partnerId, new Map(contacts.map((c) => [c.id, c]))])),
    );
    // Generated partners derive from (seed, id) only, so sessions with the same count share them too.
    const partners = init.shared(`partners:${settings.generatedPartners}`, () => {
      const all = new Map(fixtures.partners.map((p) => [p.id, p]));
      const company = fixtures.apiKeys[0]?.company_id;
      if (company !== undefined) {
        for (let i = 0; i < settings.generatedPartners; i++) {
          const id = String(GENERATED_PARTNER_IDS_FROM + i);
          all.set(id, generatedPartner(contract, id, company, seed));
        }
      }
      return all;
    });
    this.#partners = new CowMap(partners);
  }

  /** The key behind a bearer secret, if it exists and is inside its validity window now. */
  apiKey(secret: string): PersonalApiKey | undefined {
    const key = this.#keys.get(secret);
    if (!key || (!key.start_time && !key.end_time)) return key;
    const now = ocambaTime(this.#now());
    if (key.start_time && now < key.start_time) return undefined;
    if (key.end_time && now >= key.end_time) return undefined;
    return key;
  }

  listPartners(company: string, query: PartnerQuery): { total: number; items: Partner[] } {
    const needle = query.q?.toLowerCase();
    const matching = [...this.#partners.values()].filter(
      (p) =>
        p.company_id === company &&
        (needle === undefined || p.name.toLowerCase().includes(needle)) &&
        (query.status === undefined || query.status.includes(p.status)) &&
        (query.type === undefined || p.type.some((t) => query.type?.includes(t))),
    );
    if (query.sort) matching.sort(comparator(query.sort));
    const start = (query.page - 1) * query.perPage;
    return { total: matching.length, items: matching.slice(start, start + query.perPage) };
  }

  partner(company: string, id: string): Partner | undefined {
    const partner = this.#partners.get(id);
    return partner?.company_id === company ? partner : undefined;
  }

  /** A partner's contacts, or undefined when the partner is not this account's. */
  contacts(company: string, partnerId: string): Contact[] | undefined {
    if (!this.partner(company, partnerId)) return undefined;
    return [...(this.#contactsOf(partnerId)?.values() ?? [])];
  }

  contact(company: string, partnerId: string, contactId: string): Contact | undefined {
    return this.partner(company, partnerId) ? this.#contactsOf(partnerId)?.get(contactId) : undefined;
  }

  createContact(company: string, partnerId: string, input: Required<ContactPatch>): WriteResult<Contact> {
    if (!this.partner(company, partnerId)) return { kind: 'not-found' };
    const contact: Contact = { id: this.#random.uuid(), type: input.type, value: input.value };
    this.#writableContacts(partnerId).set(contact.id, contact);
    this.#touch(partnerId);
    return { kind: 'ok', value: contact };
  }

  /** Applies a partial update; the merged contact must still satisfy the contract (a value that suits its type). */
  updateContact(company: string, partnerId: string, contactId: string, patch: ContactPatch): WriteResult<Contact> {
    const current = this.contact(company, partnerId, contactId);
    if (!current) return { kind: 'not-found' };
    const merged: Contact = { id: current.id, type: patch.type ?? current.type, value: patch.value ?? current.value };
    if (this.#contract.validateSchema('Contact', merged).length > 0) return { kind: 'invalid' };
    this.#writableContacts(partnerId).set(contactId, merged);
    this.#touch(partnerId);
    return { kind: 'ok', value: merged };
  }

  deleteContact(company: string, partnerId: string, contactId: string): WriteResult<void> {
    if (!this.contact(company, partnerId, contactId)) return { kind: 'not-found' };
    this.#writableContacts(partnerId).delete(contactId);
    this.#touch(partnerId);
    return { kind: 'ok', value: undefined };
  }

  /** The account the sandbox's first key (README's key A) acts for: where provider states put what they make. */
  sandboxCompany(): string {
    const key = this.#keys.values().next().value;
    if (key === undefined) throw new Error('ocamba: no API keys in the fixtures');
    return key.company_id;
  }

  /**
   * Provider states: the partner `id`, or, when no account has it, a new one
   * of `company` made as the generated partners are (every value from the
   * seed and the id). Another account's partner is `{ owner }`.
   */
  placePartner(company: string, id: string): { readonly partner: Partner } | { readonly owner: string } {
    const existing = this.#partners.get(id);
    if (existing !== undefined) return existing.company_id === company ? { partner: existing } : { owner: existing.company_id };
    const partner = generatedPartner(this.#contract, id, company, this.#seed);
    this.#partners.set(id, partner);
    return { partner };
  }

  /** Provider states: the partner's contacts become exactly these (checked against the contract by the caller). */
  replaceContacts(partnerId: string, contacts: readonly Contact[]): void {
    this.#contacts.set(partnerId, new CowMap<string, Contact>(new Map(contacts.map((c) => [c.id, c]))));
    this.#touch(partnerId);
  }

  /** Provider states: adds the contact, or replaces the one with its id. */
  putContact(partnerId: string, contact: Contact): void {
    this.#writableContacts(partnerId).set(contact.id, contact);
    this.#touch(partnerId);
  }

  dump(): unknown {
    const companies = [...new Set([...this.#keys.values()].map((k) => k.company_id))];
    return {
      inFlight: Object.fromEntries(companies.map((c) => [c, this.parallel.inFlight(c)])),
      apiKeys: [...this.#keys.values()],
      partners: [...this.#partners.values()],
      contacts: Object.fromEntries(this.#partnersWithContacts().map((partnerId) => [partnerId, [...(this.#contactsOf(partnerId)?.values() ?? [])]])),
    };
  }

  /** Partners with a contact list: the fixtures' in their order, then those this session first wrote to. */
  #partnersWithContacts(): string[] {
    return [...new Set([...this.#baseContacts.keys(), ...this.#contacts.keys()])];
  }

  #contactsOf(partnerId: string): ReadonlyMap<string, Contact> | CowMap<string, Contact> | undefined {
    return this.#contacts.get(partnerId) ?? this.#baseContacts.get(partnerId);
  }

  #writableContacts(partnerId: string): CowMap<string, Contact> {
    let contacts = this.#contacts.get(partnerId);
    if (!contacts) this.#contacts.set(partnerId, (contacts = new CowMap<string, Contact>(this.#baseContacts.get(partnerId) ?? new Map())));
    return contacts;
  }

  #touch(partnerId: string): void {
    const partner = this.#partners.get(partnerId);
    const now = this.#nowText();
    // Writes within one second leave the partner as it is: no copy of the whole record for an unchanged value.
    if (partner && partner.update_time !== now) this.#partners.set(partnerId, { ...partner, update_time: now });
  }

  /** Now as an Ocamba timestamp; formatted once per second, as writes come in bursts. */
  #nowText(): string {
    const second = Math.floor(this.#now() / 1000);
    if (second !== this.#formatted.second) this.#formatted = { second, text: ocambaTime(second * 1000) };
    return this.#formatted.text;
  }
}

/** A partner whose every value derives from (seed, id), whatever else was generated or requested before. */
function generatedPartner(contract: Contract, id: string, company: string, seed: number): Partner {
  const generated = generateEntity(contract, 'Partner', seed, id) as unknown as Partner;
  const created = Date.UTC(2024, 0, 1) + (deriveSeed(seed, 'ocamba:partner-time', id) % (365 * 86_400)) * 1000;
  return {
    ...generated,
    id,
    company_id: company,
    manager_ids: generated.managers.map((m) => m.id),
    create_time: ocambaTime(created),
    update_time: ocambaTime(created),
  };
}

function comparator(fields: readonly string[]): (a: Partner, b: Partner) => number {
  return (a, b) => {
    for (const field of fields) {
      const descending = field.startsWith('-');
      const key = (descending ? field.slice(1) : field) as 'id' | 'name' | 'create_time' | 'update_time';
      const order = key === 'id' ? Number(a.id) - Number(b.id) : a[key].localeCompare(b[key]);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}
