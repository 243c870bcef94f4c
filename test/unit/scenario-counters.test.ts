import { describe, expect, it } from 'vitest';
import { Random } from '../../mock-server/src/core/random.js';
import type { Scenario } from '../../mock-server/src/core/scenario.js';
import { ScenarioCounters } from '../../mock-server/src/core/scenario-counters.js';

const scenario = (overrides: Scenario['overrides']): Scenario => ({ name: 's', description: '', file: 's.yaml', vendors: {}, overrides, providerStates: [] });

describe('ScenarioCounters', () => {
  it('applies `times` calls after `after` calls, then recovers', () => {
    const counters = new ScenarioCounters();
    const s = scenario([{ vendor: 'v', after: 1, times: 2, error: 'E' }]);
    const errors = Array.from({ length: 5 }, () => counters.evaluate(s, 'v', 'op', new Random(1)).error);
    expect(errors).toEqual([undefined, 'E', 'E', undefined, undefined]);
  });

  it('matches only the vendor and operations named', () => {
    const counters = new ScenarioCounters();
    const s = scenario([{ vendor: 'v', operations: ['a'], error: 'E' }]);
    expect(counters.evaluate(s, 'v', 'b', new Random(1)).error).toBeUndefined();
    expect(counters.evaluate(s, 'w', 'a', new Random(1)).error).toBeUndefined();
    expect(counters.evaluate(s, 'v', 'a', new Random(1)).error).toBe('E');
  });

  it('combines latency from one override with an error from another', () => {
    const counters = new ScenarioCounters();
    const s = scenario([
      { vendor: 'v', latency: { kind: 'fixed', ms: 250 } },
      { vendor: 'v', times: 1, fault: { kind: 'empty-reply' } },
    ]);
    expect(counters.evaluate(s, 'v', 'op', new Random(1))).toEqual({ latencyMs: 250, fault: { kind: 'empty-reply' }, error: undefined, latencyFrom: 0, answerFrom: 1 });
    expect(counters.evaluate(s, 'v', 'op', new Random(1))).toEqual({ latencyMs: 250, fault: undefined, error: undefined, latencyFrom: 0, answerFrom: undefined });
  });

  it('draws ranged latency from the seeded generator', () => {
    const s = scenario([{ vendor: 'v', latency: { kind: 'range', minMs: 10, maxMs: 20 } }]);
    const draw = () => new ScenarioCounters().evaluate(s, 'v', 'op', new Random(7)).latencyMs;
    expect(draw()).toBe(draw());
    expect(draw()).toBeGreaterThanOrEqual(10);
    expect(draw()).toBeLessThanOrEqual(20);
  });

  it('forgets one scenario on clear(name)', () => {
    const counters = new ScenarioCounters();
    const s = scenario([{ vendor: 'v', times: 1, error: 'E' }]);
    counters.evaluate(s, 'v', 'op', new Random(1));
    expect(counters.evaluate(s, 'v', 'op', new Random(1)).error).toBeUndefined();
    counters.clear('s');
    expect(counters.evaluate(s, 'v', 'op', new Random(1)).error).toBe('E');
  });
});
