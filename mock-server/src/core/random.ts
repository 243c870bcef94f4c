import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Derives a 32-bit seed from a base seed and any labels (a session id, an entity id). */
export function deriveSeed(seed: number, ...labels: readonly string[]): number {
  const hash = createHash('sha256').update(String(seed));
  for (const label of labels) hash.update('\u0000').update(label);
  return hash.digest().readUInt32BE(0);
}

const HEX = '0123456789abcdef';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Seeded randomness for one session. Everything a response contains that is
 * not in the request or the fixtures (trace ids, new ids, tokens) comes from
 * here, so the same seed and the same requests give the same bytes.
 */
export class Random {
  readonly #rng: RandomGenerator;

  constructor(readonly seed: number) {
    this.#rng = xoroshiro128plus(seed);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return uniformInt(this.#rng, min, max);
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  hex(length: number): string {
    return this.#pick(HEX, length);
  }

  alphanumeric(length: number): string {
    return this.#pick(ALPHANUMERIC, length);
  }

  /** An RFC 4122 version-4 UUID, lower case. */
  uuid(): string {
    const b = this.bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  #pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}
