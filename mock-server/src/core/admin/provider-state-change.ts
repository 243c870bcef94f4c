import type { HttpOutcome } from '../http-outcome.js';
import { applyState, type ResolvedState, type StateChange } from '../provider-state-catalogue.js';
import { ProviderStateRefusal, type StateJson } from '../provider-states.js';
import { sandboxError } from '../sandbox-errors.js';
import type { Session } from '../session.js';
import type { AdminDeps } from './admin-types.js';

/**
 * A Pact state-change body: `{state, params, action}` (the Pact verifiers of
 * the Rust core, pact-js ≥ 10), or the older `{consumer, states: [...], params}`
 * of the Ruby verifier (pact-js ≤ 9), whose states are set up in order.
 */
export interface StateChangeBody {
  readonly state?: string;
  readonly states?: readonly string[];
  readonly params?: Readonly<Record<string, StateJson>>;
  readonly action?: 'setup' | 'teardown';
}

/**
 * `POST /__admin/provider-states`: every state is found and its parameters
 * checked before any is applied, so a refused change changes nothing (but
 * for a vendor's own refusal of a later state in a `states` list).
 */
export function changeProviderState(deps: AdminDeps, session: Session, body: StateChangeBody): HttpOutcome {
  const { action = 'setup', params = {} } = body;
  const names = body.states ?? (body.state === undefined ? [] : [body.state]);
  // One `params` for a whole `states` list goes to the states that take parameters (when none does, a scenario refuses them).
  const takesParams = names.some((name) => deps.providerStates.kindOf(name) === 'records');
  const resolved: ResolvedState[] = [];
  for (const name of names) {
    const found = deps.providerStates.resolve(name, !takesParams || deps.providerStates.kindOf(name) === 'records' ? params : {}, action);
    if (!found.ok) {
      // Pact verifiers report a failed state change tersely: the sandbox's log says which state and why.
      deps.log.warn({ state: name, params, problems: found.problems }, `provider state "${name}" refused`);
      if (found.code === 'unknown_provider_state') {
        return sandboxError('unknown_provider_state', `No scenario or vendor state answers the provider state "${name}".`, { known: deps.providerStates.names() });
      }
      return sandboxError('invalid_provider_state_params', `The parameters of provider state "${name}" are not valid.`, { issues: found.problems });
    }
    resolved.push(found.state);
  }
  const changes: StateChange[] = [];
  for (const state of resolved) {
    try {
      changes.push(applyState(session, state, action));
    } catch (error) {
      if (!(error instanceof ProviderStateRefusal)) throw error;
      deps.log.warn({ state: state.name, params, reason: error.message }, `provider state "${state.name}" refused by its vendor`);
      const vendor = state.kind === 'records' ? state.vendor : 'its vendor';
      return sandboxError('invalid_provider_state_params', `${vendor} cannot set up the provider state "${state.name}": ${error.message}.`, {
        issues: [`"${state.name}": ${error.message}`],
      });
    }
  }
  const last = changes.at(-1);
  const values = Object.assign({}, ...changes.map((c) => c.values)) as Record<string, StateJson>;
  return {
    status: 200,
    body: { ...values, scenario: last?.scenario ?? '', session: session.id, vendors: [...new Set(changes.flatMap((c) => c.vendors))] },
  };
}
