import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { ContactSandboxScenario as ScenarioFile, Override as OverrideFile } from './generated/scenario-file.js';
import { BuildChecks, checkKey, fileHash } from './build-checks.js';
import { latencyOf, type Scenario, type ScenarioOverride } from './scenario.js';
import { loadSchemaFile } from './schema-document.js';
import { parseYamlText } from './yaml-text.js';

const EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Thrown when scenario files are invalid; the message names every file and field at fault. */
export class ScenarioLoadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid scenarios:\n  ${problems.join('\n  ')}`);
    this.name = 'ScenarioLoadError';
  }
}

/** All scenarios known to a sandbox, loaded and checked once at start-up. */
export class ScenarioCatalogue {
  readonly #byName: ReadonlyMap<string, Scenario>;
  readonly #byProviderState: ReadonlyMap<string, Scenario>;

  private constructor(scenarios: readonly Scenario[]) {
    this.#byName = new Map(scenarios.map((s) => [s.name, s]));
    const byState = new Map<string, Scenario>();
    for (const s of scenarios) for (const state of [s.name, ...s.providerStates]) byState.set(state, s);
    this.#byProviderState = byState;
  }

  /**
   * Reads every `.json`/`.yaml` file under `dirs` (later directories override
   * earlier ones by name), validates each against the scenario schema, then lets
   * `check` find what only the vendors know (operations, error codes, settings).
   * A file whose checks the build passed against the same schema and the same
   * vendors (`context`: what `check` depends on) is not checked again.
   */
  static load(
    dirs: readonly string[],
    schemaFile: string,
    check: (scenario: Scenario) => string[],
    built: { readonly checks: BuildChecks; readonly context: string } = { checks: BuildChecks.none(), context: '' },
  ): ScenarioCatalogue {
    let validate: ReturnType<typeof loadSchemaFile> | undefined;
    const schemaHash = fileHash(schemaFile);
    const problems: string[] = [];
    const scenarios = new Map<string, Scenario>();
    for (const dir of dirs) {
      for (const file of listFiles(dir)) {
        const name = relative(dir, file).slice(0, -extname(file).length).split(sep).join('/');
        let data: unknown;
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
          data = extname(file) === '.json' ? JSON.parse(text) : parseYamlText(text);
        } catch (error) {
          problems.push(`${file}: cannot parse: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        const key = checkKey('scenario', built.context, schemaHash, name, text);
        const checkedByBuild = built.checks.passedByBuild(key);
        if (!checkedByBuild) {
          validate ??= loadSchemaFile('scenario', schemaFile);
          if (!validate(data)) {
            for (const e of validate.errors ?? []) problems.push(`${file}: ${fieldName(e.instancePath)} ${e.message ?? e.keyword}${describeParams(e.params)}`);
            continue;
          }
        }
        // Shape checked by the schema above.
        const raw = data as ScenarioFile;
        const scenario: Scenario = {
          name,
          file,
          description: raw.description,
          vendors: raw.vendors ?? {},
          overrides: (raw.overrides ?? []).map(overrideOf),
          providerStates: raw.providerStates ?? [],
          ...(raw.internal ? { internal: true } : {}),
        };
        if (!checkedByBuild) {
          const found = check(scenario);
          for (const problem of found) problems.push(`${file}: ${problem}`);
          if (found.length === 0) built.checks.passed(key);
        }
        scenarios.set(name, scenario);
      }
    }
    const claimed = new Map<string, string>();
    for (const s of scenarios.values()) {
      for (const state of s.providerStates) {
        const other = claimed.get(state) ?? (scenarios.has(state) ? state : undefined);
        if (other !== undefined && other !== s.name) problems.push(`${s.file}: providerStates: "${state}" is already claimed by scenario ${other}`);
        claimed.set(state, s.name);
      }
    }
    if (!scenarios.has('default')) problems.push(`no "default" scenario in ${dirs.join(', ')}`);
    if (problems.length > 0) throw new ScenarioLoadError(problems);
    // Code-unit order, not localeCompare: the same on every machine and locale, and the first
    // localeCompare of a process sets up ICU collation, 14 ms of every start (decision 0032).
    return new ScenarioCatalogue([...scenarios.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }

  /**
   * The catalogue as a sandbox mounting only `mounted` sees it: parts for other
   * vendors are left out, and scenarios left concerning none of them are dropped
   * (a scenario that names no vendor, like `default`, concerns all and stays).
   */
  forVendors(mounted: readonly string[]): ScenarioCatalogue {
    const kept: Scenario[] = [];
    for (const scenario of this.#byName.values()) {
      const named = [...Object.keys(scenario.vendors), ...scenario.overrides.map((o) => o.vendor)];
      if (named.length > 0 && !named.some((v) => mounted.includes(v))) continue;
      kept.push({
        ...scenario,
        vendors: Object.fromEntries(Object.entries(scenario.vendors).filter(([v]) => mounted.includes(v))),
        overrides: scenario.overrides.filter((o) => mounted.includes(o.vendor)),
      });
    }
    return new ScenarioCatalogue(kept);
  }

  get(name: string): Scenario | undefined {
    return this.#byName.get(name);
  }

  /** The scenario a Pact provider state names (its own name, or one of its `providerStates`). */
  forProviderState(state: string): Scenario | undefined {
    return this.#byProviderState.get(state);
  }

  /** Names to show users: internal scenarios (the benchmark's) are left out, though `get` finds them. */
  names(): string[] {
    return this.list().map((s) => s.name);
  }

  /** Provider states to show users (internal scenarios left out, though `forProviderState` finds them). */
  providerStates(): string[] {
    return [...this.#byProviderState]
      .filter(([, s]) => !s.internal)
      .map(([state]) => state)
      .sort();
  }

  /** The scenarios to show users, without internal ones. */
  list(): readonly Scenario[] {
    return [...this.#byName.values()].filter((s) => !s.internal);
  }
}

/** How request handlers look scenarios up: through the catalogue in force, whichever a reload put there. */
export type ScenarioLookup = Pick<ScenarioCatalogue, 'get' | 'forProviderState' | 'names' | 'providerStates' | 'list'>;

/** A file's override as the core reads it: latency tagged by kind. */
function overrideOf({ latency, ...rest }: OverrideFile): ScenarioOverride {
  return latency === undefined ? rest : { ...rest, latency: latencyOf(latency) };
}

/** Every scenario file under `dir`, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (EXTENSIONS.has(extname(entry.name))) out.push(path);
  }
  return out.sort();
}

function fieldName(instancePath: string): string {
  if (instancePath === '') return '(top level)';
  return instancePath
    .slice(1)
    .split('/')
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function describeParams(params: Record<string, unknown>): string {
  if (typeof params['additionalProperty'] === 'string') return `: "${params['additionalProperty']}"`;
  if (Array.isArray(params['allowedValues'])) return ` (${params['allowedValues'].join(', ')})`;
  return '';
}
