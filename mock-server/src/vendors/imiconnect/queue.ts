import { Heap } from 'heap-js';

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

/** A pending job and its arrival number, which orders jobs due at the same instant. */
interface Waiting<Job> {
  readonly job: Job;
  readonly arrival: number;
}

/**
 * IMIconnect's asynchronous processing without timers: jobs wait until the
 * session's virtual clock reaches their due instant, and are processed in due
 * order (then arrival order) the next time the store is read or written, so
 * tests step the clock instead of sleeping. Pending jobs sit in a binary heap
 * (O(log n) per job, whatever their delays); finished ones in insertion
 * order, the oldest forgotten beyond `keepFinished` (O(1) per job), after
 * which their transid answers as an unknown one
 * (docs/decisions/0053-imiconnect-queue-bounds.md).
 */
export class JobQueue<Job extends Queued, Result> {
  readonly #pending = new Heap<Waiting<Job>>((a, b) => a.job.readyAt - b.job.readyAt || a.arrival - b.arrival);
  readonly #finished = new Map<string, Finished<Job, Result>>();
  #arrivals = 0;

  constructor(readonly keepFinished: number) {
    if (!Number.isInteger(keepFinished) || keepFinished < 1) throw new Error(`keepFinished must be a positive integer, got ${keepFinished}`);
  }

  enqueue(job: Job): void {
    this.#pending.push({ job, arrival: this.#arrivals++ });
  }

  get pendingCount(): number {
    return this.#pending.length;
  }

  get finishedCount(): number {
    return this.#finished.size;
  }

  /** Processes every job due at `now`, in due then arrival order. */
  runDue(now: number, process: (job: Job) => readonly Result[]): void {
    for (let next = this.#pending.peek(); next !== undefined && next.job.readyAt <= now; next = this.#pending.peek()) {
      this.#pending.pop();
      const { job } = next;
      this.#finished.set(job.transid, { job, results: process(job) });
      if (this.#finished.size > this.keepFinished) this.#finished.delete(this.#finished.keys().next().value!);
    }
  }

  /** A finished job of this tenant; undefined while it is pending, for another tenant's transid, or an unknown (or forgotten) one. */
  finished(tenant: string, transid: string): Finished<Job, Result> | undefined {
    const done = this.#finished.get(transid);
    return done?.job.tenant === tenant ? done : undefined;
  }

  dump(): { pending: readonly Job[]; finished: readonly Finished<Job, Result>[] } {
    const pending = this.#pending
      .toArray()
      .sort(this.#pending.compare)
      .map((w) => w.job);
    return { pending, finished: [...this.#finished.values()] };
  }
}
