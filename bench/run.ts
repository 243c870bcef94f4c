/**
 * npm run bench: the Ocamba PATCH (valid request, 204) on the built sandbox,
 * with journal, sessions and rate limiting on (scenario bench/ocamba-unlimited
 * raises the limits so every request is served), against a bare Express 5 app
 * measured in the same run. Prints requests/s and p99 for both and their
 * ratio, the sandbox's cold start and its RSS after the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARMUP_S = 5;
const ROUNDS = 2;
const PATH = '/v1/hood/partners/1000418/contacts/b9193e28-9146-44ef-bf95-baa9c02c81d2';
const HEADERS = { authorization: 'Bearer 5d6a00456bfc614f9c809a26dcddc8aa749dc8dd', 'content-type': 'application/json' };
const BODY = '{"value":"jane.doe@example.com","type":"email"}';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Spawns a server and returns the ms from spawn to its first answer. */
async function start(args: string[], probe: string): Promise<{ child: ChildProcess; coldStartMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], cwd: PROJECT_ROOT });
  while ((await get(probe)) === 0) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
  }
  return { child, coldStartMs: performance.now() - started };
}

interface Load {
  readonly rps: number;
  readonly p99: number;
  readonly non2xx: number;
}

async function load(url: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url: url + PATH, method: 'PATCH', headers: HEADERS, body: BODY, connections: CONNECTIONS, duration: seconds });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

/** Rounds are averaged (requests/s) and the worst p99 is kept. */
function combine(rounds: readonly Load[]): Load {
  return {
    rps: rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length,
    p99: Math.max(...rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Median of several fresh starts: one start is at the mercy of the file cache and the scheduler. */
async function coldStartMs(runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const { child, coldStartMs } = await start(['mock-server/dist/main.js', '--port', String(port), '--log-format', 'json'], `http://127.0.0.1:${port}/__admin/health`);
    samples.push(coldStartMs);
    await stop(child);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const COLD_STARTS = 7;
const coldStart = await coldStartMs(COLD_STARTS);
const sandboxPort = await freePort();
const sandbox = await start([join('mock-server/dist/main.js'), '--port', String(sandboxPort), '--scenario', 'bench/ocamba-unlimited', '--log-format', 'json'], `http://127.0.0.1:${sandboxPort}/__admin/health`);
const barePort = await freePort();
const bare = await start(['--import', 'tsx', 'bench/bare-express.ts', String(barePort)], `http://127.0.0.1:${barePort}/`);
const targets = { sandbox: `http://127.0.0.1:${sandboxPort}`, bare: `http://127.0.0.1:${barePort}` };

// Warm both up, then alternate, so that neither side gains from running first or last.
await load(targets.sandbox, WARMUP_S);
await load(targets.bare, WARMUP_S);
const rounds: { sandbox: Load[]; bare: Load[] } = { sandbox: [], bare: [] };
for (let i = 0; i < ROUNDS; i++) {
  rounds.sandbox.push(await load(targets.sandbox, DURATION_S));
  rounds.bare.push(await load(targets.bare, DURATION_S));
}
const sandboxResult = combine(rounds.sandbox);
const bareResult = combine(rounds.bare);
const rss = rssMb(sandbox.child.pid ?? 0);
await Promise.all([stop(sandbox.child), stop(bare.child)]);

const ratio = sandboxResult.rps / bareResult.rps;
const rows = [
  ['', 'requests/s', 'p99 ms', 'non-2xx'],
  ['bare Express 5 (baseline)', bareResult.rps.toFixed(0), bareResult.p99.toFixed(1), String(bareResult.non2xx)],
  ['contact-sandbox Ocamba PATCH', sandboxResult.rps.toFixed(0), sandboxResult.p99.toFixed(1), String(sandboxResult.non2xx)],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`\n${CONNECTIONS} connections, loopback; ${WARMUP_S} s warm-up each, then ${ROUNDS} alternating rounds of ${DURATION_S} s (requests/s averaged, worst p99)\n`);
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
console.log(`\nratio (sandbox / baseline)   ${ratio.toFixed(2)}   target >= 0.85`);
console.log(`sandbox p99                  ${sandboxResult.p99.toFixed(1)} ms   target <= 20 ms`);
console.log(`sandbox cold start           ${coldStart.toFixed(0)} ms   target < 300 ms (process start to first answer, median of ${COLD_STARTS})`);
console.log(`sandbox RSS after the run    ${rss.toFixed(1)} MB`);
if (sandboxResult.non2xx > 0) console.log(`\nWARNING: the sandbox answered ${sandboxResult.non2xx} requests with a non-2xx status or an error`);
