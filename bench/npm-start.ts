/**
 * `tsx bench/npm-start.ts [rounds]`: how long `npm start` takes, on this
 * checkout as it is, from spawning npm to the first 200 from /__admin/health.
 * Prints each round and the median. Bounded: at most 10 rounds, 60 s each.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';
import { freePort } from '../test/helpers/free-port.js';

const ROUNDS = Math.min(Number(process.argv[2] ?? 5), 10);
const TIMEOUT_MS = 60_000;

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function once(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so that npm and the server it starts stop together.
  const child = spawn('npm', ['start', '--silent'], { cwd: PROJECT_ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore', detached: true });
  try {
    while (performance.now() - started < TIMEOUT_MS) {
      if (await healthy(`http://127.0.0.1:${port}/__admin/health`)) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no answer within ${TIMEOUT_MS} ms`);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const ms = await once();
  times.push(ms);
  console.log(`round ${i + 1}: ${ms.toFixed(0)} ms`);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `npm start → first /__admin/health answer: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms over ${ROUNDS} rounds (min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)})`,
);
