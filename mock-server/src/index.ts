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
import { VENDORS } from './vendors/index.js';

export type { RunningSandbox, Sandbox } from './core/create-sandbox.js';
export { SandboxConfigError } from './core/create-sandbox.js';
export { ScenarioLoadError } from './core/scenario-catalogue.js';
export type { ClockConfig } from './core/clock.js';

export interface CreateSandboxOptions extends Omit<SandboxOptions, 'vendors' | 'knownVendorIds'> {
  /** Vendor ids to mount; default all. */
  readonly vendors?: readonly string[];
}

/** Ids of every vendor the sandbox can emulate. */
export const VENDOR_IDS: readonly string[] = VENDORS.map((v) => v.id);

/** Builds a sandbox with every vendor (or those named). Does not listen: call `listen()` or pass `app` to supertest. */
export function createSandbox(options: CreateSandboxOptions = {}): Sandbox {
  const { vendors: names, ...rest } = options;
  const unknown = (names ?? []).filter((name) => !VENDOR_IDS.includes(name));
  if (unknown.length > 0) throw new SandboxConfigError(`unknown vendor(s): ${unknown.join(', ')} (known: ${VENDOR_IDS.join(', ')})`);
  return createSandboxApp({ ...rest, vendors: names ? VENDORS.filter((v) => names.includes(v.id)) : VENDORS, knownVendorIds: VENDOR_IDS });
}
