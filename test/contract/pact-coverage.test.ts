import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { match } from 'path-to-regexp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { toExpressPath } from '../../mock-server/src/core/router.js';
import { createSandbox } from '../../mock-server/src/index.js';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { PACT_PROVIDERS } from '../../mock-server/src/verify.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { COMMITTED_PACTS, CONSUMER } from '../pact/pact-files.js';

interface Interaction {
  readonly description: string;
  readonly providerStates?: readonly { readonly name: string }[];
  readonly request: { readonly method: string; readonly path: string };
  readonly response: { readonly status: number };
}

/**
 * Error statuses a contract declares that the reference pacts leave out, and
 * why: answers only a malformed or hostile request gets, which a careful
 * client never sends (its integration tests cover them instead).
 */
const NOT_IN_PACTS: Readonly<Record<string, readonly number[]>> = {
  ocamba: [413, 415],
  // 405 is GET /api/v1/Contacts without `secret` (the client always sends it); 413/415 need an oversized or non-JSON body.
  loyaltii: [405, 413, 415],
  iservice: [413, 415], // a body over the sandbox's limit, a compressed body: test/integration/iservice/forms-and-errors.test.ts
};

/** Whether a declared response key (`404`, or a range such as `4XX`) covers an HTTP status. */
const covers = (key: string, status: number) => key === String(status) || key === `${String(status)[0]}XX`;

const scenarios = createSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios] }).scenarioNames();

describe.each(VENDORS.map((v) => v.id))('the %s reference pact', (vendor) => {
  const provider = PACT_PROVIDERS[vendor]!;
  const file = join(COMMITTED_PACTS, `${CONSUMER}-${provider}.json`);

  it('exists', () => {
    expect(readdirSync(COMMITTED_PACTS)).toContain(`${CONSUMER}-${provider}.json`);
  });

  const interactions = (): Interaction[] => (JSON.parse(readFileSync(file, 'utf8')) as { interactions: Interaction[] }).interactions;
  const contract = contractOf(vendor);
  // Literal segments win, as in the sandbox's Router (`/Contacts/Registration` over `/Contacts/{id}`).
  const literal = (path: string) => path.replace(/\{[^}]+\}/g, '').length;
  const byLiteral = [...contract.operations.values()].sort((a, b) => literal(b.path) - literal(a.path));
  const operationOf = (i: Interaction) => byLiteral.find((op) => op.method === i.request.method && match(toExpressPath(op.path))(i.request.path) !== false)?.operationId;

  it('covers every operation of the contract', () => {
    const covered = new Set(interactions().map(operationOf));
    expect([...contract.operations.keys()].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('only uses operations and statuses the contract declares', () => {
    for (const i of interactions()) {
      const op = operationOf(i);
      expect(op, `${i.request.method} ${i.request.path}`).toBeDefined();
      const declared = contract.operation(op!).responseStatuses;
      expect(declared.some((key) => covers(key, i.response.status)), `${i.description}: ${i.response.status} not in ${declared.join(', ')}`).toBe(true);
    }
  });

  it('covers every error class the contract declares', () => {
    const declared = new Set([...contract.operations.values()].flatMap((op) => op.responseStatuses).filter((key) => /^[45]/.test(key)));
    const covered = interactions().map((i) => i.response.status);
    const missing = [...declared].filter((key) => !covered.some((status) => covers(key, status)) && !(NOT_IN_PACTS[vendor] ?? []).includes(Number(key)));
    expect(missing).toEqual([]);
  });

  it('puts every interaction under a provider state that is a scenario name', () => {
    for (const i of interactions()) {
      expect(i.providerStates?.length, i.description).toBe(1);
      expect(scenarios, i.description).toContain(i.providerStates![0]!.name);
    }
  });
});
