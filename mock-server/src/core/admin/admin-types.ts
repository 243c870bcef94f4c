import type { Logger } from 'pino';
import type { CoverageLedger } from '../coverage-ledger.js';
import type { HttpOutcome } from '../http-outcome.js';
import type { ScenarioLookup } from '../scenario-catalogue.js';
import type { Session, SessionRegistry } from '../session.js';
import type { PreparedVendor } from '../vendor-module.js';

/** What the admin handlers of one sandbox work on. */
export interface AdminDeps {
  readonly sessions: SessionRegistry;
  readonly scenarios: ScenarioLookup;
  readonly vendors: readonly PreparedVendor[];
  readonly seed: number;
  readonly version: string;
  readonly log: Logger;
  /** The drift proxy's report so far, when this sandbox runs behind one. */
  readonly driftReport?: (() => unknown) | undefined;
  readonly coverage: CoverageLedger;
}

/** What an admin handler gets: the caller's session and the validated request parts. */
export interface AdminCall {
  readonly session: Session;
  readonly body: unknown;
  readonly query: Record<string, unknown>;
  readonly params: Record<string, unknown>;
}

export type AdminHandler = (call: AdminCall) => HttpOutcome;

/** One line of the admin route table: where, which contract operation, which handler. */
export interface AdminRoute {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** Below `/__admin`. */
  readonly path: string;
  readonly operationId: string;
  readonly handle: AdminHandler;
}
