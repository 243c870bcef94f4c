import { NO_EXPLANATIONS, type Explanation } from './explain.js';
import { JournalBudget } from './journal-budget.js';
import { warningBytes, type LeniencyWarning } from './leniency.js';

export { JournalBudget };

/** One request as the sandbox saw and answered it. */
export interface JournalEntry {
  readonly seq: number;
  /** Virtual-clock instant the request arrived. */
  readonly at: string;
  readonly session: string;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** JSON when the kept bytes parse (and nest no deeper than {@link MAX_SHOWN_DEPTH}), else text. */
  readonly body: unknown;
  /** Size of the body as received, in bytes (0 without a body). */
  readonly bodyBytes: number;
  /** True when only the first `journalBodyMaxBytes` of the body were kept. */
  readonly truncated: boolean;
  readonly vendor: string | null;
  readonly operation: string | null;
  readonly scenario: string | null;
  /** 0 when a fault dropped the connection without an answer; null when the client went away before the request was complete. */
  readonly status: number | null;
  /** Present (true) when the client disconnected mid-request: nothing was answered. */
  readonly aborted?: true;
  readonly responseHeaders: Readonly<Record<string, string | readonly string[]>>;
  readonly responseBody: unknown;
  readonly fault: string | null;
  readonly durationMs: number;
  /** The vendor leniencies the request relied on (docs/leniencies.md); absent when none. */
  readonly warnings?: readonly LeniencyWarning[] | undefined;
  /** Why the answer refused the request, or how a scenario changed it (core/explain.ts); empty when neither. */
  readonly explanations: readonly Explanation[];
}

/** What the dispatcher records: the request body stays raw until someone reads the journal. */
export type JournalRecord = Omit<JournalEntry, 'body' | 'at' | 'bodyBytes' | 'truncated' | 'explanations'> & {
  /** Absent (undefined) on most entries: nothing refused. */
  readonly explanations?: readonly Explanation[] | undefined;
  readonly rawBody: Buffer | undefined;
  readonly atMs: number;
  /** Bytes of the response payload as written (the journal's size accounting). */
  readonly responseBytes?: number;
};

/** A record as kept: the body cut to the per-entry cap, and what it costs. */
interface Kept {
  readonly record: JournalRecord;
  readonly rawBody: Buffer | undefined;
  readonly bodyBytes: number;
  readonly bytes: number;
}

/**
 * Bodies nested deeper are listed as their text: serialising them back (and
 * any client parsing the listing) must not run out of stack.
 */
export const MAX_SHOWN_DEPTH = 64;

/** What an entry costs besides its bodies and headers (objects, numbers, strings of the route). */
const ENTRY_OVERHEAD = 512;

export interface JournalLimits {
  /** Entries kept per session. */
  readonly entries: number;
  /** Bytes kept per session (bodies, headers, overhead). */
  readonly bytes: number;
  /** A request body longer than this is kept cut to it. */
  readonly bodyBytes: number;
}

export interface JournalFilter {
  readonly vendor?: string | undefined;
  readonly method?: string | undefined;
  /** Exact path, or a prefix when it ends with `*`. */
  readonly path?: string | undefined;
  readonly status?: number | undefined;
  readonly operation?: string | undefined;
}

/**
 * Who hears of each new entry and of each clearing (the live feed,
 * core/journal-feed.ts). `active()` is asked first: with nobody listening a
 * request costs that call and nothing more.
 */
export interface JournalTap {
  active(): boolean;
  recorded(record: JournalRecord): void;
  cleared(): void;
}

export interface JournalPage {
  readonly entries: JournalEntry[];
  /** Entries matching the filter in the whole journal. */
  readonly total: number;
  /** The `after` that fetches the next page, or null when this page holds the newest match. */
  readonly next: number | null;
}

/**
 * One session's journal: oldest first, bounded in entries and in bytes (its
 * own, and its share of the sandbox-wide budget); the oldest entries go first.
 */
export class Journal {
  #entries: Kept[] = [];
  /** Index of the oldest kept entry in #entries (dropping from the front without shifting). */
  #head = 0;
  #seq = 0;
  #bytes = 0;
  readonly #limits: JournalLimits;
  readonly #budget: JournalBudget;
  readonly #tap: JournalTap | undefined;

  constructor(limits: JournalLimits | number, budget?: JournalBudget, tap?: JournalTap) {
    this.#limits = typeof limits === 'number' ? { entries: limits, bytes: Number.MAX_SAFE_INTEGER, bodyBytes: 64 * 1024 } : limits;
    const { entries, bytes, bodyBytes } = this.#limits;
    for (const [name, value] of [
      ['capacity', entries],
      ['byte limit', bytes],
      ['body limit', bodyBytes],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`journal ${name} must be a positive integer, got ${value}`);
    }
    this.#budget = budget ?? new JournalBudget(Number.MAX_SAFE_INTEGER);
    this.#tap = tap;
  }

  get capacity(): number {
    return this.#limits.entries;
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  /** Sequence numbers handed out so far: every request the session journaled, including those since dropped or cleared. */
  get recorded(): number {
    return this.#seq;
  }

  record(record: JournalRecord): void {
    const raw = record.rawBody;
    const bodyBytes = raw?.length ?? 0;
    // A copy of the kept prefix, so the request's whole buffer can be freed.
    const rawBody = raw !== undefined && raw.length > this.#limits.bodyBytes ? Buffer.from(raw.subarray(0, this.#limits.bodyBytes)) : raw;
    const bytes =
      ENTRY_OVERHEAD +
      (rawBody?.length ?? 0) +
      (record.responseBytes ?? 0) +
      headerBytes(record.headers) +
      headerBytes(record.responseHeaders) +
      record.path.length +
      warningBytes(record.warnings) +
      (record.explanations === undefined ? 0 : explanationBytes(record.explanations));
    this.#entries.push({ record, rawBody, bodyBytes, bytes });
    this.#bytes += bytes;
    this.#budget.add(bytes);
    // The newest entry always stays (it is within the per-entry cap).
    while (this.size > 1 && (this.size > this.#limits.entries || this.#bytes > this.#limits.bytes)) this.dropOldest();
    this.#budget.settle();
    if (this.#tap?.active()) this.#tap.recorded(record);
  }

  get size(): number {
    return this.#entries.length - this.#head;
  }

  /** Bytes this journal's entries are counted at. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Forgets the oldest entry; false when there is none. */
  dropOldest(): boolean {
    const oldest = this.#entries[this.#head];
    if (oldest === undefined) return false;
    this.#head++;
    this.#bytes -= oldest.bytes;
    this.#budget.add(-oldest.bytes);
    // Compact once the dropped prefix is large, so dropping stays O(1) amortised.
    if (this.#head >= 64 && this.#head * 2 >= this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
    return true;
  }

  /** Entries oldest first, optionally filtered. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.#head; i < this.#entries.length; i++) {
      const kept = this.#entries[i]!;
      if (matches(kept.record, filter)) out.push(entryOf(kept));
    }
    return out;
  }

  /**
   * One page of matching entries, oldest first: those after sequence number
   * `after`, or without it the newest `limit` (the tail, as a log shows it).
   */
  page(filter: JournalFilter, limit: number, after?: number): JournalPage {
    const matching: Kept[] = [];
    for (let i = this.#head; i < this.#entries.length; i++) {
      const kept = this.#entries[i]!;
      if (matches(kept.record, filter)) matching.push(kept);
    }
    let from: number;
    if (after === undefined) from = Math.max(0, matching.length - limit);
    else {
      from = matching.findIndex((k) => k.record.seq > after);
      if (from === -1) from = matching.length;
    }
    const chosen = matching.slice(from, from + limit);
    const more = from + limit < matching.length;
    return { entries: chosen.map(entryOf), total: matching.length, next: more ? chosen[chosen.length - 1]!.record.seq : null };
  }

  clear(): void {
    this.#budget.add(-this.#bytes);
    this.#entries = [];
    this.#head = 0;
    this.#bytes = 0;
    if (this.#tap?.active()) this.#tap.cleared();
  }
}

function entryOf(kept: Kept): JournalEntry {
  const { rawBody: _raw, atMs, responseBytes: _bytes, ...rest } = kept.record;
  return {
    ...rest,
    at: new Date(atMs).toISOString(),
    body: decodeBody(kept.rawBody),
    bodyBytes: kept.bodyBytes,
    truncated: kept.rawBody !== undefined && kept.rawBody.length < kept.bodyBytes,
    explanations: kept.record.explanations ?? NO_EXPLANATIONS,
  };
}

function explanationBytes(reasons: readonly Explanation[]): number {
  let n = 0;
  for (const r of reasons) n += 64 + r.rule.length + r.where.length + r.expected.length + r.got.length + r.source.length;
  return n;
}

/** A recorded body as JSON when it parses and is shallow enough to list safely, else as text. */
export function decodeBody(raw: Buffer | undefined): unknown {
  if (raw === undefined) return undefined;
  const text = raw.toString('utf8');
  if (nestingDepth(text) > MAX_SHOWN_DEPTH) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** How deep brackets nest in JSON text (brackets inside strings do not count); one pass, no recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function headerBytes(headers: Readonly<Record<string, string | readonly string[] | number | undefined>>): number {
  let n = 0;
  for (const name in headers) {
    const value = headers[name];
    n += name.length + 4 + (typeof value === 'string' ? value.length : Array.isArray(value) ? value.join(', ').length : 8);
  }
  return n;
}

function matches(entry: JournalRecord, filter: JournalFilter): boolean {
  if (filter.vendor !== undefined && entry.vendor !== filter.vendor) return false;
  if (filter.operation !== undefined && entry.operation !== filter.operation) return false;
  if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.path !== undefined) {
    const prefix = filter.path.endsWith('*') ? filter.path.slice(0, -1) : undefined;
    if (prefix !== undefined ? !entry.path.startsWith(prefix) : entry.path !== filter.path) return false;
  }
  return true;
}
