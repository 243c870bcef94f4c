import { responseKey, type VendorOutcomes } from './coverage-outcomes.js';

/** Where the counts of sessions the ledger no longer keeps apart go (parentheses: no session id can be this). */
export const RETIRED_SESSIONS = '(retired)';

/** Distinct undocumented outcomes kept per operation and session; the rest are counted together as `other`. */
const MAX_UNDOCUMENTED = 16;

/** One answer to one operation, as dispatch hands it to the ledger. */
export interface CoverageHit {
  readonly vendor: string;
  readonly operationId: string;
  /** 0 when a fault dropped the connection. */
  readonly status: number;
  /** The JSON body the vendor answered with; undefined for a fault's text or an empty body. */
  readonly body: unknown;
  /** A scenario answered instead of the vendor (a forced error or a fault). */
  readonly forced: boolean;
  /** The fault enacted, if any. */
  readonly fault: string | null;
}

/** An outcome the contract does not document for the operation, as it was met. */
export interface UndocumentedTally {
  readonly status: number | null;
  readonly code: string | null;
  readonly fault: string | null;
  hits: number;
  forced: number;
}

/** One vendor's counts in one session: one slot per documented outcome, and what fell outside them. */
export interface VendorTally {
  readonly hits: Uint32Array;
  readonly forced: Uint32Array;
  /** operationId → outcome key → tally. */
  readonly undocumented: Map<string, Map<string, UndocumentedTally>>;
}

/** One session's counts, per vendor (a vendor's slots are made on its first answer). */
export type SessionTally = Map<string, VendorTally>;

/**
 * Which documented outcomes each session's requests reached, counted as
 * dispatch answers them (not read back from the journal, which is bounded
 * and forgets). Outlives session resets and drops, so a report after a test
 * run sees every session the run used. Bounded: at most `maxSessions`
 * sessions are kept apart, each in at most (documented outcomes + 16 per
 * operation) counters; past that the oldest session's counts are folded into
 * `(retired)` (docs/decisions/0093-coverage-store.md).
 */
export class CoverageLedger {
  readonly #vendors: ReadonlyMap<string, VendorOutcomes>;
  readonly #sessions = new Map<string, SessionTally>();
  readonly #maxSessions: number;

  constructor(vendors: readonly VendorOutcomes[], maxSessions: number) {
    this.#vendors = new Map(vendors.map((v) => [v.vendor, v]));
    this.#maxSessions = Math.max(1, maxSessions);
  }

  get vendors(): readonly VendorOutcomes[] {
    return [...this.#vendors.values()];
  }

  record(session: string, hit: CoverageHit): void {
    const outcomes = this.#vendors.get(hit.vendor);
    const operation = outcomes?.byOperation.get(hit.operationId);
    if (!outcomes || !operation) return;
    const tally = this.#vendorTally(this.#session(session), outcomes);
    const connectionDropped = hit.fault !== null && hit.fault !== 'http-status';
    const code = connectionDropped ? undefined : outcomes.read?.({ status: hit.status, body: hit.body });
    let slot = code === undefined ? undefined : operation.byCode.get(code);
    if (slot === undefined && !connectionDropped) {
      const key = responseKey(hit.status, (k) => operation.byStatus.has(k));
      slot = key === undefined ? undefined : operation.byStatus.get(key);
    }
    if (slot !== undefined) {
      tally.hits[slot]!++;
      if (hit.forced) tally.forced[slot]!++;
      return;
    }
    this.#undocumented(tally, hit, code ?? null, connectionDropped);
  }

  /** The counts of `ids` (sessions with none yet are left out), or of every session kept. */
  tallies(ids?: readonly string[]): [string, SessionTally][] {
    if (ids === undefined) return [...this.#sessions];
    return ids.flatMap((id): [string, SessionTally][] => {
      const tally = this.#sessions.get(id);
      return tally ? [[id, tally]] : [];
    });
  }

  /** Sessions with counts, oldest first. */
  sessionIds(): string[] {
    return [...this.#sessions.keys()];
  }

  /** Forgets the counts of `ids`, or of every session. */
  clear(ids?: readonly string[]): void {
    if (ids === undefined) this.#sessions.clear();
    else for (const id of ids) this.#sessions.delete(id);
  }

  #session(id: string): SessionTally {
    let tally = this.#sessions.get(id);
    if (tally === undefined) {
      tally = new Map();
      this.#sessions.set(id, tally);
      if (this.#sessions.size > this.#maxSessions + 1) this.#retireOldest();
    }
    return tally;
  }

  #vendorTally(session: SessionTally, outcomes: VendorOutcomes): VendorTally {
    let tally = session.get(outcomes.vendor);
    if (tally === undefined) {
      tally = { hits: new Uint32Array(outcomes.size), forced: new Uint32Array(outcomes.size), undocumented: new Map() };
      session.set(outcomes.vendor, tally);
    }
    return tally;
  }

  #undocumented(tally: VendorTally, hit: CoverageHit, code: string | null, connectionDropped: boolean): void {
    let byKey = tally.undocumented.get(hit.operationId);
    if (byKey === undefined) tally.undocumented.set(hit.operationId, (byKey = new Map<string, UndocumentedTally>()));
    let key = connectionDropped ? `${hit.fault}` : code === null ? String(hit.status) : `${hit.status} ${code}`;
    if (!byKey.has(key) && byKey.size >= MAX_UNDOCUMENTED) key = 'other';
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry =
        key === 'other'
          ? { status: null, code: null, fault: null, hits: 0, forced: 0 }
          : { status: connectionDropped ? null : hit.status, code, fault: hit.fault, hits: 0, forced: 0 };
      byKey.set(key, entry);
    }
    entry.hits++;
    if (hit.forced) entry.forced++;
  }

  /** Folds the oldest session (never `(retired)` itself) into `(retired)`, so totals over all sessions stay exact. */
  #retireOldest(): void {
    // The first key that is not `(retired)`: at most two steps into the map, not a copy of its keys (this runs for every new session past the cap).
    let oldest: string | undefined;
    for (const id of this.#sessions.keys()) {
      if (id === RETIRED_SESSIONS) continue;
      oldest = id;
      break;
    }
    if (oldest === undefined) return;
    const from = this.#sessions.get(oldest)!;
    this.#sessions.delete(oldest);
    let into = this.#sessions.get(RETIRED_SESSIONS);
    if (into === undefined) this.#sessions.set(RETIRED_SESSIONS, (into = new Map<string, VendorTally>()));
    for (const [vendor, tally] of from) {
      const outcomes = this.#vendors.get(vendor)!;
      const target = this.#vendorTally(into, outcomes);
      for (let i = 0; i < tally.hits.length; i++) {
        target.hits[i]! += tally.hits[i]!;
        target.forced[i]! += tally.forced[i]!;
      }
      for (const [operationId, byKey] of tally.undocumented) {
        for (const [key, entry] of byKey) {
          let targetKeys = target.undocumented.get(operationId);
          if (targetKeys === undefined) target.undocumented.set(operationId, (targetKeys = new Map<string, UndocumentedTally>()));
          const existing = targetKeys.get(key);
          if (existing) {
            existing.hits += entry.hits;
            existing.forced += entry.forced;
          } else targetKeys.set(key, { ...entry });
        }
      }
    }
  }
}
