import type { ServerResponse } from 'node:http';
import type { JournalEventEntry } from './journal-event.js';
import type { JournalRecord, JournalTap } from './journal.js';

export type { JournalEventEntry };

/** How much the feed holds (docs/decisions/0611-journal-event-stream.md). */
export interface FeedLimits {
  /** Streams open at once; one more is refused (503 `event_streams_full`). */
  readonly maxSubscribers: number;
  /** Events kept for a subscriber whose connection is not taking them; past it the oldest go and the subscriber is told how many. */
  readonly queuedEvents: number;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  readonly heartbeatMs: number;
}

export const FEED_DEFAULTS: FeedLimits = { maxSubscribers: 32, queuedEvents: 500, heartbeatMs: 15_000 };

interface Subscriber {
  readonly res: ServerResponse;
  /** Undefined: every session. */
  readonly sessions: ReadonlySet<string> | undefined;
  /** Events waiting while the connection's buffer is full (at most `queuedEvents`). */
  readonly queue: string[];
  dropped: number;
  blocked: boolean;
}

/**
 * The sandbox's live journal (`GET /__admin/events`, Server-Sent Events). A
 * journal reaches it through a {@link JournalTap} that asks `active` first, so
 * with no subscriber a vendor request costs one property read and nothing is
 * built. Each subscriber's backlog is bounded: a client that stops reading
 * loses the oldest events, and is told so with a `dropped` event.
 */
export class JournalFeed {
  readonly #subscribers = new Set<Subscriber>();
  readonly #limits: FeedLimits;
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(limits: Partial<FeedLimits> = {}) {
    this.#limits = { ...FEED_DEFAULTS, ...limits };
  }

  /** True while anyone listens. */
  get active(): boolean {
    return this.#subscribers.size > 0;
  }

  get subscribers(): number {
    return this.#subscribers.size;
  }

  /** Room for one more stream? */
  get full(): boolean {
    return this.#subscribers.size >= this.#limits.maxSubscribers;
  }

  /** The tap a session's journal reports to. */
  tap(session: string): JournalTap {
    return {
      active: () => this.#subscribers.size > 0,
      recorded: (record) => this.#publish(record.session, 'request', summary(record)),
      cleared: () => this.#publish(session, 'cleared', { session }),
    };
  }

  /**
   * Turns `res` into an event stream of the sessions named (all when
   * undefined). The caller checks `full` first. After `closeAll` the stream
   * ends at once: the sandbox is stopping.
   */
  subscribe(res: ServerResponse, sessions: readonly string[] | undefined, date: string): void {
    res.sendDate = false;
    res.writeHead(200, {
      Date: date,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // nginx (deploy/nginx.conf) would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    if (this.#closed) {
      res.end();
      return;
    }
    const subscriber: Subscriber = { res, sessions: sessions === undefined ? undefined : new Set(sessions), queue: [], dropped: 0, blocked: false };
    this.#subscribers.add(subscriber);
    res.once('close', () => {
      this.#subscribers.delete(subscriber);
      if (this.#subscribers.size === 0) this.#stopHeartbeat();
    });
    res.on('drain', () => this.#drain(subscriber));
    this.#write(subscriber, `retry: 2000\nevent: ready\ndata: ${JSON.stringify({ sessions: sessions ?? null })}\n\n`);
    if (this.#heartbeat === undefined) {
      this.#heartbeat = setInterval(() => {
        for (const s of this.#subscribers) if (!s.blocked) this.#write(s, ': ping\n\n');
      }, this.#limits.heartbeatMs);
      this.#heartbeat.unref();
    }
  }

  /** Takes streams again after `closeAll` (the sandbox listens anew). */
  reopen(): void {
    this.#closed = false;
  }

  /**
   * Ends every stream, and any opened until `reopen` (the sandbox is
   * closing: a stream would hold its graceful shutdown until the grace period ran out).
   */
  closeAll(): void {
    this.#closed = true;
    this.#stopHeartbeat();
    for (const s of this.#subscribers) s.res.end();
    this.#subscribers.clear();
  }

  #publish(session: string, event: string, data: unknown): void {
    let chunk: string | undefined;
    for (const s of this.#subscribers) {
      if (s.sessions !== undefined && !s.sessions.has(session)) continue;
      // Serialised once, for every subscriber that wants it.
      chunk ??= `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      if (s.blocked) this.#enqueue(s, chunk);
      else this.#write(s, chunk);
    }
  }

  #enqueue(s: Subscriber, chunk: string): void {
    s.queue.push(chunk);
    if (s.queue.length > this.#limits.queuedEvents) {
      s.queue.shift();
      s.dropped++;
    }
  }

  #write(s: Subscriber, chunk: string): void {
    // false: Node holds the chunk, but the connection is not keeping up; the next events wait in the bounded queue.
    if (!s.res.write(chunk)) s.blocked = true;
  }

  #drain(s: Subscriber): void {
    s.blocked = false;
    if (s.dropped > 0) {
      this.#write(s, `event: dropped\ndata: ${JSON.stringify({ dropped: s.dropped })}\n\n`);
      s.dropped = 0;
    }
    while (!s.blocked && s.queue.length > 0) this.#write(s, s.queue.shift()!);
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat !== undefined) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }
}

function summary(record: JournalRecord): JournalEventEntry {
  return {
    seq: record.seq,
    at: new Date(record.atMs).toISOString(),
    session: record.session,
    method: record.method,
    path: record.path,
    vendor: record.vendor,
    operation: record.operation,
    scenario: record.scenario,
    status: record.status,
    ...(record.aborted ? { aborted: true as const } : {}),
    fault: record.fault,
    durationMs: record.durationMs,
    explanations: record.explanations?.length ?? 0,
    warnings: record.warnings?.length ?? 0,
  };
}
