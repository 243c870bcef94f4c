import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { parseBody } from './body.js';
import { BuildChecks, checkKey, fileHash } from './build-checks.js';
import { Contract, escapePointer } from './contract.js';
import { FixtureFiles } from './fixtures.js';
import { vendorOutcomes, type ResultCodes } from './coverage-outcomes.js';
import { isVendorError, type HttpOutcome } from './http-outcome.js';
import { loadSchemaFile } from './schema-document.js';
import type { Scenario } from './scenario.js';
import { deepMerge } from './deep-merge.js';
import { explained, explainedOr, issueExplanations, scenarioExplanations, type Explanation } from './explain.js';
import { answerNow, proceed, runPipeline, type Step } from './pipeline.js';
import { checkAnswer, checkRequest, leniencyInfo, leniencyTable, type LeniencyTable, type LeniencyWarning } from './leniency.js';
import { checkParams, paramsSchema, providerStateInfo, type ParamsCheck, type ProviderState, type ValidationIssuesOf } from './provider-states.js';
import type {
  Admission,
  InstanceInit,
  OperationHandler,
  PerRequestGaps,
  PreparedVendor,
  PrepareEnv,
  RenderContext,
  RequestContext,
  RouteError,
  StateInit,
  VendorCall,
  VendorDefinition,
  VendorInstance,
  VendorModule,
  VendorResult,
} from './vendor-module.js';

/**
 * Turns a typed vendor definition into the small interface the core knows.
 * Also owns the one request pipeline every vendor shares:
 * admission → scenario effects → body parsing → contract validation → handler.
 */
export function defineVendor<State, Settings, Principal, Fixtures, Ops>(def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>): VendorModule {
  const module: VendorModule = {
    id: def.id,
    title: def.title,
    pactProvider: def.pactProvider,
    basePaths: def.basePaths,
    caseSensitivePaths: def.caseSensitivePaths ?? true,
    errorCodes: def.errors.codes,
    drift: def.drift ?? {},
    leniencies: leniencyInfo(def.leniencies ?? []),
    providerStates: providerStateInfo(def.providerStates ?? []),
    identities: def.identities ?? [],
    prepare: (env) => prepare(def, module, env),
  };
  return module;
}

function prepare<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  module: VendorModule,
  env: PrepareEnv,
): PreparedVendor {
  const contract = Contract.load(def.id, join(env.contractsDir, def.contract));
  const declared = [...contract.operations.keys()];
  const missing = declared.filter((id) => !(id in def.operations));
  const undeclared = Object.keys(def.operations).filter((id) => !contract.operations.has(id));
  if (missing.length || undeclared.length) {
    throw new Error(`${def.id}: contract and handlers disagree; without handler: [${missing.join(', ')}], not in contract: [${undeclared.join(', ')}]`);
  }

  const settingsFile = join(env.contractsDir, def.settingsSchema);
  // Loaded when a check needs it: the build has usually passed them all (decision 0034).
  let validateSettings: ReturnType<typeof loadSchemaFile> | undefined;
  const settingsProblems = (settings: unknown): string[] => {
    validateSettings ??= loadSchemaFile(`${def.id}-settings`, settingsFile);
    return validateSettings(settings) ? [] : (validateSettings.errors ?? []).map((e) => `settings${e.instancePath.replace(/\//g, '.')} ${e.message ?? e.keyword}`);
  };
  const settingsHash = fileHash(settingsFile);
  const defaultSettingsJson = JSON.stringify(def.defaultSettings);
  const defaultsKey = checkKey('default-settings', def.id, settingsHash, defaultSettingsJson);
  const checks = env.checks ?? BuildChecks.none();
  if (!checks.passedByBuild(defaultsKey)) {
    const defaultProblems = settingsProblems(def.defaultSettings);
    if (defaultProblems.length) throw new Error(`${def.id}: default settings do not match ${settingsFile}: ${defaultProblems.join('; ')}`);
    checks.passed(defaultsKey);
  }

  const leniencies = leniencyTable(def.id, def.leniencies ?? [], declared);

  const resolved = new WeakMap<Scenario, Settings>();
  const settingsFor = (scenario: Scenario): Settings => {
    let settings = resolved.get(scenario);
    if (settings === undefined) {
      // Checked against the settings schema when the scenario was loaded (checkScenario).
      settings = deepMerge(def.defaultSettings, scenario.vendors[def.id]?.settings) as Settings;
      resolved.set(scenario, settings);
    }
    return settings;
  };

  // Values the stores derive from a fixture set, built by the first session that needs them.
  const sharedValues = new WeakMap<object, Map<string, unknown>>();
  const sharedFor = <T>(set: object, key: string, build: () => T): T => {
    let values = sharedValues.get(set);
    if (!values) sharedValues.set(set, (values = new Map<string, unknown>()));
    if (!values.has(key)) values.set(key, build());
    return values.get(key) as T;
  };

  const operations = declared.map((operationId) => {
    const op = contract.operation(operationId);
    return { operationId, method: op.method, path: op.path };
  });
  const outcomes = vendorOutcomes(def.id, def.title, contract, def.resultCodes as ResultCodes | undefined);
  const checkProviderState = providerStateChecker(def.providerStates ?? [], contract);
  // Everything above is compiled once; a reload (--watch) reads only the fixtures again.
  const withFixtures = (fixturesDir: string): PreparedVendor => {
    const fixtures = loadFixtureSets(def, contract, join(fixturesDir, def.id), checks);
    const fixtureSets = [...fixtures.keys()];
    const scenarioCheckContext = checkKey('vendor', def.id, contract.sourceHash, settingsHash, defaultSettingsJson, JSON.stringify(def.errors.codes), JSON.stringify(fixtureSets));
    return {
      module,
      contract,
      operations,
      fixtureSets,
      outcomes,
      checkScenario: (scenario) => checkScenario(def, contract, fixtureSets, settingsProblems, settingsFor, scenario),
      scenarioCheckContext,
      checkProviderState,
      createInstance: (init) => createInstance(def, contract, fixtures, settingsFor, sharedFor, leniencies, init),
      withFixtures,
    };
  };
  return withFixtures(env.fixturesDir);
}

/**
 * Every fixture set under `fixtureRoot` (one directory each), read, validated against the contract and frozen;
 * `default` must be there. A set whose files are byte for byte those the build loaded and checked is read on
 * first use instead, from the bytes read now (decision 0032): most starts and sessions touch few of the sets, and
 * loading them all was 3 ms of every start. Any other set is loaded now, so a broken fixture still fails the start.
 */
function loadFixtureSets<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  contract: Contract,
  fixtureRoot: string,
  checks: BuildChecks,
): ReadonlyMap<string, () => Fixtures> {
  const sets = existsSync(fixtureRoot)
    ? readdirSync(fixtureRoot, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const fixtures = new Map<string, () => Fixtures>();
  for (const set of sets) {
    const files = FixtureFiles.read(join(fixtureRoot, set));
    const load = (): Fixtures => deepFreeze(def.fixtures.load(files, contract));
    const key = checkKey('fixture-set', def.id, contract.sourceHash, files.hash);
    if (checks.passedByBuild(key)) {
      let loaded: Fixtures | undefined;
      fixtures.set(set, () => (loaded ??= load()));
    } else {
      const loaded = load();
      checks.passed(key);
      fixtures.set(set, () => loaded);
    }
  }
  if (!fixtures.has('default')) throw new Error(`${def.id}: no default fixture set in ${fixtureRoot}`);
  return fixtures;
}

function checkScenario<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  contract: Contract,
  fixtureSets: readonly string[],
  settingsProblems: (settings: unknown) => string[],
  settingsFor: (scenario: Scenario) => Settings,
  scenario: Scenario,
): string[] {
  const problems: string[] = [];
  const config = scenario.vendors[def.id];
  if (config?.fixtures !== undefined && !fixtureSets.includes(config.fixtures)) {
    problems.push(`vendors.${def.id}.fixtures: no fixture set "${config.fixtures}" (known: ${fixtureSets.join(', ')})`);
  }
  if (config?.settings !== undefined) {
    problems.push(...settingsProblems(settingsFor(scenario)).map((p) => `vendors.${def.id}.${p}`));
  }
  scenario.overrides.forEach((override, i) => {
    if (override.vendor !== def.id) return;
    for (const op of override.operations ?? []) {
      if (!contract.operations.has(op)) problems.push(`overrides[${i}].operations: ${def.id} has no operation "${op}" (known: ${[...contract.operations.keys()].join(', ')})`);
    }
    if (override.error !== undefined && !def.errors.codes.includes(override.error)) {
      problems.push(`overrides[${i}].error: ${def.id} has no error "${override.error}" (known: ${def.errors.codes.join(', ')})`);
    }
  });
  return problems;
}

/**
 * Checks state-change parameters against a vendor's declarations. Each
 * state's validator is compiled once, on its first state change (serving
 * without Pact never loads the compiler for them, decision 0032).
 */
function providerStateChecker<State, Settings>(states: readonly ProviderState<State, Settings>[], contract: Contract): (name: string, params: unknown) => ParamsCheck | undefined {
  const validators = new Map<string, ValidationIssuesOf>();
  return (name, params) => {
    const state = states.find((s) => s.name === name);
    if (state === undefined) return undefined;
    let validate = validators.get(name);
    if (validate === undefined) validators.set(name, (validate = contract.compileSchema(paramsSchema(state.params))));
    return checkParams(state, params, validate);
  };
}

/**
 * One vendor's instance in one session, in four steps: the store (recording
 * which settings it reads while built), the context every callback gets, the
 * request pipeline, and what a per-request scenario cannot change.
 */
function createInstance<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  contract: Contract,
  fixtures: ReadonlyMap<string, () => Fixtures>,
  settingsFor: (scenario: Scenario) => Settings,
  sharedFor: <T>(set: object, key: string, build: () => T) => T,
  leniencies: LeniencyTable<State, Settings>,
  init: InstanceInit,
): VendorInstance {
  const fixtureSet = fixtures.get(init.fixtureSet)?.();
  if (fixtureSet === undefined) throw new Error(`${def.id}: no fixture set "${init.fixtureSet}"`);
  const created = settingsFor(init.scenario);
  const shared = <T>(key: string, build: () => T): T => sharedFor(fixtureSet as object, key, build);
  const { state, readAtCreation } = createState(def, { fixtures: fixtureSet, shared, contract, settings: created, clock: init.clock, random: init.random, seed: init.seed });
  const contextFor = contextBuilder(def, contract, init, state, settingsFor);
  return {
    run: (call) => runCall(def, contract, contextFor, leniencies, call),
    renderRouteError: (error, scenario, request) => renderRouteError(def, error, contextFor(scenario, null, request, undefined)),
    dump: () => def.dumpState(state),
    setUpState: (name, params, scenario) => {
      const declared = def.providerStates?.find((s) => s.name === name);
      if (declared === undefined) throw new Error(`${def.id}: no provider state "${name}"`);
      const { session, clock, random, seed } = init;
      return declared.setUp({ state, settings: settingsFor(scenario), contract, clock, random, seed, session }, params);
    },
    perRequestGaps: perRequestGaps(def.id, init.fixtureSet, created, readAtCreation, settingsFor),
  };
}

/** Builds the store, noting the settings it reads meanwhile: those shape its contents (e.g. generated entities). */
function createState<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  init: StateInit<Settings, Fixtures>,
): { state: State; readAtCreation: ReadonlySet<string> } {
  const readAtCreation = new Set<string>();
  let building = true;
  const recording = new Proxy(init.settings as object, {
    get(target, key, receiver) {
      // Only reads while the store is built count (a store keeping `settings` for later must not widen the set).
      if (building && typeof key === 'string') readAtCreation.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Settings;
  const state = def.createState({ ...init, settings: recording });
  building = false;
  return { state, readAtCreation };
}

type ContextFor<State, Settings> = <Op extends string | null, Req, Log extends Logger | undefined>(
  scenario: Scenario,
  operationId: Op,
  request: Req,
  log: Log,
) => Omit<RenderContext<State, Settings>, 'operationId' | 'request'> & { readonly contract: Contract; readonly operationId: Op; readonly request: Req; readonly log: Log };

/** One literal for both contexts (no spread: it is built on every request). Route errors have no operation and no logger. */
function contextBuilder<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  contract: Contract,
  init: InstanceInit,
  state: State,
  settingsFor: (scenario: Scenario) => Settings,
): ContextFor<State, Settings> {
  const { session, clock, random } = init;
  return (scenario, operationId, request, log) => ({
    session,
    state,
    settings: settingsFor(scenario),
    environment: scenario.vendors[def.id]?.environment,
    clock,
    random,
    operationId,
    request,
    contract,
    log,
  });
}

/**
 * The request pipeline (runPipeline): admission → scenario effects → body parsing → contract validation →
 * the vendor's leniencies (warned, or refused in strict mode) → handler, whatever throws → the vendor's error.
 * Every answer then passes the vendor's answer leniencies (core/leniency.ts).
 */
function runCall<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  contract: Contract,
  contextFor: ContextFor<State, Settings>,
  leniencies: LeniencyTable<State, Settings>,
  call: VendorCall,
): Promise<VendorResult> {
  const { request: incoming, scenario, operationId } = call;
  // Parsing has no side effects, so it happens first; its errors are only reported after admission.
  const parsed = parseBody(incoming.rawBody, incoming.contentType, def.bodyPolicies?.[operationId] ?? def.bodyPolicy);
  // The request dispatch built, extended with what only the vendor's body policy knows.
  const request = { ...incoming, body: parsed.kind === 'ok' ? parsed.body : undefined, bodyFormat: parsed.kind === 'ok' ? parsed.format : 'none' } as const;
  const ctx: RequestContext<State, Settings> = contextFor(scenario, operationId, request, call.log);
  let admission: Admission<Principal> | undefined;
  const strict = call.strict === true;
  let warnings: LeniencyWarning[] | undefined;
  // The answer as the vendor's answer leniencies leave it (most vendors have none: the outcome as it is).
  const settle = (outcome: HttpOutcome): HttpOutcome => {
    if (leniencies.answers.length === 0) return outcome;
    const checked = checkAnswer(leniencies.answers, outcome, ctx, strict);
    if (checked === undefined) return outcome;
    warnings = warnings === undefined ? [checked.warning] : [...warnings, checked.warning];
    return checked.outcome;
  };
  // What the scenario did to this call (undefined when nothing: the common case allocates nothing).
  let scenarioReasons: readonly Explanation[] | undefined;
  const answer = (outcome: HttpOutcome): VendorResult => {
    const settled = settle(outcome);
    const explainedOutcome = scenarioReasons === undefined ? settled : explained(settled, ...scenarioReasons);
    return { kind: 'outcome', outcome: explainedOutcome, headers: admission?.headers, release: admission?.release, warnings };
  };
  return runPipeline<Admission<Principal>, VendorResult>({
    parse: () => {
      const admitted = def.admit(ctx);
      admission = admitted;
      const effects = call.effects();
      if (effects.latencyFrom !== undefined || effects.answerFrom !== undefined) scenarioReasons = scenarioExplanations(effects, scenario);
      const next = (): Step<Admission<Principal>, VendorResult> => {
        // A scenario answering instead of the vendor uses up no allowance, and its answer carries no admission headers (decision 0070).
        if (effects.fault) {
          admitted.refund?.();
          return answerNow({ kind: 'fault', fault: effects.fault, release: admitted.release, explanations: scenarioReasons });
        }
        if (effects.error !== undefined) {
          admitted.refund?.();
          const outcome = explained(settle(def.errors.render(effects.error, ctx)), ...(scenarioReasons ?? []));
          return answerNow({ kind: 'outcome', outcome, release: admitted.release, forced: true, warnings });
        }
        return proceed(admitted);
      };
      // Without latency the step stays synchronous: an async function would cost a microtask turn per request.
      return effects.latencyMs > 0 ? sleep(effects.latencyMs).then(next) : next();
    },
    validate: () => {
      const refusal = requestRefusal(def, contract, ctx, parsed);
      if (refusal) return answer(refusal);
      const found = checkRequest(leniencies.forOperation(operationId), ctx, strict);
      if (found === undefined) return undefined;
      warnings = found.warnings;
      if (found.refusal === undefined) return undefined;
      // A strict refusal is explained by the leniencies it refused (decision 0080).
      const refused = found.warnings.filter((w) => w.refused === true);
      return answer(explainedOr(found.refusal, () => refused.map(strictExplanation)));
    },
    handle: (admitted) => {
      // The one place a request meets its handler's types: validation above checked params, query and body against the schemas they are generated from.
      const handler = (def.operations as Readonly<Record<string, OperationHandler<State, Settings, Principal> | undefined>>)[operationId];
      if (!handler) throw new Error(`${def.id}: no handler for ${operationId}`);
      const outcome = handler({ ...ctx, principal: admitted.principal });
      return outcome instanceof Promise ? outcome.then(answer) : answer(outcome);
    },
    fail: (error) => {
      if (isVendorError(error)) return answer(error.outcome);
      call.log.error({ err: error, vendor: def.id, operation: operationId }, 'unexpected error in vendor handler');
      return answer(def.coreErrors.internalError(ctx));
    },
  });
}

/** A leniency strict mode refused, as a reason: the vendor's documents are what was expected. */
function strictExplanation(warning: LeniencyWarning): Explanation {
  return { rule: `strict.${warning.leniency}`, where: warning.where, expected: 'what the vendor documents (strict mode)', got: warning.message, source: warning.source };
}

/** The vendor's answer to a body it cannot read or a request its contract refuses; undefined when the request may go on. */
function requestRefusal<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  contract: Contract,
  ctx: RequestContext<State, Settings>,
  parsed: ReturnType<typeof parseBody>,
): HttpOutcome | undefined {
  const file = `contracts/${def.contract}`;
  const content = () => `${file}${contract.operationPointer(ctx.operationId)}/requestBody/content`;
  const mediaTypes = () => contract.operation(ctx.operationId).bodyMediaTypes.join(', ') || 'no body';
  if (parsed.kind === 'malformed') {
    return explainedOr(def.coreErrors.malformedBody(ctx, parsed.reason), () => [
      { rule: 'body.malformed', where: 'body', expected: mediaTypes(), got: parsed.reason, source: content() },
    ]);
  }
  if (parsed.kind === 'unsupported') {
    return explainedOr(def.coreErrors.unsupportedMediaType(ctx, parsed.contentType), () => [
      { rule: 'body.media-type', where: 'header:content-type', expected: mediaTypes(), got: parsed.contentType || 'absent', source: content() },
    ]);
  }
  const mediaType = parsed.format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
  const { params, query, headers } = ctx.request;
  const issues = contract.validateRequest(ctx.operationId, { params, query, headers: headers as Record<string, unknown>, body: parsed.body, mediaType });
  if (issues.length === 0) return undefined;
  return explainedOr(def.coreErrors.invalidRequest(ctx, issues), () =>
    issueExplanations(issues, ctx.request, {
      file,
      parameter: (location, name) => contract.parameterPointer(ctx.operationId, location, name),
      requestBody: `${contract.operationPointer(ctx.operationId)}/requestBody`,
    }),
  );
}

/** A condition found before any operation (or while reading the body), rendered by the vendor and explained by the core. */
function renderRouteError<State, Settings, Principal, Fixtures, Ops>(
  def: VendorDefinition<State, Settings, Principal, Fixtures, Ops>,
  error: RouteError,
  ctx: RenderContext<State, Settings>,
): HttpOutcome {
  const { coreErrors } = def;
  const file = `contracts/${def.contract}`;
  const { method, path, headers } = ctx.request;
  switch (error.kind) {
    case 'not-found':
      return explainedOr(coreErrors.routeNotFound(ctx), () => [
        { rule: 'route.not-found', where: 'path', expected: "a path the vendor's contract declares", got: `${method} ${path}`, source: `${file}#/paths` },
      ]);
    case 'method-not-allowed':
      return explainedOr(coreErrors.methodNotAllowed(ctx, error.allowed), () => [
        {
          rule: 'route.method-not-allowed',
          where: 'method',
          expected: `one of ${error.allowed.join(', ')}`,
          got: method,
          source: error.template === undefined ? `${file}#/paths` : `${file}#/paths/${escapePointer(error.template)}`,
        },
      ]);
    case 'payload-too-large':
      return explainedOr(coreErrors.payloadTooLarge(ctx, error.limitBytes), () => [
        {
          rule: 'body.too-large',
          where: 'body',
          expected: `at most ${error.limitBytes} bytes`,
          got: headers['content-length'] === undefined ? `more than ${error.limitBytes} bytes` : `${headers['content-length']} bytes`,
          source: 'sandbox option --body-limit (docs/decisions/0013-request-body-reader.md)',
        },
      ]);
    case 'unsupported-media-type':
      return explainedOr(coreErrors.unsupportedMediaType(ctx, error.contentType), () => [
        {
          rule: 'body.encoded',
          where: 'header:content-encoding',
          expected: 'identity (no compression)',
          got: String(headers['content-encoding'] ?? 'absent'),
          source: 'docs/decisions/0008-compressed-request-bodies.md',
        },
      ]);
    case 'internal':
      return coreErrors.internalError(ctx);
  }
}

/**
 * What a scenario applied to one request cannot do to this instance (another
 * fixture set, changed settings the store read when built). Depends only on
 * the scenario once the store is built: worked out once per scenario.
 */
function perRequestGaps<Settings>(
  vendor: string,
  fixtureSet: string,
  created: Settings,
  readAtCreation: ReadonlySet<string>,
  settingsFor: (scenario: Scenario) => Settings,
): (scenario: Scenario) => PerRequestGaps {
  const gapsByScenario = new WeakMap<Scenario, PerRequestGaps>();
  const before = created as Record<string, unknown>;
  return (scenario) => {
    let gaps = gapsByScenario.get(scenario);
    if (gaps === undefined) {
      const requested = scenario.vendors[vendor]?.fixtures;
      const settings = settingsFor(scenario) as Record<string, unknown>;
      gaps = {
        fixtureSet: requested !== undefined && requested !== fixtureSet ? requested : undefined,
        settings: [...readAtCreation].filter((key) => JSON.stringify(settings[key]) !== JSON.stringify(before[key])).sort(),
      };
      gapsByScenario.set(scenario, gaps);
    }
    return gaps;
  };
}

/** Not node:timers/promises, which the bundle would load on every start for this one wait. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
