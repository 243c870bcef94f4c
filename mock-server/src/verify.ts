import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnyJson, JsonMap } from '@pact-foundation/pact/src/common/jsonTypes.js';
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import type { Logger } from 'pino';
import { pactEnvironment } from './core/config.js';
import { createSandbox, type CreateSandboxOptions, type Sandbox } from './index.js';
import { VENDORS } from './vendors/index.js';

/** Pact provider names by vendor id, as each vendor module declares them. */
export const PACT_PROVIDERS: Readonly<Record<string, string>> = Object.fromEntries(VENDORS.map((v) => [v.id, v.pactProvider]));

/** The vendor a pact's provider names: its Pact provider name (`ocamba-hood`) or, as an alias, its id (`ocamba`). */
export function vendorOfProvider<V extends { readonly id: string; readonly pactProvider: string }>(vendors: readonly V[], provider: string): V | undefined {
  return vendors.find((v) => v.pactProvider === provider || v.id === provider);
}

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
  /** Tags of the provider version whose results are published (the Pact CLI's `--provider-version-tag`). */
  readonly providerVersionTags?: readonly string[];
  /** Where the build that verified runs, published with the results (`--build-url`). */
  readonly buildUrl?: string;
  /** Broker pacts marked pending fail no build (`--enable-pending`). */
  readonly enablePending?: boolean;
  /** Also verify work-in-progress pacts published since this date (`--include-wip-pacts-since`, YYYY-MM-DD); implies pending. */
  readonly includeWipPactsSince?: string;
  /** Only the pacts of these consumers, from files and from the broker (`--consumer`). */
  readonly consumers?: readonly string[];
  /** With a broker: a provider for which the broker has no pacts fails (default true, as the Pact CLI). */
  readonly failIfNoPactsFound?: boolean;
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

interface PactInteraction {
  readonly description: string;
  /** V4 `type` (`Synchronous/HTTP`, `Asynchronous/Messages`, …); V2/V3 HTTP interactions have none. */
  readonly type: string;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Plugins the interaction needs (V4 `pluginConfiguration`, `interactionMarkup`). */
  readonly plugins: readonly string[];
}

interface PactFile {
  readonly file: string;
  readonly provider: string;
  readonly consumer: string;
  /** Each interaction's provider states, in order, with their parameters (V3/V4 `providerStates[].params`; none in V2). */
  readonly states: readonly {
    readonly state: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly interaction: string;
    readonly index: number;
    readonly position: number;
  }[];
  readonly interactions: readonly PactInteraction[];
  /** A V3 message pact (`messages` instead of `interactions`). */
  readonly messages: number;
  /** Plugins the pact's metadata names. */
  readonly plugins: readonly string[];
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
  if (options.includeWipPactsSince !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.includeWipPactsSince)) {
    throw new VerifyUsageError(`--include-wip-pacts-since takes a date (YYYY-MM-DD), not "${options.includeWipPactsSince}"`);
  }
  const consumers = options.consumers ?? [];
  const files = options.pacts
    .flatMap(pactFilesIn)
    .map(readPactFile)
    .filter((f) => consumers.length === 0 || consumers.includes(f.consumer));
  if (options.pacts.length > 0 && files.length === 0 && !options.brokerUrl)
    throw new VerifyUsageError(`no pact of consumer(s) ${consumers.join(', ')} in ${options.pacts.join(', ')}`);
  checkPactsEmulated(files, sandbox);
  checkStates(files, sandbox);
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
    ...(options.providerVersionTags?.length ? { providerVersionTags: [...options.providerVersionTags] } : {}),
    ...(options.buildUrl ? { buildUrl: options.buildUrl } : {}),
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
          failIfNoPactsFound: options.failIfNoPactsFound ?? true,
          ...(options.enablePending || options.includeWipPactsSince ? { enablePending: true } : {}),
          ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
          ...(consumers.length ? { consumerFilters: [...consumers] } : {}),
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
  if (options.brokerUrl && (options.enablePending || options.includeWipPactsSince)) {
    out('pending pacts are enabled: their failures (under "Pending Failures" above) do not fail the build');
  }
  return { ok: failed === 0, results };
}

type StateFn = (params?: AnyJson) => Promise<JsonMap>;

/**
 * Pact state handlers for every state name at once: each setup/teardown goes
 * to the sandbox's `/__admin/provider-states` (the Pact state-change
 * protocol) with the pact's parameters; an unknown state fails with the
 * sandbox's list of known ones, bad parameters with each problem.
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
      const body = (await res.json()) as JsonMap & { error?: { message?: string; known?: string[]; issues?: string[] } };
      if (!res.ok) {
        const error = body.error;
        // The sandbox's reasons: each parameter problem, or the states it knows.
        const detail = error?.issues?.length ? ` ${error.issues.join('; ')}` : error?.known ? ` Known: ${error.known.join(', ')}` : '';
        throw new Error(`${error?.message ?? `provider state "${state}" failed (${res.status})`}${detail}`);
      }
      return body;
    };
  // An interaction without a provider state reaches the handlers with the name '': it needs no state, so nothing is set up.
  const none: StateFn = () => Promise.resolve({});
  // pact-js looks handlers up by state name (`stateHandlers[name]`): answer every name.
  return new Proxy({} as StateHandlers, {
    get: (_target, state) =>
      typeof state !== 'string' ? undefined : state === '' ? { setup: none, teardown: none } : { setup: change(state, 'setup'), teardown: change(state, 'teardown') },
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

/** A pact file, or the `*.json` files of a directory; a missing path or an empty directory is a `VerifyUsageError`. */
export function pactFilesIn(path: string): string[] {
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
    interactions?: RawInteraction[];
    messages?: unknown[];
    metadata?: { plugins?: { name?: string }[] };
  };
  const messages = Array.isArray(doc.messages) ? doc.messages.length : 0;
  if (!doc.provider?.name || (!Array.isArray(doc.interactions) && messages === 0)) throw new VerifyUsageError(`${file} is not a pact file (no provider or interactions)`);
  doc.interactions ??= [];
  const states = doc.interactions.flatMap((i, index) => {
    const given = i.providerStates?.map((s) => ({ name: s.name ?? '', params: s.params ?? {} })) ?? (i.providerState ? [{ name: i.providerState, params: {} }] : []);
    return given.map(({ name, params }, position) => ({ state: name, params, interaction: i.description ?? '', index, position }));
  });
  return {
    file,
    provider: doc.provider.name,
    consumer: doc.consumer?.name ?? '(unknown consumer)',
    states,
    interactions: doc.interactions.map(interactionOf),
    messages,
    plugins: (doc.metadata?.plugins ?? []).map((p) => p.name ?? '(unnamed plugin)'),
  };
}

interface RawInteraction {
  description?: string;
  type?: string;
  providerState?: string;
  providerStates?: { name?: string; params?: Record<string, unknown> }[];
  request?: { method?: string; path?: string };
  pluginConfiguration?: Record<string, unknown>;
  interactionMarkup?: unknown;
}

function interactionOf(raw: RawInteraction): PactInteraction {
  return {
    description: raw.description ?? '',
    type: raw.type ?? 'Synchronous/HTTP',
    method: raw.request?.method,
    path: raw.request?.path,
    plugins: [
      ...Object.keys(raw.pluginConfiguration ?? {}),
      ...(raw.interactionMarkup !== undefined && Object.keys(raw.pluginConfiguration ?? {}).length === 0 ? ['(interaction markup)'] : []),
    ],
  };
}

/** What the sandbox verifies; everything else in a pact is refused before anything runs (docs/decisions/0504-verify-checks-pacts-first.md). */
const VERIFIED_KIND = 'Synchronous/HTTP';

type RouteLookup = Pick<Sandbox, 'vendors' | 'route' | 'closestRoutes'>;

/**
 * Refuses, with one line each, what the sandbox cannot verify: a provider that
 * is no vendor's, message and plugin interactions, and requests no vendor
 * operation serves or that belong to another vendor than the pact's provider.
 */
function checkPactsEmulated(files: readonly PactFile[], sandbox: RouteLookup): void {
  const problems: string[] = [];
  const providers = sandbox.vendors.map((v) => `${v.pactProvider} (or ${v.id})`).join(', ');
  for (const pact of files) {
    const inside = relative(process.cwd(), pact.file);
    const where = inside.startsWith('..') ? pact.file : inside;
    const vendor = vendorOfProvider(sandbox.vendors, pact.provider);
    if (!vendor) {
      problems.push(`${where}: provider "${pact.provider}" is not a vendor the sandbox emulates (providers: ${providers})`);
      continue;
    }
    if (pact.messages > 0) problems.push(`${where}: a message pact (${pact.messages} message(s)); the sandbox verifies ${VERIFIED_KIND} interactions only`);
    if (pact.plugins.length > 0) problems.push(`${where}: needs plugin(s) ${pact.plugins.join(', ')}; the sandbox verifies ${VERIFIED_KIND} interactions only, with no plugins`);
    for (const i of pact.interactions) {
      const label = `${where}: interaction "${i.description}"`;
      if (i.type !== VERIFIED_KIND) {
        problems.push(`${label} is ${i.type}; the sandbox verifies ${VERIFIED_KIND} interactions only`);
        continue;
      }
      if (i.plugins.length > 0) {
        problems.push(`${label} needs plugin(s) ${i.plugins.join(', ')}; the sandbox verifies ${VERIFIED_KIND} interactions only, with no plugins`);
        continue;
      }
      if (i.method === undefined || i.path === undefined) {
        problems.push(`${label} has no request method or path`);
        continue;
      }
      const request = `${i.method.toUpperCase()} ${i.path}`;
      const route = sandbox.route(i.method, i.path);
      const closest = () =>
        sandbox
          .closestRoutes(i.method!, i.path!)
          .filter((r) => r.vendor === vendor.id)
          .map((r) => `${r.method} ${r.path}`)
          .join(', ');
      if (route.kind === 'operation' || route.kind === 'method-not-allowed') {
        if (route.vendor !== vendor.id) problems.push(`${label}: ${request} is ${route.vendor}'s, not ${vendor.id}'s (the pact's provider "${pact.provider}")`);
        else if (route.kind === 'method-not-allowed') problems.push(`${label}: ${request} is not emulated (the path serves ${route.allowed.join(', ')})`);
      } else if (route.kind === 'not-found' && route.vendor !== vendor.id) {
        problems.push(`${label}: ${request} is under ${route.vendor}'s paths, not ${vendor.id}'s (the pact's provider "${pact.provider}")`);
      } else {
        problems.push(`${label}: ${request} is not emulated; closest: ${closest()}`);
      }
    }
  }
  if (problems.length > 0) throw new VerifyUsageError(`cannot verify:\n  ${problems.join('\n  ')}`);
}

type StateLookup = Pick<Sandbox, 'providerStates' | 'providerStateList' | 'checkProviderState'>;

/**
 * Every provider state of every interaction, before anything runs: its name
 * is a state the sandbox answers, its parameters are the state's, and no
 * scenario state comes after a records state of the same vendor (activating
 * the scenario would reload the fixtures and drop the records).
 */
function checkStates(files: readonly PactFile[], sandbox: StateLookup): void {
  const known = sandbox.providerStates();
  const listed = new Map(sandbox.providerStateList().map((s) => [s.name, s]));
  const vendorOf = (state: string) => listed.get(state)?.vendors[0] ?? '';
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const f of files) {
    for (const s of f.states) {
      const where = `(interaction "${s.interaction}" in ${f.file})`;
      if (!known.includes(s.state)) {
        unknown.push(`  "${s.state}" ${where}`);
        continue;
      }
      for (const problem of sandbox.checkProviderState(s.state, s.params)) invalid.push(`  ${problem} ${where}`);
      const state = listed.get(s.state);
      if (state?.kind !== 'scenario') continue;
      const recordsBefore = f.states.find(
        (o) => o.index === s.index && o.position < s.position && listed.get(o.state)?.kind === 'records' && state.vendors.includes(vendorOf(o.state)),
      );
      if (recordsBefore) {
        const vendor = vendorOf(recordsBefore.state);
        invalid.push(
          `  "${s.state}" comes after "${recordsBefore.state}": the scenario would reload ${vendor}'s fixtures and drop those records; list scenario states first ${where}`,
        );
      }
    }
  }
  if (unknown.length > 0) {
    throw new VerifyUsageError(
      `unknown provider state(s):\n${[...new Set(unknown)].join('\n')}\nknown provider states (scenario names and their aliases, the vendors' states with parameters):\n  ${known.join('\n  ')}`,
    );
  }
  if (invalid.length > 0)
    throw new VerifyUsageError(`invalid provider state(s) (GET /__admin/provider-states lists each state's parameters):\n${[...new Set(invalid)].join('\n')}`);
}
