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
