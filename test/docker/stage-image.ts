/**
 * The Docker image, built without a Docker engine: each stage of the
 * Dockerfile (parsed with dockerfile-ast) gets its own root folder; its COPY
 * lines copy from the build context exactly as `.dockerignore` leaves it (or
 * from an earlier stage's folder), its RUN lines run there with the stage's
 * ENV, and the final stage's CMD starts from its WORKDIR, as the USER when
 * this process may switch to it, until its HEALTHCHECK command passes.
 *
 * What stands in for the engine: `node:24-slim` is the Node running this
 * script (`.ci/run` runs it on Node 24); a `--mount=type=cache` for npm is
 * npm's cache on this machine, used with --prefer-offline.
 *
 *   node --import tsx test/docker/stage-image.ts [Dockerfile]   (exit 0 = the image works; .ci/run runs test/slow/docker-image.test.ts)
 */
import ignoreModule, { type Ignore } from '@balena/dockerignore';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockerfileParser, ModifiableInstruction, PropertyInstruction, type Instruction } from 'dockerfile-ast';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { isEntryPoint } from '../../scripts/entry-point.js';
import { freePort } from '../helpers/free-port.js';

// A CommonJS module whose types say `export default`: Node hands ESM the whole module.exports.
const dockerignore = (ignoreModule as unknown as { default: () => Ignore }).default;

/** The flags of COPY/RUN (`--from`, `--mount`). */
const flags = (instruction: Instruction) => (instruction instanceof ModifiableInstruction ? instruction.getFlags() : []);

interface Stage {
  readonly name: string;
  /** The stage's filesystem root: `/app` in the Dockerfile is `<root>/app` here. */
  readonly root: string;
  workdir: string;
  user?: string;
  readonly env: Record<string, string>;
}

/** The uid/gid of the `node` user in the official node images. */
const IMAGE_USERS: Record<string, { uid: number; gid: number }> = { node: { uid: 1000, gid: 1000 } };

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Files of the build context (paths relative to it, `/`-separated) that `.dockerignore` lets through. */
export function buildContext(dir: string): Set<string> {
  const rules = existsSync(join(dir, '.dockerignore')) ? readFileSync(join(dir, '.dockerignore'), 'utf8').split('\n') : [];
  const ig = dockerignore().add(rules);
  // Without exceptions (`!`), an ignored folder holds nothing that comes back: skip walking it.
  const prune = !rules.some((r) => r.trim().startsWith('!'));
  const out = new Set<string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(prune && ig.ignores(path))) walk(path);
      } else if (!ig.ignores(path)) out.add(path);
    }
  };
  walk('');
  return out;
}

function inStage(stage: Stage, path: string): string {
  return join(stage.root, posix.resolve(stage.workdir, path));
}

/** COPY [--from=stage] src... dest, as Docker does it: a folder's contents go into dest; files into dest/ or onto dest. */
function copy(stage: Stage, instruction: Instruction, context: string, files: Set<string>, stages: Map<string, Stage>): void {
  const from =
    flags(instruction)
      .find((f) => f.getName() === 'from')
      ?.getValue() ?? undefined;
  const args = instruction.getArguments().map((a) => a.getValue());
  const dest = args.pop();
  if (dest === undefined || args.length === 0) throw new Error(`line ${instruction.getRange().start.line + 1}: COPY needs a source and a destination`);
  const target = inStage(stage, dest);
  for (const src of args) {
    if (/[*?[]/.test(src)) throw new Error(`COPY ${src}: wildcards are not staged here; name the files`);
    if (from !== undefined) {
      const source = stages.get(from);
      if (!source) throw new Error(`COPY --from=${from}: no such stage`);
      cpSync(join(source.root, posix.resolve(source.workdir, src)), target, { recursive: true });
      continue;
    }
    const rel = posix.normalize(src).replace(/^\.\/|\/$/g, '');
    const inside = [...files].filter((f) => f === rel || f.startsWith(`${rel}/`));
    if (inside.length === 0) throw new Error(`COPY ${src}: not in the build context (missing, or left out by .dockerignore)`);
    for (const file of inside) {
      const to = file === rel ? (dest.endsWith('/') || args.length > 1 ? join(target, posix.basename(file)) : target) : join(target, file.slice(rel.length + 1));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(join(context, file), to);
    }
  }
}

/** The environment a stage's commands see: its ENV, a PATH whose `node` is this one, and npm's cache for cache mounts. */
function commandEnv(stage: Stage, cacheMount: boolean): Record<string, string> {
  return {
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: stage.root,
    ...(cacheMount ? { npm_config_cache: npmCache(), npm_config_prefer_offline: 'true' } : { npm_config_cache: join(stage.root, 'root/.npm') }),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...stage.env,
  };
}

function npmCache(): string {
  return spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
}

function run(stage: Stage, instruction: Instruction): void {
  const command = instruction.getArgumentsContent() ?? '';
  const cacheMount = flags(instruction).some((f) => f.getName() === 'mount' && /type=cache/.test(f.getValue() ?? '') && /target=\/root\/\.npm\b/.test(f.getValue() ?? ''));
  const started = performance.now();
  const result = spawnSync('sh', ['-c', command], { cwd: inStage(stage, '.'), env: commandEnv(stage, cacheMount), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  say(`  [${stage.name}] RUN ${command}  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) throw new Error(`[${stage.name}] RUN ${command} failed (${result.status}):\n${result.stderr}${result.stdout}`);
}

/** Stages every FROM of `dockerfile` in turn; returns the stages by name, the last one last. */
export function stageImage(dockerfile: string, context: string, into: string): Stage[] {
  const files = buildContext(context);
  const parsed = DockerfileParser.parse(readFileSync(dockerfile, 'utf8'));
  const stages = new Map<string, Stage>();
  let stage: Stage | undefined;
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const name = instruction.getArguments().at(-1)?.getValue() ?? `stage-${stages.size}`;
      const root = join(into, name);
      mkdirSync(root, { recursive: true });
      chmodSync(root, 0o755);
      stage = { name, root, workdir: '/', env: {} };
      stages.set(name, stage);
      continue;
    }
    if (!stage) throw new Error(`${keyword} before FROM`);
    if (keyword === 'WORKDIR') {
      stage.workdir = posix.resolve(stage.workdir, instruction.getArgumentsContent() ?? '/');
      mkdirSync(inStage(stage, '.'), { recursive: true, mode: 0o755 });
    } else if (keyword === 'ENV') {
      if (instruction instanceof PropertyInstruction) for (const p of instruction.getProperties()) stage.env[p.getName()] = p.getValue() ?? '';
    } else if (keyword === 'COPY') copy(stage, instruction, context, files, stages);
    else if (keyword === 'RUN') run(stage, instruction);
    else if (keyword === 'USER') stage.user = instruction.getArgumentsContent() ?? undefined;
  }
  return [...stages.values()];
}

/** The JSON (exec) form of CMD, or of HEALTHCHECK's CMD. */
function execForm(instruction: Instruction | undefined, what: string): string[] {
  const text = instruction?.getArgumentsContent()?.replace(/^(--\S+\s+)*CMD\s+/, '');
  const argv = text ? (JSON.parse(text) as unknown) : undefined;
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) throw new Error(`${what} must be in exec form (a JSON array)`);
  return argv as string[];
}

/** Starts the final stage's CMD and runs its HEALTHCHECK until it passes; then stops it (SIGTERM) and checks it exits 0. */
export async function runImage(stage: Stage, dockerfile: string): Promise<{ healthyAfterMs: number }> {
  const parsed = DockerfileParser.parse(readFileSync(dockerfile, 'utf8'));
  const instructions = parsed.getInstructions();
  const lastFrom = instructions.findLastIndex((i) => i.getKeyword() === 'FROM');
  const final = instructions.slice(lastFrom);
  const cmd = execForm(
    final.find((i) => i.getKeyword() === 'CMD'),
    'CMD',
  );
  const check = execForm(
    final.find((i) => i.getKeyword() === 'HEALTHCHECK'),
    'HEALTHCHECK',
  );
  // Docker maps the container's 4010 to a host port; here the free port is the container's.
  const env = { ...commandEnv(stage, false), PORT: String(await freePort()) };
  const user = stage.user === undefined ? undefined : IMAGE_USERS[stage.user];
  if (stage.user !== undefined && !user) throw new Error(`USER ${stage.user}: unknown user of the base image`);
  const as = user && process.getuid?.() === 0 ? user : {};
  if (user && !('uid' in as)) say(`  (not root here: running as this user, not as ${stage.user})`);
  const cwd = inStage(stage, '.');
  const started = performance.now();
  const server = spawn(cmd[0] ?? 'node', cmd.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let output = '';
  server.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  server.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  const healthy = () => spawnSync(check[0] ?? 'node', check.slice(1), { cwd, env, ...as, timeout: 3000 }).status === 0;
  try {
    // start-period 5 s + 3 retries: the most Docker waits before calling it unhealthy.
    while (!healthy()) {
      if (server.exitCode !== null) throw new Error(`CMD exited (${server.exitCode}) before the health check passed:\n${output}`);
      if (performance.now() - started > 35_000) throw new Error(`HEALTHCHECK did not pass within 35 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const healthyAfterMs = performance.now() - started;
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`CMD exited ${code} on SIGTERM:\n${output}`);
    if (healthy()) throw new Error('HEALTHCHECK passes with the server stopped: it checks nothing');
    return { healthyAfterMs };
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

if (isEntryPoint(import.meta.url)) {
  const into = mkdtempSync(join(tmpdir(), 'docker-stage-'));
  chmodSync(into, 0o755);
  const dockerfile = process.argv[2] ?? join(PROJECT_ROOT, 'Dockerfile');
  const started = performance.now();
  try {
    say(`staging ${dockerfile} in ${into} (Node ${process.version} for node:24-slim)`);
    const stages = stageImage(dockerfile, PROJECT_ROOT, into);
    const final = stages.at(-1);
    if (!final) throw new Error('no stage');
    const { healthyAfterMs } = await runImage(final, dockerfile);
    say(
      `image OK: CMD healthy after ${healthyAfterMs.toFixed(0)} ms as USER ${final.user ?? 'root'}, exit 0 on SIGTERM; ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
    );
  } catch (error) {
    process.stderr.write(`image staging failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    if (statSync(into).isDirectory()) rmSync(into, { recursive: true, force: true });
  }
}
