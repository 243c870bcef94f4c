/**
 * `npm run contracts:publish` and `npm run contracts:can-i-deploy`: the
 * official Pact CLI (`pact broker ...` from @pact-foundation/pact-cli) with the
 * broker URL and credentials from PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN
 * (or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD), the version from git
 * (GIT_COMMIT, GITHUB_SHA or `git rev-parse`) and the branch likewise.
 *
 *   tsx scripts/pact-broker.ts publish [pact dir]        default contracts/pacts
 *   tsx scripts/pact-broker.ts can-i-deploy [environment] default production
 *   tsx scripts/pact-broker.ts record-deployment [environment] [pacticipant | providers]
 *   tsx scripts/pact-broker.ts record-release [environment] [pacticipant]
 *       after a deployment (or a release), tell the broker, so that the next
 *       can-i-deploy to that environment knows what runs there; default
 *       production and the reference client
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../mock-server/src/core/paths.js';
import { VENDORS } from '../mock-server/src/vendors/index.js';
import { isEntryPoint } from './entry-point.js';

const CONSUMER = 'contact-sandbox-reference-client';

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function versionAndBranch(env: NodeJS.ProcessEnv = process.env): { version: string; branch: string | undefined } {
  const version = env['GIT_COMMIT'] ?? env['GITHUB_SHA'] ?? git(['rev-parse', 'HEAD']);
  if (!version) throw new Error('no version: set GIT_COMMIT or run inside a git checkout');
  const branch = env['GIT_BRANCH'] ?? env['GITHUB_REF_NAME'] ?? git(['rev-parse', '--abbrev-ref', 'HEAD']);
  return { version, branch: branch === 'HEAD' ? undefined : branch };
}

/** The `pact` binary of @pact-foundation/pact-cli, run directly (not through npx, so signals reach it). */
function pactBinary(): string {
  const pkg = createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json');
  return join(dirname(pkg), 'bin', 'pact.js');
}

function run(args: string[]): number {
  if (!process.env['PACT_BROKER_BASE_URL']) {
    console.error('PACT_BROKER_BASE_URL is not set (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, if the broker needs them)');
    return 2;
  }
  console.log(`pact ${args.join(' ')}`);
  return spawnSync(process.execPath, [pactBinary(), ...args], { stdio: 'inherit' }).status ?? 1;
}

if (isEntryPoint(import.meta.url)) {
  const [command, arg, pacticipant] = process.argv.slice(2);
  const { version, branch } = versionAndBranch();
  if (command === 'publish') {
    process.exitCode = run(['broker', 'publish', arg ?? join(PROJECT_ROOT, 'contracts/pacts'), '--consumer-app-version', version, ...(branch ? ['--branch', branch] : [])]);
  } else if (command === 'can-i-deploy') {
    process.exitCode = run(['broker', 'can-i-deploy', '--pacticipant', CONSUMER, '--version', version, '--to-environment', arg ?? 'production']);
  } else if (command === 'record-deployment' || command === 'record-release') {
    // `providers`: every vendor's Pact provider name, the sandbox's side of the pacts.
    const pacticipants = pacticipant === 'providers' ? VENDORS.map((v) => v.pactProvider) : [pacticipant ?? CONSUMER];
    for (const name of pacticipants) {
      const code = run(['broker', command, '--pacticipant', name, '--version', version, '--environment', arg ?? 'production']);
      if (code !== 0) {
        process.exitCode = code;
        break;
      }
    }
  } else {
    console.error(
      'usage: tsx scripts/pact-broker.ts publish [dir] | can-i-deploy [environment] | record-deployment [environment] [pacticipant] | record-release [environment] [pacticipant]',
    );
    process.exitCode = 2;
  }
}
