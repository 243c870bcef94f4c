import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CoverageLedger } from '../coverage-ledger.js';
import type { DashboardAssets } from '../dashboard-assets.js';
import type { HttpOutcome } from '../http-outcome.js';
import type { ProviderStateCatalogue } from '../provider-state-catalogue.js';
import type { JournalFeed } from '../journal-feed.js';
import type { ScenarioLookup } from '../scenario-catalogue.js';
import type { Session, SessionRegistry } from '../session.js';
import type { PreparedVendor } from '../vendor-module.js';

/** What the admin handlers of one sandbox work on. */
export interface AdminDeps {
  readonly sessions: SessionRegistry;
  readonly scenarios: ScenarioLookup;
  /** Scenario states and the vendors' states with parameters. */
  readonly providerStates: ProviderStateCatalogue;
  readonly vendors: readonly PreparedVendor[];
  readonly seed: number;
  readonly version: string;
  readonly log: Logger;
  /** The drift proxy's report so far, when this sandbox runs behind one. */
  readonly driftReport?: (() => unknown) | undefined;
  readonly coverage: CoverageLedger;
  /** The live journal behind `GET /__admin/events`. */
  readonly feed: JournalFeed;
  /** The dashboard's built files (`GET /__admin/ui`). */
  readonly dashboard: DashboardAssets;
}

/** What an admin handler gets: the caller's session and the validated request parts. */
export interface AdminCall {
  readonly session: Session;
  readonly body: unknown;
  readonly query: Record<string, unknown>;
  readonly params: Record<string, unknown>;
}

/** An answer that keeps the response (an event stream): the handler writes it, and it stays open. */
export interface AdminTakeover {
  readonly takeover: (res: ServerResponse, date: string) => void;
}

export type AdminHandler = (call: AdminCall) => HttpOutcome | AdminTakeover;

/** One line of the admin route table: where, which contract operation, which handler. */
export interface AdminRoute {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** Below `/__admin`. */
  readonly path: string;
  readonly operationId: string;
  readonly handle: AdminHandler;
}
