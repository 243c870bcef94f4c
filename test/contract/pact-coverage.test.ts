import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { Router } from '../../mock-server/src/core/router.js';
import { createSandbox } from '../../mock-server/src/index.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { allVendorTesting } from '../../mock-server/src/vendors/testing.js';
import { PACT_PROVIDERS } from '../../mock-server/src/verify.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { COMMITTED_PACTS, CONSUMER } from '../pact/pact-files.js';

interface Interaction {
  readonly description: string;
  readonly providerStates?: readonly { readonly name: string; readonly params?: Readonly<Record<string, unknown>> }[];
  readonly request: { readonly method: string; readonly path: string };
  readonly response: { readonly status: number };
}

/** Whether a declared response key (`404`, or a range such as `4XX`) covers an HTTP status. */
const covers = (key: string, status: number) => key === String(status) || key === `${String(status)[0]}XX`;

/**
 * Error statuses a contract declares that the reference pacts leave out (each
 * vendor's `testing.notInPacts`, with its reasons): answers only a malformed or
 * hostile request gets, which a careful client never sends.
 */
const testing = await allVendorTesting();

const scenarios = createSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios] }).scenarioNames();

describe.each(VENDORS.map((v) => v.id))('the %s reference pact', (vendor) => {
  const provider = PACT_PROVIDERS[vendor]!;
  const file = join(COMMITTED_PACTS, `${CONSUMER}-${provider}.json`);

  it('exists', () => {
    expect(readdirSync(COMMITTED_PACTS)).toContain(`${CONSUMER}-${provider}.json`);
  });

  const interactions = (): Interaction[] => (JSON.parse(readFileSync(file, 'utf8')) as { interactions: Interaction[] }).interactions;
  const contract = contractOf(vendor);
  // The sandbox's own router says which operation an interaction calls.
  const module = VENDORS.find((v) => v.id === vendor)!;
  const router = new Router([module.prepare({ contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures, log: pino({ level: 'silent' }) })]);
  const operationOf = (i: Interaction) => {
    const route = router.resolve(i.request.method, i.request.path);
    return route.kind === 'operation' ? route.operation.operationId : undefined;
  };

  it('covers every operation of the contract', () => {
    const covered = new Set(interactions().map(operationOf));
    expect([...contract.operations.keys()].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('only uses operations and statuses the contract declares', () => {
    for (const i of interactions()) {
      const op = operationOf(i);
      expect(op, `${i.request.method} ${i.request.path}`).toBeDefined();
      const declared = contract.operation(op!).responseStatuses;
      expect(
        declared.some((key) => covers(key, i.response.status)),
        `${i.description}: ${i.response.status} not in ${declared.join(', ')}`,
      ).toBe(true);
    }
  });

  it('covers every error class the contract declares', () => {
    const declared = new Set([...contract.operations.values()].flatMap((op) => op.responseStatuses).filter((key) => /^[45]/.test(key)));
    const covered = interactions().map((i) => i.response.status);
    const missing = [...declared].filter((key) => !covered.some((status) => covers(key, status)) && !testing.get(vendor)!.notInPacts.includes(Number(key)));
    expect(missing).toEqual([]);
  });

  it("puts every interaction under provider states the sandbox answers: at most one scenario name, first, then the vendor's own states with parameters", () => {
    const vendorStates = module.providerStates.map((s) => s.name);
    for (const i of interactions()) {
      const names = (i.providerStates ?? []).map((s) => s.name);
      expect(names.length, i.description).toBeGreaterThan(0);
      const [first, ...rest] = names;
      expect([...scenarios, ...vendorStates], i.description).toContain(first);
      for (const name of rest) expect(vendorStates, `${i.description}: ${name}`).toContain(name);
    }
  });

  it('has an interaction whose provider-state parameters shape the answer, for every state the vendor declares', () => {
    const used = interactions().flatMap((i) => (i.providerStates ?? []).filter((s) => s.params !== undefined && Object.keys(s.params).length > 0).map((s) => s.name));
    expect([...new Set(used)].sort()).toEqual(module.providerStates.map((s) => s.name).sort());
  });
});
