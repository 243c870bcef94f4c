import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { vendorTesting } from '../../mock-server/src/vendors/testing.js';
import { EXAMPLES_SANDBOX, exampleClaims, replayClaim } from '../../scripts/sandbox-examples.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { startFakeBroker } from '../helpers/fake-broker.js';
import { runNode } from '../helpers/run-node.js';
import { useSandbox } from '../helpers/sandbox.js';

// `npm run contracts:publish-provider`: the official Pact CLI (`pact pactflow publish-provider-contract`), driven by
// scripts/pact-broker.ts, against the recording stand-in for a broker (docs/decisions/0518).
const script = (...args: string[]) => ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/pact-broker.ts'), ...args];
const GIT = { GIT_COMMIT: '4f1c2e9', GIT_BRANCH: 'main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/contact-sandbox', GITHUB_RUN_ID: '42' };
const base64 = (text: string) => Buffer.from(text, 'base64').toString('utf8');

interface ProviderContractPublication {
  pacticipantVersionNumber: string;
  branch: string;
  buildUrl: string;
  contract: {
    content: string;
    contentType: string;
    specification: string;
    selfVerificationResults: { success: boolean; content: string; contentType: string; format: string; verifier: string; verifierVersion: string };
  };
}

describe('npm run contracts:publish-provider', () => {
  it("publishes every vendor's OpenAPI contract with the provider version, branch, build and the self-verification results", async () => {
    const broker = await startFakeBroker();
    try {
      const run = await runNode(script('publish-provider'), { ...GIT, PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: 'pub-token' });
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
        VENDORS.flatMap((v) => ['GET /', `POST /provider-contracts/provider/${encodeURIComponent(v.pactProvider)}/publish`]),
      );
      expect(broker.requests.every((r) => r.authorization === 'Bearer pub-token')).toBe(true);
      const publications = broker.requests.filter((r) => r.method === 'POST');
      const packageVersion = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      for (const [i, vendor] of VENDORS.entries()) {
        const request = publications[i]!;
        expect(request.contentType).toBe('application/json');
        const body = request.body as ProviderContractPublication;
        expect(body).toMatchObject({
          pacticipantVersionNumber: '4f1c2e9',
          branch: 'main',
          buildUrl: 'https://github.com/acme/contact-sandbox/actions/runs/42',
          contract: {
            contentType: 'application/yaml',
            specification: 'oas',
            selfVerificationResults: { success: true, contentType: 'text/plain', format: 'text', verifier: 'contact-sandbox self-verification', verifierVersion: packageVersion },
          },
        });
        // The contract as committed, byte for byte.
        expect(base64(body.contract.content)).toBe(readFileSync(join(PROJECT_ROOT, `contracts/${vendor.id}/openapi.yaml`), 'utf8'));
        const report = base64(body.contract.selfVerificationResults.content);
        const examples = exampleClaims(vendor.id, contractOf(vendor.id).document);
        expect(report.split('\n')[0]).toBe(`contact-sandbox self-verification of contracts/${vendor.id}/openapi.yaml`);
        expect(report.split('\n').filter((line) => line.startsWith('✔ ')).length, report).toBe(examples.length);
        expect(report).not.toContain('✘');
        expect(report).toMatch(/^Operations with a replayed example: \d+ of \d+/m);
        expect(report).toContain(`${examples.length} of ${examples.length} example(s) reproduced: passed\n`);
      }
      expect(run.stdout).toContain('✅ Published provider contract for ocamba-hood version 4f1c2e9');
    } finally {
      await broker.close();
    }
    // One sandbox for the examples, then five real CLI runs: a few seconds, more on a loaded machine.
  }, 60_000);

  it('publishes only the vendors named (by id or provider name), and refuses an unknown one or no broker', async () => {
    const broker = await startFakeBroker();
    try {
      const env = { ...GIT, PACT_BROKER_BASE_URL: broker.url };
      const unknown = await runNode(script('publish-provider', 'acme-crm'), env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown vendor(s) acme-crm; known: instantpay (instantpay-contacts), ');
      const named = await runNode(script('publish-provider', 'loyaltii-contacts'), env);
      expect(named.code, named.stderr + named.stdout).toBe(0);
      expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /', 'POST /provider-contracts/provider/loyaltii-contacts/publish']);
    } finally {
      await broker.close();
    }
    const noBroker = await runNode(script('publish-provider'), { ...GIT, PACT_BROKER_BASE_URL: '' });
    expect(noBroker.code).toBe(2);
    expect(noBroker.stderr).toContain('PACT_BROKER_BASE_URL is not set');
  }, 30_000);
});

describe('the self-verification evidence', () => {
  const t = useSandbox(EXAMPLES_SANDBOX);
  it('fails for an example the sandbox does not answer as written (the evidence can say no)', async () => {
    const claim = exampleClaims('ocamba', contractOf('ocamba').document).find((c) => c.pointer.endsWith('/examples/first-page'))!;
    const testing = await vendorTesting('ocamba');
    const admitted = (url: string, session: string) => testing.admittedHeaders(url, session);
    expect(await replayClaim(t.url, claim, admitted)).toEqual([]);
    const edited = { ...claim, value: { ...(claim.value as object), total: 6 } };
    expect(await replayClaim(t.url, edited, admitted)).toEqual([expect.stringMatching(/^the answer differs from the example: \{"total":5,/)]);
    const wrongStatus = { ...claim, request: { ...claim.request!, status: 201 } };
    expect(await replayClaim(t.url, wrongStatus, admitted)).toEqual([expect.stringMatching(/^status 200, not 201: /)]);
  });
});
