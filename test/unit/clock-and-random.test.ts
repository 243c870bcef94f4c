import { describe, expect, it } from 'vitest';
import { Clock, parseClockOption } from '../../mock-server/src/core/clock.js';
import { deriveSeed, Random } from '../../mock-server/src/core/random.js';
import { UUID } from '../helpers/identities.js';

describe('Clock', () => {
  it('stays frozen until advanced or set', () => {
    const clock = new Clock({ mode: 'frozen', start: Date.parse('2026-01-01T00:00:00Z') }, () => 5);
    expect(clock.date().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.advance(1500);
    expect(clock.snapshot()).toEqual({ now: '2026-01-01T00:00:01.500Z', mode: 'frozen' });
    clock.set(Date.parse('2030-05-05T05:05:05Z'));
    expect(clock.snapshot().now).toBe('2030-05-05T05:05:05.000Z');
  });

  it('follows the wall clock when real, shifted by advances', () => {
    let wall = 1_000_000;
    const clock = new Clock({ mode: 'real' }, () => wall);
    expect(clock.now()).toBe(1_000_000);
    wall += 250;
    clock.advance(60_000);
    expect(clock.now()).toBe(1_060_250);
    clock.set(5_000);
    wall += 10;
    expect(clock.now()).toBe(5_010);
  });

  it('parses "real" and ISO instants, and names the option on anything else', () => {
    expect(parseClockOption('real')).toEqual({ mode: 'real' });
    expect(parseClockOption('2026-01-01T00:00:00Z')).toEqual({ mode: 'frozen', start: Date.parse('2026-01-01T00:00:00Z') });
    expect(() => parseClockOption('yesterday')).toThrow(/--clock must be "real" or an ISO-8601 instant/);
  });
});

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return [r.uuid(), r.hex(8), r.int(0, 1000), r.alphanumeric(12)];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('makes RFC 4122 v4 UUIDs', () => {
    const r = new Random(1);
    for (let i = 0; i < 200; i++) expect(r.uuid()).toMatch(UUID);
  });

  it('derives distinct, stable seeds from labels', () => {
    expect(deriveSeed(1, 'a', 'b')).toBe(deriveSeed(1, 'a', 'b'));
    expect(deriveSeed(1, 'a', 'b')).not.toBe(deriveSeed(1, 'ab'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });
});
