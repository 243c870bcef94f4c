import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnyJson, JsonMap } from '@pact-foundation/pact/src/common/jsonTypes.js';
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import type { Logger } from 'pino';
import { pactEnvironment } from './core/config.js';
import { createSandbox, type CreateSandboxOptions } from './index.js';
import { VENDORS } from './vendors/index.js';

/** Pact provider names by vendor id, as each vendor module declares them. */
export const PACT_PROVIDERS: Readonly<Record<string, string>> = Object.fromEntries(VENDORS.map((v) => [v.id, v.pactProvider]));

export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly branch?: string;
  readonly matchingBranch?: boolean;
  readonly deployedOrReleased?: boolean;
  readonly deployed?: boolean;
  readonly released?: boolean;
  readonly environment?: string;
  readonly consumer?: string;
  readonly tag?: string;
  readonly latest?: boolean;
}

export interface VerifyOptions {
  /** Pact files, or directories of them. */
  readonly pacts: readonly string[];
  readonly brokerUrl?: string;
  readonly brokerToken?: string;
  readonly brokerUsername?: string;
  readonly brokerPassword?: string;
  /** Providers to fetch from the broker (default: every vendor's). */
  readonly providers?: readonly string[];
  readonly consumerVersionSelectors?: readonly ConsumerVersionSelector[];
  readonly publishResults?: boolean;
  readonly providerVersion?: string;
  readonly providerBranch?: string;
  readonly sandbox?: CreateSandboxOptions;
  readonly out?: (line: string) => void;
  readonly log?: Logger;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly results: readonly { readonly target: string; readonly ok: boolean; readonly error?: string }[];
}

/** Thrown for problems found before any verification runs (missing files, unknown provider states). */
export class VerifyUsageError extends Error {
  override name = 'VerifyUsageError';
}

interface PactFile {
  readonly file: string;
  readonly provider: string;
  readonly consumer: string;
  readonly states: readonly { readonly state: string; readonly interaction: string }[];
}

/**
 * Verifies consumer pacts (files, or from a Pact Broker) against a sandbox
 * started in-process, provider states mapped to scenarios through
 * `/__admin/provider-states`. Local pacts are checked for unknown provider
 * states before anything runs.
 */
export async function verifyPacts(options: VerifyOptions): Promise<VerifyReport> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (options.pacts.length === 0 && !options.brokerUrl) throw new VerifyUsageError('give --pact <file|dir> or --broker-url');
  if (options.publishResults && !options.providerVersion) throw new VerifyUsageError('--publish-results needs --provider-version');
  const sandbox = createSandbox({ ...(options.log ? { logger: options.log } : {}), ...options.sandbox });
  const files = options.pacts.flatMap(pactFilesIn).map(readPactFile);
  checkStates(files, sandbox.providerStates());
  // Pact's native core reads its settings from the process environment only (no Verifier option carries them).
  Object.assign(process.env, pactEnvironment(process.env));
  const running = await sandbox.listen(0);
  // Imported here: loading Pact's native core costs the server's start-up time otherwise.
  const { Verifier } = await import('@pact-foundation/pact');
  const common = {
    providerBaseUrl: running.url,
    stateHandlers: stateHandlersFor(running.url),
    logLevel: 'warn' as const,
    ...(options.publishResults ? { publishVerificationResult: true, providerVersion: options.providerVersion } : {}),
    ...(options.providerBranch ? { providerVersionBranch: options.providerBranch } : {}),
  };
  const results: { target: string; ok: boolean; error?: string }[] = [];
  const run = async (target: string, verifierOptions: ConstructorParameters<typeof Verifier>[0]) => {
    out(`\n── verifying ${target}`);
    try {
      await new Verifier(verifierOptions).verifyProvider();
      results.push({ target, ok: true });
    } catch (error) {
      results.push({ target, ok: false, error: summarize(error) });
    }
  };
  try {
    for (const pact of files) {
      await run(`${pact.consumer} → ${pact.provider} (${relative(process.cwd(), pact.file)})`, { ...common, provider: pact.provider, pactUrls: [pact.file], ...broker(options) });
    }
    if (options.brokerUrl) {
      for (const provider of options.providers ?? Object.values(PACT_PROVIDERS)) {
        await run(`${provider} (from ${options.brokerUrl})`, {
          ...common,
          ...broker(options),
          provider,
          pactBrokerUrl: options.brokerUrl,
          consumerVersionSelectors: [...(options.consumerVersionSelectors ?? [{ mainBranch: true }, { deployedOrReleased: true }])],
          failIfNoPactsFound: false,
        });
      }
    }
  } finally {
    await running.close();
  }
  out('');
  for (const r of results) out(`${r.ok ? '✔' : '✘'} ${r.target}${r.ok ? '' : `\n    ${r.error ?? ''}`}`);
  const failed = results.filter((r) => !r.ok).length;
  out(failed === 0 ? `\n${results.length} verification(s) passed` : `\n${failed} of ${results.length} verification(s) failed`);
  return { ok: failed === 0, results };
}

type StateFn = (params?: AnyJson) => Promise<JsonMap>;

/**
 * Pact state handlers for every state name at once: each setup/teardown goes
 * to the sandbox's `/__admin/provider-states` (the Pact state-change
 * protocol), and an unknown state fails with the sandbox's list of known ones.
 */
export function stateHandlersFor(baseUrl: string, headers: Readonly<Record<string, string>> = {}): StateHandlers {
  const change =
    (state: string, action: 'setup' | 'teardown'): StateFn =>
    async (params) => {
      const res = await fetch(`${baseUrl}/__admin/provider-states`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ state, params: params ?? {}, action }),
      });
      const body = (await res.json()) as JsonMap & { error?: { message?: string; known?: string[] } };
      if (!res.ok) throw new Error(`${body.error?.message ?? `provider state "${state}" failed (${res.status})`} Known: ${(body.error?.known ?? []).join(', ')}`);
      return body;
    };
  // pact-js looks handlers up by state name (`stateHandlers[name]`): answer every name.
  return new Proxy({} as StateHandlers, {
    get: (_target, state) => (typeof state === 'string' ? { setup: change(state, 'setup'), teardown: change(state, 'teardown') } : undefined),
  });
}

/** The verifier's error is a JSON document; the report keeps one line per mismatch. */
function summarize(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message) as { interactionResults?: { description?: string; mismatch?: { mismatches?: { mismatch?: string }[] } }[] };
    const lines = (parsed.interactionResults ?? [])
      .filter((r) => r.mismatch)
      .flatMap((r) => (r.mismatch?.mismatches ?? []).map((m) => `${r.description ?? ''}: ${m.mismatch ?? ''}`));
    if (lines.length > 0) return lines.join('\n    ');
  } catch {
    // not JSON: the message as it is
  }
  return message.split('\n')[0] ?? message;
}

function broker(options: VerifyOptions): Record<string, string> {
  return {
    ...(options.brokerToken ? { pactBrokerToken: options.brokerToken } : {}),
    ...(options.brokerUsername ? { pactBrokerUsername: options.brokerUsername } : {}),
    ...(options.brokerPassword ? { pactBrokerPassword: options.brokerPassword } : {}),
  };
}

function pactFilesIn(path: string): string[] {
  if (!existsSync(path)) throw new VerifyUsageError(`no such pact file or directory: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(path, f));
  if (files.length === 0) throw new VerifyUsageError(`no pact files (*.json) in ${path}`);
  return files;
}

function readPactFile(file: string): PactFile {
  let pact: unknown;
  try {
    pact = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new VerifyUsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const doc = pact as {
    provider?: { name?: string };
    consumer?: { name?: string };
    interactions?: { description?: string; providerState?: string; providerStates?: { name?: string }[] }[];
  };
  if (!doc.provider?.name || !Array.isArray(doc.interactions)) throw new VerifyUsageError(`${file} is not a pact file (no provider or interactions)`);
  const states = doc.interactions.flatMap((i) => {
    const names = i.providerStates?.map((s) => s.name ?? '') ?? (i.providerState ? [i.providerState] : []);
    return names.map((state) => ({ state, interaction: i.description ?? '' }));
  });
  return { file, provider: doc.provider.name, consumer: doc.consumer?.name ?? '(unknown consumer)', states };
}

function checkStates(files: readonly PactFile[], known: readonly string[]): void {
  const unknown = files.flatMap((f) => f.states.filter((s) => !known.includes(s.state)).map((s) => `  "${s.state}" (interaction "${s.interaction}" in ${f.file})`));
  if (unknown.length > 0) {
    throw new VerifyUsageError(
      `unknown provider state(s):\n${[...new Set(unknown)].join('\n')}\nknown provider states (scenario names and their aliases):\n  ${known.join('\n  ')}`,
    );
  }
}
