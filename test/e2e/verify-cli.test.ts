import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { CLI } from '../helpers/cli.js';
import { startFakeBroker } from '../helpers/fake-broker.js';
import { runNode } from '../helpers/run-node.js';

const PACTS = join(PROJECT_ROOT, 'contracts/pacts');
const ocambaPact = JSON.parse(
  readFileSync(
    join(
      PACTS,
      readdirSync(PACTS).find((f) => f.endsWith('-ocamba-hood.json'))!,
    ),
    'utf8',
  ),
) as object;

describe('contact-sandbox verify --pact', () => {
  it('passes the committed reference pacts and says so for each', async () => {
    const run = await runNode([CLI, 'verify', '--pact', PACTS]);
    expect(run.code).toBe(0);
    for (const file of readdirSync(PACTS))
      expect(run.stdout).toContain(`✔ contact-sandbox-reference-client → ${file.replace('contact-sandbox-reference-client-', '').replace('.json', '')} (contracts/pacts/${file})`);
    expect(run.stdout).toContain(`${readdirSync(PACTS).length} verification(s) passed`);
  });

  it('fails the deliberately wrong client of the README, naming each mismatch', async () => {
    const run = await runNode([CLI, 'verify', '--pact', join(PROJECT_ROOT, 'examples/wrong-client/pacts')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✘ wrong-client → ocamba-hood');
    expect(run.stdout).toContain('expected 200 but was 204');
    expect(run.stdout).toContain('Expected body Present(91 bytes, application/json) but was empty');
    expect(run.stdout).toContain('1 of 1 verification(s) failed');
  });

  it('reports an unknown provider state by name with the known ones, before verifying anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacts-'));
    const pact = { ...ocambaPact, interactions: [{ ...(ocambaPact as { interactions: object[] }).interactions[0], providerStates: [{ name: 'a partner with 3 contacts' }] }] };
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(pact));
    const run = await runNode([CLI, 'verify', '--pact', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown provider state(s):\n  "a partner with 3 contacts"');
    expect(run.stderr).toMatch(/known provider states[^\n]*:\n(.*\n)*\s+ocamba\/slow\n/);
  });

  it("keeps Pact's anonymous telemetry off (and its notice out of the output) when PACT_DO_NOT_TRACK is not set", async () => {
    const run = await runNode([CLI, 'verify', '--pact', join(PROJECT_ROOT, 'examples/wrong-client/pacts')], { PACT_DO_NOT_TRACK: undefined });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 of 1 verification(s) failed');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/tracking events anonymously/);
  });

  it('refuses --publish-results without --provider-version', async () => {
    const run = await runNode([CLI, 'verify', '--pact', PACTS, '--publish-results']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--publish-results needs --provider-version');
  });
});

describe('contact-sandbox verify --broker-url (against a recording stand-in for a Pact Broker)', () => {
  it('fetches pacts with the consumer version selectors and a token, and publishes the results with version and branch', async () => {
    const broker = await startFakeBroker({ pacts: { 'ocamba-hood': [ocambaPact] } });
    try {
      const run = await runNode(
        [
          CLI,
          'verify',
          '--broker-url',
          broker.url,
          '--provider',
          'ocamba-hood',
          '--consumer-version-selectors',
          '[{"branch":"feature-x"},{"deployedOrReleased":true}]',
          '--publish-results',
          '--provider-version',
          '2.0.1',
          '--provider-branch',
          'main',
        ],
        { PACT_BROKER_TOKEN: 'token-123' },
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`✔ ocamba-hood (from ${broker.url})`);
      expect(broker.requests.every((r) => r.authorization === 'Bearer token-123')).toBe(true);
      const selection = broker.requests.find((r) => r.method === 'POST' && r.path.endsWith('/for-verification'));
      expect(selection?.body).toMatchObject({ consumerVersionSelectors: [{ branch: 'feature-x' }, { deployedOrReleased: true }], providerVersionBranch: 'main' });
      expect(broker.requests.some((r) => r.method === 'PUT' && r.path === '/pacticipants/ocamba-hood/branches/main/versions/2.0.1')).toBe(true);
      const result = broker.requests.find((r) => r.path.endsWith('/verification-results'));
      expect(result?.body).toMatchObject({ success: true, providerApplicationVersion: '2.0.1' });
    } finally {
      await broker.close();
    }
  });

  it('uses basic auth from PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD', async () => {
    const broker = await startFakeBroker({ pacts: { 'ocamba-hood': [ocambaPact] } });
    try {
      const run = await runNode([CLI, 'verify', '--broker-url', broker.url, '--provider', 'ocamba-hood'], { PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: 's3cret' });
      expect(run.code).toBe(0);
      expect(broker.requests[0]?.authorization).toBe(`Basic ${Buffer.from('ci:s3cret').toString('base64')}`);
      expect(broker.requests.some((r) => r.path.endsWith('/verification-results'))).toBe(false);
    } finally {
      await broker.close();
    }
  });
});
