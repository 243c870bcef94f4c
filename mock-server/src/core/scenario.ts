import type * as File from './generated/scenario-file.js';

// The shapes below derive from the types generated from contracts/scenario.schema.json
// (npm run contracts:types), so the schema and these types cannot drift apart.

/** Live or sandbox account behaviour, for vendors that draw the distinction. */
export type Environment = NonNullable<File.VendorConfig['environment']>;

/**
 * A transport-level failure, enacted on the socket instead of a vendor answer:
 * `connection-reset` (TCP RST: the client sees ECONNRESET), `empty-reply` (the
 * connection closes without a byte of response), or `http-status` (a bare
 * status from something in front of the vendor, a gateway or load balancer,
 * not the vendor's envelope).
 */
export type Fault = Readonly<File.Fault>;

export type FaultKind = Fault['kind'];

/**
 * How long a call waits, tagged by kind. Scenario files write the untagged
 * shapes (`{ms}`, `{minMs, maxMs}`); the catalogue tags them when it loads a
 * file (`latencyOf`). A new kind adds a variant here, a `$defs` entry in the
 * schema (carrying `kind`, as the two untagged shapes are the file format's
 * past) and a row in scenario-counters.ts's table, which `satisfies` forces.
 */
export type Latency = ({ readonly kind: 'fixed' } & Readonly<File.FixedLatency>) | ({ readonly kind: 'range' } & Readonly<File.LatencyRange>);

export type LatencyKind = Latency['kind'];

/** A scenario file's latency as the tagged value the core works with. */
export function latencyOf(latency: NonNullable<File.Override['latency']>): Latency {
  return 'ms' in latency ? { kind: 'fixed', ms: latency.ms } : { kind: 'range', minMs: latency.minMs, maxMs: latency.maxMs };
}

/** One rule of a scenario: what happens to matching calls, and for how many of them. */
export interface ScenarioOverride extends Readonly<Omit<File.Override, 'operations' | 'latency' | 'fault'>> {
  /** operationIds from the vendor's contract; absent means every operation of the vendor. */
  readonly operations?: readonly string[];
  readonly latency?: Latency;
  readonly fault?: Fault;
}

/** What a scenario says about one vendor: its fixture set (a directory under `fixtures/<vendor>/`), settings (checked against `contracts/<vendor>/settings.schema.json`), environment. */
export type ScenarioVendorConfig = Readonly<File.VendorConfig>;

export interface Scenario {
  /** Path under a scenarios directory without extension, e.g. `ocamba/rate-limited`. */
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly vendors: Readonly<Record<string, ScenarioVendorConfig>>;
  readonly overrides: readonly ScenarioOverride[];
  /** Pact provider-state names that activate this scenario besides its own name. */
  readonly providerStates: readonly string[];
  /** For the project's own tools (the benchmark): usable by name, left out of user-facing lists. */
  readonly internal?: boolean;
}

/** What a scenario does to one call. */
export interface ScenarioEffects {
  readonly latencyMs: number;
  readonly fault: Fault | undefined;
  readonly error: string | undefined;
  /** Index of the override the latency came from (for explanations). */
  readonly latencyFrom?: number | undefined;
  /** Index of the override the fault or error came from. */
  readonly answerFrom?: number | undefined;
}

export const NO_EFFECTS: ScenarioEffects = { latencyMs: 0, fault: undefined, error: undefined };

/** Vendors a scenario concerns: those it configures or overrides; none named means all. */
export function scenarioVendors(scenario: Scenario, all: readonly string[]): readonly string[] {
  const named = new Set([...Object.keys(scenario.vendors), ...scenario.overrides.map((o) => o.vendor)]);
  return named.size === 0 ? all : all.filter((id) => named.has(id));
}
