import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parse as parseQuery } from 'node:querystring';
import parseUrl from 'parseurl';
import type { Logger } from 'pino';
import { closesConnection, isRawBodyError, type RawBodyError } from './body.js';
import type { CoverageLedger } from './coverage-ledger.js';
import { compactExplanation, explained, explainRequested } from './explain.js';
import type { HttpOutcome } from './http-outcome.js';
import { strictFor, warningHeader } from './leniency.js';
import { enactFault, writeOutcome, type Written } from './respond.js';
import type { Router } from './router.js';
import { REQUEST_TIMEOUT_MESSAGE, sandboxError } from './sandbox-errors.js';
import { NO_EFFECTS, scenarioVendors, type Scenario } from './scenario.js';
import type { ScenarioLookup } from './scenario-catalogue.js';
import type { Session, SessionRegistry } from './session.js';
import type { RouteError, VendorCall, VendorResult } from './vendor-module.js';

export interface DispatchDeps {
  readonly router: Router;
  readonly sessions: SessionRegistry;
  readonly scenarios: ScenarioLookup;
  readonly vendorIds: readonly string[];
  readonly readRawBody: (req: IncomingMessage) => Promise<Buffer | undefined>;
  readonly bodyLimitBytes: number;
  readonly trustProxy: boolean;
  readonly coverage: CoverageLedger;
  /** The sandbox's --strict: refuse requests relying on a leniency, unless a scenario says otherwise for the vendor. */
  readonly strict: boolean;
  /** Send `X-Sandbox-Explain` on every refused or scenario-changed answer, not only when a request asks (`--explain`). */
  readonly explain?: boolean;
  readonly log: Logger;
}

/**
 * Serves every request that is not for the admin API: finds the vendor and
 * operation, runs it in the request's session under the scenario in force,
 * writes the answer (or enacts the fault), then journals and logs it.
 */
export function createVendorDispatch(deps: DispatchDeps): (req: IncomingMessage, res: ServerResponse, session: Session) => Promise<void> {
  return async (req, res, session) => {
    const started = performance.now();
    const arrivedAt = session.clock.now();
    // What Express's `req.path` and `req.query` (query parser "simple") give, without Express on the request.
    const url = parseUrl(req);
    const path = url?.pathname ?? '/';
    const query = parseQuery(typeof url?.query === 'string' ? url.query : '') as Record<string, string | string[]>;
    const method = req.method ?? 'GET';
    const route = deps.router.resolve(method, path);
    const vendor = route.kind === 'no-vendor' ? null : route.vendor;
    const requested = scenarioHeader(req.headers);
    // Resolved once: the answer, the warning and the journal all read this one.
    const fromHeader = requested === undefined ? undefined : deps.scenarios.get(requested);
    const scenario = vendor === null ? undefined : requestScenario(fromHeader, vendor, session, deps);
    const date = session.clock.httpDate();
    let raw: Buffer | undefined;
    let operation: string | null = null;
    let result: VendorResult;
    try {
      let rawError: RawBodyError | undefined;
      try {
        raw = await deps.readRawBody(req);
      } catch (error) {
        if (!isRawBodyError(error)) throw error;
        rawError = error;
      }
      if (rawError?.kind === 'aborted') {
        // Nobody to answer: journaled without a status (not as a 500), logged once, quietly.
        const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
        session.journal.record({
          seq: session.journal.nextSeq(),
          atMs: arrivedAt,
          session: session.id,
          method: method,
          path,
          query,
          headers: req.headers as Record<string, string | string[]>,
          rawBody: undefined,
          vendor,
          operation: null,
          scenario: null,
          status: null,
          aborted: true,
          responseHeaders: {},
          responseBody: undefined,
          fault: null,
          durationMs,
        });
        deps.log.debug({ session: session.id, vendor, ms: durationMs }, `${method} ${path} aborted by the client`);
        return;
      }
      // A body left unread (over the limit, or cut by --request-timeout): the answer says Connection: close and Node closes the socket after it.
      if (rawError && closesConnection(rawError)) res.shouldKeepAlive = false;
      if (rawError?.kind === 'timed-out') {
        // The sandbox's 408, as the server gives a slow head (decision 0030), journaled as answered.
        result = { kind: 'outcome', outcome: sandboxError('request_timeout', REQUEST_TIMEOUT_MESSAGE) };
      } else if (requested !== undefined && fromHeader === undefined) {
        const outcome = sandboxError('invalid_scenario_header', `X-Sandbox-Scenario names no scenario: "${requested}"`, { known: deps.scenarios.names() });
        result = { kind: 'outcome', outcome: explained(outcome, { ...SANDBOX_REASONS.scenarioHeader, got: JSON.stringify(requested) }) };
      } else if (route.kind === 'no-vendor' || scenario === undefined) {
        const outcome = sandboxError('no_route', `No emulated vendor serves ${method} ${path}`, { closest: deps.router.closest(method, path) });
        result = { kind: 'outcome', outcome: explained(outcome, { ...SANDBOX_REASONS.noRoute, got: `${method} ${path}` }) };
      } else {
        const instance = session.instance(route.vendor);
        // The request value, built once: route errors read part of it, the vendor's pipeline extends it with the parsed body.
        const request: VendorCall['request'] = {
          method: method,
          path,
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          clientIp: clientIp(req, deps.trustProxy),
          params: route.kind === 'operation' ? route.params : {},
          // The vendor gets its own copy of the query: validation coerces it in place, and the journal keeps what the client sent.
          query: { ...query },
          contentType: req.headers['content-type'],
          rawBody: raw,
        };
        const routeError = (error: RouteError): VendorResult => ({ kind: 'outcome', outcome: instance.renderRouteError(error, scenario, request) });
        if (rawError) result = routeError(rawErrorKind(rawError, req.headers, deps.bodyLimitBytes));
        else if (route.kind === 'not-found') result = routeError({ kind: 'not-found' });
        else if (route.kind === 'method-not-allowed') result = routeError({ kind: 'method-not-allowed', allowed: route.allowed, template: route.template });
        else {
          const operationId = route.operation.operationId;
          operation = operationId;
          result = await instance.run({
            operationId,
            scenario,
            log: deps.log,
            strict: strictFor(scenario, route.vendor, deps.strict),
            effects: () => (scenario.overrides.length === 0 ? NO_EFFECTS : session.counters.evaluate(scenario, route.vendor, operationId, session.random)),
            request,
          });
        }
      }
    } catch (error) {
      // Route and vendor are known here: the failure gets the vendor's own 500 envelope (or the sandbox's, outside any vendor).
      deps.log.error({ err: error, method: method, path, vendor, operation }, 'unhandled error');
      result = { kind: 'outcome', outcome: internalError(req, method, path, vendor, scenario, session, deps.log) };
    }

    const warning = fromHeader === undefined || vendor === null ? undefined : perRequestWarning(fromHeader, vendor, session, deps);
    if (warning !== undefined) deps.log.warn({ session: session.id, vendor, scenario: requested }, warning);
    const warnings = result.kind === 'outcome' ? result.warnings : undefined;
    const warningLines = warningHeader(warning === undefined ? undefined : headerSafe(warning), warnings);
    // Why the answer refuses (or how a scenario changed it); undefined on the success path, which allocates nothing for it.
    const reasons = result.kind === 'fault' ? result.explanations : result.outcome.explanations;
    const explain = reasons !== undefined && (deps.explain === true || explainRequested(req.headers['x-sandbox-explain'])) ? compactExplanation(reasons) : undefined;
    const explainHeader = explain === undefined ? undefined : { 'X-Sandbox-Explain': explain };
    const written: Written =
      result.kind === 'fault'
        ? enactFault(result.fault, res, date, explainHeader)
        : writeOutcome(
            res,
            result.outcome,
            date,
            warningLines === undefined && explainHeader === undefined
              ? result.headers
              : { ...result.headers, ...explainHeader, ...(warningLines === undefined ? {} : { 'X-Sandbox-Warning': warningLines }) },
          );
    // The answer is on its way: the request no longer counts as in flight.
    result.release?.();
    const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    const fault = result.kind === 'fault' ? result.fault.kind : null;
    if (operation !== null && vendor !== null) {
      const body = result.kind === 'outcome' && result.outcome.text === undefined ? result.outcome.body : undefined;
      deps.coverage.record(session.id, { vendor, operationId: operation, status: written.status, body, forced: result.kind === 'fault' || result.forced === true, fault });
    }
    session.journal.record({
      seq: session.journal.nextSeq(),
      atMs: arrivedAt,
      session: session.id,
      method: method,
      path,
      query,
      headers: req.headers as Record<string, string | string[]>,
      rawBody: raw,
      vendor,
      operation,
      scenario: scenario?.name ?? null,
      status: written.status,
      responseHeaders: written.headers as Record<string, string | string[]>,
      responseBody: written.body,
      responseBytes: written.bytes,
      fault,
      durationMs,
      warnings,
      explanations: reasons,
    });
    deps.log.info(
      {
        session: session.id,
        vendor,
        operation,
        status: written.status,
        ms: durationMs,
        scenario: scenario?.name ?? null,
        ...(fault ? { fault } : {}),
        ...(warnings ? { leniencies: warnings.map((w) => w.leniency) } : {}),
        reason: reasons === undefined ? undefined : (explain ?? compactExplanation(reasons)),
      },
      `${method} ${path} ${fault ?? written.status}`,
    );
  };
}

/** The sandbox's own refusals outside any vendor, explained (contracts/admin.openapi.yaml `x-sandbox-errors`). */
const SANDBOX_REASONS = {
  scenarioHeader: {
    rule: 'sandbox.scenario-header',
    where: 'header:x-sandbox-scenario',
    expected: 'a scenario name (GET /__admin/scenarios)',
    source: 'contracts/admin.openapi.yaml#/x-sandbox-errors/codes/invalid_scenario_header',
  },
  noRoute: {
    rule: 'route.no-vendor',
    where: 'path',
    expected: "a path under a mounted vendor's base paths",
    source: 'contracts/admin.openapi.yaml#/x-sandbox-errors/codes/no_route',
  },
} as const;

function rawErrorKind(error: RawBodyError, headers: IncomingHttpHeaders, limitBytes: number): RouteError {
  switch (error.kind) {
    case 'too-large':
      return { kind: 'payload-too-large', limitBytes };
    case 'encoded':
      return { kind: 'unsupported-media-type', contentType: `${headers['content-type'] ?? ''}; encoding ${error.encoding}` };
    case 'unreadable':
    case 'aborted':
    case 'timed-out':
      return { kind: 'internal' };
  }
}

function scenarioHeader(headers: IncomingHttpHeaders): string | undefined {
  const value = headers['x-sandbox-scenario'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The per-request scenario applies when it concerns this vendor; otherwise the session's scenario for the vendor does. */
function requestScenario(fromHeader: Scenario | undefined, vendor: string, session: Session, deps: DispatchDeps): Scenario {
  if (fromHeader && scenarioVendors(fromHeader, deps.vendorIds).includes(vendor)) return fromHeader;
  return session.scenarioFor(vendor);
}

/**
 * Why `X-Sandbox-Scenario` did not (wholly) apply to this request, if it did not:
 * the scenario does not concern the vendor, or it needs what only activation
 * does (another fixture set, settings the store reads when it is built).
 */
function perRequestWarning(scenario: Scenario, vendor: string, session: Session, deps: DispatchDeps): string | undefined {
  const activate = 'activate it for the session (PUT /__admin/scenario) instead';
  if (!scenarioVendors(scenario, deps.vendorIds).includes(vendor)) {
    return `scenario "${scenario.name}" does not concern ${vendor}; this request ran under the session's scenario "${session.scenarioFor(vendor).name}"`;
  }
  const gaps = session.instance(vendor).perRequestGaps(scenario);
  const needs = [
    ...(gaps.fixtureSet === undefined ? [] : [`loads fixture set "${gaps.fixtureSet}"`]),
    ...(gaps.settings.length === 0 ? [] : [`sets ${gaps.settings.join(', ')} (read only when the store is built)`]),
  ];
  if (needs.length === 0) return undefined;
  return `scenario "${scenario.name}" ${needs.join(' and ')}, which a per-request scenario cannot; ${activate}`;
}

/** Header values are Latin-1 on the wire; keep the warning to printable ASCII on one line. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const address = first || req.socket.remoteAddress || '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** The vendor's 500 envelope when a vendor owns the path and can still render it; the sandbox's otherwise. */
function internalError(req: IncomingMessage, method: string, path: string, vendor: string | null, scenario: Scenario | undefined, session: Session, log: Logger): HttpOutcome {
  const fallback = sandboxError('internal', 'The sandbox failed to handle this request; see its log.');
  if (vendor === null || scenario === undefined) return fallback;
  try {
    return session
      .instance(vendor)
      .renderRouteError({ kind: 'internal' }, scenario, { method, path, headers: req.headers, rawHeaders: req.rawHeaders, clientIp: req.socket.remoteAddress ?? '' });
  } catch (error) {
    log.error({ err: error, vendor }, 'the vendor could not render its internal error');
    return fallback;
  }
}
