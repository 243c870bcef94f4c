import type { Scenario } from './scenario.js';
import { ScenarioLoadError, type ScenarioCatalogue } from './scenario-catalogue.js';
import type { PreparedVendor } from './vendor-module.js';

/**
 * What a sandbox serves from files: the vendors with their fixture sets, the
 * scenarios, and the one sessions start with. Read at start-up and replaced
 * whole by a reload (`--watch`, `Sandbox.reload()`); never changed in place,
 * so a session can keep the one it took.
 */
export interface SandboxContent {
  readonly vendors: readonly PreparedVendor[];
  /** The scenarios of the mounted vendors. */
  readonly scenarios: ScenarioCatalogue;
  readonly start: Scenario;
}

/** What a reload did: applied (with what is in force now), or refused with every problem found, each naming its file and field. */
export type ReloadResult =
  | {
      readonly applied: true;
      /** Fixture sets per vendor now in force. */
      readonly fixtureSets: Readonly<Record<string, readonly string[]>>;
      /** Scenario names now in force (internal ones left out, as `scenarioNames()`). */
      readonly scenarios: readonly string[];
      /** Sessions that keep the stores and scenarios they had until they are reset. */
      readonly sessionsKept: number;
    }
  | { readonly applied: false; readonly problems: readonly string[] };

/**
 * Reads every vendor's fixtures again from `fixturesDir`, then the scenarios
 * (`loadScenarios`, checked against those fixtures). All or nothing: one broken
 * file and `current` stays; every problem is listed, a vendor whose fixtures
 * are broken having its scenarios checked against the fixtures it had.
 */
export function reloadContent(
  current: SandboxContent,
  fixturesDir: string,
  loadScenarios: (vendors: readonly PreparedVendor[]) => { readonly mounted: ScenarioCatalogue; readonly start: Scenario },
): { readonly content: SandboxContent } | { readonly problems: readonly string[] } {
  const problems: string[] = [];
  const vendors = current.vendors.map((vendor) => {
    try {
      return vendor.withFixtures(fixturesDir);
    } catch (error) {
      problems.push(...messageLines(error));
      return vendor;
    }
  });
  try {
    const { mounted, start } = loadScenarios(vendors);
    if (problems.length === 0) return { content: { vendors, scenarios: mounted, start } };
  } catch (error) {
    problems.push(...(error instanceof ScenarioLoadError ? error.problems : messageLines(error)));
  }
  return { problems };
}

/**
 * A fixture loader's message as lines, its heading kept on each: `invalid
 * fixtures (loyaltii SandboxContact): /…/contacts.json[0].Email: must be string`.
 */
function messageLines(error: unknown): string[] {
  const [heading = '', ...rest] = (error instanceof Error ? error.message : String(error)).split('\n');
  const details = rest.map((line) => line.trim()).filter(Boolean);
  return details.length === 0 ? [heading] : details.map((line) => `${heading} ${line}`);
}
