/** Live or sandbox account behaviour, for vendors that draw the distinction. */
export type Environment = 'sandbox' | 'live';

/** A transport-level failure, enacted on the socket instead of a vendor answer. */
export type Fault =
  /** TCP RST: the client sees ECONNRESET. */
  | { readonly kind: 'connection-reset' }
  /** The connection closes without a byte of response. */
  | { readonly kind: 'empty-reply' }
  /** A bare status from something in front of the vendor (a gateway or load balancer), not the vendor's envelope. */
  | {
      readonly kind: 'http-status';
      readonly status: number;
      readonly body?: string;
      readonly contentType?: string;
      readonly headers?: Readonly<Record<string, string>>;
    };

export type FaultKind = Fault['kind'];

export type Latency = { readonly ms: number } | { readonly minMs: number; readonly maxMs: number };

/** One rule of a scenario: what happens to matching calls, and for how many of them. */
export interface ScenarioOverride {
  readonly vendor: string;
  /** operationIds from the vendor's contract; absent means every operation of the vendor. */
  readonly operations?: readonly string[];
  /** Let this many matching calls through untouched first. */
  readonly after?: number;
  /** Apply to this many matching calls (after `after`), then recover; absent means always. */
  readonly times?: number;
  readonly latency?: Latency;
  readonly fault?: Fault;
  /** A code from the vendor's error catalogue, answered in the vendor's envelope. */
  readonly error?: string;
}

/** What a scenario says about one vendor. */
export interface ScenarioVendorConfig {
  /** Fixture set (a directory under `fixtures/<vendor>/`) loaded when the scenario is activated. */
  readonly fixtures?: string;
  /** Vendor-specific settings, checked against `contracts/<vendor>/settings.schema.json`. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly environment?: Environment;
}

export interface Scenario {
  /** Path under a scenarios directory without extension, e.g. `ocamba/rate-limited`. */
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly vendors: Readonly<Record<string, ScenarioVendorConfig>>;
  readonly overrides: readonly ScenarioOverride[];
  /** Pact provider-state names that activate this scenario besides its own name. */
  readonly providerStates: readonly string[];
}

/** What a scenario does to one call. */
export interface ScenarioEffects {
  readonly latencyMs: number;
  readonly fault: Fault | undefined;
  readonly error: string | undefined;
}

export const NO_EFFECTS: ScenarioEffects = { latencyMs: 0, fault: undefined, error: undefined };

/** Vendors a scenario concerns: those it configures or overrides; none named means all. */
export function scenarioVendors(scenario: Scenario, all: readonly string[]): readonly string[] {
  const named = new Set([...Object.keys(scenario.vendors), ...scenario.overrides.map((o) => o.vendor)]);
  return named.size === 0 ? all : all.filter((id) => named.has(id));
}
