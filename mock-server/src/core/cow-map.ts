const DELETED: unique symbol = Symbol('deleted');

/**
 * A Map over a shared, read-only base (built once per fixture set) that
 * copies nothing until written: writes go to a small overlay, deletes leave
 * tombstones. It iterates exactly as a Map copied from the base and then
 * changed the same way would: base keys in their places (changed values
 * where changed, deleted ones left out), then keys added since, in the order
 * they were added (a base key deleted then set again counts as added, as a
 * Map puts it last). So a session's store costs what it changed.
 */
export class CowMap<K, V> implements Iterable<[K, V]> {
  /** Changed or deleted base keys. */
  #changed: Map<K, V | typeof DELETED> | undefined;
  /** Keys added since (not in the base, or deleted from it and set again), in insertion order. */
  #added: Map<K, V> | undefined;
  #size: number;

  constructor(readonly base: ReadonlyMap<K, V>) {
    this.#size = base.size;
  }

  get size(): number {
    return this.#size;
  }

  has(key: K): boolean {
    if (this.#added?.has(key)) return true;
    if (this.#changed?.has(key)) return this.#changed.get(key) !== DELETED;
    return this.base.has(key);
  }

  get(key: K): V | undefined {
    if (this.#added?.has(key)) return this.#added.get(key);
    if (this.#changed?.has(key)) {
      const changed = this.#changed.get(key);
      return changed === DELETED ? undefined : changed;
    }
    return this.base.get(key);
  }

  set(key: K, value: V): this {
    if (this.#added?.has(key)) {
      this.#added.set(key, value);
      return this;
    }
    const changed = this.#changed?.get(key);
    if (this.base.has(key) && changed !== DELETED) {
      (this.#changed ??= new Map()).set(key, value);
      return this;
    }
    (this.#added ??= new Map()).set(key, value);
    this.#size++;
    return this;
  }

  delete(key: K): boolean {
    if (this.#added?.delete(key)) {
      this.#size--;
      return true;
    }
    if (!this.base.has(key) || this.#changed?.get(key) === DELETED) return false;
    (this.#changed ??= new Map()).set(key, DELETED);
    this.#size--;
    return true;
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const changed = this.#changed?.get(key);
      if (changed === DELETED) continue;
      yield [key, this.#changed?.has(key) ? (changed as V) : value];
    }
    if (this.#added) yield* this.#added;
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /** Entries written since the base (changed, deleted or added): what this map costs beyond the shared base. */
  get overlaySize(): number {
    return (this.#changed?.size ?? 0) + (this.#added?.size ?? 0);
  }
}
