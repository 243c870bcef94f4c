// Generated from contracts/scenario.schema.json by `npm run contracts:types`. Do not edit.

export type Fault =
  | {
      kind: 'connection-reset';
    }
  | {
      kind: 'empty-reply';
    }
  | {
      kind: 'http-status';
      status: number;
      body?: string;
      contentType?: string;
      headers?: {
        [k: string]: string;
      };
    };

/**
 * A named scenario: which fixtures each vendor loads, vendor settings (rate limits, live/sandbox, ...), and overrides that force vendor errors, faults or latency on chosen operations. The file's path under scenarios/ (without extension) is its name.
 */
export interface ContactSandboxScenario {
  description: string;
  /**
   * For the project's own tools (the benchmark): usable by name, but left out of every list shown to users (CLI messages, GET /__admin/scenarios, known names and provider states).
   */
  internal?: boolean;
  /**
   * Pact provider-state names that activate this scenario, besides the scenario's own name.
   */
  providerStates?: string[];
  /**
   * Per-vendor configuration, keyed by vendor id.
   */
  vendors?: {
    [k: string]: VendorConfig;
  };
  overrides?: Override[];
}
export interface VendorConfig {
  /**
   * Fixture set: a directory under fixtures/<vendor>/.
   */
  fixtures?: string;
  /**
   * Vendor settings, checked against contracts/<vendor>/settings.schema.json.
   */
  settings?: {
    [k: string]: unknown;
  };
  /**
   * Live or sandbox account behaviour, for vendors that draw the distinction.
   */
  environment?: 'sandbox' | 'live';
  /**
   * Strict mode for this vendor: a request relying on one of its leniencies (docs/leniencies.md) gets the vendor's own refusal instead of a warning. Absent: the sandbox's --strict option decides.
   */
  strict?: boolean;
}
export interface Override {
  vendor: string;
  /**
   * operationIds from the vendor's contract; absent means all.
   *
   * @minItems 1
   */
  operations?: [string, ...string[]];
  /**
   * Let this many matching calls through first.
   */
  after?: number;
  /**
   * Apply to this many matching calls, then recover; absent means always.
   */
  times?: number;
  latency?: FixedLatency | LatencyRange;
  /**
   * A code from the vendor's error catalogue.
   */
  error?: string;
  fault?: Fault;
}
/**
 * Every matching call waits this long.
 */
export interface FixedLatency {
  ms: number;
}
/**
 * Each matching call waits a time drawn from the session's seeded generator, between minMs and maxMs.
 */
export interface LatencyRange {
  minMs: number;
  maxMs: number;
}
