import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';

/** A server the bench started, with what /proc says about it. */
export interface BenchServer {
  readonly name: string;
  readonly origin: string;
  readonly child: ChildProcess;
  /** utime + stime so far, in µs (from /proc/<pid>/stat; clock ticks of 10 ms on Linux). */
  cpuMicros(): number;
  /** Resident set now and at its peak (VmRSS, VmHWM), in MiB. */
  memory(): { rssMb: number; peakMb: number };
  alive(): boolean;
  stop(): Promise<void>;
}

const TICK_MICROS = 1_000_000 / 100; // _SC_CLK_TCK is 100 on Linux.

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Sends one request and returns its status, headers and body text (for logins and checks). */
export function call(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function procStatus(pid: number, field: string): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Starts the built sandbox with `args`, or the bare Express baseline, and waits for its first answer. */
export async function startServer(name: string, kind: 'sandbox' | 'baseline', args: readonly string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const argv =
    kind === 'sandbox'
      ? // The default log level (info: one JSON line per request), as the targets are stated (issue 11 item 6).
        ['mock-server/dist/main.js', '--port', String(port), '--log-format', 'json', ...args]
      : ['--import', 'tsx', 'bench/bare-express.ts', String(port)];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'inherit'], cwd: PROJECT_ROOT });
  const origin = `http://127.0.0.1:${port}`;
  const probe = kind === 'sandbox' ? `${origin}/__admin/health` : `${origin}/`;
  const started = Date.now();
  while ((await get(probe)) === 0) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (Date.now() - started > 30_000) throw new Error(`${name} did not answer within 30 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const pid = child.pid!;
  return {
    name,
    origin,
    child,
    cpuMicros: () => {
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * TICK_MICROS;
    },
    memory: () => ({ rssMb: procStatus(pid, 'VmRSS'), peakMb: procStatus(pid, 'VmHWM') }),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
