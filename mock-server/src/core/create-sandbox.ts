import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { pino, type Logger } from 'pino';
import { createAdminGuard, type AdminAccess } from './admin-guard.js';
import { createAdminRouter } from './admin/admin-router.js';
import { createRawBodyReader } from './body.js';
import { parseClockOption, type ClockConfig } from './clock.js';
import { VOLUME_DEFAULTS } from './config.js';
import { Contract } from './contract.js';
import { DEFAULT_DIRS, PROJECT_ROOT } from './paths.js';
import { setSessionId, sessionIdOf } from './request-context.js';
import { writeOutcome } from './respond.js';
import { Router } from './router.js';
import { listenServer, type ServerTimeouts } from './server.js';
import { scenarioVendors } from './scenario.js';
import { ScenarioCatalogue } from './scenario-catalogue.js';
import { isValidSessionId, SessionRegistry } from './session.js';
import { createVendorDispatch, sandboxError } from './vendor-dispatch.js';
import type { PreparedVendor, VendorModule } from './vendor-module.js';

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
  readonly vendors: readonly { readonly id: string; readonly title: string; readonly basePaths: readonly string[] }[];
  /** Starts listening; port 0 (the default) picks a free port. */
  listen(port?: number, host?: string): Promise<RunningSandbox>;
  /** Forgets every session: the next request starts from the fixtures and the start-up scenario. */
  reset(): void;
  /** Activates a scenario in a session (default `default`). */
  useScenario(name: string, session?: string): void;
  scenarioNames(): string[];
  /** Every Pact provider-state name the sandbox answers (scenario names and their aliases). */
  providerStates(): string[];
}

/** A sandbox cannot start with these options (an unknown or unmounted scenario, no vendors); the message says why. */
export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

const SESSION_PREFIX = /^\/__session\/([^/?]+)(\/[^?]*)?(\?.*)?$/;

/** Builds a sandbox: compiles contracts, loads fixtures and scenarios, and wires the app. Does not listen. */
export function createSandboxApp(options: SandboxOptions): Sandbox {
  const log = options.logger ?? pino({ level: 'silent' });
  const contractsDir = options.contractsDir ?? DEFAULT_DIRS.contracts;
  const fixturesDir = options.fixturesDir ?? DEFAULT_DIRS.fixtures;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const clock = typeof options.clock === 'string' ? parseClockOption(options.clock) : (options.clock ?? { mode: 'real' });
  const bodyLimitBytes = options.bodyLimitBytes ?? 1024 * 1024;

  const vendors: PreparedVendor[] = options.vendors.map((module) => module.prepare({ contractsDir, fixturesDir, log }));
  const vendorIds = vendors.map((v) => v.module.id);
  const knownVendorIds = options.knownVendorIds ?? vendorIds;
  if (vendors.length === 0) throw new SandboxConfigError(`no vendors to mount (vendors: ${knownVendorIds.join(', ')})`);
  const allScenarios = ScenarioCatalogue.load(options.scenarioDirs ?? [DEFAULT_DIRS.scenarios], join(contractsDir, 'scenario.schema.json'), (scenario) => {
    const unknown = new Set([...Object.keys(scenario.vendors), ...scenario.overrides.map((o) => o.vendor)].filter((name) => !knownVendorIds.includes(name)));
    const problems = [...unknown].map((name) => `vendor "${name}" does not exist (vendors: ${knownVendorIds.join(', ')})`);
    return [...problems, ...vendors.flatMap((v) => v.checkScenario(scenario))];
  });
  const scenarios = allScenarios.forVendors(vendorIds);
  const startName = options.scenario ?? 'default';
  const startScenario = scenarios.get(startName);
  if (!startScenario) {
    const unmounted = allScenarios.get(startName);
    if (unmounted) {
      const concerns = scenarioVendors(unmounted, knownVendorIds);
      throw new SandboxConfigError(`scenario "${startName}" concerns only ${concerns.join(', ')}, which ${concerns.length === 1 ? 'is' : 'are'} not mounted (mounted: ${vendorIds.join(', ')})`);
    }
    throw new SandboxConfigError(`unknown scenario "${startName}" (known: ${scenarios.names().join(', ')})`);
  }

  const sessions = new SessionRegistry({
    vendors,
    startScenario,
    clock,
    seed,
    journal: {
      entries: options.journalSize ?? VOLUME_DEFAULTS.journalSize,
      bytes: options.journalSessionMaxBytes ?? VOLUME_DEFAULTS.journalSessionMaxBytes,
      bodyBytes: options.journalBodyMaxBytes ?? VOLUME_DEFAULTS.journalBodyMaxBytes,
      totalBytes: options.journalMaxBytes ?? VOLUME_DEFAULTS.journalMaxBytes,
    },
    idleMs: options.sessionIdleMs ?? 30 * 60 * 1000,
    maxSessions: options.maxSessions ?? VOLUME_DEFAULTS.maxSessions,
    onDrop: (session, reason) => log.info({ session: session.id, reason, idleMs: Date.now() - session.lastSeen }, reason === 'evicted' ? 'session evicted: max sessions reached' : 'session dropped: idle'),
  });
  const router = new Router(vendors);
  const readRawBody = createRawBodyReader(bodyLimitBytes);
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  const admin = createAdminRouter({ sessions, scenarios, vendors, seed, version, log, contract: Contract.load('admin', join(contractsDir, 'admin.openapi.yaml')), readRawBody });
  const adminGuard = createAdminGuard(options.adminAccess ?? {});
  const dispatch = createVendorDispatch({ router, sessions, scenarios, vendorIds, readRawBody, bodyLimitBytes, trustProxy: options.trustProxy ?? false, log });
  // One entry point: resolve the session, then the admin API or a vendor (fewer Express layers on every request).
  app.use((req: Request, res: Response, next: NextFunction) => {
    const prefixed = SESSION_PREFIX.exec(req.url);
    const header = req.headers['x-sandbox-session'];
    let id: string | undefined;
    try {
      id = prefixed ? decodeURIComponent(prefixed[1]!) : typeof header === 'string' ? header : undefined;
    } catch {
      writeOutcome(res, sandboxError(400, 'invalid_session', `The session id in ${JSON.stringify(`/__session/${prefixed![1]!}/`)} is not valid percent-encoding; session ids are 1-128 characters of A-Z a-z 0-9 . _ : -.`), sessions.get().clock.httpDate());
      return;
    }
    if (prefixed) req.url = `${prefixed[2] ?? '/'}${prefixed[3] ?? ''}`;
    if (id !== undefined && !isValidSessionId(id)) {
      writeOutcome(res, sandboxError(400, 'invalid_session', `Session ids are 1-128 characters of A-Z a-z 0-9 . _ : -; got "${id}".`), sessions.get().clock.httpDate());
      return;
    }
    if (id !== undefined) setSessionId(res, id);
    const entered = sessions.enter(id);
    if (!entered) {
      writeOutcome(res, sessionLimitError(sessions.maxSessions), sessions.get().clock.httpDate());
      return;
    }
    // 'close' comes once the answer is written or the client went away: the session is idle again.
    res.once('close', entered.done);
    if (req.url === '/__admin' || req.url.startsWith('/__admin/') || req.url.startsWith('/__admin?')) {
      const refused = adminGuard.check(req);
      if (refused) writeOutcome(res, refused, sessions.get().clock.httpDate());
      else admin(req, res, next);
    }
    else dispatch(req, res).catch(next);
  });
  // Last resort: an exception outside a vendor pipeline still gets the vendor's 500 envelope (or the sandbox's JSON), never Express's HTML page.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    if (res.headersSent) return void res.destroy();
    const session = sessions.get(sessionIdOf(res));
    const route = router.resolve(req.method, req.path);
    const request = { method: req.method, path: req.path, headers: req.headers, rawHeaders: req.rawHeaders, clientIp: req.socket.remoteAddress ?? '' };
    const outcome =
      route.kind === 'no-vendor'
        ? sandboxError(500, 'internal', 'The sandbox failed to handle this request; see its log.')
        : session.instance(route.vendor).renderRouteError({ kind: 'internal' }, session.scenarioFor(route.vendor), request);
    writeOutcome(res, outcome, session.clock.httpDate());
  });

  return {
    app,
    seed,
    vendors: vendors.map((v) => ({ id: v.module.id, title: v.module.title, basePaths: v.module.basePaths })),
    listen: async (port = 0, host = '127.0.0.1') => {
      const running = await listenServer(app, port, host, { ...options.timeouts, log });
      adminGuard.bind(running.address);
      adminGuard.bind(host);
      return running;
    },
    reset: () => sessions.clear(),
    useScenario: (name, session) => {
      const scenario = scenarios.get(name);
      if (!scenario) throw new Error(`unknown scenario "${name}" (known: ${scenarios.names().join(', ')})`);
      sessions.get(session).activate(scenario);
    },
    scenarioNames: () => scenarios.names(),
    providerStates: () => scenarios.providerStates(),
  };
}

/** Every session is busy: the client should retry shortly (docs/decisions/0050-session-cost-and-limit.md). */
function sessionLimitError(max: number) {
  const error = sandboxError(503, 'session_limit', `The sandbox holds its maximum of ${max} sessions and each has a request in flight; retry shortly, or raise --max-sessions.`);
  return { ...error, headers: { ...error.headers, 'Retry-After': String(VOLUME_DEFAULTS.sessionLimitRetryAfterS) } };
}
