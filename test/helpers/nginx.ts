import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';

/** nginx's binary: on PATH, else where Debian puts it (/usr/sbin is often not on a user's PATH). */
export function findNginx(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((candidate) => existsSync(candidate));
}

export interface RunningNginx {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Runs the shipped deploy/nginx.conf unprivileged on loopback: its upstream
 * servers swapped for `upstreams`, its listen port for `port`, with its own
 * prefix, pid, log and temp directories.
 */
export async function startNginx(binary: string, upstreams: readonly string[], port: number): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'sandbox-nginx-'));
  for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir));
  const shipped = readFileSync(join(PROJECT_ROOT, 'deploy/nginx.conf'), 'utf8');
  const servers = shipped.match(/^ *server sandbox-\d+:4010[^;]*;$/gm) ?? [];
  if (servers.length === 0 || !shipped.includes('listen 8080;')) throw new Error('deploy/nginx.conf: no upstream servers or no "listen 8080;" to swap');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(prefix, 'temp', kind)};`).join('\n');
  const config =
    `pid ${join(prefix, 'nginx.pid')};\nerror_log ${join(prefix, 'logs/error.log')} warn;\n` +
    shipped
      .replace(/^worker_processes .*;$/m, 'worker_processes 1;')
      .replace(servers.join('\n'), upstreams.map((address) => `    server ${address} max_fails=0;`).join('\n'))
      .replace('listen 8080;', `listen 127.0.0.1:${port};`)
      .replace('http {\n', `http {\n${temp}\n`);
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, config);
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', file, '-e', join(prefix, 'logs/error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}${readLog(prefix)}`);
    const up = await fetch(`${url}/__admin/health`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (tries > 100) throw new Error(`nginx did not answer on ${url}: ${stderr}${readLog(prefix)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

function readLog(prefix: string): string {
  const log = join(prefix, 'logs/error.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}
