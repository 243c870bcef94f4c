import { describe, expect, it } from 'vitest';
import { CowMap } from '../../mock-server/src/core/cow-map.js';

/** The same operations on a plain copied Map and on a CowMap must leave them indistinguishable. */
function both(base: [string, number][], ops: ((m: Map<string, number> | CowMap<string, number>) => void)[]) {
  const shared = new Map(base);
  const plain = new Map(base);
  const cow = new CowMap(shared);
  for (const op of ops) {
    op(plain);
    op(cow);
  }
  return { plain, cow, shared };
}

describe('CowMap', () => {
  it('iterates, counts and answers exactly as a copied Map changed the same way, leaving the base untouched', () => {
    const base: [string, number][] = [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ];
    const { plain, cow, shared } = both(base, [
      (m) => m.set('b', 20),
      (m) => m.set('d', 4),
      (m) => m.delete('a'),
      (m) => m.set('a', 10),
      (m) => m.delete('d'),
      (m) => m.set('e', 5),
      (m) => m.delete('c'),
      (m) => m.delete('zz'),
    ]);
    expect([...cow]).toEqual([...plain]);
    expect([...cow.keys()]).toEqual(['b', 'a', 'e']);
    expect(cow.size).toBe(plain.size);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'zz']) {
      expect(cow.get(key)).toBe(plain.get(key));
      expect(cow.has(key)).toBe(plain.has(key));
    }
    expect([...shared]).toEqual(base);
  });

  it('holds only what was written: nothing for reads', () => {
    const cow = new CowMap(new Map(Array.from({ length: 100 }, (_, i) => [String(i), i] as [string, number])));
    for (let i = 0; i < 100; i++) cow.get(String(i));
    expect(cow.overlaySize).toBe(0);
    cow.set('5', 50);
    cow.delete('6');
    expect(cow.overlaySize).toBe(2);
    expect(cow.delete('6')).toBe(false);
  });
});
