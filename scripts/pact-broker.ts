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
 *   tsx scripts/pact-broker.ts publish-provider [vendor ...]  default every vendor
 *       each vendor's OpenAPI contract as a provider contract (bi-directional
 *       contract testing, `pact pactflow publish-provider-contract`), with
 *       the self-verification results: the contract's sandbox-answer examples
 *       replayed against the sandbox (scripts/self-verification.ts,
 *       docs/decisions/0518)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Contract } from '../mock-server/src/core/contract.js';
import { DEFAULT_DIRS, PROJECT_ROOT } from '../mock-server/src/core/paths.js';
import { VENDORS } from '../mock-server/src/vendors/index.js';
import { vendorOfProvider } from '../mock-server/src/verify.js';
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

function brokerMissing(): boolean {
  if (process.env['PACT_BROKER_BASE_URL']) return false;
  console.error('PACT_BROKER_BASE_URL is not set (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, if the broker needs them)');
  return true;
}

function run(args: string[]): number {
  if (brokerMissing()) return 2;
  console.log(`pact ${args.join(' ')}`);
  return spawnSync(process.execPath, [pactBinary(), ...args], { stdio: 'inherit' }).status ?? 1;
}

/** The CI build's page, when the environment names one (GitHub Actions). */
function buildUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const [server, repository, runId] = [env['GITHUB_SERVER_URL'], env['GITHUB_REPOSITORY'], env['GITHUB_RUN_ID']];
  return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}

/**
 * Publishes each vendor's contract as a provider contract with its
 * self-verification results, failed ones too (the broker's can-i-deploy is
 * what refuses a provider whose contract failed its own verification); exits
 * non-zero when a publication or a self-verification failed.
 */
async function publishProviderContracts(names: readonly string[], version: string, branch: string | undefined): Promise<number> {
  if (brokerMissing()) return 2;
  const vendors = names.length === 0 ? VENDORS : names.map((name) => vendorOfProvider(VENDORS, name));
  const unknown = names.filter((_, i) => vendors[i] === undefined);
  if (unknown.length > 0) {
    console.error(`unknown vendor(s) ${unknown.join(', ')}; known: ${VENDORS.map((v) => `${v.id} (${v.pactProvider})`).join(', ')}`);
    return 2;
  }
  const contracts = vendors.map((vendor) => {
    const contract = Contract.load(vendor!.id, join(DEFAULT_DIRS.contracts, vendor!.id, 'openapi.yaml'));
    return { vendor: vendor!, id: vendor!.id, contract: `contracts/${vendor!.id}/openapi.yaml`, document: contract.document };
  });
  const verifierVersion = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  // Loaded here: the other commands need no sandbox.
  const { selfVerify } = await import('./self-verification.js');
  const results = await selfVerify(contracts);
  const scratch = mkdtempSync(join(tmpdir(), 'self-verification-'));
  let code = 0;
  try {
    for (const [i, { vendor, contract }] of contracts.entries()) {
      const result = results[i]!;
      const file = join(scratch, `${vendor.id}.txt`);
      writeFileSync(file, result.report);
      process.stdout.write(result.report);
      const url = buildUrl();
      const published = run([
        'pactflow',
        'publish-provider-contract',
        join(PROJECT_ROOT, contract),
        '--provider',
        vendor.pactProvider,
        '--provider-app-version',
        version,
        ...(branch ? ['--branch', branch] : []),
        ...(url ? ['--build-url', url] : []),
        '--content-type',
        'application/yaml',
        '--verification-exit-code',
        result.ok ? '0' : '1',
        '--verification-results',
        file,
        '--verification-results-content-type',
        'text/plain',
        '--verification-results-format',
        'text',
        '--verifier',
        'contact-sandbox self-verification',
        '--verifier-version',
        verifierVersion,
      ]);
      if (published !== 0) return published;
      if (!result.ok) code = 1;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return code;
}

if (isEntryPoint(import.meta.url)) {
  const [command, arg, pacticipant] = process.argv.slice(2);
  const { version, branch } = versionAndBranch();
  if (command === 'publish-provider') {
    process.exitCode = await publishProviderContracts(process.argv.slice(3), version, branch);
  } else if (command === 'publish') {
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
      'usage: tsx scripts/pact-broker.ts publish [dir] | publish-provider [vendor ...] | can-i-deploy [environment] | record-deployment [environment] [pacticipant] | record-release [environment] [pacticipant]',
    );
    process.exitCode = 2;
  }
}
