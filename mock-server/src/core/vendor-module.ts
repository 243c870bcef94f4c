import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { BodyPolicy, BodyFormat } from './body.js';
import type { BuildChecks } from './build-checks.js';
import type { Clock } from './clock.js';
import type { Contract, ValidationIssue } from './contract.js';
import type { ResultCodes, VendorOutcomes } from './coverage-outcomes.js';
import type { Explanation } from './explain.js';
import type { FixtureFiles } from './fixtures.js';
import type { HeaderValue, HttpOutcome } from './http-outcome.js';
import type { Leniency, LeniencyInfo, LeniencyWarning } from './leniency.js';
import type { ParamsCheck, ProviderState, ProviderStateInfo, ProviderStateValues, StateJson } from './provider-states.js';
import type { Random } from './random.js';
import type { Environment, Scenario, ScenarioEffects } from './scenario.js';

/** The request as a vendor handler sees it: no Express, nothing mutable. */
export interface VendorRequest {
  readonly method: string;
  /** Path after any `/__session/<id>` prefix was removed. */
  readonly path: string;
  /** Path parameters, coerced to the types the contract declares. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** Lower-cased names; repeated headers joined by Node's rules. */
  readonly headers: IncomingHttpHeaders;
  /** Name/value pairs exactly as sent, for vendors that care about repeated headers. */
  readonly rawHeaders: readonly string[];
  /** Parsed body; `undefined` when there was none. */
  readonly body: unknown;
  readonly bodyFormat: BodyFormat;
  /** The socket's peer address, or the first `X-Forwarded-For` hop when the sandbox trusts a proxy. */
  readonly clientIp: string;
}

/** What every vendor callback gets for the request at hand. */
export interface RequestContext<State, Settings> extends Omit<RenderContext<State, Settings>, 'operationId' | 'request'> {
  readonly contract: Contract;
  readonly operationId: string;
  readonly request: VendorRequest;
  readonly log: Logger;
}

/** An operation call after admission: the principal the vendor's admission produced. */
export interface OperationCall<State, Settings, Principal> extends RequestContext<State, Settings> {
  readonly principal: Principal;
}

/**
 * A call of one operation, its request typed by the contract (`Op`, an entry
 * of the generated `operations` interface): `params`, `query` and `body` as
 * the pipeline validated them. It is also an `OperationCall`, so helpers
 * shared by several handlers take that.
 */
export interface TypedOperationCall<State, Settings, Principal, Op> extends Omit<OperationCall<State, Settings, Principal>, 'request'> {
  readonly request: TypedRequest<Op>;
}

/** What the contract says of a request part that may be absent: no parameters at all is an empty object. */
type Part<T> = [NonNullable<T>] extends [never] ? Readonly<Record<string, never>> : Readonly<NonNullable<T>>;

/**
 * The request body an operation's generated type declares: one of its media
 * types' schemas, `undefined` when the body is optional or there is none.
 */
export type BodyOf<Op> = Op extends { readonly requestBody?: never }
  ? undefined
  : Op extends { readonly requestBody: { readonly content: infer C } }
    ? C[keyof C]
    : Op extends { readonly requestBody?: { readonly content: infer C } }
      ? C[keyof C] | undefined
      : unknown;

/**
 * A request typed from one entry of the `operations` interface openapi-typescript
 * generates (vendors/<id>/generated/contract.ts), as msw types resolvers: path
 * and query parameters after the contract's coercion, and the validated body.
 */
export interface TypedRequest<Op> extends Omit<VendorRequest, 'params' | 'query' | 'body'> {
  readonly params: Op extends { readonly parameters: { readonly path?: infer P } } ? Part<P> : Readonly<Record<string, never>>;
  readonly query: Op extends { readonly parameters: { readonly query?: infer Q } } ? Part<Q> : Readonly<Record<string, never>>;
  readonly body: BodyOf<Op>;
}

/** What admission (authentication, rate limiting) lets through. */
export interface Admission<Principal> {
  readonly principal: Principal;
  /** Headers to add to whatever this request is finally answered with (e.g. rate-limit headers). */
  readonly headers?: Readonly<Record<string, HeaderValue>>;
  /** Called once the answer has been written (e.g. to free a concurrency slot). */
  readonly release?: () => void;
  /**
   * Undoes what admission counted (rate-limit windows) when a scenario answers
   * instead of the vendor: a forced error or fault is not an allowed request
   * (docs/decisions/0005, 0070).
   */
  readonly refund?: () => void;
}

/** Conditions the core detects and every vendor must render in its own envelope. */
export interface CoreErrors<State, Settings> {
  routeNotFound(ctx: RenderContext<State, Settings>): HttpOutcome;
  methodNotAllowed(ctx: RenderContext<State, Settings>, allowed: readonly string[]): HttpOutcome;
  malformedBody(ctx: RenderContext<State, Settings>, reason: string): HttpOutcome;
  unsupportedMediaType(ctx: RenderContext<State, Settings>, contentType: string): HttpOutcome;
  payloadTooLarge(ctx: RenderContext<State, Settings>, limitBytes: number): HttpOutcome;
  invalidRequest(ctx: RequestContext<State, Settings>, issues: readonly ValidationIssue[]): HttpOutcome;
  internalError(ctx: RenderContext<State, Settings>): HttpOutcome;
}

/** Enough to render an error before (or without) an operation: no parsed body yet. */
export interface RenderContext<State, Settings> {
  readonly session: string;
  readonly state: State;
  readonly settings: Settings;
  readonly environment: Environment | undefined;
  readonly clock: Clock;
  readonly random: Random;
  readonly operationId: string | null;
  readonly request: Pick<VendorRequest, 'method' | 'path' | 'headers' | 'rawHeaders' | 'clientIp'>;
}

/** A vendor's error catalogue: every code it can produce, each rendered as its exact envelope. */
export interface ErrorCatalogue<State, Settings> {
  readonly codes: readonly string[];
  render(code: string, ctx: RenderContext<State, Settings>): HttpOutcome;
}

export type OperationHandler<State, Settings, Principal> = (call: OperationCall<State, Settings, Principal>) => HttpOutcome | Promise<HttpOutcome>;

/** A handler of one operation, typed by its generated entry. */
export type TypedOperationHandler<State, Settings, Principal, Op> = (call: TypedOperationCall<State, Settings, Principal, Op>) => HttpOutcome | Promise<HttpOutcome>;

/**
 * One handler per operation of the generated `operations` interface, no more
 * and no less: a contract operation without a handler, or a handler the
 * contract does not declare, fails the type check (start-up checks it again).
 */
export type OperationHandlers<Ops, State, Settings, Principal> = { readonly [K in keyof Ops]: TypedOperationHandler<State, Settings, Principal, Ops[K]> };

export interface StateInit<Settings, Fixtures> {
  /** Parsed once per sandbox, deep-frozen and shared by every session's store: never changed, only read. */
  readonly fixtures: Fixtures;
  /**
   * A value built once per fixture set under `key` and shared, read-only, by
   * every session's store (an index over the fixtures, a CowMap's base).
   */
  shared<T>(key: string, build: () => T): T;
  readonly contract: Contract;
  readonly settings: Settings;
  readonly clock: Clock;
  readonly random: Random;
  /** The sandbox seed, for values that must derive from (seed, entity id). */
  readonly seed: number;
}

/**
 * Everything that makes one vendor: handlers keyed by the contract's
 * operationIds (routing comes from the contract itself), its auth, its
 * store, its error catalogue and its settings.
 */
export interface VendorDefinition<State, Settings, Principal, Fixtures, Ops = Record<string, unknown>> {
  readonly id: string;
  readonly title: string;
  /** The Pact provider name of this API (`verify` fetches it from a broker; the reference pact is written for it). */
  readonly pactProvider: string;
  /** Path prefixes this vendor owns; unknown paths under them get the vendor's 404. */
  readonly basePaths: readonly string[];
  /** Defaults to true. */
  readonly caseSensitivePaths?: boolean;
  /** Contract file, relative to the contracts directory. */
  readonly contract: string;
  /** JSON Schema for the vendor's settings, relative to the contracts directory. */
  readonly settingsSchema: string;
  readonly defaultSettings: Settings;
  /** How request bodies are read; per-operation overrides in `bodyPolicies`. */
  readonly bodyPolicy: BodyPolicy;
  readonly bodyPolicies?: Readonly<Record<string, BodyPolicy>>;
  readonly fixtures: FixtureLoader<Fixtures>;
  createState(init: StateInit<Settings, Fixtures>): State;
  dumpState(state: State): unknown;
  /** Authentication and rate limiting; throws a `VendorError` to refuse. */
  admit(ctx: RequestContext<State, Settings>): Admission<Principal>;
  /** Keyed by the contract's generated `operations` interface. */
  readonly operations: OperationHandlers<Ops, State, Settings, Principal>;
  // NoInfer: the store type comes from createState; errors may be typed without it (they rarely read the store).
  readonly errors: ErrorCatalogue<NoInfer<State>, Settings>;
  readonly coreErrors: CoreErrors<NoInfer<State>, Settings>;
  /** What the drift proxy compares and redacts for this vendor (`contact-sandbox proxy`, mock-server/src/proxy/). */
  readonly drift?: DriftProfile;
  /**
   * Where this vendor's answers carry a result code of their own, how to read
   * it and which codes each operation documents: consumer coverage counts
   * those outcomes. Absent: coverage counts the contract's HTTP statuses.
   */
  readonly resultCodes?: ResultCodes<NoInfer<Ops>>;
  /** Where the sandbox is more lenient than the vendor's documents (`vendors/<id>/leniencies.ts`, docs/leniencies.md). */
  readonly leniencies?: readonly Leniency<NoInfer<State>, Settings>[];
  /** Pact provider states with parameters that create or choose records (`vendors/<id>/provider-states.ts`, docs/provider-states.md). */
  readonly providerStates?: readonly ProviderState<NoInfer<State>, Settings>[];
  /** The well-known credentials of the default fixtures (`vendors/<id>/identities.ts`, README "Sandbox identities"), as the dashboard lists them. */
  readonly identities?: readonly SandboxIdentity[];
}

/** One well-known credential of a vendor's default fixtures, and what it reaches there. */
export interface SandboxIdentity {
  /** What it is (`account A`, `agent`). */
  readonly name: string;
  /** How it is sent: headers, form fields of a login, or a cookie. */
  readonly sentAs: 'headers' | 'form fields' | 'cookie';
  /** Names and values, as sent. */
  readonly credentials: Readonly<Record<string, string>>;
  /** The records it reaches, or when it applies (a scenario). */
  readonly note: string;
}

/**
 * What the drift proxy must know of one vendor to compare the real vendor's
 * answers with the sandbox's (docs/decisions/0600): the rest (status, content
 * type, the contract's schemas) is the same for every vendor.
 */
export interface DriftProfile {
  /**
   * Where the vendor's own result code sits in a JSON answer, as JSON pointers
   * tried in order (the first one present counts, e.g. `['/response/code', '/code']`); absent: HTTP status only.
   */
  readonly resultCode?: readonly string[];
  /**
   * Response headers that matter besides `Content-Type` and `Date`, each
   * compared by `value` (a configured limit), `format` (an integer, a date, an
   * id: the value changes with every call) or `presence`.
   */
  readonly headers?: Readonly<Record<string, 'value' | 'format' | 'presence'>>;
  /** Header, query, cookie and body field names that carry this vendor's credentials (redacted in recordings). */
  readonly credentials?: readonly string[];
  /**
   * Request headers the sandbox's copy of a request carries instead of the
   * client's: the sandbox identity, since real credentials mean nothing to
   * the sandbox (README "Sandbox identities").
   */
  readonly sandboxHeaders?: Readonly<Record<string, string>>;
}

export interface FixtureLoader<Fixtures> {
  /** Validates one fixture set (the files of a directory under `fixtures/<vendor>/`) and builds what the store starts from. */
  load(files: FixtureFiles, contract: Contract): Fixtures;
}

/** An operation the router can dispatch to. */
export interface RoutedOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
}

/** What the core passes for one request to a vendor instance. */
export interface VendorCall {
  readonly operationId: string;
  readonly request: Omit<VendorRequest, 'body' | 'bodyFormat' | 'params' | 'query'> & {
    readonly params: Record<string, unknown>;
    /** The vendor's own copy: validation coerces its values in place. */
    readonly query: Record<string, unknown>;
    readonly contentType: string | undefined;
    readonly rawBody: Buffer | undefined;
  };
  readonly scenario: Scenario;
  /** Evaluates the scenario's overrides for this call (advancing their counters); called after admission. */
  readonly effects: () => ScenarioEffects;
  readonly log: Logger;
  /** Strict mode: a request relying on a leniency gets the vendor's refusal instead of a warning (core/leniency.ts). */
  readonly strict?: boolean;
}

/** A vendor's answer to a call: an HTTP answer, or a fault the core must enact on the socket. */
export type VendorResult =
  | {
      readonly kind: 'outcome';
      readonly outcome: HttpOutcome;
      /** Headers admission adds to whatever the request is answered with (rate-limit headers). */
      readonly headers?: Readonly<Record<string, HeaderValue>> | undefined;
      readonly release?: (() => void) | undefined;
      /** A scenario's override answered (a forced error), not the vendor's own behaviour. */
      readonly forced?: boolean;
      /** The leniencies the request relied on (core/leniency.ts); undefined when none. */
      readonly warnings?: readonly LeniencyWarning[] | undefined;
    }
  | {
      readonly kind: 'fault';
      readonly fault: import('./scenario.js').Fault;
      readonly release?: (() => void) | undefined;
      /** The scenario's reasons (a fault has no outcome to carry them). */
      readonly explanations?: readonly Explanation[] | undefined;
    };

/** One vendor's state and behaviour inside one session. */
export interface VendorInstance {
  run(call: VendorCall): Promise<VendorResult>;
  /** Renders a core condition found before any operation matched (unknown sub-route, wrong method, body too large). */
  renderRouteError(error: RouteError, scenario: Scenario, request: RenderContext<unknown, unknown>['request']): HttpOutcome;
  dump(): unknown;
  /**
   * Sets up one of the vendor's provider states (`checkProviderState` has
   * validated `params`) under the scenario in force; returns what it made.
   * @throws ProviderStateRefusal for parameters the vendor cannot honour.
   */
  setUpState(name: string, params: Readonly<Record<string, StateJson>>, scenario: Scenario): ProviderStateValues;
  /**
   * What `scenario`, applied to one request (`X-Sandbox-Scenario`), cannot do
   * to this instance: load another fixture set, or change settings the store
   * only reads when it is created.
   */
  perRequestGaps(scenario: Scenario): PerRequestGaps;
}

export interface PerRequestGaps {
  /** The fixture set the scenario names, when it is not the one this instance was loaded from. */
  readonly fixtureSet: string | undefined;
  /** Top-level settings read when the store was created whose value the scenario changes. */
  readonly settings: readonly string[];
}

export type RouteError =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[]; /** The contract's path template the path matched. */ readonly template?: string }
  | { readonly kind: 'payload-too-large'; readonly limitBytes: number }
  | { readonly kind: 'unsupported-media-type'; readonly contentType: string }
  | { readonly kind: 'internal' };

export interface InstanceInit {
  readonly fixtureSet: string;
  readonly scenario: Scenario;
  readonly clock: Clock;
  readonly random: Random;
  readonly seed: number;
  readonly session: string;
}

/** A vendor after start-up: contract compiled, fixtures loaded, scenarios checked. */
export interface PreparedVendor {
  readonly module: VendorModule;
  readonly contract: Contract;
  readonly operations: readonly RoutedOperation[];
  readonly fixtureSets: readonly string[];
  /** Every outcome each operation documents, for consumer coverage. */
  readonly outcomes: VendorOutcomes;
  /** Problems with what a scenario asks of this vendor (settings, error codes, operations, fixtures). */
  checkScenario(scenario: Scenario): string[];
  /** A hash of everything `checkScenario` depends on: a scenario checked against the same is not checked again. */
  readonly scenarioCheckContext: string;
  /** Checks a state change's parameters against the vendor's declaration (validators compiled on first use); undefined when the state is not this vendor's. */
  checkProviderState(name: string, params: unknown): ParamsCheck | undefined;
  createInstance(init: InstanceInit): VendorInstance;
  /**
   * The same vendor with its fixture sets read again from `fixturesDir` (contract and settings
   * as compiled at start-up): what a reload (`--watch`) builds new stores from.
   * @throws naming the file and field when a fixture is invalid
   */
  withFixtures(fixturesDir: string): PreparedVendor;
}

export interface PrepareEnv {
  readonly contractsDir: string;
  readonly fixturesDir: string;
  readonly log: Logger;
  /** Checks the build passed, skipped here; those that run are noted in it. Default: none skipped. */
  readonly checks?: BuildChecks;
}

/** The small interface the core knows a vendor by. Adding a vendor means adding one of these to `vendors/index.ts`. */
export interface VendorModule {
  readonly id: string;
  readonly title: string;
  readonly pactProvider: string;
  readonly basePaths: readonly string[];
  /** Whether `/Contacts` and `/contacts` are different paths (they are not on ASP.NET, say). */
  readonly caseSensitivePaths: boolean;
  readonly errorCodes: readonly string[];
  /** Default: no result code, no headers beyond content type and date, no credentials of its own. */
  readonly drift: DriftProfile;
  /** Where the sandbox is more lenient than the vendor's documents (docs/leniencies.md lists the same). */
  readonly leniencies: readonly LeniencyInfo[];
  /** The Pact provider states with parameters this vendor answers (docs/provider-states.md lists the same). */
  readonly providerStates: readonly ProviderStateInfo[];
  /** The well-known credentials of its default fixtures (README "Sandbox identities"). */
  readonly identities: readonly SandboxIdentity[];
  prepare(env: PrepareEnv): PreparedVendor;
}
