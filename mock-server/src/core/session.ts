import { Clock, type ClockConfig } from './clock.js';
import { Journal, JournalBudget, type JournalLimits } from './journal.js';
import type { JournalFeed } from './journal-feed.js';
import { deriveSeed, Random } from './random.js';
import { scenarioVendors, type Scenario } from './scenario.js';
import { ScenarioCounters } from './scenario-counters.js';
import type { SandboxContent } from './sandbox-content.js';
import type { PreparedVendor, VendorInstance } from './vendor-module.js';

export const DEFAULT_SESSION = 'default';
const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

export interface SessionOptions {
  /**
   * The vendors (with their fixtures) and scenarios now in force, the start-up scenario among them:
   * what a new session, a reset and an activation take. A reload replaces it; a session keeps what it took.
   */
  readonly content: () => SandboxContent;
  readonly clock: ClockConfig;
  readonly seed: number;
  readonly journal: { readonly limits: JournalLimits; readonly budget: JournalBudget };
  /** Sessions other than `default` idle longer than this are dropped. */
  readonly idleMs: number;
  readonly wall?: () => number;
  /** The live journal (`GET /__admin/events`) every session's journal reports to. */
  readonly feed?: JournalFeed | undefined;
}

/**
 * Everything mutable that one client (or one CI worker) sees: vendor stores,
 * clock, scenario counters and the journal. Sessions never share any of it.
 */
export class Session {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly counters = new ScenarioCounters();
  /** Draws for scenario effects (latency ranges), apart from the vendors' own streams. */
  readonly random: Random;
  /** The start-up scenario as this session took it (at its start or last full reset). */
  #start: Binding;
  readonly #active = new Map<string, Binding>();
  readonly #instances = new Map<string, VendorInstance>();
  lastSeen: number;
  /** Requests of this session being served now; a session with any is never evicted. */
  inFlight = 0;

  constructor(
    readonly id: string,
    private readonly options: SessionOptions,
  ) {
    this.clock = new Clock(options.clock, options.wall);
    this.journal = new Journal(options.journal.limits, options.journal.budget, options.feed?.tap(id));
    this.random = new Random(deriveSeed(options.seed, id, 'scenario'));
    this.lastSeen = (options.wall ?? Date.now)();
    this.#start = startOf(options.content());
    this.activate(this.#start.scenario);
  }

  /** The scenario in force for a vendor in this session. */
  scenarioFor(vendor: string): Scenario {
    return (this.#active.get(vendor) ?? this.#start).scenario;
  }

  activeScenarios(): Record<string, string> {
    return Object.fromEntries([...this.#active].map(([vendor, bound]) => [vendor, bound.scenario.name]));
  }

  /**
   * The session's store for a vendor, built on first use from the scenario in
   * force (a session that never calls a vendor never pays for its store).
   */
  instance(vendor: string): VendorInstance {
    let instance = this.#instances.get(vendor);
    if (!instance) {
      // Built from the fixtures the scenario was loaded with, though a reload may have come since.
      const { scenario, content } = this.#active.get(vendor) ?? this.#start;
      const prepared = content.vendors.find((v) => v.module.id === vendor);
      if (!prepared) throw new Error(`session ${this.id}: no vendor ${vendor}`);
      instance = this.#create(prepared, scenario);
      this.#instances.set(vendor, instance);
    }
    return instance;
  }

  /** Vendors whose store this session has built so far. */
  get touchedVendors(): readonly string[] {
    return [...this.#instances.keys()];
  }

  /**
   * Makes `scenario` the one in force for the vendors it concerns and drops
   * their stores, so the next use rebuilds them from the fixture sets it
   * names: a scenario always starts from a known state. `scenario` comes from the
   * scenarios now in force (`content().scenarios`), and so do the fixtures its stores are built from.
   */
  activate(scenario: Scenario): readonly string[] {
    const content = this.options.content();
    const all = content.vendors.map((v) => v.module.id);
    const touched = scenarioVendors(scenario, all);
    const bound: Binding = { scenario, content };
    for (const vendor of content.vendors) {
      if (!touched.includes(vendor.module.id)) continue;
      this.#active.set(vendor.module.id, bound);
      this.#instances.delete(vendor.module.id);
    }
    this.counters.clear(scenario.name);
    return touched;
  }

  /**
   * Back to the start scenario: one vendor, or everything (stores, counters, clock and journal).
   * Either takes the fixtures and scenarios now in force (those of the last reload).
   */
  reset(vendor?: string): void {
    const content = this.options.content();
    if (vendor !== undefined) {
      const prepared = content.vendors.find((v) => v.module.id === vendor);
      if (!prepared) throw new Error(`no vendor ${vendor}`);
      this.#active.set(vendor, startOf(content));
      this.#instances.delete(vendor);
      return;
    }
    this.counters.clear();
    this.journal.clear();
    this.clock.set(this.options.clock.start ?? (this.options.wall ?? Date.now)(), this.options.clock.mode);
    // Every store is rebuilt on its next use.
    this.#instances.clear();
    this.#active.clear();
    this.#start = startOf(content);
    this.activate(this.#start.scenario);
  }

  #create(vendor: PreparedVendor, scenario: Scenario): VendorInstance {
    const id = vendor.module.id;
    return vendor.createInstance({
      fixtureSet: scenario.vendors[id]?.fixtures ?? 'default',
      scenario,
      clock: this.clock,
      // Each vendor draws from its own stream, so calls to one vendor never shift another's ids.
      random: new Random(deriveSeed(this.options.seed, this.id, id)),
      seed: this.options.seed,
      session: this.id,
    });
  }
}

/**
 * A scenario with the content it was loaded with: a store is built from the pair, so a
 * reload between an activation and a vendor's first call never mixes the two.
 */
interface Binding {
  readonly scenario: Scenario;
  readonly content: SandboxContent;
}

function startOf(content: SandboxContent): Binding {
  return { scenario: content.start, content };
}

/** Why a session was forgotten: idle past the timeout, or least recently used when the cap was reached. */
export type DropReason = 'idle-timeout' | 'evicted';

export interface RegistryOptions extends Omit<SessionOptions, 'journal' | 'content'> {
  /** What sessions start from, until `replaceContent`. */
  readonly content: SandboxContent;
  readonly journal: JournalLimits & { readonly totalBytes: number };
  /** Sessions kept besides `default`; beyond it the least recently used idle one is evicted. */
  readonly maxSessions: number;
  readonly onDrop?: (session: Session, reason: DropReason) => void;
}

/** No session can be made: the cap is reached and every session has a request in flight. */
export class SessionLimitError extends Error {
  override name = 'SessionLimitError';
}

/**
 * Creates sessions on first use, keeps at most `maxSessions` of them (besides
 * `default`, which is never dropped) and drops idle ones. The map's order is
 * least recently used first (a session is re-inserted on every use), so both
 * eviction and the idle sweep look only at the oldest entries.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();
  readonly #wall: () => number;
  readonly #sessionOptions: SessionOptions;
  #content: SandboxContent;
  #lastSweep = 0;
  #evicted = 0;
  #expired = 0;

  constructor(private readonly options: RegistryOptions) {
    this.#wall = options.wall ?? Date.now;
    const budget = new JournalBudget(options.journal.totalBytes, () => this.#sessions.values());
    this.#content = options.content;
    this.#sessionOptions = { ...options, content: () => this.#content, journal: { limits: options.journal, budget } };
  }

  /** The vendors (with their fixtures) and scenarios new sessions, resets and activations take. */
  get content(): SandboxContent {
    return this.#content;
  }

  /** Puts `next` in force for new sessions, resets and activations; every session keeps the stores and scenarios it has. */
  replaceContent(next: SandboxContent): void {
    this.#content = next;
  }

  get maxSessions(): number {
    return this.options.maxSessions;
  }

  /** Sessions dropped to make room, and dropped for being idle, since start. */
  get dropped(): { readonly evicted: number; readonly expired: number } {
    return { evicted: this.#evicted, expired: this.#expired };
  }

  /**
   * The session for `id`, made on first use (evicting the least recently used
   * idle session when the cap is reached).
   * @throws SessionLimitError when the cap is reached and no session is idle.
   */
  get(id: string = DEFAULT_SESSION): Session {
    const now = this.#wall();
    this.#sweep(now);
    let session = this.#sessions.get(id);
    if (session) this.#sessions.delete(id);
    else {
      if (id !== DEFAULT_SESSION && this.#countedSize() >= this.options.maxSessions && !this.#evictOne()) {
        throw new SessionLimitError(`${this.options.maxSessions} sessions are in use, each with a request in flight`);
      }
      session = new Session(id, this.#sessionOptions);
    }
    this.#sessions.set(id, session);
    session.lastSeen = now;
    return session;
  }

  /**
   * The session for a request about to run: counted in flight (so it cannot be
   * evicted) until `done` is called. Undefined when no session can be made.
   */
  enter(id: string | undefined): { session: Session; done: () => void } | undefined {
    let session: Session;
    try {
      session = this.get(id);
    } catch (error) {
      if (error instanceof SessionLimitError) return undefined;
      throw error;
    }
    session.inFlight++;
    let open = true;
    const done = () => {
      if (open) session.inFlight--;
      open = false;
    };
    return { session, done };
  }

  list(): readonly Session[] {
    return [...this.#sessions.values()];
  }

  drop(id: string): boolean {
    // Its journal gives its bytes back to the shared budget.
    this.#sessions.get(id)?.journal.clear();
    return this.#sessions.delete(id);
  }

  /** Forgets every session; the next request starts from the fixtures again. */
  clear(): void {
    for (const session of this.#sessions.values()) session.journal.clear();
    this.#sessions.clear();
  }

  #countedSize(): number {
    return this.#sessions.size - (this.#sessions.has(DEFAULT_SESSION) ? 1 : 0);
  }

  /** Drops the least recently used session with no request in flight; false when there is none. */
  #evictOne(): boolean {
    for (const [id, session] of this.#sessions) {
      if (id === DEFAULT_SESSION || session.inFlight > 0) continue;
      this.#forget(session, 'evicted');
      return true;
    }
    return false;
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < 1000) return;
    this.#lastSweep = now;
    // Oldest use first: the first session not idle long enough ends the sweep (default and busy ones are passed over).
    for (const [id, session] of this.#sessions) {
      if (now - session.lastSeen <= this.options.idleMs) break;
      if (id !== DEFAULT_SESSION && session.inFlight === 0) this.#forget(session, 'idle-timeout');
    }
  }

  #forget(session: Session, reason: DropReason): void {
    this.#sessions.delete(session.id);
    session.journal.clear();
    if (reason === 'evicted') this.#evicted++;
    else this.#expired++;
    this.options.onDrop?.(session, reason);
  }
}
