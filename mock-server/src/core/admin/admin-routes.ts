import { adminHandlers } from './admin-handlers.js';
import type { AdminDeps, AdminRoute } from './admin-types.js';
import { dashboardHandlers } from './dashboard-handlers.js';

/** The admin API, one line per route (each operationId is the one in `contracts/admin.openapi.yaml`). */
export function adminRoutes(deps: AdminDeps): readonly AdminRoute[] {
  const h = adminHandlers(deps);
  const d = dashboardHandlers(deps);
  return [
    { method: 'get', path: '/health', operationId: 'getHealth', handle: h.health },
    { method: 'post', path: '/reset', operationId: 'reset', handle: h.reset },
    { method: 'get', path: '/scenarios', operationId: 'listScenarios', handle: h.listScenarios },
    { method: 'put', path: '/scenario', operationId: 'activateScenario', handle: h.activateScenario },
    { method: 'get', path: '/requests', operationId: 'listRequests', handle: h.listRequests },
    { method: 'delete', path: '/requests', operationId: 'clearRequests', handle: h.clearRequests },
    { method: 'get', path: '/provider-states', operationId: 'listProviderStates', handle: h.listProviderStates },
    { method: 'post', path: '/provider-states', operationId: 'setProviderState', handle: h.setProviderState },
    { method: 'get', path: '/clock', operationId: 'getClock', handle: h.getClock },
    { method: 'put', path: '/clock', operationId: 'setClock', handle: h.setClock },
    { method: 'post', path: '/clock/advance', operationId: 'advanceClock', handle: h.advanceClock },
    { method: 'get', path: '/state/:vendor', operationId: 'getVendorState', handle: h.getVendorState },
    { method: 'get', path: '/sessions', operationId: 'listSessions', handle: h.listSessions },
    { method: 'delete', path: '/sessions/:id', operationId: 'dropSession', handle: h.dropSession },
    { method: 'get', path: '/drift', operationId: 'getDrift', handle: h.getDrift },
    { method: 'get', path: '/coverage', operationId: 'getCoverage', handle: h.getCoverage },
    { method: 'delete', path: '/coverage', operationId: 'clearCoverage', handle: h.clearCoverage },
    { method: 'get', path: '/ui', operationId: 'getDashboard', handle: d.dashboard },
    { method: 'get', path: '/ui/:file', operationId: 'getDashboardFile', handle: d.dashboardFile },
    { method: 'get', path: '/events', operationId: 'streamEvents', handle: d.streamEvents },
    { method: 'get', path: '/vendors', operationId: 'listVendors', handle: d.listVendors },
    { method: 'get', path: '/contracts/:vendor', operationId: 'getVendorContract', handle: d.getVendorContract },
  ];
}
