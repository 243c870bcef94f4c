import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import type { Headers } from './types.js';

export { html };

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Loads with `load` whenever `deps` change (and on `reload`); the last answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: string | undefined; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error: messageOf(error), loading: false })),
    );
    return () => {
      current = false;
    };
    // The caller names what the load depends on.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code}, HTTP ${error.status})`;
  return error instanceof Error ? error.message : String(error);
}

/** A polite live region: what an action did, or why it failed. */
export function Notice({ notice }: { notice: { readonly kind: 'ok' | 'error'; readonly text: string } | undefined }): VNode {
  return html`<p class=${`notice ${notice?.kind ?? ''}`} role="status" aria-live="polite">${notice?.text ?? ''}</p>`;
}

export function ErrorLine({ error }: { error: string | undefined }): VNode | null {
  return error === undefined ? null : html`<p class="notice error" role="alert">${error}</p>`;
}

/** The heading each view starts with; it takes the focus when the view opens, so keyboard and screen-reader users land on it. */
export function ViewHeading({ title, children }: { title: string; children?: unknown }): VNode {
  return html`<div class="view-heading">
    <h1 id="view-title" tabindex="-1">${title}</h1>
    ${children}
  </div>`;
}

/** A body as it was journaled: pretty-printed JSON, text as it is, or a note that there was none. */
export function BodyBlock({ body, label }: { body: unknown; label: string }): VNode {
  if (body === undefined || body === '') return html`<p class="muted">${label}: none</p>`;
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  return html`<figure class="body">
    <figcaption>${label}</figcaption>
    <pre tabindex="0" aria-label=${label}><code>${text}</code></pre>
  </figure>`;
}

export function HeadersTable({ headers, label }: { headers: Headers; label: string }): VNode {
  const rows = Object.entries(headers);
  if (rows.length === 0) return html`<p class="muted">${label}: none</p>`;
  return html`<table class="headers">
    <caption>
      ${label}
    </caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Value</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([name, value]) =>
          html`<tr>
            <th scope="row"><code>${name}</code></th>
            <td><code>${Array.isArray(value) ? value.join(', ') : value}</code></td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** `2026-03-02T10:00:01.250Z` as `10:00:01.250` (the whole instant is the element's title). */
export function shortTime(iso: string): string {
  return iso.slice(11, 23);
}

/** A status as a class: 2xx ok, 4xx client, 5xx server, 0/null dropped. */
export function statusClass(status: number | null): string {
  if (status === null || status === 0) return 'status-none';
  return status < 300 ? 'status-ok' : status < 500 ? 'status-client' : 'status-server';
}

export function inputValue(event: Event): string {
  return (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
}

export function checked(event: Event): boolean {
  return (event.currentTarget as HTMLInputElement).checked;
}
