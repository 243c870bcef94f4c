import { Clock, type ClockConfig } from './clock.js';
import { Journal } from './journal.js';
import { deriveSeed, Random } from './random.js';
import { scenarioVendors, type Scenario } from './scenario.js';
import { ScenarioCounters } from './scenario-counters.js';
import type { PreparedVendor, VendorInstance } from './vendor-module.js';

export const DEFAULT_SESSION = 'default';
const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

export interface SessionOptions {
  readonly vendors: readonly PreparedVendor[];
  /** The scenario a session starts with, and returns to on reset. */
  readonly startScenario: Scenario;
  readonly clock: ClockConfig;
  readonly seed: number;
  readonly journalSize: number;
  /** Sessions other than `default` idle longer than this are dropped. */
  readonly idleMs: number;
  readonly wall?: () => number;
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
  readonly #active = new Map<string, Scenario>();
  readonly #instances = new Map<string, VendorInstance>();
  lastSeen: number;

  constructor(
    readonly id: string,
    private readonly options: SessionOptions,
  ) {
    this.clock = new Clock(options.clock, options.wall);
    this.journal = new Journal(options.journalSize);
    this.random = new Random(deriveSeed(options.seed, id, 'scenario'));
    this.lastSeen = (options.wall ?? Date.now)();
    this.activate(options.startScenario);
  }

  /** The scenario in force for a vendor in this session. */
  scenarioFor(vendor: string): Scenario {
    return this.#active.get(vendor) ?? this.options.startScenario;
  }

  activeScenarios(): Record<string, string> {
    return Object.fromEntries([...this.#active].map(([vendor, scenario]) => [vendor, scenario.name]));
  }

  instance(vendor: string): VendorInstance {
    let instance = this.#instances.get(vendor);
    if (!instance) {
      const prepared = this.options.vendors.find((v) => v.module.id === vendor);
      if (!prepared) throw new Error(`session ${this.id}: no vendor ${vendor}`);
      // No activated scenario concerns this vendor (a start-up scenario for another one): it starts on its defaults.
      this.#load(prepared, this.scenarioFor(vendor));
      instance = this.#instances.get(vendor)!;
    }
    return instance;
  }

  /**
   * Makes `scenario` the one in force for the vendors it concerns and reloads
   * their stores from the fixture sets it names, so a scenario always starts
   * from a known state.
   */
  activate(scenario: Scenario): readonly string[] {
    const all = this.options.vendors.map((v) => v.module.id);
    const touched = scenarioVendors(scenario, all);
    for (const vendor of this.options.vendors) {
      if (!touched.includes(vendor.module.id)) continue;
      this.#active.set(vendor.module.id, scenario);
      this.#load(vendor, scenario);
    }
    this.counters.clear(scenario.name);
    return touched;
  }

  /** Back to the start scenario: one vendor, or everything (stores, counters, clock and journal). */
  reset(vendor?: string): void {
    if (vendor !== undefined) {
      const prepared = this.options.vendors.find((v) => v.module.id === vendor);
      if (!prepared) throw new Error(`no vendor ${vendor}`);
      this.#active.set(vendor, this.options.startScenario);
      this.#load(prepared, this.options.startScenario);
      return;
    }
    this.counters.clear();
    this.journal.clear();
    this.clock.set(this.options.clock.start ?? (this.options.wall ?? Date.now)(), this.options.clock.mode);
    // Vendors the start-up scenario does not concern are reloaded on their next use.
    this.#instances.clear();
    this.#active.clear();
    this.activate(this.options.startScenario);
  }

  #load(vendor: PreparedVendor, scenario: Scenario): void {
    const id = vendor.module.id;
    this.#instances.set(
      id,
      vendor.createInstance({
        fixtureSet: scenario.vendors[id]?.fixtures ?? 'default',
        scenario,
        clock: this.clock,
        // Each vendor draws from its own stream, so calls to one vendor never shift another's ids.
        random: new Random(deriveSeed(this.options.seed, this.id, id)),
        seed: this.options.seed,
        session: this.id,
      }),
    );
  }
}

/** Creates sessions on first use and drops idle ones. */
export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();
  readonly #wall: () => number;
  #lastSweep = 0;

  constructor(private readonly options: SessionOptions) {
    this.#wall = options.wall ?? Date.now;
  }

  get(id: string = DEFAULT_SESSION): Session {
    const now = this.#wall();
    this.#sweep(now);
    let session = this.#sessions.get(id);
    if (!session) {
      session = new Session(id, this.options);
      this.#sessions.set(id, session);
    }
    session.lastSeen = now;
    return session;
  }

  list(): readonly Session[] {
    return [...this.#sessions.values()];
  }

  drop(id: string): boolean {
    return this.#sessions.delete(id);
  }

  /** Forgets every session; the next request starts from the fixtures again. */
  clear(): void {
    this.#sessions.clear();
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < 1000) return;
    this.#lastSweep = now;
    for (const [id, session] of this.#sessions) {
      if (id !== DEFAULT_SESSION && now - session.lastSeen > this.options.idleMs) this.#sessions.delete(id);
    }
  }
}
