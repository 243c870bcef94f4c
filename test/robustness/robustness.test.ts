import { describe, expect, it } from 'vitest';
import { useSandbox } from '../helpers/sandbox.js';
import { FUZZ_SANDBOX, runRobustness } from './robustness.js';

const t = useSandbox(FUZZ_SANDBOX);

/** 2,000 runs of one request per vendor; `npm run fuzz -- --runs N --seed S` runs the same properties longer. */
const RUNS = 2_000;
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261202);

describe('robustness properties over every operation of every vendor', () => {
  it(`${RUNS * 5} generated requests: no 5xx, every answer in the contract, no prototype pollution, refused requests change no state`, { timeout: 300_000 }, async () => {
    const counts = await runRobustness({ url: t.url, runs: RUNS, seed: SEED });
    expect(counts.requests).toBe(RUNS * 5);
    // Every vendor was reached, refusals were checked against state dumps, and the hostile variants were drawn.
    expect(Object.keys(counts.byVendor).sort()).toEqual(['imiconnect', 'instantpay', 'iservice', 'loyaltii', 'ocamba']);
    expect(counts.refused).toBeGreaterThan(1_000);
    for (const label of [
      'body:valid',
      'body:wrong-type',
      'body:deep',
      'body:proto-key',
      'path:bad-escape',
      'query:raw',
      'auth:missing',
      'auth:wrong',
      'method:other',
      'encoding:gzip',
    ])
      expect(counts.byLabel[label], label).toBeGreaterThan(0);
    // Some writes went through: the generators reach real records, not only refusals.
    expect((counts.byStatus['200'] ?? 0) + (counts.byStatus['201'] ?? 0) + (counts.byStatus['204'] ?? 0)).toBeGreaterThan(500);
  });
});
