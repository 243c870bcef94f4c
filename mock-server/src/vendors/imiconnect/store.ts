import { CowMap } from '../../core/cow-map.js';
import type { Random } from '../../core/random.js';
import type { StateInit } from '../../core/vendor-module.js';
import { customerIdOf, type ImiconnectFixtures, type ProfileAttribute, type ProfileRecord, type Tenant } from './fixtures.js';
import { IpAllowList } from './ip-allow-list.js';
import { JobQueue, type Queued } from './queue.js';
import type { ProfileInput } from './records.js';
import type { ImiconnectSettings, ProfileJobKind } from './settings.js';

/** A queued create, update or delete: one transid for the whole batch. */
export type ProfileJob = Queued &
  ({ readonly kind: Exclude<ProfileJobKind, 'delete'>; readonly records: readonly ProfileInput[] } | { readonly kind: 'delete'; readonly customerIds: readonly string[] });

/** What the queue made of one record: 1000, or the vendor's per-record failure code (docs/vendors/imiconnect.md §2.5). */
export interface RecordResult {
  readonly customerId: string;
  readonly code: '1000' | '7014' | '7015' | '7203';
}

/**
 * The channel flags the vendor's Get Profile examples show on every master
 * profile, each "1"; a created profile gets them after its own attributes
 * (docs/decisions/0204-imiconnect-profiles.md).
 */
const CHANNEL_FLAGS = ['sms', 'voice', 'ussd', 'rt', 'fb', 'fbc', 'twitter', 'mxit', 'wechat', 'wa'] as const;

const NO_PROFILES: ReadonlyMap<string, ProfileRecord> = new Map();

/** The attribute that carries the record's own id; Attributes cannot change it. */
const CUSTOMER_ID = 'customerId';

/**
 * One session's IMIconnect data: tenants (keys, allow-lists), each tenant's
 * customer master profiles, and the queue of create/update/delete
 * transactions. Writes only happen when the queue processes a transaction;
 * every read first lets the queue catch up with the clock.
 */
export class ImiconnectStore {
  readonly #tenants: ReadonlyMap<string, Tenant>;
  readonly #allowLists: ReadonlyMap<string, IpAllowList>;
  readonly #imposedAllowLists = new WeakMap<readonly string[], IpAllowList>();
  /** The fixtures' profiles per tenant id, shared read-only by every session. */
  readonly #baseCustomers: ReadonlyMap<string, ReadonlyMap<string, ProfileRecord>>;
  /** Tenants whose profiles this session's queue wrote: copy on write over #baseCustomers (docs/decisions/0050). */
  readonly #customers = new Map<string, CowMap<string, ProfileRecord>>();
  readonly #queue: JobQueue<ProfileJob, RecordResult>;
  /** Finished transactions the fixtures hold, per tenant id then transid (never forgotten). */
  readonly #fixtureTransactions: ReadonlyMap<string, ReadonlyMap<string, readonly RecordResult[]>>;
  readonly #random: Random;
  readonly #now: () => number;
  #nextAttributeId: number;

  constructor(init: StateInit<ImiconnectSettings, ImiconnectFixtures>) {
    const { fixtures } = init;
    this.#queue = new JobQueue(init.settings.keepFinished);
    this.#random = init.random;
    this.#now = () => init.clock.now();
    // Built once per fixture set: every session reads them alike.
    this.#tenants = init.shared('tenants', () => new Map(fixtures.tenants.map((t) => [t.key, t])));
    this.#allowLists = init.shared('allowLists', () => new Map(fixtures.tenants.map((t) => [t.id, new IpAllowList(t.allowedIps)])));
    this.#baseCustomers = init.shared(
      'customers',
      () => new Map(fixtures.tenants.map((t) => [t.id, new Map((fixtures.customers[t.id] ?? []).map((r) => [customerIdOf(r) ?? '', r]))])),
    );
    this.#fixtureTransactions = init.shared(
      'transactions',
      () =>
        new Map(
          Object.entries(fixtures.transactions).map(([tenantId, transactions]) => [
            tenantId,
            // The loader has checked every code is one the queue reports.
            new Map(transactions.map((t) => [t.transid, t.Results.map((r) => ({ customerId: r.customerId, code: r.code as RecordResult['code'] }))])),
          ]),
        ),
    );
    // The vendor's sample IDs are in the thousands (8328…); new ones continue after the fixtures'.
    this.#nextAttributeId = init.shared('nextAttributeId', () => {
      let maxId = 0;
      for (const tenant of fixtures.tenants) {
        for (const record of fixtures.customers[tenant.id] ?? [])
          for (const a of [...record.Attributes, ...record.InwardLinks.flatMap((l) => l.Records)]) maxId = Math.max(maxId, a.ID);
      }
      return Math.max(maxId + 1, 8328);
    });
  }

  /** The tenant a Client Profile Key belongs to. */
  tenant(key: string): Tenant | undefined {
    return this.#tenants.get(key);
  }

  /** The allow-list in force for a tenant: the one the settings impose, or the tenant's own. */
  allowList(tenant: Tenant, imposed: readonly string[] | null): IpAllowList {
    if (imposed === null) return this.#allowLists.get(tenant.id) ?? new IpAllowList([]);
    let list = this.#imposedAllowLists.get(imposed);
    if (!list) this.#imposedAllowLists.set(imposed, (list = new IpAllowList(imposed)));
    return list;
  }

  exists(tenant: Tenant, customerId: string): boolean {
    return this.#tenantCustomers(tenant).has(customerId);
  }

  /** The profiles of the customers asked for that exist, in the order asked, each once. */
  profiles(tenant: Tenant, customerIds: readonly string[]): ProfileRecord[] {
    const customers = this.#tenantCustomers(tenant);
    return [...new Set(customerIds)].flatMap((id) => customers.get(id) ?? []);
  }

  /**
   * Queues a transaction, due `delayMs` from now on the virtual clock; returns
   * its transid (a UUIDv4, docs/vendors/imiconnect.md M-5). Writes drain what is due too, so the
   * queue holds only jobs not yet due however rarely anyone reads.
   */
  enqueue(tenant: Tenant, work: { kind: 'create' | 'update'; records: readonly ProfileInput[] } | { kind: 'delete'; customerIds: readonly string[] }, delayMs: number): string {
    this.#catchUp();
    const queuedAt = this.#now();
    const transid = this.#random.uuid();
    this.#queue.enqueue({ ...work, transid, tenant: tenant.id, queuedAt, readyAt: queuedAt + delayMs });
    this.#catchUp();
    return transid;
  }

  /** A processed transaction of this tenant (queued in this session, or held by the fixtures); undefined while still queued, or when unknown. */
  transaction(tenant: Tenant, transid: string): { readonly results: readonly RecordResult[] } | undefined {
    this.#catchUp();
    const fromFixtures = this.#fixtureTransactions.get(tenant.id)?.get(transid);
    return this.#queue.finished(tenant.id, transid) ?? (fromFixtures && { results: fromFixtures });
  }

  /** Jobs waiting and finished transactions remembered, as they stand (without catching up first). */
  queueDepth(): { readonly pending: number; readonly finished: number } {
    return { pending: this.#queue.pendingCount, finished: this.#queue.finishedCount };
  }

  /** The tenant of the sandbox's Client Profile Key (README "Sandbox identities"): where provider states put profiles. */
  sandboxTenant(): Tenant {
    const tenant = this.#tenants.values().next().value;
    if (tenant === undefined) throw new Error('imiconnect: no tenants in the fixtures');
    return tenant;
  }

  /**
   * Provider states: the profile as a processed create (a new customer) or
   * update (an existing one) would leave it, at once rather than through the
   * queue (after what the queue has due).
   */
  placeProfile(tenant: Tenant, input: ProfileInput): 'created' | 'updated' {
    this.#catchUp();
    const customers = this.#writableCustomers(tenant.id);
    if (customers.has(input.customerId)) {
      this.#update(customers, input);
      return 'updated';
    }
    this.#create(customers, input);
    return 'created';
  }

  dump(): unknown {
    this.#catchUp();
    return {
      tenants: [...this.#tenants.values()],
      customers: Object.fromEntries([...new Set([...this.#baseCustomers.keys(), ...this.#customers.keys()])].map((tenant) => [tenant, [...this.#customersOf(tenant).values()]])),
      queue: this.#queue.dump(),
    };
  }

  #tenantCustomers(tenant: Tenant): ReadonlyMap<string, ProfileRecord> | CowMap<string, ProfileRecord> {
    this.#catchUp();
    return this.#customersOf(tenant.id);
  }

  #customersOf(tenantId: string): ReadonlyMap<string, ProfileRecord> | CowMap<string, ProfileRecord> {
    return this.#customers.get(tenantId) ?? this.#baseCustomers.get(tenantId) ?? NO_PROFILES;
  }

  #writableCustomers(tenantId: string): CowMap<string, ProfileRecord> {
    let customers = this.#customers.get(tenantId);
    if (!customers) this.#customers.set(tenantId, (customers = new CowMap(this.#baseCustomers.get(tenantId) ?? NO_PROFILES)));
    return customers;
  }

  #catchUp(): void {
    this.#queue.runDue(this.#now(), (job) => {
      const customers = this.#writableCustomers(job.tenant);
      if (job.kind === 'delete') return job.customerIds.map((customerId) => ({ customerId, code: customers.delete(customerId) ? '1000' : '7203' }));
      return job.records.map((record) => ({ customerId: record.customerId, code: job.kind === 'create' ? this.#create(customers, record) : this.#update(customers, record) }));
    });
  }

  #create(customers: CowMap<string, ProfileRecord>, input: ProfileInput): RecordResult['code'] {
    if (customers.has(input.customerId)) return '7015';
    const given = Object.entries(input.attributes).filter(([name]) => name !== CUSTOMER_ID);
    const names = new Set(given.map(([name]) => name));
    const attributes: ProfileAttribute[] = [
      ...given.map(([name, value]) => this.#attribute(name, String(value))),
      this.#attribute(CUSTOMER_ID, input.customerId),
      ...CHANNEL_FLAGS.filter((flag) => !names.has(flag)).map((flag) => this.#attribute(flag, '1')),
    ];
    customers.set(input.customerId, { Attributes: attributes, InwardLinks: [], OutwardLinks: [] });
    return '1000';
  }

  /** Adds or replaces attributes by name; an attribute keeps its ID when its value changes. */
  #update(customers: CowMap<string, ProfileRecord>, input: ProfileInput): RecordResult['code'] {
    const current = customers.get(input.customerId);
    if (!current) return '7014';
    const attributes = [...current.Attributes];
    for (const [name, value] of Object.entries(input.attributes)) {
      if (name === CUSTOMER_ID) continue;
      const at = attributes.findIndex((a) => a.Name === name);
      if (at === -1) attributes.push(this.#attribute(name, String(value)));
      else attributes[at] = { ...attributes[at]!, Value: String(value) };
    }
    customers.set(input.customerId, { ...current, Attributes: attributes });
    return '1000';
  }

  #attribute(name: string, value: string): ProfileAttribute {
    return { Name: name, Value: value, ID: this.#nextAttributeId++ };
  }
}
