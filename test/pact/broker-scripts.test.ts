import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { startFakeBroker } from '../helpers/fake-broker.js';
import { CLI } from '../helpers/cli.js';
import { runNode } from '../helpers/run-node.js';
import { COMMITTED_PACTS, CONSUMER } from './pact-files.js';

// The official Pact CLI, driven by scripts/pact-broker.ts, against a recording stand-in for a Pact Broker
// (no broker server can be installed here; see the README).
const script = (...args: string[]) => ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/pact-broker.ts'), ...args];
const GIT = { GIT_COMMIT: '4f1c2e9', GIT_BRANCH: 'main' };
const meaning = (pact: unknown) => {
  const p = pact as { consumer: unknown; provider: unknown; interactions: unknown; metadata: { pactSpecification: unknown } };
  return { consumer: p.consumer, provider: p.provider, interactions: p.interactions, specification: p.metadata.pactSpecification };
};

describe('npm run contracts:publish', () => {
  it('publishes every committed pact with the consumer, the git version and branch, and the pact content', async () => {
    const broker = await startFakeBroker();
    try {
      const run = await runNode(script('publish'), { ...GIT, PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: 'pub-token' });
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/warning/i);
      const files = readdirSync(COMMITTED_PACTS).filter((f) => f.endsWith('.json'));
      // The CLI posts once per consumer/provider pair.
      expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /', ...files.map(() => 'POST /contracts/publish')]);
      expect(broker.requests.every((r) => r.authorization === 'Bearer pub-token')).toBe(true);
      type Publication = {
        pacticipantName: string;
        pacticipantVersionNumber: string;
        branch: string;
        contracts: { consumerName: string; providerName: string; specification: string; contentType: string; content: string }[];
      };
      const publications = broker.requests.slice(1).map((r) => r.body as Publication);
      for (const body of publications)
        expect(body).toMatchObject({ pacticipantName: CONSUMER, pacticipantVersionNumber: '4f1c2e9', branch: 'main', contracts: [expect.anything()] });
      const sentContracts = publications.flatMap((p) => p.contracts);
      for (const file of files) {
        const committed = JSON.parse(readFileSync(join(COMMITTED_PACTS, file), 'utf8')) as { provider: { name: string } };
        const sent = sentContracts.find((c) => c.providerName === committed.provider.name);
        expect(sent, file).toMatchObject({ consumerName: CONSUMER, specification: 'pact', contentType: 'application/json' });
        // The CLI re-serialises the pact (with its own library versions in metadata.pactRust): compare what it means.
        expect(meaning(JSON.parse(Buffer.from(sent!.content, 'base64').toString('utf8')))).toEqual(meaning(committed));
      }
    } finally {
      await broker.close();
    }
  });

  it('refuses to run without PACT_BROKER_BASE_URL', async () => {
    const run = await runNode(script('publish'), { ...GIT, PACT_BROKER_BASE_URL: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PACT_BROKER_BASE_URL is not set');
  });
});

describe('npm run contracts:can-i-deploy and contracts:record-deployment (the deployment gate)', () => {
  it('says no until the published pacts are verified by a provider version deployed there, then yes; the deployment is recorded', async () => {
    const broker = await startFakeBroker();
    const env = { ...GIT, PACT_BROKER_BASE_URL: broker.url };
    try {
      const canIDeploy = async () => {
        const run = await runNode(script('can-i-deploy', 'production'), env);
        const matrix = broker.requests.filter((r) => r.path.startsWith('/matrix')).at(-1);
        const query = decodeURIComponent(matrix!.path);
        expect(query).toContain(`[pacticipant]=${CONSUMER}`);
        expect(query).toContain('[version]=4f1c2e9');
        expect(query).toContain('environment=production');
        return run;
      };
      const nothing = await canIDeploy();
      expect(nothing.code).toBe(1);
      expect(nothing.stdout).toContain(`There is no pact published by ${CONSUMER} version 4f1c2e9`);

      expect((await runNode(script('publish'), env)).code).toBe(0);
      const unverified = await canIDeploy();
      expect(unverified.code).toBe(1);
      expect(unverified.stdout).toContain(`There is no verified pact between ${CONSUMER} (4f1c2e9) and ocamba-hood`);

      const verify = await runNode(
        [CLI, 'verify', '--broker-url', broker.url, '--publish-results', '--provider-version', 'sandbox-7', '--consumer-version-selectors', '[{"branch":"main"}]'],
        env,
      );
      expect(verify.code, verify.stdout).toBe(0);
      const undeployed = await canIDeploy();
      expect(undeployed.code).toBe(1);
      expect(undeployed.stdout).toContain('No version of ocamba-hood that verified it is deployed to production');

      const providers = [
        ...new Set(readdirSync(COMMITTED_PACTS).map((f) => (JSON.parse(readFileSync(join(COMMITTED_PACTS, f), 'utf8')) as { provider: { name: string } }).provider.name)),
      ];
      for (const provider of providers) expect((await runNode(script('record-deployment', 'production', provider), { ...env, GIT_COMMIT: 'sandbox-7' })).code).toBe(0);
      const ready = await canIDeploy();
      expect(ready.code, ready.stdout).toBe(0);
      expect(ready.stdout).toContain('All required verification results are published and successful');

      expect((await runNode(script('record-deployment', 'production'), env)).code).toBe(0);
      expect(broker.requests.some((r) => r.method === 'POST' && r.path === `/pacticipants/${CONSUMER}/versions/4f1c2e9/deployed-versions/environment/env-production`)).toBe(true);
      expect((await runNode(script('record-release', 'staging'), env)).code).toBe(0);
      expect(broker.requests.some((r) => r.method === 'POST' && r.path === `/pacticipants/${CONSUMER}/versions/4f1c2e9/released-versions/environment/env-staging`)).toBe(true);
    } finally {
      await broker.close();
    }
    // Ten real CLI runs in a row (about 8 s on a quiet machine, 19 s on a loaded one): more than the default 20 s leaves room for.
  }, 60_000);
});
