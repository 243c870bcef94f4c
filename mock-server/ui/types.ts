/** The admin API's answers as the dashboard reads them (contracts/admin.openapi.yaml). */
import type { JournalEventEntry } from '../src/core/journal-event.js';

export interface Explanation {
  readonly rule: string;
  readonly where: string;
  readonly expected: string;
  readonly got: string;
  readonly source: string;
}

export interface LeniencyWarning {
  readonly leniency: string;
  readonly where: string;
  readonly message: string;
  readonly source: string;
  readonly refused?: true;
}

export type Headers = Readonly<Record<string, string | readonly string[]>>;

/** A `request` event of `GET /__admin/events` (the server's own type: it imports nothing). */
export type JournalEvent = JournalEventEntry;

/** An entry of `GET /__admin/requests`. */
export interface JournalEntry extends Omit<JournalEvent, 'explanations' | 'warnings'> {
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Headers;
  readonly body?: unknown;
  readonly bodyBytes: number;
  readonly truncated: boolean;
  readonly responseHeaders: Headers;
  readonly responseBody?: unknown;
  readonly explanations: readonly Explanation[];
  readonly warnings?: readonly LeniencyWarning[];
}

export interface RequestsPage {
  readonly session: string;
  readonly total: number;
  readonly requests: readonly JournalEntry[];
}

export interface ClockSnapshot {
  readonly now: string;
  readonly mode: 'real' | 'frozen';
}

export interface SessionInfo {
  readonly id: string;
  readonly active: Readonly<Record<string, string>>;
  readonly journalSize: number;
  readonly requests: number;
  readonly lastUsed: string;
  readonly clock: ClockSnapshot;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly description: string;
  readonly vendors: readonly string[];
  readonly providerStates: readonly string[];
}

export interface ScenarioList {
  readonly session: string;
  readonly active: Readonly<Record<string, string>>;
  readonly scenarios: readonly ScenarioInfo[];
}

export interface SandboxIdentity {
  readonly name: string;
  readonly sentAs: string;
  readonly credentials: Readonly<Record<string, string>>;
  readonly note: string;
}

export interface VendorInfo {
  readonly id: string;
  readonly title: string;
  readonly basePaths: readonly string[];
  readonly pactProvider: string;
  readonly contract: string;
  readonly operations: readonly { readonly operationId: string; readonly method: string; readonly path: string; readonly summary: string }[];
  readonly identities: readonly SandboxIdentity[];
}

export interface OutcomeCoverage {
  readonly outcome: string;
  readonly code: string | null;
  readonly statuses: readonly string[];
  readonly documented: boolean;
  readonly reached: boolean;
  readonly hits: number;
  readonly forced: number;
}

export interface OperationCoverage {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly documented: number;
  readonly reached: number;
  readonly outcomes: readonly OutcomeCoverage[];
}

export interface VendorCoverage {
  readonly id: string;
  readonly title: string;
  readonly outcomeKind: 'result-code' | 'http-status';
  readonly documented: number;
  readonly reached: number;
  readonly percent: number;
  readonly operations: readonly OperationCoverage[];
}

export interface CoverageReport {
  readonly sessions: readonly string[];
  readonly documented: number;
  readonly reached: number;
  readonly percent: number;
  readonly vendors: readonly VendorCoverage[];
}

export interface Health {
  readonly version: string;
  readonly seed: number;
  readonly sessions: number;
}
