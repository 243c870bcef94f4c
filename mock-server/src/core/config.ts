/** Pact Broker credentials from the environment, as the Pact tools name them. */
export function readBrokerCredentials(env: NodeJS.ProcessEnv = process.env): { brokerToken?: string; brokerUsername?: string; brokerPassword?: string } {
  return {
    ...(env['PACT_BROKER_TOKEN'] ? { brokerToken: env['PACT_BROKER_TOKEN'] } : {}),
    ...(env['PACT_BROKER_USERNAME'] ? { brokerUsername: env['PACT_BROKER_USERNAME'] } : {}),
    ...(env['PACT_BROKER_PASSWORD'] ? { brokerPassword: env['PACT_BROKER_PASSWORD'] } : {}),
  };
}
