import { CLOCK_RANGE_TEXT, isClockInstant } from '../clock.js';
import { coverageReport, type CoverageQuery } from '../coverage-report.js';
import type { HttpOutcome } from '../http-outcome.js';
import type { JournalFilter } from '../journal.js';
import { sandboxError } from '../sandbox-errors.js';
import { scenarioVendors } from '../scenario.js';
import { changeProviderState, type StateChangeBody } from './provider-state-change.js';
import type { AdminCall, AdminDeps, AdminHandler } from './admin-types.js';

/** Entries per page of `GET /__admin/requests` when `limit` is not given (contracts/admin.openapi.yaml). */
export const REQUESTS_PAGE_SIZE = 100;

const ok = (body: unknown): HttpOutcome => ({ status: 200, body });
const noContent: HttpOutcome = { status: 204 };

/** The admin handlers of one sandbox (its sessions, scenarios and vendors), named for the route table in `admin-routes.ts`. */
export function adminHandlers(deps: AdminDeps) {
  const vendorIds = deps.vendors.map((v) => v.module.id);
  const getClock: AdminHandler = ({ session }) => ok(session.clock.snapshot());
  const clockOutOfRange = (what: string) => sandboxError('clock_out_of_range', `${what} the range the clock may show, ${CLOCK_RANGE_TEXT}; the clock is unchanged.`);
  /** `?session=a&session=b` (default: the caller's session), `?all=1`, `?vendor=…`; undefined vendors when the query names one not mounted. */
  const coverageQuery = ({ session, query }: AdminCall): CoverageQuery | HttpOutcome => {
    const vendors = list(query['vendor']);
    const unknown = vendors?.filter((id) => !vendorIds.includes(id)) ?? [];
    if (unknown.length > 0) return sandboxError('unknown_vendor', `No vendor "${unknown.join('", "')}".`, { known: vendorIds });
    const all = query['all'] === '1' || query['all'] === 'true';
    return { all, sessions: list(query['session']) ?? [session.id], ...(vendors === undefined ? {} : { vendors }) };
  };
  const unknownScenario = (name: string) => sandboxError('unknown_scenario', `No scenario named "${name}".`, { known: deps.scenarios.names() });

  return {
    getClock,
    health: () =>
      ok({
        status: 'ok',
        version: deps.version,
        seed: deps.seed,
        sessions: deps.sessions.list().length,
        maxSessions: deps.sessions.maxSessions,
        sessionsEvicted: deps.sessions.dropped.evicted,
        sessionsExpired: deps.sessions.dropped.expired,
        vendors: deps.vendors.map((v) => ({ id: v.module.id, title: v.module.title, basePaths: v.module.basePaths })),
      }),
    reset: ({ session, body }) => {
      const vendor = (body as { vendor?: string } | undefined)?.vendor;
      if (vendor !== undefined && !vendorIds.includes(vendor)) return sandboxError('unknown_vendor', `No vendor "${vendor}".`, { known: vendorIds });
      session.reset(vendor);
      return ok({ session: session.id, vendors: vendor === undefined ? vendorIds : [vendor] });
    },
    listScenarios: ({ session }) =>
      ok({
        session: session.id,
        active: Object.fromEntries(vendorIds.map((id) => [id, session.scenarioFor(id).name])),
        scenarios: deps.scenarios.list().map((s) => ({ name: s.name, description: s.description, vendors: scenarioVendors(s, vendorIds), providerStates: s.providerStates })),
      }),
    activateScenario: ({ session, body }) => {
      const { name } = body as { name: string };
      const scenario = deps.scenarios.get(name);
      if (!scenario) return unknownScenario(name);
      return ok({ session: session.id, scenario: scenario.name, vendors: session.activate(scenario) });
    },
    listRequests: ({ session, query }) => {
      const filter: JournalFilter = {
        vendor: str(query['vendor']),
        operation: str(query['operation']),
        method: str(query['method']),
        path: str(query['path']),
        status: typeof query['status'] === 'number' ? query['status'] : undefined,
      };
      const limit = typeof query['limit'] === 'number' ? query['limit'] : REQUESTS_PAGE_SIZE;
      const after = typeof query['after'] === 'number' ? query['after'] : undefined;
      const page = session.journal.page(filter, limit, after);
      return ok({ session: session.id, capacity: session.journal.capacity, total: page.total, limit, next: page.next, requests: page.entries });
    },
    clearRequests: ({ session }) => {
      session.journal.clear();
      return noContent;
    },
    listProviderStates: () => ok({ states: deps.providerStates.list() }),
    setProviderState: ({ session, body }) => changeProviderState(deps, session, body as StateChangeBody),
    setClock: (call) => {
      const { now, mode } = call.body as { now: string; mode?: 'real' | 'frozen' };
      const instant = Date.parse(now);
      // The contract bounds the year; an offset can still put the instant just outside the range.
      if (!isClockInstant(instant)) return clockOutOfRange(`"now" ${now} is outside`);
      call.session.clock.set(instant, mode);
      return getClock(call);
    },
    advanceClock: (call) => {
      const { ms } = call.body as { ms: number };
      const to = call.session.clock.now() + ms;
      if (!isClockInstant(to)) return clockOutOfRange(`advancing ${call.session.clock.snapshot().now} by ${ms} ms would leave`);
      call.session.clock.advance(ms);
      return getClock(call);
    },
    getVendorState: ({ session, params }) => {
      const vendor = String(params['vendor']);
      if (!vendorIds.includes(vendor)) return sandboxError('unknown_vendor', `No vendor "${vendor}".`, { known: vendorIds });
      return ok(session.instance(vendor).dump());
    },
    listSessions: () =>
      ok({
        sessions: deps.sessions.list().map((s) => ({
          id: s.id,
          active: Object.fromEntries(vendorIds.map((id) => [id, s.scenarioFor(id).name])),
          journalSize: s.journal.size,
          requests: s.journal.recorded,
          lastUsed: new Date(s.lastSeen).toISOString(),
          clock: s.clock.snapshot(),
        })),
      }),
    dropSession: ({ params }) => {
      const id = String(params['id']);
      return deps.sessions.drop(id) ? noContent : sandboxError('unknown_session', `No session "${id}".`, { known: deps.sessions.list().map((s) => s.id) });
    },
    getDrift: () =>
      deps.driftReport
        ? ok(deps.driftReport())
        : sandboxError('not_proxying', 'This sandbox is not behind a drift proxy; start one with contact-sandbox proxy --vendor <id> --target <base URL>.'),
    getCoverage: (call) => {
      const query = coverageQuery(call);
      return 'status' in query ? query : ok(coverageReport(deps.coverage, query));
    },
    clearCoverage: (call) => {
      const query = coverageQuery(call);
      if ('status' in query) return query;
      deps.coverage.clear(query.all ? undefined : query.sessions);
      return noContent;
    },
  } satisfies Record<string, AdminHandler>;
}

/** A query parameter that may be repeated, as a list; undefined when absent. */
export function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
