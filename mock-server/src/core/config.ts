/**
 * Every default of a sandbox, in one place (with `VOLUME_DEFAULTS` below for
 * the memory bounds): `createSandbox` falls back to these and the CLI shows
 * and passes the same values.
 */
export const SANDBOX_DEFAULTS = {
  /** Scenario every session starts with and returns to on reset. */
  scenario: 'default',
  clock: 'real',
  /** Sessions other than `default` idle longer than this are dropped. */
  sessionIdleMs: 30 * 60 * 1000,
  /** Largest request body accepted. */
  bodyLimitBytes: 1024 * 1024,
  trustProxy: false,
  /** Requests relying on a vendor leniency are warned about, not refused (docs/leniencies.md). */
  strict: false,
  /** `X-Sandbox-Explain` only to requests that ask for it (docs/decisions/0080-refusal-explanations.md). */
  explain: false,
  port: 4010,
  host: '127.0.0.1',
} as const;

/** Pact Broker credentials from the environment, as the Pact tools name them. */
export function readBrokerCredentials(env: NodeJS.ProcessEnv = process.env): { brokerToken?: string; brokerUsername?: string; brokerPassword?: string } {
  return {
    ...(env['PACT_BROKER_TOKEN'] ? { brokerToken: env['PACT_BROKER_TOKEN'] } : {}),
    ...(env['PACT_BROKER_USERNAME'] ? { brokerUsername: env['PACT_BROKER_USERNAME'] } : {}),
    ...(env['PACT_BROKER_PASSWORD'] ? { brokerPassword: env['PACT_BROKER_PASSWORD'] } : {}),
  };
}

/**
 * Defaults of the options that bound memory under volume (docs/decisions/0050-session-cost-and-limit.md,
 * 0052-journal-bounds.md): the CLI, createSandbox and the README take them from here.
 */
export const VOLUME_DEFAULTS = {
  /** Sessions kept besides `default`; the least recently used idle one makes room. */
  maxSessions: 5000,
  /** Journal entries kept per session. */
  journalSize: 1000,
  /** Journal bytes kept across all sessions. */
  journalMaxBytes: 128 * 1024 * 1024,
  /** Journal bytes kept per session. */
  journalSessionMaxBytes: 8 * 1024 * 1024,
  /** A journaled request body is cut to this many bytes. */
  journalBodyMaxBytes: 64 * 1024,
  /** Seconds a client is asked to wait when every session is busy. */
  sessionLimitRetryAfterS: 1,
} as const;

/**
 * Connection defaults (decision 0030): long enough for any real client on a
 * CI network, short enough that a slow or stuck client cannot hold a
 * connection of a shared sandbox for minutes, as Node's own defaults allow.
 */
export const SERVER_DEFAULTS = {
  /** The request head must arrive within 10 s (Node: 60 s). */
  headersTimeoutMs: 10_000,
  /** The whole request, body included, within 30 s (Node: 300 s). A scenario's latency is not counted: it runs after the request has arrived. */
  requestTimeoutMs: 30_000,
  /** Idle keep-alive connections close after 5 s (Node's default). */
  keepAliveTimeoutMs: 5_000,
  /** On SIGTERM/SIGINT, requests in flight get 10 s to be answered (Docker's own stop timeout is 10 s). */
  shutdownGraceMs: 10_000,
} as const;

/**
 * The environment Pact's native core should run with. It reads its settings
 * from the process environment (there is no option for them), so `verify`
 * applies what this returns. Telemetry is off unless the user set
 * `PACT_DO_NOT_TRACK` (to anything) themselves, in which case their value stands.
 */
export function pactEnvironment(env: NodeJS.ProcessEnv = process.env): Readonly<Record<string, string>> {
  return env['PACT_DO_NOT_TRACK'] === undefined ? { PACT_DO_NOT_TRACK: 'true' } : {};
}
