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

const wrongClientPact = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'examples/wrong-client/pacts', readdirSync(join(PROJECT_ROOT, 'examples/wrong-client/pacts'))[0]!), 'utf8'),
) as object;
type Interaction = Record<string, unknown> & { request: Record<string, unknown> };
const firstInteraction = (ocambaPact as { interactions: Interaction[] }).interactions[0]!;

/** One pact file in a fresh directory: its path. */
function pactDir(pact: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacts-'));
  writeFileSync(join(dir, 'pact.json'), JSON.stringify(pact));
  return dir;
}

describe('contact-sandbox verify checks a pact before verifying it (exit 2, one line each, nothing run)', () => {
  it('refuses a provider that is no vendor of the sandbox, naming the providers it knows', async () => {
    const run = await runNode([CLI, 'verify', '--pact', pactDir({ ...ocambaPact, provider: { name: 'acme-crm' } })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('provider "acme-crm" is not a vendor the sandbox emulates (providers: ');
    expect(run.stderr).toContain('ocamba-hood (or ocamba)');
    expect(run.stdout).not.toContain('verifying');
  });

  it('refuses an interaction that the sandbox does not emulate, naming the closest routes', async () => {
    const interaction = { ...firstInteraction, description: 'campaigns', request: { ...firstInteraction.request, method: 'GET', path: '/v1/hood/campaigns' } };
    const run = await runNode([CLI, 'verify', '--pact', pactDir({ ...ocambaPact, interactions: [interaction] })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/interaction "campaigns": GET \/v1\/hood\/campaigns is not emulated; closest: GET \/v1\/hood\/partners(, |\n)/);
  });

  it("refuses an interaction whose path is another vendor's than the pact's provider", async () => {
    const interaction = { ...firstInteraction, description: 'a loyaltii read', request: { ...firstInteraction.request, method: 'GET', path: '/api/v1/Contacts/1' } };
    const run = await runNode([CLI, 'verify', '--pact', pactDir({ ...ocambaPact, interactions: [interaction] })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`interaction "a loyaltii read": GET /api/v1/Contacts/1 is loyaltii's, not ocamba's (the pact's provider "ocamba-hood")`);
  });

  it('refuses message and plugin interactions up front, saying what the sandbox verifies, without reaching for the network', async () => {
    const message = { type: 'Asynchronous/Messages', description: 'a contact changed event', contents: { content: {} } };
    const plugin = { ...firstInteraction, description: 'over protobuf', pluginConfiguration: { protobuf: { descriptorKey: 'x' } }, interactionMarkup: { markup: '' } };
    const v3Messages = {
      consumer: { name: 'c' },
      provider: { name: 'ocamba-hood' },
      messages: [{ description: 'm', contents: {} }],
      metadata: { pactSpecification: { version: '3.0.0' } },
    };
    const dir = pactDir({ ...ocambaPact, interactions: [message, plugin], metadata: { pactSpecification: { version: '4.0' }, plugins: [{ name: 'protobuf', version: '0.3.0' }] } });
    writeFileSync(join(dir, 'messages.json'), JSON.stringify(v3Messages));
    const started = Date.now();
    const run = await runNode([CLI, 'verify', '--pact', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs plugin(s) protobuf; the sandbox verifies Synchronous/HTTP interactions only, with no plugins');
    expect(run.stderr).toContain('interaction "a contact changed event" is Asynchronous/Messages; the sandbox verifies Synchronous/HTTP interactions only');
    expect(run.stderr).toContain('interaction "over protobuf" needs plugin(s) protobuf');
    expect(run.stderr).toContain('a message pact (1 message(s)); the sandbox verifies Synchronous/HTTP interactions only');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/PACT CRASHED|plugin driver/i);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("refuses provider-state parameters that are not the state's, and a scenario listed after a records state, one line each", async () => {
    const given = (description: string, providerStates: object[]) => ({ ...firstInteraction, description, providerStates });
    const interactions = [
      given('misspelt', [{ name: 'a partner with contacts', params: { partnerID: '2000123' } }]),
      given('wrong type', [{ name: 'a partner with contacts', params: { partnerId: '2000123', count: '3' } }]),
      given('params on a scenario', [{ name: 'ocamba/slow', params: { count: 3 } }]),
      given('scenario last', [{ name: 'a partner with contacts', params: { partnerId: '2000123' } }, { name: 'ocamba/throttled' }]),
    ];
    const dir = pactDir({ ...ocambaPact, interactions });
    const run = await runNode([CLI, 'verify', '--pact', dir]);
    expect(run.code).toBe(2);
    const file = join(dir, 'pact.json');
    expect(run.stderr).toContain("invalid provider state(s) (GET /__admin/provider-states lists each state's parameters):\n");
    for (const line of [
      `  "a partner with contacts": unknown parameter "partnerID" (parameters: partnerId, count, type) (interaction "misspelt" in ${file})`,
      `  "a partner with contacts": parameter "partnerId" is required (interaction "misspelt" in ${file})`,
      `  "a partner with contacts": parameter "count" must be integer, got "3" (interaction "wrong type" in ${file})`,
      `  "ocamba/slow" is a scenario and takes no parameters; got count (interaction "params on a scenario" in ${file})`,
      `  "ocamba/throttled" comes after "a partner with contacts": the scenario would reload ocamba's fixtures and drop those records; list scenario states first (interaction "scenario last" in ${file})`,
    ])
      expect(run.stderr.split('\n')).toContain(line);
    expect(run.stdout).not.toContain('verifying');
  });

  it('verifies an interaction without a provider state, with no state-handler error', async () => {
    const { providerStates: _dropped, ...stateless } = firstInteraction;
    const run = await runNode([CLI, 'verify', '--pact', pactDir({ ...ocambaPact, interactions: [stateless] })]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('Error executing state handler');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 verification(s) passed');
  });

  it("--consumer keeps only that consumer's pacts", async () => {
    const run = await runNode([CLI, 'verify', '--pact', PACTS, '--pact', join(PROJECT_ROOT, 'examples/wrong-client/pacts'), '--consumer', 'wrong-client']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 of 1 verification(s) failed');
    const none = await runNode([CLI, 'verify', '--pact', PACTS, '--consumer', 'nobody']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no pact of consumer(s) nobody');
  });
});

describe('contact-sandbox verify --broker-url: pending and WIP pacts, tags, build URL, no pacts found', () => {
  it('asks for pending status and WIP pacts, passes tags and build URL, and a failing pending pact does not fail the build', async () => {
    const broker = await startFakeBroker({ pacts: { 'ocamba-hood': [ocambaPact, wrongClientPact] }, pending: { 'ocamba-hood': [1] }, wip: { 'ocamba-hood': [wrongClientPact] } });
    try {
      const run = await runNode([
        CLI,
        'verify',
        '--broker-url',
        broker.url,
        '--provider',
        'ocamba-hood',
        '--include-wip-pacts-since',
        '2026-01-01',
        '--publish-results',
        '--provider-version',
        '3.0.0',
        '--provider-version-tag',
        'main',
        '--provider-version-tag',
        'prod',
        '--build-url',
        'https://ci.example/build/42',
      ]);
      const selection = broker.requests.find((r) => r.method === 'POST' && r.path.endsWith('/for-verification'));
      expect(selection?.body).toMatchObject({ includePendingStatus: true, includeWipPactsSince: '2026-01-01', providerVersionTags: ['main', 'prod'] });
      // The WIP pact (index 1000) was fetched and verified too.
      expect(broker.requests.some((r) => r.method === 'GET' && r.path === '/pacts/ocamba-hood/1000')).toBe(true);
      const results = broker.requests.filter((r) => r.path.endsWith('/verification-results')).map((r) => r.body as { success: boolean; buildUrl?: string });
      expect(results.map((r) => r.success).sort()).toEqual([false, false, true]);
      expect(results.every((r) => r.buildUrl === 'https://ci.example/build/42')).toBe(true);
      expect(broker.requests.some((r) => r.method === 'PUT' && r.path === '/pacticipants/ocamba-hood/versions/3.0.0/tags/prod')).toBe(true);
      expect(run.stdout).toContain('There were 2 non-fatal pact failures on pending pacts');
      expect(run.stdout).toContain('pending pacts are enabled: their failures (under "Pending Failures" above) do not fail the build');
      expect(run.code).toBe(0);
    } finally {
      await broker.close();
    }
  });

  it('fails the same failing pact when it is not pending, or when pending pacts are not enabled', async () => {
    const broker = await startFakeBroker({ pacts: { 'ocamba-hood': [wrongClientPact] }, pending: { 'ocamba-hood': [0] } });
    try {
      const run = await runNode([CLI, 'verify', '--broker-url', broker.url, '--provider', 'ocamba-hood']);
      expect(broker.requests.find((r) => r.path.endsWith('/for-verification') && r.method === 'POST')?.body).toMatchObject({ includePendingStatus: false });
      expect(run.code).toBe(1);
    } finally {
      await broker.close();
    }
  });

  it('fails when the broker has no pacts for a provider, unless --no-fail-if-no-pacts-found', async () => {
    const broker = await startFakeBroker({ pacts: {} });
    try {
      expect((await runNode([CLI, 'verify', '--broker-url', broker.url, '--provider', 'ocamba-hood'])).code).toBe(1);
      expect((await runNode([CLI, 'verify', '--broker-url', broker.url, '--provider', 'ocamba-hood', '--no-fail-if-no-pacts-found'])).code).toBe(0);
    } finally {
      await broker.close();
    }
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
