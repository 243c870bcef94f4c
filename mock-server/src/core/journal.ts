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
  readonly body: unknown;
  readonly vendor: string | null;
  readonly operation: string | null;
  readonly scenario: string | null;
  /** 0 when a fault dropped the connection without an answer. */
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string | readonly string[]>>;
  readonly responseBody: unknown;
  readonly fault: string | null;
  readonly durationMs: number;
}

/** What the dispatcher records: the request body stays raw until someone reads the journal. */
export type JournalRecord = Omit<JournalEntry, 'body' | 'at'> & { readonly rawBody: Buffer | undefined; readonly atMs: number };

const BODY_SHOWN = 64 * 1024;

/** A recorded body as JSON when it parses, else as text (cut at 64 KiB). */
function decodeBody(raw: Buffer | undefined): unknown {
  if (raw === undefined) return undefined;
  const text = raw.length > BODY_SHOWN ? `${raw.subarray(0, BODY_SHOWN).toString('utf8')}…` : raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
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
 * A bounded ring buffer: once full, the oldest entry is overwritten, so memory
 * stays flat however long a sandbox runs.
 */
export class Journal {
  readonly #entries: (JournalRecord | undefined)[];
  #next = 0;
  #size = 0;
  #seq = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`journal capacity must be a positive integer, got ${capacity}`);
    this.#entries = new Array<JournalRecord | undefined>(capacity);
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  record(entry: JournalRecord): void {
    this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Entries oldest first, optionally filtered. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const start = (this.#next - this.#size + this.capacity) % this.capacity;
    for (let i = 0; i < this.#size; i++) {
      const record = this.#entries[(start + i) % this.capacity];
      if (!record || !matches(record, filter)) continue;
      const { rawBody, atMs, ...rest } = record;
      out.push({ ...rest, at: new Date(atMs).toISOString(), body: decodeBody(rawBody) });
    }
    return out;
  }

  clear(): void {
    this.#entries.fill(undefined);
    this.#next = 0;
    this.#size = 0;
  }
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
