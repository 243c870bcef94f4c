/**
 * `npm run contracts:pacts`: regenerates contracts/pacts/ from the consumer
 * tests (test/pact/*.consumer.test.ts). The folder is emptied first, because
 * Pact merges into an existing file and a renamed interaction would linger;
 * files run one after another (toolchain notes: parallel writers lose interactions).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';

const out = join(PROJECT_ROOT, 'contracts/pacts');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const vitest = join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--no-file-parallelism', '.consumer.test.ts'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: { ...process.env, PACT_OUTPUT_DIR: out },
});
process.exitCode = result.status ?? 1;
