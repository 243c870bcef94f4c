/** How a session's clock runs: following wall time (plus any advance), or frozen at an instant. */
export type ClockMode = 'real' | 'frozen';

export interface ClockConfig {
  readonly mode: ClockMode;
  /** Start instant (epoch ms) for a frozen clock; ignored when real. */
  readonly start?: number;
}

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

  constructor(config: ClockConfig, private readonly wall: () => number = Date.now) {
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

  /** Moves the clock to `instant`; `mode` switches between frozen and running. */
  set(instant: number, mode: ClockMode = this.#mode): void {
    this.#mode = mode;
    if (mode === 'frozen') this.#frozenAt = instant;
    else this.#offset = instant - this.wall();
  }

  advance(ms: number): void {
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
  return { mode: 'frozen', start };
}
