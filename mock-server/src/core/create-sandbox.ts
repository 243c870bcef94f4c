import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { pino, type Logger } from 'pino';
import { createAdminGuard, type AdminAccess, type AdminGuard } from './admin-guard.js';
import { createAdminRouter } from './admin/admin-router.js';
import { createRawBodyReader } from './body.js';
import { BuildChecks, checkKey } from './build-checks.js';
import { parseClockOption, type ClockConfig } from './clock.js';
import { Contract } from './contract.js';
import { CoverageLedger } from './coverage-ledger.js';
import { DashboardAssets } from './dashboard-assets.js';
import { JournalFeed } from './journal-feed.js';
import { coverageReport, type CoverageQuery, type CoverageReport } from './coverage-report.js';
import { DEFAULT_DIRS, PROJECT_ROOT } from './paths.js';
import { sessionIdOf } from './request-context.js';
import { writeOutcome } from './respond.js';
import { Router, type KnownRoute, type RouteMatch } from './router.js';
import { listenServer, type ServerTimeouts, type TlsCredentials } from './server.js';
import { scenarioVendors, type Scenario } from './scenario.js';
import { ScenarioCatalogue, type ScenarioLookup } from './scenario-catalogue.js';
import { ProviderStateCatalogue, type ProviderStateListing } from './provider-state-catalogue.js';
import { SessionRegistry, type Session } from './session.js';
import { createVendorDispatch } from './vendor-dispatch.js';
import { sandboxError } from './sandbox-errors.js';
import { createSessionEntry, isAdminRequest } from './session-entry.js';
import { SANDBOX_DEFAULTS, VOLUME_DEFAULTS } from './config.js';
import type { PreparedVendor, VendorModule } from './vendor-module.js';
import { collectLeniencies, type LeniencyInfo } from './leniency.js';
import { reloadContent, type ReloadResult } from './sandbox-content.js';
import { watchFiles, type FileWatcher } from './watch-files.js';

export interface SandboxOptions {
  /** Vendor modules to mount. */
  readonly vendors: readonly VendorModule[];
  /** Ids of every vendor that exists, mounted or not: scenario parts for those not mounted are ignored. Default: the mounted ones. */
  readonly knownVendorIds?: readonly string[];
  /** Scenario every session starts with and returns to on reset. Default `default`. */
  readonly scenario?: string;
  /** Seed for every generated value. Default: a random one (reported by `/__admin/health`). */
  readonly seed?: number;
  /** `real`, an ISO instant (frozen there), or a clock config. Default `real`. */
  readonly clock?: ClockConfig | string;
  /** Journal capacity per session, in entries. Default 1,000. */
  readonly journalSize?: number;
  /** Journal bytes kept across all sessions (the least recently used sessions' oldest entries go first). Default 128 MiB. */
  readonly journalMaxBytes?: number;
  /** Journal bytes kept per session. Default 8 MiB. */
  readonly journalSessionMaxBytes?: number;
  /** A journaled request body longer than this is kept cut to it, flagged `truncated`. Default 64 KiB. */
  readonly journalBodyMaxBytes?: number;
  /** Sessions kept besides `default`; the least recently used idle one is evicted to make room. Default 5,000. */
  readonly maxSessions?: number;
  /** Sessions other than `default` idle longer than this are dropped. Default 30 minutes. */
  readonly sessionIdleMs?: number;
  /** Largest request body accepted. Default 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** Take the client address from `X-Forwarded-For` (behind a proxy). Default false. */
  readonly trustProxy?: boolean;
  /**
   * Strict mode: a request relying on a vendor leniency (docs/leniencies.md) gets the vendor's own
   * refusal instead of a warning. A scenario's `vendors.<id>.strict` wins for its vendor. Default false.
   */
  readonly strict?: boolean;
  /** Send `X-Sandbox-Explain` on every refused or scenario-changed answer, not only to requests that ask with `X-Sandbox-Explain: 1`. Default false. */
  readonly explain?: boolean;
  /** Admin API access: a bearer token, and host names it answers for besides loopback and IP addresses. Default: no token. */
  readonly adminAccess?: AdminAccess;
  /** Connection timeouts and the shutdown grace period of `listen()` (defaults in `core/config.ts`). */
  readonly timeouts?: ServerTimeouts;
  /** Default: silent. */
  readonly logger?: Logger;
  readonly contractsDir?: string;
  readonly fixturesDir?: string;
  /** Scenario directories; later ones override earlier ones by name. Default: the built-in `scenarios/`. */
  readonly scenarioDirs?: readonly string[];
  /** What `GET /__admin/drift` answers: set by the drift proxy (mock-server/src/proxy/); without it that route says no proxy runs. */
  readonly driftReport?: () => unknown;
  /** Where the dashboard's built files are (`GET /__admin/ui`). Default: `mock-server/dist/ui`, made by `npm run build`. */
  readonly dashboardDir?: string;
}

/** A running sandbox bound to a port. */
export interface RunningSandbox {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting and answers every request in flight (up to the shutdown
   * grace period, then drops what is left). Resolves `true` when every
   * request in flight was answered.
   */
  close(): Promise<boolean>;
  /** Requests being handled now. */
  inFlight(): number;
}

export interface Sandbox {
  /** The Express app: hand it to supertest, or mount it in your own server. */
  readonly app: Express;
  readonly seed: number;
  readonly vendors: readonly { readonly id: string; readonly title: string; readonly basePaths: readonly string[]; readonly pactProvider: string }[];
  /** Starts listening; port 0 (the default) picks a free port. With `tls`, HTTPS (call it twice for HTTP and HTTPS side by side). */
  listen(port?: number, host?: string, options?: { readonly tls?: TlsCredentials }): Promise<RunningSandbox>;
  /** Forgets every session: the next request starts from the fixtures and the start-up scenario. */
  reset(): void;
  /**
   * Activates a scenario in a session (default `default`, which is always
   * there and never counts against `maxSessions`). A named session is made if
   * it does not exist yet, like a request naming it would.
   * @throws SessionLimitError when that needs a new session and `maxSessions` are all busy.
   */
  useScenario(name: string, session?: string): void;
  scenarioNames(): string[];
  /** Every Pact provider-state name the sandbox answers (scenario names and their aliases, the vendors' states with parameters). */
  providerStates(): string[];
  /** Every provider state with its description and parameters, as `GET /__admin/provider-states` lists them. */
  providerStateList(): ProviderStateListing[];
  /** What is wrong with a state change to `name` with `params`, one line each; empty when the sandbox would set it up (nothing is changed). */
  checkProviderState(name: string, params?: unknown): readonly string[];
  /** What the sandbox would do with a method and path: the vendor operation, or why none (checks pacts before verifying). */
  route(method: string, path: string): RouteMatch;
  /** The emulated routes nearest to a method and path, nearest first. */
  closestRoutes(method: string, path: string): KnownRoute[];
  /**
   * Consumer coverage: which outcomes each operation's contract documents,
   * and which of them the chosen sessions reached (default: session
   * `default`). The same report as `GET /__admin/coverage`.
   * @throws when `query.vendors` names a vendor that is not mounted.
   */
  coverage(query?: CoverageQuery): CoverageReport;
  /** Where the mounted vendors are more lenient than their documents (docs/leniencies.md): what `--strict` refuses. */
  readonly leniencies: readonly LeniencyInfo[];
  /**
   * Reads the fixture and scenario directories again and, when every file is valid, puts them in
   * force for new sessions, resets and scenario activations; a session keeps the stores and
   * scenarios it has until then (docs/decisions/0622-live-reload.md). One broken file and nothing
   * changes: the result names each file and field at fault. Logged either way.
   */
  reload(): ReloadResult;
  /**
   * Reloads whenever a file under the fixture or scenario directories changes (what `--watch`
   * does), once changes have settled for `debounceMs` (default 100). Resolves once watching.
   */
  watch(options?: WatchOptions): Promise<FileWatcher>;
}

export interface WatchOptions {
  /** Changes closer together than this are one reload. Default 100 ms. */
  readonly debounceMs?: number;
  /** Called after each reload the watcher made, with the files that changed. */
  readonly onReload?: (result: ReloadResult, files: readonly string[]) => void;
}

/** A sandbox cannot start with these options (an unknown or unmounted scenario, no vendors); the message says why. */
export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

/**
 * Builds a sandbox: compiles contracts, loads fixtures and scenarios, and wires the app. Does not listen.
 * `checks`: the start-up checks to skip (default: those the build passed); the build passes none and reads back what passed.
 */
export function createSandboxApp(options: SandboxOptions, checks: BuildChecks = BuildChecks.read()): Sandbox {
  const settings = resolveOptions(options, checks);
  const vendors = prepareVendors(options.vendors, settings);
  const scenarios = loadScenarios(vendors, settings);
  const feed = new JournalFeed();
  const sessions = new SessionRegistry({
    content: { vendors, scenarios: scenarios.mounted, start: scenarios.start },
    feed,
    clock: settings.clock,
    seed: settings.seed,
    journal: settings.journal,
    idleMs: settings.sessionIdleMs,
    maxSessions: settings.maxSessions,
    onDrop: (session, reason) =>
      settings.log.info(
        { session: session.id, reason, idleMs: Date.now() - session.lastSeen },
        reason === 'evicted' ? 'session evicted: max sessions reached' : 'session dropped: idle',
      ),
  });
  // Scenario states follow a reload (--watch); the vendors' states are code and do not change.
  let providerStates: ProviderStateCatalogue;
  try {
    providerStates = new ProviderStateCatalogue(liveScenarios(sessions), vendors);
  } catch (error) {
    throw new SandboxConfigError(error instanceof Error ? error.message : String(error));
  }
  const adminGuard = createAdminGuard(options.adminAccess ?? {});
  // Sessions kept apart: as many as the registry keeps, and `default`.
  const coverage = new CoverageLedger(
    vendors.map((v) => v.outcomes),
    settings.maxSessions + 1,
  );
  const live = { feed, dashboard: new DashboardAssets(options.dashboardDir) };
  const app = wireApp(settings, vendors, { scenarios: liveScenarios(sessions), providerStates }, sessions, adminGuard, options.driftReport, coverage, live);
  // Built on first use: only `verify` asks, and serving needs none of it.
  let lookup: Router | undefined;
  return {
    app,
    seed: settings.seed,
    vendors: vendors.map((v) => ({ id: v.module.id, title: v.module.title, basePaths: v.module.basePaths, pactProvider: v.module.pactProvider })),
    listen: async (port = 0, host = SANDBOX_DEFAULTS.host, listenOptions = {}) => {
      const running = await listenServer(app, port, host, { ...options.timeouts, log: settings.log, ...(listenOptions.tls ? { tls: listenOptions.tls } : {}) });
      feed.reopen();
      adminGuard.bind(running.address);
      adminGuard.bind(host);
      // An open event stream would hold the graceful close until its grace period ran out.
      return {
        ...running,
        close: () => {
          feed.closeAll();
          return running.close();
        },
      };
    },
    reset: () => sessions.clear(),
    useScenario: (name, session) => {
      const scenario = sessions.content.scenarios.get(name);
      if (!scenario) throw new Error(`unknown scenario "${name}" (known: ${sessions.content.scenarios.names().join(', ')})`);
      sessions.get(session).activate(scenario);
    },
    scenarioNames: () => sessions.content.scenarios.names(),
    providerStates: () => providerStates.names(),
    providerStateList: () => providerStates.list(),
    checkProviderState: (name, params = {}) => {
      const found = providerStates.resolve(name, params);
      return found.ok ? [] : found.problems;
    },
    route: (method, path) => (lookup ??= new Router(vendors)).resolve(method.toUpperCase(), path),
    closestRoutes: (method, path) => (lookup ??= new Router(vendors)).closest(method.toUpperCase(), path),
    coverage: (query = {}) => {
      const mounted = vendors.map((v) => v.module.id);
      const unknown = (query.vendors ?? []).filter((id) => !mounted.includes(id));
      if (unknown.length > 0) throw new Error(`coverage: vendor(s) not mounted: ${unknown.join(', ')} (mounted: ${mounted.join(', ')})`);
      return coverageReport(coverage, query);
    },
    leniencies: collectLeniencies(options.vendors),
    reload: () => reload(sessions, settings),
    watch: async ({ debounceMs, onReload } = {}) => {
      const dirs = [settings.fixturesDir, ...settings.scenarioDirs];
      const watcher = await watchFiles(
        dirs,
        {
          onChange: (files) => {
            settings.log.info({ files }, `changed: ${files.join(', ')}`);
            // Not inside `onReload?.(…)`: without a callback its arguments would never run.
            const result = reload(sessions, settings);
            onReload?.(result, files);
          },
          onError: (error) => settings.log.error({ err: error }, `watching ${dirs.join(', ')} failed: ${error.message}`),
        },
        debounceMs,
      );
      settings.log.info({ dirs }, `watching ${dirs.join(', ')}: a valid change is applied to new and reset sessions`);
      return watcher;
    },
  };
}

/** The scenarios request handlers see: always those in force, whichever a reload put there. */
function liveScenarios(sessions: SessionRegistry): ScenarioLookup {
  return {
    get: (name) => sessions.content.scenarios.get(name),
    forProviderState: (state) => sessions.content.scenarios.forProviderState(state),
    names: () => sessions.content.scenarios.names(),
    providerStates: () => sessions.content.scenarios.providerStates(),
    list: () => sessions.content.scenarios.list(),
  };
}

/** Validates the fixture and scenario files again and swaps them in when all are valid; logs what it did. */
function reload(sessions: SessionRegistry, settings: ResolvedOptions): ReloadResult {
  const outcome = reloadContent(sessions.content, settings.fixturesDir, (vendors) => loadScenarios(vendors, settings));
  if ('problems' in outcome) {
    settings.log.error({ problems: outcome.problems }, `reload refused, still serving what it had:\n  ${outcome.problems.join('\n  ')}`);
    return { applied: false, problems: outcome.problems };
  }
  sessions.replaceContent(outcome.content);
  const result: ReloadResult = {
    applied: true,
    fixtureSets: Object.fromEntries(outcome.content.vendors.map((v) => [v.module.id, v.fixtureSets])),
    scenarios: outcome.content.scenarios.names(),
    sessionsKept: sessions.list().length,
  };
  settings.log.info(
    { fixtureSets: result.fixtureSets, scenarios: result.scenarios.length, sessionsKept: result.sessionsKept },
    `reloaded fixtures and scenarios: new and reset sessions get them (${result.sessionsKept} session(s) keep what they had until reset)`,
  );
  return result;
}

/** The options with every default filled in (from `SANDBOX_DEFAULTS`). */
interface ResolvedOptions {
  readonly log: Logger;
  readonly checks: BuildChecks;
  readonly contractsDir: string;
  readonly fixturesDir: string;
  readonly scenarioDirs: readonly string[];
  readonly knownVendorIds: readonly string[] | undefined;
  readonly startScenario: string;
  readonly seed: number;
  readonly clock: ClockConfig;
  readonly journal: { readonly entries: number; readonly bytes: number; readonly bodyBytes: number; readonly totalBytes: number };
  readonly maxSessions: number;
  readonly sessionIdleMs: number;
  readonly bodyLimitBytes: number;
  readonly trustProxy: boolean;
  readonly strict: boolean;
  readonly explain: boolean;
}

function resolveOptions(options: SandboxOptions, checks: BuildChecks): ResolvedOptions {
  const clock = options.clock ?? SANDBOX_DEFAULTS.clock;
  return {
    log: options.logger ?? pino({ level: 'silent' }),
    checks,
    contractsDir: options.contractsDir ?? DEFAULT_DIRS.contracts,
    fixturesDir: options.fixturesDir ?? DEFAULT_DIRS.fixtures,
    scenarioDirs: options.scenarioDirs ?? [DEFAULT_DIRS.scenarios],
    knownVendorIds: options.knownVendorIds,
    startScenario: options.scenario ?? SANDBOX_DEFAULTS.scenario,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    clock: typeof clock === 'string' ? parseClockOption(clock) : clock,
    journal: {
      entries: options.journalSize ?? VOLUME_DEFAULTS.journalSize,
      bytes: options.journalSessionMaxBytes ?? VOLUME_DEFAULTS.journalSessionMaxBytes,
      bodyBytes: options.journalBodyMaxBytes ?? VOLUME_DEFAULTS.journalBodyMaxBytes,
      totalBytes: options.journalMaxBytes ?? VOLUME_DEFAULTS.journalMaxBytes,
    },
    maxSessions: options.maxSessions ?? VOLUME_DEFAULTS.maxSessions,
    sessionIdleMs: options.sessionIdleMs ?? SANDBOX_DEFAULTS.sessionIdleMs,
    bodyLimitBytes: options.bodyLimitBytes ?? SANDBOX_DEFAULTS.bodyLimitBytes,
    trustProxy: options.trustProxy ?? SANDBOX_DEFAULTS.trustProxy,
    strict: options.strict ?? SANDBOX_DEFAULTS.strict,
    explain: options.explain ?? SANDBOX_DEFAULTS.explain,
  };
}

/** Compiles each vendor's contract and loads its fixtures. */
function prepareVendors(modules: readonly VendorModule[], settings: ResolvedOptions): PreparedVendor[] {
  const vendors = modules.map((module) => module.prepare({ contractsDir: settings.contractsDir, fixturesDir: settings.fixturesDir, log: settings.log, checks: settings.checks }));
  if (vendors.length === 0) throw new SandboxConfigError(`no vendors to mount (vendors: ${(settings.knownVendorIds ?? []).join(', ')})`);
  return vendors;
}

/** Loads and checks every scenario, keeps those for the mounted vendors, and finds the start-up one. */
function loadScenarios(vendors: readonly PreparedVendor[], settings: ResolvedOptions): { readonly mounted: ScenarioCatalogue; readonly start: Scenario } {
  const vendorIds = vendors.map((v) => v.module.id);
  const knownVendorIds = settings.knownVendorIds ?? vendorIds;
  const context = checkKey(JSON.stringify(knownVendorIds), ...vendors.map((v) => v.scenarioCheckContext));
  const all = ScenarioCatalogue.load(
    settings.scenarioDirs,
    join(settings.contractsDir, 'scenario.schema.json'),
    (scenario) => {
      const unknown = new Set([...Object.keys(scenario.vendors), ...scenario.overrides.map((o) => o.vendor)].filter((name) => !knownVendorIds.includes(name)));
      const problems = [...unknown].map((name) => `vendor "${name}" does not exist (vendors: ${knownVendorIds.join(', ')})`);
      return [...problems, ...vendors.flatMap((v) => v.checkScenario(scenario))];
    },
    { checks: settings.checks, context },
  );
  const mounted = all.forVendors(vendorIds);
  const name = settings.startScenario;
  const start = mounted.get(name);
  if (start) return { mounted, start };
  const unmounted = all.get(name);
  if (unmounted) {
    const concerns = scenarioVendors(unmounted, knownVendorIds);
    throw new SandboxConfigError(
      `scenario "${name}" concerns only ${concerns.join(', ')}, which ${concerns.length === 1 ? 'is' : 'are'} not mounted (mounted: ${vendorIds.join(', ')})`,
    );
  }
  throw new SandboxConfigError(`unknown scenario "${name}" (known: ${mounted.names().join(', ')})`);
}

/** What Express's `app.handle` is (untyped in @types/express): every request an app serves goes through it, mounted or not. */
interface ExpressHandle {
  handle(req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void): void;
}

/** The Express app: one entry point (session, then admin or a vendor) and a last-resort error handler. */
function wireApp(
  settings: ResolvedOptions,
  vendors: readonly PreparedVendor[],
  { scenarios, providerStates }: { readonly scenarios: ScenarioLookup; readonly providerStates: ProviderStateCatalogue },
  sessions: SessionRegistry,
  adminGuard: AdminGuard,
  driftReport: (() => unknown) | undefined,
  coverage: CoverageLedger,
  live: { readonly feed: JournalFeed; readonly dashboard: DashboardAssets },
): Express {
  const { log } = settings;
  const readRawBody = createRawBodyReader(settings.bodyLimitBytes);
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const contract = Contract.load('admin', join(settings.contractsDir, 'admin.openapi.yaml'));
  const admin = createAdminRouter({ sessions, scenarios, providerStates, vendors, seed: settings.seed, version, log, contract, readRawBody, driftReport, coverage, ...live });
  const dispatch = createVendorDispatch({
    router: new Router(vendors),
    sessions,
    scenarios,
    vendorIds: vendors.map((v) => v.module.id),
    readRawBody,
    bodyLimitBytes: settings.bodyLimitBytes,
    trustProxy: settings.trustProxy,
    coverage,
    strict: settings.strict,
    explain: settings.explain,
    log,
  });

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  // Last resort: vendor requests catch their own failures (dispatch); what is left (the admin router, the entry point) gets the sandbox's JSON, never Express's HTML page.
  const lastResort = (error: unknown, req: IncomingMessage, res: ServerResponse, session?: Session): void => {
    log.error({ err: error, method: req.method, path: req.url }, 'unhandled error');
    if (res.headersSent) return void res.destroy();
    writeOutcome(res, sandboxError('internal', 'The sandbox failed to handle this request; see its log.'), (session ?? sessions.get(sessionIdOf(res))).clock.httpDate());
  };
  // Admin requests come through Express (the branch below), so they carry Express's request and response.
  const entry = createSessionEntry(sessions, adminGuard, (req, res, _session, next) => void admin(req as Request, res as Response, next), dispatch);
  app.use((req: Request, res: Response, next: NextFunction) => entry(req, res, next));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => lastResort(error, req, res));
  // Vendor requests skip Express: its per-request set-up (prototypes, router, URL parsing) cost about a fifth of a vendor write, and
  // they use nothing it adds (decision 0034). Replacing `handle` covers every way in: listen(), supertest, and mounting in another app.
  const viaExpress = app as unknown as ExpressHandle;
  const expressHandle = viaExpress.handle.bind(app);
  viaExpress.handle = (req, res, callback) => {
    if (isAdminRequest(req.url ?? '/')) return expressHandle(req, res, callback);
    entry(req, res, (error, session) => lastResort(error, req, res, session));
  };
  return app;
}
