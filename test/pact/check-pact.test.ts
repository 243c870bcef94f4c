import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIRS, PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { checkPacts, CheckPactUsageError, type PactCheck } from '../../mock-server/src/pact-check/check-pact.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { CLI } from '../helpers/cli.js';
import { runNode } from '../helpers/run-node.js';
import { COMMITTED_PACTS, pactFileName } from './pact-files.js';

// `contact-sandbox check-pact`: consumer pacts against the vendors' OpenAPI contracts, with PactFlow's engine (docs/decisions/0518).
const OPTIONS = { vendors: VENDORS, contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures, projectRoot: PROJECT_ROOT };
const scratch = mkdtempSync(join(tmpdir(), 'check-pact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Pact = {
  provider: { name: string };
  interactions: {
    description: string;
    request: { path: string; body?: { content: Record<string, unknown> } };
    response: { status: number; body: { content: Record<string, unknown> } };
  }[];
};
const committed = (provider: string): Pact => JSON.parse(readFileSync(join(COMMITTED_PACTS, pactFileName(provider)), 'utf8')) as Pact;
function write(name: string, pact: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof pact === 'string' ? pact : JSON.stringify(pact));
  return file;
}
const summary = (check: PactCheck) => check.findings.map((f) => ({ level: f.level, code: f.code, interaction: f.interaction, location: f.location }));

/** Only the interactions named, in that order (the engine's time grows with each one). */
function only(pact: Pact, descriptions: readonly string[]): Pact {
  const interactions = descriptions.map((d) => pact.interactions.find((i) => i.description === d)!);
  expect(interactions.every(Boolean)).toBe(true);
  return { ...pact, interactions };
}

/** Three interactions of the Ocamba reference pact, broken: a path no operation serves, a field of the wrong type, an undeclared status. */
function brokenOcamba(): Pact {
  const pact = only(committed('ocamba-hood'), ['a list of partner contacts', 'a list of partners of an account that has none', 'one partner']);
  const [contacts, none, one] = pact.interactions;
  contacts!.request.path = '/v1/hood/campaigns';
  none!.response.body.content['total'] = 'none';
  one!.response.status = 418;
  return pact;
}

const NEGATIVE_TEST = 'the addition of a contact with a short mobile number';

describe('check-pact', () => {
  it("finds every committed reference pact compatible with its vendor's contract; Instantpay's negative test is a warning", async () => {
    const checks = await checkPacts([COMMITTED_PACTS], OPTIONS);
    expect(checks.map((c) => [c.provider, c.vendor, c.contract, c.compatible])).toEqual(
      readdirSync(COMMITTED_PACTS)
        .sort()
        .map((file) => {
          const vendor = VENDORS.find((v) => pactFileName(v.pactProvider) === file)!;
          return [vendor.pactProvider, vendor.id, `contracts/${vendor.id}/openapi.yaml`, true];
        }),
    );
    // The short mobile number breaks the request schema on purpose: the pact expects Instantpay's refusal, which it answers with HTTP 200.
    expect(checks.flatMap(summary)).toEqual([
      {
        level: 'warning',
        code: 'request.body.incompatible',
        interaction: NEGATIVE_TEST,
        location: '[root].interactions[20].request.body.mobile',
      },
    ]);
    expect(checks.find((c) => c.vendor === 'instantpay')!.findings[0]!.message).toContain("the pact expects Instantpay's refusal RPI with HTTP 200");
    // The engine compiles its schemas again for every interaction: the five pacts' 120 interactions take 7 s on a quiet machine.
  }, 60_000);

  it('reports a wrong path, a field of the wrong type and an undeclared status, each on its interaction, and nothing else', async () => {
    const [check] = await checkPacts([write('broken-ocamba.json', brokenOcamba())], OPTIONS);
    expect(check!.compatible).toBe(false);
    expect(check!.findings).toEqual([
      {
        level: 'error',
        code: 'request.path-or-method.unknown',
        interaction: 'a list of partner contacts',
        location: '[root].interactions[0].request.path',
        contractLocation: '[root].paths',
        message: 'Path or method not defined in spec file: GET /v1/hood/campaigns',
      },
      {
        level: 'error',
        code: 'response.body.incompatible',
        interaction: 'a list of partners of an account that has none',
        location: '[root].interactions[1].response.body.total',
        contractLocation: '[root].paths./v1/hood/partners.get.responses.200.content.application/json.schema.properties.total.type',
        message: 'Response body is incompatible with the response body schema in the spec file: must be integer',
      },
      {
        level: 'error',
        code: 'response.status.unknown',
        interaction: 'one partner',
        location: '[root].interactions[2].response.status',
        contractLocation: '[root].paths./v1/hood/partners/{id}.get.responses',
        message: 'Response status code not defined in spec file: 418',
      },
    ]);
  });

  it("reads a status under the contract's range as the range (Instantpay's 4XX), and names the range in the finding", async () => {
    const description = 'a list of tags with a wrong client secret and HTTP error statuses';
    const pact = only(committed('instantpay-contacts'), [description]);
    expect(pact.interactions[0]!.response.status).toBe(401);
    const [fine] = await checkPacts([write('instantpay-range.json', pact)], OPTIONS);
    expect(fine!.findings).toEqual([]);
    pact.interactions[0]!.response.body.content['statuscode'] = 7;
    const [check] = await checkPacts([write('instantpay-range-broken.json', pact)], OPTIONS);
    expect(check!.compatible).toBe(false);
    expect(check!.findings.length).toBeGreaterThan(0);
    for (const finding of check!.findings) {
      expect(finding).toMatchObject({ level: 'error', code: 'response.body.incompatible', interaction: description, location: '[root].interactions[0].response.body.statuscode' });
      expect(finding.contractLocation).toMatch(/^\[root\]\.paths\.\/contacts\/tag\.get\.responses\.4XX\.content\./);
    }
  });

  it("keeps a request that breaks the contract an error when the pact expects the vendor's success", async () => {
    const pact = only(committed('instantpay-contacts'), ['the addition of a contact', NEGATIVE_TEST]);
    const addition = pact.interactions[0]!;
    expect(addition.response.body.content['statuscode']).toBe('TXN');
    addition.request.body!.content['mobile'] = '98765';
    const [check] = await checkPacts([write('instantpay-success.json', pact)], OPTIONS);
    expect(check!.compatible).toBe(false);
    expect(summary(check!)).toEqual([
      { level: 'error', code: 'request.body.incompatible', interaction: 'the addition of a contact', location: '[root].interactions[0].request.body.mobile' },
      { level: 'warning', code: 'request.body.incompatible', interaction: NEGATIVE_TEST, location: '[root].interactions[1].request.body.mobile' },
    ]);
  });

  it('refuses, before comparing anything, a provider that is no vendor, a file that is not JSON, a message pact', async () => {
    const acme = { ...committed('loyaltii-contacts'), provider: { name: 'acme-crm' } };
    await expect(checkPacts([COMMITTED_PACTS, write('acme.json', acme)], OPTIONS)).rejects.toThrow(
      /acme\.json: provider "acme-crm" is not a vendor the sandbox emulates \(providers: instantpay-contacts \(or instantpay\), /,
    );
    await expect(checkPacts([write('cut.json', '{"provider":')], OPTIONS)).rejects.toThrow(/cut\.json cannot be read as JSON/);
    const messages = { consumer: { name: 'c' }, provider: { name: 'ocamba-hood' }, messages: [{ description: 'an event', contents: {} }] };
    await expect(checkPacts([write('messages.json', messages)], OPTIONS)).rejects.toThrow(/messages\.json is not a pact file \(no provider name or interactions\): a message pact/);
    await expect(checkPacts([write('null.json', 'null')], OPTIONS)).rejects.toThrow(CheckPactUsageError);
    await expect(checkPacts([join(scratch, 'missing.json')], OPTIONS)).rejects.toThrow(/no such pact file or directory/);
  });
});

describe('contact-sandbox check-pact (the CLI)', () => {
  it('prints one line per finding and a summary, and exits 1 for an incompatible pact', async () => {
    const file = write('broken-ocamba-cli.json', brokenOcamba());
    const run = await runNode([CLI, 'check-pact', '--pact', file]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'error   "a list of partner contacts" [root].interactions[0].request.path: request.path-or-method.unknown: Path or method not defined in spec file: GET /v1/hood/campaigns (contract: [root].paths)',
      'error   "a list of partners of an account that has none" [root].interactions[1].response.body.total: response.body.incompatible: Response body is incompatible with the response body schema in the spec file: must be integer (contract: [root].paths./v1/hood/partners.get.responses.200.content.application/json.schema.properties.total.type)',
      'error   "one partner" [root].interactions[2].response.status: response.status.unknown: Response status code not defined in spec file: 418 (contract: [root].paths./v1/hood/partners/{id}.get.responses)',
      `✘ incompatible: ${file} (provider ocamba-hood) with contracts/ocamba/openapi.yaml: 3 error(s), 0 warning(s)`,
    ]);
  });

  it('exits 0 for a compatible pact', async () => {
    const pact = committed('loyaltii-contacts');
    const file = write('loyaltii-cli.json', { ...pact, interactions: pact.interactions.slice(0, 2) });
    const run = await runNode([CLI, 'check-pact', '--pact', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`✔ compatible: ${file} (provider loyaltii-contacts) with contracts/loyaltii/openapi.yaml: 0 error(s), 0 warning(s)\n`);
  });

  it('exits 2 with one line for an unknown provider, an unreadable file, or no --pact', async () => {
    const acme = await runNode([CLI, 'check-pact', '--pact', write('acme-cli.json', { ...committed('loyaltii-contacts'), provider: { name: 'acme-crm' } })]);
    expect([acme.code, acme.stdout]).toEqual([2, '']);
    expect(acme.stderr).toMatch(/^contact-sandbox check-pact: .*acme-cli\.json: provider "acme-crm" is not a vendor the sandbox emulates \(providers: .*\)\n$/);
    const unreadable = await runNode([CLI, 'check-pact', '--pact', write('cut-cli.json', 'not json')]);
    expect([unreadable.code, unreadable.stdout]).toEqual([2, '']);
    expect(unreadable.stderr).toMatch(/^contact-sandbox check-pact: .*cut-cli\.json cannot be read as JSON: /);
    const none = await runNode([CLI, 'check-pact']);
    expect([none.code, none.stderr]).toEqual([2, 'contact-sandbox check-pact: give --pact <file|dir>\n']);
  });
});
