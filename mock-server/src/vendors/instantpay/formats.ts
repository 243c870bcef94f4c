import type { Random } from '../../core/random.js';

/** IST is UTC+05:30 all year (no daylight saving). */
const IST_OFFSET_MS = 330 * 60 * 1000;

/**
 * The envelope's `timestamp`: "YYYY-MM-DD HH:MM:SS" in IST without a zone
 * marker (docs/vendors/instantpay.md §1.3, derived: the seed's updated_at 08:59:19Z answers
 * timestamp 14:29:19).
 */
export function istTimestamp(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Record times (`created_at`, `updated_at`): UTC, six fractional digits of which the last three are 000 (docs/vendors/instantpay.md §1.6). */
export function recordTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

/** The Unix seconds an ObjectId's first 8 hex digits carry. */
export function objectIdSeconds(id: string): number {
  return parseInt(id.slice(0, 8), 16);
}

const hex8 = (value: number) => value.toString(16).padStart(8, '0').slice(-8);

/**
 * Mints MongoDB ObjectIds as a MongoDB driver does: 4 bytes of creation time
 * (so the time prefix equals `created_at`, docs/vendors/instantpay.md §1.6), 5 bytes random per
 * process, a 3-byte counter starting at a random value.
 */
export class ObjectIdMinter {
  readonly #process: string;
  #counter: number;

  constructor(random: Random) {
    this.#process = random.hex(10);
    this.#counter = random.int(0, 0xffffff);
  }

  mint(ms: number): string {
    this.#counter = (this.#counter + 1) & 0xffffff;
    return `${hex8(Math.floor(ms / 1000))}${this.#process}${this.#counter.toString(16).padStart(6, '0')}`;
  }
}

/**
 * `ipay_uuid` (docs/vendors/instantpay.md §1.6, derived from 12 samples): `h` + node + the time as
 * hex8(floor(unix seconds / 0.65536)) + the last four groups of a UUIDv4, and
 * optionally `-` + 12 alphanumerics. Seed: `h005 9921e8a1 -89ff-4b4a-b42e-c27893d64057`
 * (0x9921e8a1 × 0.65536 s = 2023-05-10 08:59:18Z).
 */
export function ipayUuid(ms: number, random: Random, options: { readonly node: string; readonly suffix: boolean }): string {
  // floor(seconds / 0.65536) = floor(ms × 100 / 65536), in integers.
  const time = hex8(Math.floor((ms * 100) / 65536));
  const tail = random.uuid().slice(8);
  return `h${options.node}${time}${tail}${options.suffix ? `-${random.alphanumeric(12)}` : ''}`;
}
