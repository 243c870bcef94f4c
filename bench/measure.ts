import type { BenchServer } from './processes.js';
import { runWrk, type WrkRequest } from './wrk.js';

/** Server CPU per request over some wrk runs, and how many answers were not 2xx. */
export interface CpuCost {
  readonly micros: number;
  readonly requests: number;
  readonly failures: number;
}

/** One wrk run against `server`, with its CPU (utime+stime) over the run. */
export async function costOf(server: BenchServer, req: WrkRequest, options: { connections: number; seconds: number; stopAfter?: number }): Promise<CpuCost> {
  const before = server.cpuMicros();
  const result = await runWrk(server.origin, req, options);
  const spent = server.cpuMicros() - before;
  return { micros: result.requests > 0 ? spent / result.requests : NaN, requests: result.requests, failures: result.non2xx + result.socketErrors };
}

function combine(costs: readonly CpuCost[]): CpuCost {
  const requests = costs.reduce((sum, c) => sum + c.requests, 0);
  return { micros: costs.reduce((sum, c) => sum + c.micros * c.requests, 0) / requests, requests, failures: costs.reduce((sum, c) => sum + c.failures, 0) };
}

export interface Side {
  readonly server: BenchServer;
  readonly req: WrkRequest;
}

/**
 * CPU per request of two sides measured in alternating rounds (after a
 * warm-up each), so that neither gains from running first or last, or from a
 * quieter moment of a shared machine.
 */
export async function interleaved(a: Side, b: Side, options: { rounds: number; seconds: number; warmup: number; connections: number }): Promise<{ a: CpuCost; b: CpuCost }> {
  const run = { connections: options.connections, seconds: options.seconds };
  await costOf(a.server, a.req, { ...run, seconds: options.warmup });
  await costOf(b.server, b.req, { ...run, seconds: options.warmup });
  const costs: { a: CpuCost[]; b: CpuCost[] } = { a: [], b: [] };
  for (let i = 0; i < options.rounds; i++) {
    costs.a.push(await costOf(a.server, a.req, run));
    costs.b.push(await costOf(b.server, b.req, run));
  }
  return { a: combine(costs.a), b: combine(costs.b) };
}
