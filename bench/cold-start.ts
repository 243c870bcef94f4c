/**
 * Cold start, process spawn to first answer: the built CLI (`node
 * mock-server/dist/main.js`) against bare Express 5 + express.json() in plain
 * JavaScript, interleaved round by round on a shared machine, medians of
 * wall-clock time and of the process's own CPU time until it answered.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';
import type { BenchOptions } from './options.js';
import { freePort } from './processes.js';
import { figure, type Figure } from './report.js';

const BARE =
  "import express from 'express'; const app = express(); app.use(express.json()); app.get('/__admin/health', (_req, res) => { res.json({ status: 'ok' }); }); app.listen(Number(process.argv[1]), '127.0.0.1');";
const TICKS_MS = 10; // /proc/<pid>/stat counts CPU in clock ticks of 10 ms (USER_HZ 100)

export interface ColdStart {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function once(args: (port: number) => string[]): Promise<ColdStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args(port), { stdio: ['ignore', 'ignore', 'inherit'], cwd: PROJECT_ROOT });
  try {
    for (let tries = 0; !(await answers(`http://127.0.0.1:${port}/__admin/health`)); tries++) {
      if (child.exitCode !== null || tries > 20_000) throw new Error(`${args(port).join(' ')} did not answer`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const wallMs = performance.now() - started;
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { wallMs, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICKS_MS };
  } finally {
    child.kill('SIGKILL');
  }
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `rounds` interleaved cold starts of each, prints the medians and their ratios, and returns them. */
export async function coldStartSection(rounds = 9): Promise<{ sandbox: ColdStart; bare: ColdStart }> {
  const samples = { sandbox: [] as ColdStart[], bare: [] as ColdStart[] };
  for (let i = 0; i < rounds; i++) {
    samples.bare.push(await once((port) => ['--input-type=module', '-e', BARE, String(port)]));
    samples.sandbox.push(await once((port) => ['mock-server/dist/main.js', '--port', String(port), '--log-format', 'json']));
  }
  const summary = (of: ColdStart[]): ColdStart => ({ wallMs: median(of.map((s) => s.wallMs)), cpuMs: median(of.map((s) => s.cpuMs)) });
  const sandbox = summary(samples.sandbox);
  const bare = summary(samples.bare);
  console.log(`\ncold start to first answer, median of ${rounds} interleaved rounds`);
  console.log(`  bare Express 5 + json   ${bare.wallMs.toFixed(0).padStart(5)} ms wall  ${bare.cpuMs.toFixed(0).padStart(5)} ms CPU`);
  console.log(`  contact-sandbox         ${sandbox.wallMs.toFixed(0).padStart(5)} ms wall  ${sandbox.cpuMs.toFixed(0).padStart(5)} ms CPU`);
  console.log(
    `  ratio (sandbox / bare)  ${(sandbox.wallMs / bare.wallMs).toFixed(2).padStart(5)} wall     ${(sandbox.cpuMs / bare.cpuMs).toFixed(2).padStart(5)} CPU   targets: <= 1.0, and < 200 ms wall`,
  );
  return { sandbox, bare };
}

/** The bench section: cold start against bare Express 5 + json, as same-run ratios (targets: <= 1.0, and < 200 ms wall). */
export async function coldStarts(options: BenchOptions): Promise<Figure[]> {
  const { sandbox, bare } = await coldStartSection(options.quick ? 5 : 15);
  const section = 'cold start';
  return [
    figure({ section, name: 'wall to first answer', value: sandbox.wallMs, unit: 'ms', target: 200 }),
    figure({ section, name: 'wall vs bare Express + json', value: sandbox.wallMs / bare.wallMs, unit: 'x', target: 1.0 }),
    figure({ section, name: 'CPU vs bare Express + json', value: sandbox.cpuMs / bare.cpuMs, unit: 'x', target: 1.0 }),
  ];
}
