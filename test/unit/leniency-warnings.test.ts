import { describe, expect, it } from 'vitest';
import { MAX_WARNING_LENGTH, MAX_WARNING_LINES, warningHeader, type LeniencyWarning } from '../../mock-server/src/core/leniency.js';

const warning = (n: number, message = `message ${n}`): LeniencyWarning => ({ leniency: `vendor/leniency-${n}`, where: `/field${n}`, message, source: 'a page' });

describe('X-Sandbox-Warning lines (warningHeader)', () => {
  it('adds nothing when the request relied on no leniency: the scenario warning alone, or no header', () => {
    expect(warningHeader(undefined, undefined)).toBeUndefined();
    expect(warningHeader(undefined, [])).toBeUndefined();
    expect(warningHeader('scenario warning, as it was', undefined)).toBe('scenario warning, as it was');
  });

  it('writes one line "<id> at <where>: <message>" per leniency, "refused: " first in strict mode, after the scenario warning', () => {
    expect(warningHeader(undefined, [warning(1)])).toBe('vendor/leniency-1 at /field1: message 1');
    expect(warningHeader('the scenario', [warning(1), { ...warning(2), refused: true }])).toEqual([
      'the scenario',
      'vendor/leniency-1 at /field1: message 1',
      'refused: vendor/leniency-2 at /field2: message 2',
    ]);
  });

  it('keeps each line printable ASCII, comma-free and bounded, so joined lines split again at ", "', () => {
    const [line] = [warningHeader(undefined, [warning(1, `a, b\u00e9\n${'x'.repeat(500)}`)])].flat();
    expect(line).toMatch(/^[\x20-\x7e]+$/);
    expect(line).not.toContain(',');
    expect(line).toHaveLength(MAX_WARNING_LENGTH);
    expect(line!.endsWith('...')).toBe(true);
  });

  it(`shows at most ${MAX_WARNING_LINES} lines; the last then counts the rest, which the journal entry lists`, () => {
    const lines = warningHeader(
      'the scenario',
      [1, 2, 3, 4, 5, 6].map((n) => warning(n)),
    );
    expect(lines).toEqual([
      'the scenario',
      'vendor/leniency-1 at /field1: message 1',
      'vendor/leniency-2 at /field2: message 2',
      "4 more leniencies: see this request's journal entry (GET /__admin/requests)",
    ]);
  });
});
