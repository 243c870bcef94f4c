/**
 * One-off measurement (not a test): the CPU cost of IMIconnect's update PUT
 * through the whole vendor pipeline (admission, parsing, validation, store,
 * queue) over many PUTs in one session, per tenth of the run.
 *   npx tsx scripts/measure-imiconnect-puts.ts [count=1000000]
 * Printed figures are recorded in docs/decisions/0053-imiconnect-queue-bounds.md.
 */
import { pino } from 'pino';
import { Clock } from '../mock-server/src/core/clock.js';
import { DEFAULT_DIRS } from '../mock-server/src/core/paths.js';
import { Random } from '../mock-server/src/core/random.js';
import { NO_EFFECTS, type Scenario } from '../mock-server/src/core/scenario.js';
import { imiconnect } from '../mock-server/src/vendors/imiconnect/index.js';

const count = Number(process.argv[2] ?? 1_000_000);
const log = pino({ level: 'silent' });
const prepared = imiconnect.prepare({ contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures, log });
const scenario: Scenario = { name: 'default', description: '', file: '', vendors: {}, overrides: [], providerStates: [] };
const clock = new Clock({ mode: 'frozen', start: Date.UTC(2026, 2, 2, 10) });
const instance = prepared.createInstance({ fixtureSet: 'default', scenario, clock, random: new Random(1), seed: 1, session: 'measure' });
const headers = { key: '070b57a3-3308-4a2b-a009-d91d80ff926b', 'content-type': 'application/json' };

const tenth = Math.max(1, Math.floor(count / 10));
const perTenth: number[] = [];
let started = process.cpuUsage();
for (let i = 1; i <= count; i++) {
  const body = Buffer.from(JSON.stringify({ Records: [{ customerId: '1234568', Attributes: { name: `n${i}` } }] }));
  const result = await instance.run({
    operationId: 'updateProfile',
    scenario,
    effects: () => NO_EFFECTS,
    log,
    request: {
      method: 'PUT',
      path: '/resources/v2/customerprofile',
      headers,
      rawHeaders: [],
      clientIp: '127.0.0.1',
      params: {},
      query: {},
      contentType: headers['content-type'],
      rawBody: body,
    },
  });
  if (result.kind !== 'outcome' || result.outcome.status !== 200) throw new Error(`PUT ${i} answered ${JSON.stringify(result)}`);
  // The virtual clock moves on, as it would between real requests.
  if (i % 100 === 0) clock.advance(1);
  if (i % tenth === 0) {
    const used = process.cpuUsage(started);
    perTenth.push((used.user + used.system) / tenth);
    started = process.cpuUsage();
  }
}
const first = perTenth[0]!;
const last = perTenth[perTenth.length - 1]!;
process.stdout.write(
  `${JSON.stringify({ puts: count, cpuMicrosPerPut: perTenth.map((n) => Math.round(n * 10) / 10), lastOverFirst: Math.round((last / first) * 100) / 100, heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) })}\n`,
);
