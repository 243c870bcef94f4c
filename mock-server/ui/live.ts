/** The journal's live events, handed from the one stream the page keeps open to every view that listens. */
export type LiveListener = (event: string, data: unknown) => void;

export class LiveEvents {
  readonly #listeners = new Set<LiveListener>();

  emit(event: string, data: unknown): void {
    for (const listener of this.#listeners) listener(event, data);
  }

  /** Returns the unsubscribe function (an effect's cleanup). */
  listen(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
