/** One Server-Sent Event as a client reads it. */
export interface SseEvent {
  readonly event: string;
  readonly data: any;
}

export interface EventStream {
  readonly status: number;
  readonly headers: Headers;
  /** The next event named `event` (others are skipped and kept in `seen`); rejects after `timeoutMs`. */
  next(event: string, timeoutMs?: number): Promise<SseEvent>;
  /** Every event read so far, in order. */
  readonly seen: SseEvent[];
  close(): void;
}

/** Opens `GET <url>` as an event stream (fetch, as the dashboard reads it) and parses the events as they come. */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const seen: SseEvent[] = [];
  const waiting = new Set<() => void>();
  let cursor = 0;
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n').filter((l) => !l.startsWith(':'));
            const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
            if (data.length === 0) continue;
            seen.push({ event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message', data: JSON.parse(data.join('\n')) });
            for (const wake of waiting) wake();
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return {
    status: res.status,
    headers: res.headers,
    seen,
    next: (event, timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const look = () => {
          while (cursor < seen.length) {
            const found = seen[cursor++]!;
            if (found.event === event) {
              waiting.delete(look);
              clearTimeout(timer);
              resolve(found);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiting.delete(look);
          reject(new Error(`no "${event}" event within ${timeoutMs} ms (seen: ${seen.map((e) => e.event).join(', ') || 'none'})`));
        }, timeoutMs);
        waiting.add(look);
        look();
      }),
    close: () => abort.abort(),
  };
}
