/**
 * contact-sandbox's programmatic API: build a sandbox in-process for tests,
 * or mount its Express app in your own server.
 *
 * ```ts
 * const sandbox = createSandbox({ seed: 1, clock: '2026-01-01T00:00:00Z' });
 * const { url, close } = await sandbox.listen();
 * ```
 */
import { createSandboxApp, SandboxConfigError, type Sandbox, type SandboxOptions } from './core/create-sandbox.js';
import { GENERATED_VENDOR_IDS, type BuiltInScenario, type VendorId } from './generated-names.js';
import { VENDORS } from './vendors/index.js';

export type { RunningSandbox, Sandbox, WatchOptions } from './core/create-sandbox.js';
export type { ReloadResult } from './core/sandbox-content.js';
export type { FileWatcher } from './core/watch-files.js';
export { SandboxConfigError } from './core/create-sandbox.js';
export { ScenarioLoadError } from './core/scenario-catalogue.js';
export { SessionLimitError } from './core/session.js';
export type { ClockConfig } from './core/clock.js';
export type { KnownRoute, RouteMatch } from './core/router.js';
export type { CoverageQuery, CoverageReport, VendorCoverage, OperationCoverage, OutcomeCoverage } from './core/coverage-report.js';
/** The coverage report as `contact-sandbox coverage` prints it (a terminal table) and writes it (`--html`). */
export { renderTable as renderCoverageTable, renderHtml as renderCoverageHtml } from './commands/coverage-render.js';
export type { LeniencyInfo, LeniencyWarning } from './core/leniency.js';
export type { ProviderStateListing } from './core/provider-state-catalogue.js';
export type { ProviderStateInfo, ProviderStateParamType } from './core/provider-states.js';
export { BUILT_IN_SCENARIOS, type BuiltInScenario, type VendorId } from './generated-names.js';

export interface CreateSandboxOptions extends Omit<SandboxOptions, 'vendors' | 'knownVendorIds' | 'scenario'> {
  /** Vendor ids to mount; default all. */
  readonly vendors?: readonly VendorId[];
  /** Scenario every session starts with (default `default`): a built-in one, or one from your `scenarioDirs`. */
  readonly scenario?: BuiltInScenario | (string & {});
}

/** Ids of every vendor the sandbox can emulate (generated from the vendor list; a test keeps them equal). */
export const VENDOR_IDS: readonly VendorId[] = GENERATED_VENDOR_IDS;

/** Whether `name` is the id of a vendor the sandbox emulates. */
export function isVendorId(name: string): name is VendorId {
  return (VENDOR_IDS as readonly string[]).includes(name);
}

/** Builds a sandbox with every vendor (or those named). Does not listen: call `listen()` or pass `app` to supertest. */
export function createSandbox(options: CreateSandboxOptions = {}): Sandbox {
  const { vendors: names, ...rest } = options;
  // Plain JavaScript callers can pass any string.
  const unknown = (names ?? []).filter((name) => !isVendorId(name));
  if (unknown.length > 0) throw new SandboxConfigError(`unknown vendor(s): ${unknown.join(', ')} (known: ${VENDOR_IDS.join(', ')})`);
  return createSandboxApp({ ...rest, vendors: names ? VENDORS.filter((v) => (names as readonly string[]).includes(v.id)) : VENDORS, knownVendorIds: VENDOR_IDS });
}
