/** What every queued job carries: its id, the tenant it belongs to and when it becomes due. */
export interface Queued {
  readonly transid: string;
  readonly tenant: string;
  readonly queuedAt: number;
  readonly readyAt: number;
}

export interface Finished<Job, Result> {
  readonly job: Job;
  readonly results: readonly Result[];
}

/** Finished transactions kept per session; the oldest are forgotten beyond this (their transid then answers as unknown). */
const KEEP_FINISHED = 10_000;

/**
 * IMIconnect's asynchronous processing without timers: jobs wait until the
 * session's virtual clock reaches their due instant, and are processed, in
 * due order (then arrival order), the next time anything reads the store.
 * Tests therefore step the clock instead of sleeping.
 */
export class JobQueue<Job extends Queued, Result> {
  readonly #pending: Job[] = [];
  readonly #finished = new Map<string, Finished<Job, Result>>();

  enqueue(job: Job): void {
    // Stable insertion: after every job due at the same instant or earlier.
    const at = this.#pending.findIndex((p) => p.readyAt > job.readyAt);
    this.#pending.splice(at === -1 ? this.#pending.length : at, 0, job);
  }

  /** Processes every job due at `now`, oldest first. */
  runDue(now: number, process: (job: Job) => readonly Result[]): void {
    while (this.#pending.length > 0 && this.#pending[0]!.readyAt <= now) {
      const job = this.#pending.shift()!;
      this.#finished.set(job.transid, { job, results: process(job) });
      if (this.#finished.size > KEEP_FINISHED) this.#finished.delete(this.#finished.keys().next().value!);
    }
  }

  /** A finished job of this tenant; undefined while it is pending, for another tenant's transid, or an unknown one. */
  finished(tenant: string, transid: string): Finished<Job, Result> | undefined {
    const done = this.#finished.get(transid);
    return done?.job.tenant === tenant ? done : undefined;
  }

  dump(): { pending: readonly Job[]; finished: readonly Finished<Job, Result>[] } {
    return { pending: [...this.#pending], finished: [...this.#finished.values()] };
  }
}
