import type { Clock } from './clock.js';
import type { Contract, ValidationIssue } from './contract.js';
import { shown } from './explain.js';
import type { Random } from './random.js';

/**
 * Pact provider states that take parameters and create or choose the records
 * an interaction needs (docs/decisions/0517-provider-state-parameters.md).
 * Each vendor declares its own in `vendors/<id>/provider-states.ts`; the core
 * validates the parameters against the declaration (JSON Schema, compiled once
 * per sandbox, `$ref`s into the vendor's contract) before a vendor sees them.
 */

/** A JSON value, as a state's parameters and the values its setup returns are. */
export type StateJson = string | number | boolean | null | readonly StateJson[] | { readonly [key: string]: StateJson };

export type ProviderStateParamType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/** One parameter of a provider state, as `GET /__admin/provider-states` lists it. */
export interface ProviderStateParam {
  readonly type: ProviderStateParamType;
  /** What the parameter does to the records. */
  readonly description: string;
  readonly required?: boolean;
  /** Applied when the parameter is absent (a parameter with a default is never required). */
  readonly default?: StateJson;
  /** More JSON Schema for the value (`format`, `pattern`, `enum`, `minimum`, `items`, or a `$ref` to `#/components/schemas/…` of the vendor's contract). */
  readonly schema?: Readonly<Record<string, unknown>>;
}

type TypeOf<T extends ProviderStateParamType> = T extends 'string'
  ? string
  : T extends 'integer' | 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'array'
        ? readonly StateJson[]
        : { readonly [key: string]: StateJson };

type Given<P> = { readonly [K in keyof P]: P[K] extends { readonly required: true } | { readonly default: StateJson } ? K : never }[keyof P];

/** The parameters a setup receives once validated: required and defaulted ones always there. */
export type ParamsOf<P extends Readonly<Record<string, ProviderStateParam>>> = {
  readonly [K in Given<P>]: TypeOf<P[K]['type']>;
} & { readonly [K in Exclude<keyof P, Given<P>>]?: TypeOf<P[K]['type']> };

/** What a state's setup works with: the session's store of its vendor, the settings in force, the session's clock and streams. */
export interface ProviderStateContext<State, Settings> {
  readonly state: State;
  readonly settings: Settings;
  readonly contract: Contract;
  readonly clock: Clock;
  readonly random: Random;
  readonly seed: number;
  readonly session: string;
}

/** What a setup made, by name (record ids): the state-change answer carries them, for Pact's `fromProviderState`. */
export type ProviderStateValues = Readonly<Record<string, StateJson>>;

/** A provider state as a vendor module carries it (its parameters' types erased: the core validated them). */
export interface ProviderState<State, Settings> {
  readonly name: string;
  readonly description: string;
  readonly params: Readonly<Record<string, ProviderStateParam>>;
  /** What the setup returns, by name, in words (never `scenario`, `session` or `vendors`: the answer's own keys). */
  readonly values: Readonly<Record<string, string>>;
  /**
   * Creates or chooses the records. Checks everything before it changes
   * anything; throws `ProviderStateRefusal` for parameters the vendor cannot
   * honour (a value another record holds, a reference to nothing).
   */
  setUp(ctx: ProviderStateContext<State, Settings>, params: Readonly<Record<string, StateJson>>): ProviderStateValues;
}

/** A state's declaration as the docs and `GET /__admin/provider-states` show it. */
export interface ProviderStateInfo {
  readonly name: string;
  readonly description: string;
  readonly params: readonly (Omit<ProviderStateParam, 'required' | 'schema'> & { readonly name: string; readonly required: boolean })[];
  /** The values the state-change answer carries besides `scenario`, `session` and `vendors`, for `fromProviderState`. */
  readonly values: Readonly<Record<string, string>>;
}

/** Parameters the vendor cannot honour, in words: answered as `invalid_provider_state_params`. */
export class ProviderStateRefusal extends Error {
  override name = 'ProviderStateRefusal';
}

/**
 * Declares one provider state of a vendor, its setup's parameters typed from
 * the declaration: `providerStates<Store, Settings>()({ name, params, setUp })`.
 */
export function providerStates<State, Settings>() {
  return <const P extends Readonly<Record<string, ProviderStateParam>>>(def: {
    readonly name: string;
    readonly description: string;
    readonly params: P;
    readonly values: Readonly<Record<string, string>>;
    setUp(ctx: ProviderStateContext<State, Settings>, params: ParamsOf<P>): ProviderStateValues;
  }): ProviderState<State, Settings> => ({
    name: def.name,
    description: def.description,
    params: def.params,
    values: def.values,
    // The core validated the parameters against `params` (and filled in defaults) before calling: they are ParamsOf<P>.
    setUp: (ctx, params) => def.setUp(ctx, params as ParamsOf<P>),
  });
}

export function providerStateInfo(declared: readonly ProviderState<unknown, unknown>[]): ProviderStateInfo[] {
  return declared.map((s) => ({
    name: s.name,
    description: s.description,
    params: Object.entries(s.params).map(([name, p]) => ({
      name,
      type: p.type,
      required: p.required === true,
      description: p.description,
      ...(p.default === undefined ? {} : { default: p.default }),
    })),
    values: s.values,
  }));
}

/** The JSON Schema of a state's parameters object: no other parameters, the required ones required. */
export function paramsSchema(params: Readonly<Record<string, ProviderStateParam>>): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.entries(params)
      .filter(([, p]) => p.required === true)
      .map(([name]) => name),
    properties: Object.fromEntries(Object.entries(params).map(([name, p]) => [name, { type: p.type, description: p.description, ...p.schema }])),
  };
}

/** A compiled parameters validator: every problem, as the contract reports them. */
export type ValidationIssuesOf = (data: unknown) => readonly ValidationIssue[];

/** The outcome of checking a state change's parameters: the parameters with defaults filled in, or every problem in words. */
export type ParamsCheck = { readonly ok: true; readonly params: Readonly<Record<string, StateJson>> } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks parameters against a state's declaration with a validator compiled
 * from `paramsSchema`; each problem is one line naming the parameter.
 */
export function checkParams(state: Pick<ProviderState<unknown, unknown>, 'name' | 'params'>, given: unknown, validate: ValidationIssuesOf): ParamsCheck {
  const names = Object.keys(state.params);
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return { ok: false, problems: [`"${state.name}": params must be an object, got ${shown(given)}`] };
  const problems = validate(given).map((issue) => problemOf(state.name, names, issue, given as Record<string, unknown>));
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  const filled: Record<string, StateJson> = { ...(given as Record<string, StateJson>) };
  for (const [name, p] of Object.entries(state.params)) if (filled[name] === undefined && p.default !== undefined) filled[name] = p.default;
  return { ok: true, params: filled };
}

function problemOf(state: string, names: readonly string[], issue: ValidationIssue, given: Record<string, unknown>): string {
  const [name = '', ...rest] = issue.path.map(String);
  const known = names.length === 0 ? 'it takes none' : `parameters: ${names.join(', ')}`;
  if (issue.keyword === 'additionalProperties') return `"${state}": unknown parameter "${name}" (${known})`;
  if (issue.keyword === 'required' && rest.length === 0) return `"${state}": parameter "${name}" is required`;
  const where = [name, ...rest].join('/');
  let value: unknown = given;
  for (const part of [name, ...rest]) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  const expected = issue.keyword === 'type' ? `be ${String(issue.params['type'])}` : issue.message.replace(/^must /, '');
  return `"${state}": parameter "${where}" must ${expected}, got ${shown(value)}`;
}

/** The states every vendor declares, checked to be unique across the sandbox (a Pact state change names no provider). */
export function collectProviderStates(
  vendors: readonly { readonly id: string; readonly providerStates: readonly ProviderStateInfo[] }[],
): (ProviderStateInfo & { readonly vendor: string })[] {
  const all = vendors.flatMap((v) => v.providerStates.map((s) => ({ ...s, vendor: v.id })));
  const twice = all.map((s) => s.name).filter((name, i, names) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`provider states declared twice: ${twice.join(', ')}`);
  return all;
}
