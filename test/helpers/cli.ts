import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';

/** The command `npm start` runs (and the Dockerfile's CMD): the compiled CLI. */
export const CLI = join(PROJECT_ROOT, 'mock-server/dist/main.js');

export interface StartedCli {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the compiled CLI and waits for the line naming its URL. */
export function startCli(args: readonly string[], env: Record<string, string> = {}): Promise<StartedCli> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /listening on (https?:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, stdout: () => out, exited });
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    void exited.then(({ code }) => reject(new Error(`CLI exited (${code}) before listening: ${err}${out}`)));
  });
}

/** Runs the CLI to completion (for options that make it exit). */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
