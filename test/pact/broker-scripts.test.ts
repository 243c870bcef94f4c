import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { startFakeBroker } from '../helpers/fake-broker.js';
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

describe('npm run contracts:can-i-deploy', () => {
  it.each([
    [true, 0],
    [false, 1],
  ])('asks the matrix about this consumer version (deployable %s → exit %i)', async (deployable, code) => {
    const broker = await startFakeBroker({ deployable });
    try {
      const run = await runNode(script('can-i-deploy', 'staging'), { ...GIT, PACT_BROKER_BASE_URL: broker.url });
      expect(run.code).toBe(code);
      const matrix = broker.requests.find((r) => r.path.startsWith('/matrix'));
      expect(matrix).toBeDefined();
      const query = decodeURIComponent(matrix!.path);
      expect(query).toContain(`[pacticipant]=${CONSUMER}`);
      expect(query).toContain('[version]=4f1c2e9');
      expect(query).toContain('environment=staging');
    } finally {
      await broker.close();
    }
  });
});
