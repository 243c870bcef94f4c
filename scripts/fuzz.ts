/**
 * `npm run fuzz -- --runs N --seed S`: the robustness properties of
 * test/robustness/robustness.test.ts (the same code) for as many runs as asked,
 * against a sandbox in this process; prints what was sent and answered.
 * Each run sends one request to every vendor; then 1,000 Loyaltii PATCHes race
 * on one Version. Exits 1 on a failed property.
 */
import { parseArgs } from 'node:util';
import { createSandbox } from '../mock-server/src/index.js';
import { raceLoyaltiiPatches } from '../test/robustness/race.js';
import { FUZZ_SANDBOX, runRobustness, type RobustnessCounts } from '../test/robustness/robustness.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run fuzz -- [--runs N (default 2000; 5 requests each)] [--seed S (default: random, printed)]');
  process.exit(0);
}
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('--runs and --seed take integers');
  process.exit(2);
}

const top = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function print(counts: RobustnessCounts, seconds: number): void {
  console.log(
    `${counts.requests} requests in ${seconds.toFixed(1)} s (${(counts.requests / seconds).toFixed(0)}/s); ${counts.stateChecks} state checks, ${counts.refused} refused requests left state unchanged`,
  );
  console.log(`by vendor: ${top(counts.byVendor)}`);
  console.log(`by status: ${top(counts.byStatus)}`);
  console.log(`by variant: ${top(counts.byLabel)}`);
}

const sandbox = createSandbox(FUZZ_SANDBOX);
const running = await sandbox.listen(0);
console.log(`fuzzing ${running.url}: ${runs} runs, seed ${seed} (replay: npm run fuzz -- --runs ${runs} --seed ${seed})`);
const started = performance.now();
let failed = false;
try {
  print(await runRobustness({ url: running.url, runs, seed }), (performance.now() - started) / 1000);
  // The concurrency property: a thousand writers with one Version, exactly one wins.
  const race = await raceLoyaltiiPatches(running.url, `fuzz-race-${seed}`, 1_000);
  console.log(
    `1000 racing Loyaltii PATCHes: ${Object.entries(race.statuses)
      .map(([s, n]) => `${n}× ${s}`)
      .join(', ')}`,
  );
  if (race.statuses['200'] !== 1 || race.stored.FirstName !== race.winners[0]) throw new Error('the race did not have exactly one winner whose update was stored');
} catch (error) {
  failed = true;
  console.error((error as Error).message);
} finally {
  await running.close();
}
process.exit(failed ? 1 : 0);
