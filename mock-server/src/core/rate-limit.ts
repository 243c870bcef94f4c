/** One fixed window: at most `limit` requests per `sizeMs`, windows aligned to the clock (whole seconds, whole minutes). */
export interface WindowSpec {
  readonly sizeMs: number;
  readonly limit: number;
}

export type LimitDecision =
  { readonly allowed: true; readonly limit: number; readonly remaining: number; readonly resetSeconds: number } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Fixed-window counting on the session's virtual clock. Only allowed requests
 * count. The allowed answer reports the window nearest to exhaustion.
 */
export class FixedWindowLimiter {
  readonly #counters = new Map<string, { start: number; count: number }[]>();

  take(key: string, now: number, windows: readonly WindowSpec[]): LimitDecision {
    let counters = this.#counters.get(key);
    if (!counters) this.#counters.set(key, (counters = windows.map(() => ({ start: NaN, count: 0 }))));
    // Plain loops: this runs on every request of a rate-limited vendor.
    let retryAfterSeconds = 0;
    for (let i = 0; i < windows.length; i++) {
      const spec = windows[i]!;
      const counter = counters[i]!;
      const start = Math.floor(now / spec.sizeMs) * spec.sizeMs;
      if (counter.start !== start) {
        counter.start = start;
        counter.count = 0;
      }
      if (counter.count >= spec.limit) retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((start + spec.sizeMs - now) / 1000));
    }
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    let nearest = 0;
    for (let i = 0; i < windows.length; i++) {
      counters[i]!.count++;
      if (windows[i]!.limit - counters[i]!.count < windows[nearest]!.limit - counters[nearest]!.count) nearest = i;
    }
    const spec = windows[nearest]!;
    const counter = counters[nearest]!;
    return { allowed: true, limit: spec.limit, remaining: spec.limit - counter.count, resetSeconds: Math.ceil((counter.start + spec.sizeMs - now) / 1000) };
  }

  /** Takes back one allowed request counted at `now` (windows that have rolled over since are left alone). */
  refund(key: string, now: number, windows: readonly WindowSpec[]): void {
    const counters = this.#counters.get(key);
    if (!counters) return;
    for (let i = 0; i < windows.length; i++) {
      const counter = counters[i]!;
      if (counter.start === Math.floor(now / windows[i]!.sizeMs) * windows[i]!.sizeMs && counter.count > 0) counter.count--;
    }
  }
}

/** Counts in-flight requests per key; `acquire` fails once `max` are in flight. */
export class ConcurrencyLimiter {
  readonly #inFlight = new Map<string, number>();

  /** A release function, or undefined when the cap is reached. */
  acquire(key: string, max: number): (() => void) | undefined {
    const current = this.#inFlight.get(key) ?? 0;
    if (current >= max) return undefined;
    this.#inFlight.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.#inFlight.delete(key);
      else this.#inFlight.set(key, left);
    };
  }

  inFlight(key: string): number {
    return this.#inFlight.get(key) ?? 0;
  }
}
