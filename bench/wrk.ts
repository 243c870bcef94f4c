import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one wrk run reports. */
export interface WrkResult {
  readonly requests: number;
  readonly seconds: number;
  readonly non2xx: number;
  readonly socketErrors: number;
}

/** Exits with how to install wrk when it is missing (the bench measures with it, autocannon would share the cores). */
export function ensureWrk(): void {
  const found = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (found.error) {
    console.error('npm run bench needs wrk (the load generator): apt-get install -y wrk (Debian/Ubuntu), brew install wrk (macOS)');
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
let scripts = 0;

/** A request for wrk's Lua: method, path, headers and body, plus optional Lua that replaces `request`/`response`. */
export interface WrkRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Lua defining `request()` and/or `response()`; sees `wrk.*` already set from the fields above. */
  readonly lua?: string;
}

const lua = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function scriptFor(req: WrkRequest, stopAfter?: number): { file: string; marker: string } {
  const file = join(dir, `s${scripts++}.lua`);
  const marker = `${file}.done`;
  const lines = [`wrk.method = ${lua(req.method)}`, `wrk.path = ${lua(req.path)}`];
  if (req.body !== undefined) lines.push(`wrk.body = ${lua(req.body)}`);
  for (const [name, value] of Object.entries(req.headers)) lines.push(`wrk.headers[${lua(name)}] = ${lua(value)}`);
  if (req.lua) lines.push(req.lua);
  if (stopAfter !== undefined) {
    // One thread, so the count is global. wrk only knows durations, and a stopped thread still waits for the
    // end of it: the script leaves a marker file, and runWrk interrupts wrk (SIGINT), which then reports.
    lines.push(
      `local answered = 0`,
      `local inner = response`,
      `response = function(status, headers, body)`,
      `  if inner then inner(status, headers, body) end`,
      `  answered = answered + 1`,
      `  if answered == ${stopAfter} then local f = io.open(${lua(marker)}, "w") f:close() wrk.thread:stop() end`,
      `end`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, marker };
}

/**
 * Runs wrk (one thread) against `origin` for `seconds`, or until `stopAfter`
 * answers when given. Reports requests completed and failures.
 */
export function runWrk(origin: string, req: WrkRequest, options: { connections: number; seconds: number; stopAfter?: number }): Promise<WrkResult> {
  const { file, marker } = scriptFor(req, options.stopAfter);
  // wrk takes whole seconds.
  const args = ['-t1', `-c${options.connections}`, `-d${Math.max(1, Math.round(options.seconds))}s`, '--timeout', '10s', '-s', file, origin];
  return new Promise((resolve, reject) => {
    const child = execFile('wrk', args, { encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout) => {
      clearInterval(poll);
      if (error && !interrupted) return reject(new Error(`wrk ${args.join(' ')} failed: ${error.message}`));
      const done = /(\d+) requests in ([\d.]+)(ms|s|m)/.exec(stdout);
      if (!done) return reject(new Error(`cannot read wrk's output:\n${stdout}`));
      const unit = done[3] === 'ms' ? 0.001 : done[3] === 'm' ? 60 : 1;
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
      const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
      resolve({ requests: Number(done[1]), seconds: Number(done[2]) * unit, non2xx, socketErrors });
    });
    let interrupted = false;
    const poll = setInterval(() => {
      if (options.stopAfter === undefined || interrupted || !existsSync(marker)) return;
      interrupted = true;
      child.kill('SIGINT');
    }, 25);
  });
}
