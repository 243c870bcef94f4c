import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { OCAMBA } from '../test/helpers/identities.js';
import { findNginx, startNginx, type RunningNginx } from '../test/helpers/nginx.js';
import type { BenchOptions } from './options.js';
import { call, freePort, startServer, type BenchServer } from './processes.js';
import { figure, type Figure } from './report.js';
import { runWrk, type WrkRequest, type WrkResult } from './wrk.js';

const SANDBOX_ARGS = ['--scenario', 'bench/ocamba-unlimited', '--trust-proxy'];
/** Sessions per replica in the load: enough that every connection's requests go to both replicas. */
const SESSIONS_PER_REPLICA = 16;
const CONNECTIONS = 16;

const read = (lua: string): WrkRequest => ({
  method: 'GET',
  path: `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`,
  headers: { Authorization: `Bearer ${OCAMBA.keyA}` },
  lua,
});

/** Lua giving each request the next of `ids` as its session. */
const sessionsLua = (ids: readonly string[]) =>
  [
    `local ids = { ${ids.map((id) => `"${id}"`).join(', ')} }`,
    `local n = 0`,
    `request = function()`,
    `  n = n + 1`,
    `  wrk.headers["X-Sandbox-Session"] = ids[(n % #ids) + 1]`,
    `  return wrk.format()`,
    `end`,
  ].join('\n');

/** Why this section cannot run here, or undefined when nginx and wrk are both installed. */
function missingTool(): string | undefined {
  if (spawnSync('wrk', ['--version']).error) return 'wrk is not installed (apt-get install -y wrk)';
  if (findNginx() === undefined) return 'nginx is not installed (apt-get install -y nginx)';
  return undefined;
}

/**
 * Session ids the balancer sends in equal numbers to each replica: the load
 * measures what a second replica adds, not how a few dozen ids happen to hash.
 * Each replica runs with its own seed, which /__admin/health reports.
 */
async function balancedSessions(balancer: RunningNginx, replicas: readonly BenchServer[], seeds: readonly number[]): Promise<string[]> {
  const byReplica = replicas.map((): string[] => []);
  for (let i = 0; byReplica.some((ids) => ids.length < SESSIONS_PER_REPLICA); i++) {
    if (i > 1000) throw new Error('the balancer sent 1,000 sessions without filling every replica');
    const id = `replica-bench-${i}`;
    const health = JSON.parse((await call(`${balancer.url}/__admin/health`, 'GET', { 'X-Sandbox-Session': id })).text) as { seed: number };
    const owner = byReplica[seeds.indexOf(health.seed)];
    if (owner && owner.length < SESSIONS_PER_REPLICA) owner.push(id);
  }
  return byReplica.flat();
}

const perSecond = (runs: readonly WrkResult[]) => runs.reduce((sum, r) => sum + r.requests, 0) / runs.reduce((sum, r) => sum + r.seconds, 0);
const failures = (runs: readonly WrkResult[]) => runs.reduce((sum, r) => sum + r.non2xx + r.socketErrors, 0);

/**
 * Throughput (answers per second, wrk) of one replica behind the shipped
 * deploy/nginx.conf against two behind it, sessions spread over both; one
 * replica reached directly is shown for what nginx itself costs. The three run
 * in alternating rounds. On this 2-core machine wrk, nginx and the replicas
 * share the cores, so the ratio says what a second process adds on one
 * machine, not what a second machine would.
 */
export async function replicaThroughput(options: BenchOptions): Promise<Figure[]> {
  const section = `Replicas: throughput of 2 replicas against 1, both behind deploy/nginx.conf (Ocamba GET, sessions spread by X-Sandbox-Session, c=${CONNECTIONS})`;
  const missing = missingTool();
  if (missing !== undefined) {
    console.error(`bench: replicas skipped: ${missing}`);
    return [figure({ section, name: '2 replicas / 1 replica', value: NaN, unit: '×', note: `skipped: ${missing}` })];
  }
  const nginx = findNginx()!;
  const seeds = [1, 2];
  const replicas = await Promise.all(seeds.map((seed, i) => startServer(`replica-${i + 1}`, 'sandbox', [...SANDBOX_ARGS, '--seed', String(seed)])));
  const balancers: RunningNginx[] = [];
  try {
    const [first, second] = replicas as [BenchServer, BenchServer];
    const host = (server: BenchServer) => new URL(server.origin).host;
    balancers.push(await startNginx(nginx, [host(first)], await freePort()), await startNginx(nginx, [host(first), host(second)], await freePort()));
    const [one, two] = balancers as [RunningNginx, RunningNginx];
    const ids = await balancedSessions(two, replicas, seeds);
    const req = read(sessionsLua(ids));
    const sides = [
      { name: 'direct', origin: first.origin },
      { name: 'one', origin: one.url },
      { name: 'two', origin: two.url },
    ] as const;
    const run = { connections: CONNECTIONS, seconds: options.seconds };
    for (const side of sides) await runWrk(side.origin, req, { ...run, seconds: options.warmup });
    const results = new Map<string, WrkResult[]>(sides.map((s) => [s.name, []]));
    for (let round = 0; round < options.rounds; round++) for (const side of sides) results.get(side.name)!.push(await runWrk(side.origin, req, run));
    const [direct, single, double] = sides.map((s) => results.get(s.name)!);
    const failed = failures([...direct!, ...single!, ...double!]);
    // Other work on the machine takes cores from one side or the other: the load average says how much to trust the ratio.
    const note = `${ids.length} sessions, ${SESSIONS_PER_REPLICA} per replica; ${options.rounds} alternating rounds of ${options.seconds} s; load average ${loadavg()[0]!.toFixed(1)}${failed > 0 ? `; ${failed} answers not 2xx` : ''}`;
    return [
      figure({ section, name: '1 replica, direct', value: perSecond(direct!), unit: 'req/s' }),
      figure({ section, name: '1 replica behind nginx', value: perSecond(single!), unit: 'req/s' }),
      figure({ section, name: '2 replicas behind nginx', value: perSecond(double!), unit: 'req/s' }),
      figure({ section, name: '2 replicas / 1 replica', value: perSecond(double!) / perSecond(single!), unit: '×', note, ...(failed > 0 ? { pass: false } : {}) }),
    ];
  } finally {
    await Promise.all(balancers.map((b) => b.stop()));
    await Promise.all(replicas.map((r) => r.stop()));
  }
}
