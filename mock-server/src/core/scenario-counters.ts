import type { Random } from './random.js';
import { NO_EFFECTS, type Latency, type LatencyKind, type Scenario, type ScenarioEffects } from './scenario.js';

/**
 * How many matching calls each override of each scenario has seen in one
 * session, so that "fail the next two calls, then recover" holds per session.
 */
export class ScenarioCounters {
  readonly #seen = new Map<string, number>();

  /**
   * Evaluates `scenario` for one call. Every matching override counts the call;
   * latency comes from the first active override that sets one, and the fault
   * or error from the first active override that sets either.
   */
  evaluate(scenario: Scenario, vendor: string, operationId: string, random: Random): ScenarioEffects {
    let latency: Latency | undefined;
    let latencyFrom: number | undefined;
    let outcome: Pick<ScenarioEffects, 'fault' | 'error' | 'answerFrom'> | undefined;
    scenario.overrides.forEach((override, index) => {
      if (override.vendor !== vendor) return;
      if (override.operations && !override.operations.includes(operationId)) return;
      const key = `${scenario.name}#${index}`;
      const seen = this.#seen.get(key) ?? 0;
      this.#seen.set(key, seen + 1);
      const after = override.after ?? 0;
      if (seen < after) return;
      if (override.times !== undefined && seen >= after + override.times) return;
      if (!latency && override.latency) {
        latency = override.latency;
        latencyFrom = index;
      }
      if (!outcome && (override.fault || override.error)) outcome = { fault: override.fault, error: override.error, answerFrom: index };
    });
    if (!latency && !outcome) return NO_EFFECTS;
    return { latencyMs: latency ? latencyMs(latency, random) : 0, fault: outcome?.fault, error: outcome?.error, latencyFrom, answerFrom: outcome?.answerFrom };
  }

  /** Forgets the counts of one scenario (on activation), or of all. */
  clear(scenarioName?: string): void {
    if (scenarioName === undefined) return this.#seen.clear();
    for (const key of [...this.#seen.keys()]) if (key.startsWith(`${scenarioName}#`)) this.#seen.delete(key);
  }
}

type LatencyDraws = { readonly [K in LatencyKind]: (latency: Extract<Latency, { kind: K }>, random: Random) => number };

/** One rule per latency kind; the mapped type makes a new kind impossible to forget. */
const LATENCY = {
  fixed: (latency) => latency.ms,
  range: (latency, random) => random.int(latency.minMs, latency.maxMs),
} as const satisfies LatencyDraws;

function latencyMs(latency: Latency, random: Random): number {
  // A union of the table's rows cannot be called with the union of kinds; each row gets its own kind.
  return (LATENCY[latency.kind] as (latency: Latency, random: Random) => number)(latency, random);
}
