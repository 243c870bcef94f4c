import { execFile } from 'node:child_process';
import { OCAMBA } from '../test/helpers/identities.js';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';
import { costOf, interleaved } from './measure.js';
import type { BenchOptions } from './options.js';
import { startServer } from './processes.js';
import { figure, type Figure } from './report.js';
import { runWrk, type WrkRequest } from './wrk.js';

const SANDBOX_ARGS = ['--scenario', 'bench/ocamba-unlimited'];
const SPREAD = 10_000;

const patch = (lua?: string): WrkRequest => ({
  method: 'PATCH',
  path: `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`,
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': 'bench-one' },
  body: JSON.stringify({ value: 'jane.doe@example.com', type: 'email' }),
  ...(lua ? { lua } : {}),
});

/** Lua giving each request the next of `count` session ids (`count` 0: a new id every time). */
const sessionsLua = (prefix: string, count: number) =>
  [
    `local n = 0`,
    `request = function()`,
    `  n = n + 1`,
    `  wrk.headers["X-Sandbox-Session"] = "${prefix}-" .. ${count > 0 ? `(n % ${count})` : 'n'}`,
    `  return wrk.format()`,
    `end`,
  ].join('\n');

/** The Ocamba PATCH in one session against the same requests spread over 10,000 live sessions, in one process. */
export async function spreadSessions(options: BenchOptions): Promise<Figure[]> {
  const section = `Sessions: one session against requests spread over ${SPREAD} (Ocamba PATCH, server CPU per request)`;
  // 10,000 live sessions, as the target means them: under the default --max-sessions (5,000) a round robin over 10,000 ids
  // would make every request a new session (see the churn figure below, and decision 0034).
  const sandbox = await startServer('sessions', 'sandbox', [...SANDBOX_ARGS, '--max-sessions', String(SPREAD)]);
  try {
    const spread = patch(sessionsLua('spread', SPREAD));
    // Every one of the 10,000 sessions exists (and wrote once) before the measured rounds.
    const warm = await runWrk(sandbox.origin, spread, { connections: options.connections, seconds: options.quick ? 20 : 45, stopAfter: SPREAD });
    const { a: one, b: many } = await interleaved(
      { server: sandbox, req: patch() },
      { server: sandbox, req: spread },
      { rounds: options.rounds, seconds: options.seconds, warmup: options.warmup, connections: options.connections },
    );
    return [
      figure({ section, name: 'CPU per request, 1 session', value: one.micros, unit: 'µs' }),
      figure({ section, name: `CPU per request, ${SPREAD} sessions`, value: many.micros, unit: 'µs' }),
      figure({
        section,
        name: `${SPREAD} sessions / 1 session`,
        value: many.micros / one.micros,
        unit: '×',
        target: 1.1,
        note: `${Math.min(warm.requests, SPREAD)} sessions made before the rounds`,
      }),
      figure({ section, name: `RSS with ${SPREAD} sessions`, value: sandbox.memory().rssMb, unit: 'MiB' }),
      ...(await sessionChurn(options, one.micros)),
    ];
  } finally {
    await sandbox.stop();
  }
}

/**
 * The same round robin over 10,000 ids under the default --max-sessions: each request evicts the least recently
 * used session and makes a new one (store, clock, journal, coverage slot). No target: it shows what a session's
 * creation and eviction cost, measured against the one-session figure of the same section.
 */
async function sessionChurn(options: BenchOptions, oneSessionMicros: number): Promise<Figure[]> {
  const section = `Sessions: one session against requests spread over ${SPREAD} (Ocamba PATCH, server CPU per request)`;
  const sandbox = await startServer('churn', 'sandbox', SANDBOX_ARGS);
  try {
    const spread = patch(sessionsLua('churn', SPREAD));
    await runWrk(sandbox.origin, spread, { connections: options.connections, seconds: options.quick ? 10 : 20, stopAfter: SPREAD });
    const churn = await costOf(sandbox, spread, { connections: options.connections, seconds: options.seconds * options.rounds });
    return [
      figure({
        section,
        name: `${SPREAD} ids over the default --max-sessions / 1 session`,
        value: churn.micros / oneSessionMicros,
        unit: '×',
        note: `${churn.micros.toFixed(0)} µs: every request evicts a session and makes one`,
      }),
    ];
  } finally {
    await sandbox.stop();
  }
}

/** Heap per session, measured inside a child sandbox after a forced GC (bench/heap-probe.ts). */
export async function heapPerSession(options: BenchOptions): Promise<Figure[]> {
  const sessions = options.quick ? 1_000 : 5_000;
  const section = `Heap per session (${sessions} sessions, one Ocamba PATCH each, after a full GC)`;
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/heap-probe.ts', String(sessions)],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 180_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  );
  const probe = JSON.parse(out.trim().split('\n').pop()!) as { bytesPerSession: number; statuses: Record<string, number> };
  return [
    figure({
      section,
      name: 'heap per session (one Ocamba PATCH)',
      value: probe.bytesPerSession / 1024,
      unit: 'kB',
      target: 16,
      note: `answers ${JSON.stringify(probe.statuses)}`,
    }),
  ];
}

/** 100,000 distinct sessions with one request each (bounded in time): the process must stay up under 1 GiB RSS. */
export async function distinctSessions(options: BenchOptions): Promise<Figure[]> {
  const wanted = options.quick ? 20_000 : 100_000;
  const capSeconds = options.quick ? 30 : 60;
  const section = `${wanted} distinct sessions, one Ocamba PATCH each (at most ${capSeconds} s)`;
  const sandbox = await startServer('distinct', 'sandbox', SANDBOX_ARGS);
  try {
    const run = await runWrk(sandbox.origin, patch(sessionsLua('distinct', 0)), { connections: options.connections, seconds: capSeconds, stopAfter: wanted }).catch(() => ({
      requests: 0,
      seconds: 0,
      non2xx: 0,
      socketErrors: 1,
    }));
    const alive = sandbox.alive();
    const { peakMb } = alive ? sandbox.memory() : { peakMb: NaN };
    const completed = alive && run.requests >= wanted && run.socketErrors === 0;
    const note = alive
      ? `${run.requests} answered${run.non2xx ? `, ${run.non2xx} not 2xx` : ''}${run.socketErrors ? `, ${run.socketErrors} socket errors` : ''}${completed ? '' : ', did not finish'}`
      : `the process died (exit ${sandbox.child.exitCode ?? sandbox.child.signalCode}) after ${run.requests} answers`;
    return [figure({ section, name: 'peak RSS (VmHWM)', value: peakMb, unit: 'MiB', target: 1024, pass: completed && peakMb <= 1024, note })];
  } finally {
    await sandbox.stop();
  }
}
