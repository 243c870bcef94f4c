/**
 * The admin API from the page. The admin token (decision 0612) is kept in
 * this tab's sessionStorage and sent as `Authorization: Bearer` on every
 * call; nothing goes in a cookie, so no other site can make the browser send it.
 */

const TOKEN_KEY = 'contact-sandbox.admin-token';

export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function storeToken(token: string | undefined): void {
  if (token === undefined || token === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/**
 * `#token=<token>` in the address (a fragment never leaves the browser: not
 * sent to the server, not in its logs, not in a Referer) is taken once, kept,
 * and removed from the address bar.
 */
export function takeTokenFromAddress(): void {
  const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (!match) return;
  storeToken(decodeURIComponent(match[1] ?? ''));
  const rest = location.hash.replace(/(^#|&)token=[^&]*/, '$1').replace(/^#&/, '#');
  history.replaceState(null, '', `${location.pathname}${location.search}${rest === '#' ? '' : rest}`);
}

/** An admin call that did not answer 2xx: the sandbox's `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever a call is refused for want of the token. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function headers(session: string | undefined, json: boolean): Record<string, string> {
  const token = storedToken();
  return {
    Accept: 'application/json',
    ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    ...(session === undefined ? {} : { 'X-Sandbox-Session': session }),
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  };
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** The session the call acts on (`X-Sandbox-Session`); default the sandbox's `default`. */
  readonly session?: string | undefined;
}

/** One admin call; resolves to the parsed answer (undefined for 204). */
export async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const res = await fetch(`/__admin${path}`, {
    method: options.method ?? 'GET',
    headers: headers(options.session, options.body !== undefined),
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (res.status === 401) for (const listener of unauthorizedListeners) listener();
    throw new ApiError(res.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${res.status}`);
  }
  return parsed as T;
}

export type StreamState = 'connecting' | 'live' | 'offline' | 'unauthorized';

/**
 * Follows `GET /__admin/events?all=1`. A browser's EventSource cannot send
 * the token, so the stream is read with fetch and parsed here; when it ends
 * it is opened again after a pause (the journal view reloads what it missed
 * when the state turns `live` again).
 */
export function followEvents(onEvent: (event: string, data: unknown) => void, onState: (state: StreamState) => void): () => void {
  const abort = new AbortController();
  let retryMs = 2000;
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      onState('connecting');
      try {
        const res = await fetch('/__admin/events?all=1', { headers: { ...headers(undefined, false), Accept: 'text/event-stream' }, signal: abort.signal });
        if (res.status === 401) {
          onState('unauthorized');
          for (const listener of unauthorizedListeners) listener();
          return;
        }
        if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message = parseBlock(block);
            if (message.retry !== undefined) retryMs = message.retry;
            if (message.data === undefined) continue;
            if (message.event === 'ready') onState('live');
            onEvent(message.event, JSON.parse(message.data));
          }
        }
      } catch (_error) {
        if (abort.signal.aborted) return;
      }
      onState('offline');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void run();
  return () => abort.abort();
}

/** One Server-Sent Events block: its `event`, joined `data` lines and `retry`; comments skipped. */
function parseBlock(block: string): { event: string; data: string | undefined; retry: number | undefined } {
  let event = 'message';
  let data: string[] | undefined;
  let retry: number | undefined;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') (data ??= []).push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
  return { event, data: data?.join('\n'), retry };
}
