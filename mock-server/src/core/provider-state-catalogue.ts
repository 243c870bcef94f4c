import type { ProviderStateInfo, ProviderStateValues, StateJson } from './provider-states.js';
import { scenarioVendors, type Scenario } from './scenario.js';
import type { ScenarioLookup } from './scenario-catalogue.js';
import type { Session } from './session.js';
import type { PreparedVendor } from './vendor-module.js';

/** A provider state as `GET /__admin/provider-states` lists it (contracts/admin.openapi.yaml, ProviderState). */
export interface ProviderStateListing {
  readonly name: string;
  /** `scenario`: activates a scenario, takes no parameters; `records`: creates or chooses records from its parameters. */
  readonly kind: 'scenario' | 'records';
  readonly description: string;
  readonly vendors: readonly string[];
  /** The scenario a `scenario` state activates (its name, or the scenario an alias names). */
  readonly scenario?: string;
  readonly params: ProviderStateInfo['params'];
  /** For a `records` state: what its setup answers, by name. */
  readonly values?: ProviderStateInfo['values'];
}

/** A state change's state, found and its parameters checked. */
export type ResolvedState =
  | { readonly kind: 'scenario'; readonly name: string; readonly scenario: Scenario; readonly vendors: readonly string[] }
  | { readonly kind: 'records'; readonly name: string; readonly vendor: string; readonly params: Readonly<Record<string, StateJson>> };

export type Resolution =
  | { readonly ok: true; readonly state: ResolvedState }
  | { readonly ok: false; readonly code: 'unknown_provider_state' | 'invalid_provider_state_params'; readonly problems: readonly string[] };

/**
 * Every provider state a sandbox answers: scenario names and their aliases
 * (decision 0501), and the states with parameters each vendor declares
 * (decision 0517). A Pact state change names no provider, so names are
 * unique across both.
 */
export class ProviderStateCatalogue {
  readonly #scenarios: ScenarioLookup;
  readonly #vendorIds: readonly string[];
  readonly #records: ReadonlyMap<string, { readonly vendor: PreparedVendor; readonly info: ProviderStateInfo }>;

  constructor(scenarios: ScenarioLookup, vendors: readonly PreparedVendor[]) {
    this.#scenarios = scenarios;
    this.#vendorIds = vendors.map((v) => v.module.id);
    const records = new Map<string, { vendor: PreparedVendor; info: ProviderStateInfo }>();
    const problems: string[] = [];
    for (const vendor of vendors) {
      for (const info of vendor.module.providerStates) {
        const other = records.get(info.name)?.vendor.module.id;
        if (other !== undefined) problems.push(`provider state "${info.name}" is declared by ${other} and ${vendor.module.id}`);
        const scenario = scenarios.forProviderState(info.name);
        if (scenario !== undefined) problems.push(`provider state "${info.name}" of ${vendor.module.id} is also scenario ${scenario.name}'s`);
        records.set(info.name, { vendor, info });
      }
    }
    if (problems.length > 0) throw new Error(`provider states clash:\n  ${problems.join('\n  ')}`);
    this.#records = records;
  }

  /** Every name a state change may use (internal scenarios left out), sorted. */
  names(): string[] {
    return [...this.#scenarios.providerStates(), ...this.#records.keys()].sort();
  }

  list(): ProviderStateListing[] {
    const vendorIds = this.#vendorIds;
    const scenarioStates = this.#scenarios.providerStates().map((name): ProviderStateListing => {
      const scenario = this.#scenarios.forProviderState(name)!;
      return { name, kind: 'scenario', description: scenario.description, vendors: scenarioVendors(scenario, vendorIds), scenario: scenario.name, params: [] };
    });
    const recordStates = [...this.#records.values()].map(({ vendor, info }): ProviderStateListing => ({
      name: info.name,
      kind: 'records',
      description: info.description,
      vendors: [vendor.module.id],
      params: info.params,
      values: info.values,
    }));
    return [...scenarioStates, ...recordStates].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Whether a name is a scenario state or a records state; undefined when no state has it. */
  kindOf(name: string): ProviderStateListing['kind'] | undefined {
    return this.#scenarios.forProviderState(name) !== undefined ? 'scenario' : this.#records.has(name) ? 'records' : undefined;
  }

  /** Finds a state and checks its parameters (not for a teardown, which needs none); nothing is changed. */
  resolve(name: string, params: unknown, action: 'setup' | 'teardown' = 'setup'): Resolution {
    const scenario = this.#scenarios.forProviderState(name);
    if (scenario !== undefined) {
      const state = { kind: 'scenario', name, scenario, vendors: scenarioVendors(scenario, this.#vendorIds) } as const;
      const given = typeof params === 'object' && params !== null && !Array.isArray(params) ? Object.keys(params) : ['(not an object)'];
      if (action === 'setup' && given.length > 0) {
        return { ok: false, code: 'invalid_provider_state_params', problems: [`"${name}" is a scenario and takes no parameters; got ${given.join(', ')}`] };
      }
      return { ok: true, state };
    }
    const record = this.#records.get(name);
    if (record === undefined) return { ok: false, code: 'unknown_provider_state', problems: [`no scenario or vendor state answers the provider state "${name}"`] };
    if (action === 'teardown') return { ok: true, state: { kind: 'records', name, vendor: record.vendor.module.id, params: {} } };
    const checked = record.vendor.checkProviderState(name, params ?? {});
    if (checked === undefined) throw new Error(`${record.vendor.module.id}: provider state "${name}" is declared but not checked`);
    if (!checked.ok) return { ok: false, code: 'invalid_provider_state_params', problems: checked.problems };
    return { ok: true, state: { kind: 'records', name, vendor: record.vendor.module.id, params: checked.params } };
  }
}

/** What a state change did: the scenario now in force for the vendors it concerned, and what a setup made. */
export interface StateChange {
  readonly scenario: string;
  readonly vendors: readonly string[];
  readonly values: ProviderStateValues;
}

/**
 * Applies a resolved state in a session. Setup: a scenario state activates
 * its scenario (reloading its vendors' fixtures); a records state adds to the
 * store in force (after any scenario state listed before it). Teardown: the
 * vendors concerned go back to the start-up scenario.
 * @throws ProviderStateRefusal when the vendor cannot honour the parameters.
 */
export function applyState(session: Session, state: ResolvedState, action: 'setup' | 'teardown'): StateChange {
  const vendors = state.kind === 'scenario' ? state.vendors : [state.vendor];
  if (action === 'teardown') {
    for (const vendor of vendors) session.reset(vendor);
  } else if (state.kind === 'scenario') {
    session.activate(state.scenario);
  } else {
    const values = session.instance(state.vendor).setUpState(state.name, state.params, session.scenarioFor(state.vendor));
    return { scenario: session.scenarioFor(state.vendor).name, vendors, values };
  }
  const inForce = vendors[0] === undefined ? (state.kind === 'scenario' ? state.scenario.name : '') : session.scenarioFor(vendors[0]).name;
  return { scenario: inForce, vendors, values: {} };
}
