/** How a session's clock runs: following wall time (plus any advance), or frozen at an instant. */
export type ClockMode = 'real' | 'frozen';

export interface ClockConfig {
  readonly mode: ClockMode;
  /** Start instant (epoch ms) for a frozen clock; ignored when real. */
  readonly start?: number;
}

/** The instants a clock may show: 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z (four-digit years, as RFC 3339 and the vendors' formats need). */
export const CLOCK_MIN_MS = 0;
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether `instant` (epoch ms) is one a clock may show. */
export function isClockInstant(instant: number): boolean {
  return Number.isFinite(instant) && instant >= CLOCK_MIN_MS && instant <= CLOCK_MAX_MS;
}

export const CLOCK_RANGE_TEXT = `${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()}`;

export interface ClockSnapshot {
  readonly now: string;
  readonly mode: ClockMode;
}

/**
 * The one source of time for a session. Every timestamp, id time prefix, rate
 * window and expiry reads it, so tests can freeze time and step it forward
 * instead of sleeping.
 */
export class Clock {
  #mode: ClockMode;
  #frozenAt: number;
  #offset = 0;
  #httpDate = { second: NaN, text: '' };

  constructor(
    config: ClockConfig,
    private readonly wall: () => number = Date.now,
  ) {
    this.#mode = config.mode;
    this.#frozenAt = config.start ?? wall();
  }

  now(): number {
    return this.#mode === 'frozen' ? this.#frozenAt : this.wall() + this.#offset;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** The `Date` header value for now (IMF-fixdate), computed once per second like Node's own. */
  httpDate(): string {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.#httpDate.second) this.#httpDate = { second, text: new Date(second * 1000).toUTCString() };
    return this.#httpDate.text;
  }

  /** Moves the clock to `instant`; `mode` switches between frozen and running. Throws a RangeError (changing nothing) outside CLOCK_MIN_MS..CLOCK_MAX_MS. */
  set(instant: number, mode: ClockMode = this.#mode): void {
    if (!isClockInstant(instant)) throw new RangeError(`clock instant ${instant} is outside ${CLOCK_RANGE_TEXT}`);
    this.#mode = mode;
    if (mode === 'frozen') this.#frozenAt = instant;
    else this.#offset = instant - this.wall();
  }

  /** Steps the clock forward. Throws a RangeError (changing nothing) if the result would leave CLOCK_MIN_MS..CLOCK_MAX_MS. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || !isClockInstant(this.now() + ms)) throw new RangeError(`advancing the clock by ${ms} ms would leave ${CLOCK_RANGE_TEXT}`);
    if (this.#mode === 'frozen') this.#frozenAt += ms;
    else this.#offset += ms;
  }

  snapshot(): ClockSnapshot {
    return { now: this.date().toISOString(), mode: this.#mode };
  }
}

/** Parses the CLI/option form: `real` or an ISO-8601 instant (frozen there). */
export function parseClockOption(value: string): ClockConfig {
  if (value === 'real') return { mode: 'real' };
  const start = Date.parse(value);
  if (Number.isNaN(start)) {
    throw new Error(`--clock must be "real" or an ISO-8601 instant such as 2026-01-01T00:00:00Z, got "${value}"`);
  }
  if (!isClockInstant(start)) throw new Error(`--clock must be an instant from ${CLOCK_RANGE_TEXT}, got "${value}"`);
  return { mode: 'frozen', start };
}
