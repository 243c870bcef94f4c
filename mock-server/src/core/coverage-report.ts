import type { CoverageLedger, SessionTally } from './coverage-ledger.js';
import type { OperationSpec, VendorOutcomes } from './coverage-outcomes.js';

/** Which sessions and vendors a report covers. */
export interface CoverageQuery {
  /** Sessions to count together; default `default`. Ignored when `all` is set. */
  readonly sessions?: readonly string[];
  /** Every session the sandbox has counted (including `(retired)`, the sessions it no longer keeps apart). */
  readonly all?: boolean;
  /** Vendors to report; default every mounted one. */
  readonly vendors?: readonly string[];
}

/** One outcome of one operation: documented by the contract (or met without being documented), and how often the sessions reached it. */
export interface OutcomeCoverage {
  /** The result code (`7014`, `TXN`, `CONTACT_NOT_FOUND`), or the HTTP status for vendors without codes (`429`, `4XX`), or a fault (`connection-reset`). */
  readonly outcome: string;
  readonly code: string | null;
  /** The contract's response keys it is documented under; for an undocumented outcome, the HTTP status met (none when the connection was dropped). */
  readonly statuses: readonly string[];
  readonly documented: boolean;
  readonly reached: boolean;
  readonly hits: number;
  /** Hits a scenario forced (an override's `error` or `fault`) rather than the vendor's own behaviour. */
  readonly forced: number;
  /** Hits per session, for sessions with any. */
  readonly sessions: Readonly<Record<string, number>>;
}

export interface OperationCoverage {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly documented: number;
  readonly reached: number;
  /** Documented outcomes in contract order, then undocumented ones met. */
  readonly outcomes: readonly OutcomeCoverage[];
}

export interface VendorCoverage {
  readonly id: string;
  readonly title: string;
  /** What an outcome is for this vendor: its own result code, or the HTTP status. */
  readonly outcomeKind: 'result-code' | 'http-status';
  readonly documented: number;
  readonly reached: number;
  readonly percent: number;
  readonly operations: readonly OperationCoverage[];
}

/** Consumer coverage: which documented (operation, outcome) pairs the chosen sessions reached (docs/decisions/0090-0092). */
export interface CoverageReport {
  /** The sessions counted. */
  readonly sessions: readonly string[];
  /** Documented outcomes of the vendors reported. */
  readonly documented: number;
  /** Of those, the ones reached at least once. */
  readonly reached: number;
  /** `floor(1000 × reached / documented) / 10`: one decimal, never rounded up to a level not met (100 when nothing is documented). */
  readonly percent: number;
  readonly vendors: readonly VendorCoverage[];
}

/** The report of `query` over the ledger's counts. Vendors and sessions must have been checked by the caller. */
export function coverageReport(ledger: CoverageLedger, query: CoverageQuery): CoverageReport {
  const sessions = query.all ? ledger.sessionIds() : [...new Set(query.sessions ?? ['default'])];
  const tallies = ledger.tallies(sessions);
  const vendors = ledger.vendors.filter((v) => query.vendors === undefined || query.vendors.includes(v.vendor)).map((v) => vendorCoverage(v, tallies));
  const documented = vendors.reduce((n, v) => n + v.documented, 0);
  const reached = vendors.reduce((n, v) => n + v.reached, 0);
  return { sessions, documented, reached, percent: percentOf(reached, documented), vendors };
}

export function percentOf(reached: number, documented: number): number {
  return documented === 0 ? 100 : Math.floor((reached * 1000) / documented) / 10;
}

function vendorCoverage(outcomes: VendorOutcomes, tallies: readonly [string, SessionTally][]): VendorCoverage {
  const own = tallies.flatMap(([id, tally]) => {
    const vendor = tally.get(outcomes.vendor);
    return vendor ? [{ id, vendor }] : [];
  });
  const operations = outcomes.operations.map((op) => operationCoverage(op, own));
  const documented = operations.reduce((n, o) => n + o.documented, 0);
  const reached = operations.reduce((n, o) => n + o.reached, 0);
  return {
    id: outcomes.vendor,
    title: outcomes.title,
    outcomeKind: outcomes.resultCodes ? 'result-code' : 'http-status',
    documented,
    reached,
    percent: percentOf(reached, documented),
    operations,
  };
}

type Tallies = readonly { readonly id: string; readonly vendor: NonNullable<ReturnType<SessionTally['get']>> }[];

function operationCoverage(op: OperationSpec, tallies: Tallies): OperationCoverage {
  const documented = op.outcomes.map((outcome, i): OutcomeCoverage => {
    const slot = op.offset + i;
    const sessions: Record<string, number> = {};
    let hits = 0;
    let forced = 0;
    for (const { id, vendor } of tallies) {
      const n = vendor.hits[slot]!;
      if (n === 0) continue;
      sessions[id] = n;
      hits += n;
      forced += vendor.forced[slot]!;
    }
    return { outcome: outcome.outcome, code: outcome.code, statuses: outcome.statuses, documented: true, reached: hits > 0, hits, forced, sessions };
  });
  const undocumented = new Map<string, { code: string | null; statuses: string[]; hits: number; forced: number; sessions: Record<string, number> }>();
  for (const { id, vendor } of tallies) {
    for (const [key, entry] of vendor.undocumented.get(op.operationId) ?? []) {
      let row = undocumented.get(key);
      if (row === undefined) undocumented.set(key, (row = { code: entry.code, statuses: entry.status === null ? [] : [String(entry.status)], hits: 0, forced: 0, sessions: {} }));
      row.hits += entry.hits;
      row.forced += entry.forced;
      row.sessions[id] = entry.hits;
    }
  }
  const met = [...undocumented].map(([outcome, row]): OutcomeCoverage => ({ outcome, ...row, documented: false, reached: true }));
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    documented: documented.length,
    reached: documented.filter((o) => o.reached).length,
    outcomes: [...documented, ...met],
  };
}
