/** The journals of every session, oldest-used session first (the session registry's order). */
export type JournalsByAge = () => Iterable<{ readonly journal: { readonly bytes: number; dropOldest(): boolean } }>;

/**
 * The sandbox-wide byte budget all sessions' journals share. Over budget, the
 * sessions used least recently lose their oldest entries first, down to 90 %
 * of the budget, so reclaiming is rare and active CI jobs keep their journals
 * (docs/decisions/0052-journal-bounds.md).
 */
export class JournalBudget {
  #used = 0;
  #reclaiming = false;

  constructor(
    readonly maxBytes: number,
    private readonly byAge: JournalsByAge = () => [],
  ) {}

  get used(): number {
    return this.#used;
  }

  add(bytes: number): void {
    this.#used += bytes;
  }

  /** Brings the total back under budget, when it is over. */
  settle(): void {
    if (this.#used <= this.maxBytes || this.#reclaiming) return;
    this.#reclaiming = true;
    try {
      const target = Math.floor(this.maxBytes * 0.9);
      for (const { journal } of this.byAge()) {
        while (this.#used > target && journal.bytes > 0 && journal.dropOldest());
        if (this.#used <= target) break;
      }
    } finally {
      this.#reclaiming = false;
    }
  }
}
