import type { HttpOutcome } from '../http-outcome.js';
import { sandboxError } from '../sandbox-errors.js';
import { list } from './admin-handlers.js';
import type { AdminCall, AdminDeps, AdminHandler } from './admin-types.js';

/** Seconds a client is asked to wait when every event stream is taken. */
const STREAMS_FULL_RETRY_AFTER_S = 5;

/** The routes behind the dashboard (decisions 0610-0613): its page and files, the live journal, the vendors and their contracts. */
export function dashboardHandlers(deps: AdminDeps) {
  const vendorIds = deps.vendors.map((v) => v.module.id);
  const unknownVendor = (vendor: string) => sandboxError('unknown_vendor', `No vendor "${vendor}".`, { known: vendorIds });
  const notBuilt = () =>
    sandboxError('dashboard_not_built', `The dashboard's files are not in ${deps.dashboard.dir}: run npm run build (a source checkout that was never built has none).`);
  /** `?session=a&session=b`, `?all=1` (every session, now and later), default the caller's session; as for GET /__admin/coverage. */
  const sessionsOf = ({ session, query }: AdminCall): readonly string[] | undefined =>
    query['all'] === '1' || query['all'] === 'true' ? undefined : (list(query['session']) ?? [session.id]);

  return {
    dashboard: () => deps.dashboard.page() ?? notBuilt(),
    dashboardFile: ({ params }) => {
      const name = String(params['file']);
      return deps.dashboard.file(name) ?? (deps.dashboard.built ? sandboxError('no_admin_route', `The dashboard has no file "${name}".`) : notBuilt());
    },
    streamEvents: (call) => {
      if (deps.feed.full) {
        const refusal = sandboxError('event_streams_full', `Every one of the ${deps.feed.subscribers} event streams the sandbox keeps is open; close one, or retry shortly.`);
        return { ...refusal, headers: { ...refusal.headers, 'Retry-After': String(STREAMS_FULL_RETRY_AFTER_S) } } satisfies HttpOutcome;
      }
      const sessions = sessionsOf(call);
      return { takeover: (res, date) => deps.feed.subscribe(res, sessions, date) };
    },
    listVendors: () => ({
      status: 200,
      body: {
        vendors: deps.vendors.map((v) => ({
          id: v.module.id,
          title: v.module.title,
          basePaths: v.module.basePaths,
          pactProvider: v.module.pactProvider,
          contract: `/__admin/contracts/${v.module.id}`,
          operations: [...v.contract.operations.values()].map((op) => ({ operationId: op.operationId, method: op.method, path: op.path, summary: op.summary })),
          identities: v.module.identities,
        })),
      },
    }),
    getVendorContract: ({ params }) => {
      const vendor = String(params['vendor']);
      const prepared = deps.vendors.find((v) => v.module.id === vendor);
      return prepared ? { status: 200, body: prepared.contract.document } : unknownVendor(vendor);
    },
  } satisfies Record<string, AdminHandler>;
}
