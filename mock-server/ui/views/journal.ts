import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { call } from '../api.js';
import { BodyBlock, ErrorLine, HeadersTable, html, inputValue, messageOf, Notice, shortTime, statusClass, useLoad, ViewHeading } from '../components.js';
import type { JournalEntry, JournalEvent, RequestsPage, SessionInfo } from '../types.js';
import type { ViewProps } from './props.js';

/** Rows kept on the page; older ones are still in the sandbox's journal. */
const MAX_ROWS = 1000;
/** With every session shown, the history comes from this many of the most recently used ones. */
const HISTORY_SESSIONS = 20;

const keyOf = (e: { session: string; seq: number }) => `${e.session}\u0000${e.seq}`;

function summaryOf(entry: JournalEntry): JournalEvent {
  return { ...entry, explanations: entry.explanations.length, warnings: entry.warnings?.length ?? 0 };
}

/** One session's newest entries, or (session '') those of the most recently used sessions, newest first. */
async function history(session: string): Promise<JournalEvent[]> {
  const page = (id: string) => call<RequestsPage>('/requests?limit=200', { session: id }).then((p) => p.requests.map(summaryOf));
  if (session !== '') return (await page(session)).reverse();
  const { sessions } = await call<{ sessions: SessionInfo[] }>('/sessions');
  const recent = [...sessions]
    .filter((s) => s.journalSize > 0)
    .sort((a, b) => b.lastUsed.localeCompare(a.lastUsed))
    .slice(0, HISTORY_SESSIONS);
  const pages = await Promise.all(recent.map((s) => page(s.id)));
  return pages
    .flat()
    .sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq)
    .slice(0, MAX_ROWS);
}

interface Filter {
  readonly session: string;
  readonly vendor: string;
  readonly operation: string;
  readonly status: string;
}

/** `429`, `4xx`, `none` (no answer: a dropped connection or a client that went away), or empty for any. */
function statusMatches(wanted: string, status: number | null): boolean | undefined {
  const w = wanted.trim().toLowerCase();
  if (w === '') return true;
  if (/^\d{3}$/.test(w)) return status === Number(w);
  if (/^[1-5]xx$/.test(w)) return status !== null && Math.floor(status / 100) === Number(w[0]);
  if (w === 'none') return status === null || status === 0;
  return undefined;
}

export function JournalView({ sessions, vendors, live }: ViewProps): VNode {
  const [filter, setFilter] = useState<Filter>({ session: '', vendor: '', operation: '', status: '' });
  const [arrived, setArrived] = useState<JournalEvent[]>([]);
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<{ session: string; seq: number } | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const past = useLoad(() => history(filter.session), [filter.session, reloads]);

  useEffect(() => {
    setArrived([]);
    return live.listen((event, data) => {
      if (event === 'request') {
        const entry = data as JournalEvent;
        if (filter.session !== '' && entry.session !== filter.session) return;
        setArrived((list) => [entry, ...list].slice(0, MAX_ROWS));
      } else if (event === 'cleared') {
        const { session } = data as { session: string };
        setArrived((list) => list.filter((e) => e.session !== session));
        setReloads((n) => n + 1);
      } else if (event === 'dropped' || event === 'ready') {
        // Events were missed (a slow reader, or the stream was down): the journal itself has them.
        setReloads((n) => n + 1);
      }
    });
  }, [live, filter.session]);

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: JournalEvent[] = [];
    for (const e of [...arrived, ...(past.data ?? [])]) {
      const key = keyOf(e);
      if (seen.has(key)) continue;
      seen.add(key);
      if (filter.vendor !== '' && e.vendor !== filter.vendor) continue;
      if (filter.operation !== '' && e.operation !== filter.operation) continue;
      if (statusMatches(filter.status, e.status) === false) continue;
      out.push(e);
    }
    return out.slice(0, MAX_ROWS);
  }, [arrived, past.data, filter]);

  const operations = useMemo(
    () => vendors.filter((v) => filter.vendor === '' || v.id === filter.vendor).flatMap((v) => v.operations.map((op) => ({ vendor: v.id, ...op }))),
    [vendors, filter.vendor],
  );
  const statusValid = statusMatches(filter.status, 200) !== undefined;
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));

  return html`<section aria-labelledby="view-title">
    <${ViewHeading} title="Journal">
      <p class="lede">Every request the sandbox answered, newest first; new ones appear as they arrive.</p>
    <//>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()} aria-label="Journal filters">
      <div class="field">
        <label for="journal-session">Session</label>
        <select id="journal-session" value=${filter.session} onChange=${(e: Event) => set({ session: inputValue(e) })}>
          <option value="">All sessions</option>
          ${sessions.map((s) => html`<option value=${s.id}>${s.id}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="journal-vendor">Vendor</label>
        <select id="journal-vendor" value=${filter.vendor} onChange=${(e: Event) => set({ vendor: inputValue(e), operation: '' })}>
          <option value="">All vendors</option>
          ${vendors.map((v) => html`<option value=${v.id}>${v.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="journal-operation">Operation</label>
        <select id="journal-operation" value=${filter.operation} onChange=${(e: Event) => set({ operation: inputValue(e) })}>
          <option value="">All operations</option>
          ${operations.map((op) => html`<option value=${op.operationId}>${op.operationId} (${op.method} ${op.path})</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="journal-status">Status</label>
        <input
          id="journal-status"
          value=${filter.status}
          placeholder="429, 4xx, none"
          size="10"
          aria-describedby="journal-status-hint"
          aria-invalid=${statusValid ? 'false' : 'true'}
          onInput=${(e: Event) => set({ status: inputValue(e) })}
        />
        <span id="journal-status-hint" class="hint">${statusValid ? 'a status, a class (4xx) or none' : 'not a status: use 429, 4xx or none'}</span>
      </div>
      <div class="field actions">
        <button type="button" onClick=${() => setReloads((n) => n + 1)}>Reload</button>
        ${
          filter.session === ''
            ? null
            : html`<button
                type="button"
                class="danger"
                onClick=${() => {
                  const session = filter.session;
                  call('/requests', { method: 'DELETE', session }).then(
                    () => {
                      setNotice({ kind: 'ok', text: `Cleared the journal of session ${session}.` });
                      setReloads((n) => n + 1);
                    },
                    (error: unknown) => setNotice({ kind: 'error', text: messageOf(error) }),
                  );
                }}
              >
                Clear this session's journal
              </button>`
        }
      </div>
    </form>
    <${Notice} notice=${notice} />
    <${ErrorLine} error=${past.error} />
    <p class="count" aria-live="polite">${rows.length === 0 ? (past.loading ? 'Loading…' : 'No requests yet.') : `${rows.length} request${rows.length === 1 ? '' : 's'} shown`}</p>
    <div class="journal-layout">
      <div class="table-wrap">
        <table class="journal" aria-label="Requests">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Session</th>
              <th scope="col">Request</th>
              <th scope="col">Vendor · operation</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">ms</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((e) => {
              const isOpen = open !== undefined && open.session === e.session && open.seq === e.seq;
              return html`<tr key=${keyOf(e)} class=${isOpen ? 'open' : ''} data-session=${e.session} data-seq=${e.seq}>
                <td><time datetime=${e.at} title=${e.at}>${shortTime(e.at)}</time></td>
                <td><code>${e.session}</code></td>
                <td>
                  <button
                    type="button"
                    class="link request"
                    aria-expanded=${isOpen ? 'true' : 'false'}
                    aria-controls="request-detail"
                    onClick=${() => setOpen(isOpen ? undefined : { session: e.session, seq: e.seq })}
                  >
                    <span class="method">${e.method}</span> ${e.path}
                  </button>
                </td>
                <td>${e.vendor ?? '—'}${e.operation ? html` · <span class="op">${e.operation}</span>` : null}</td>
                <td><span class=${`status ${statusClass(e.status)}`}>${e.status === null ? 'aborted' : e.status === 0 ? 'dropped' : e.status}</span></td>
                <td class="num">${e.durationMs.toFixed(1)}</td>
                <td class="notes">
                  ${e.scenario && e.scenario !== 'default' ? html`<span class="tag">${e.scenario}</span>` : null}
                  ${e.fault ? html`<span class="tag fault">fault: ${e.fault}</span>` : null}
                  ${e.explanations > 0 ? html`<span class="tag explain">${e.explanations} explanation${e.explanations === 1 ? '' : 's'}</span>` : null}
                  ${e.warnings > 0 ? html`<span class="tag warn">${e.warnings} warning${e.warnings === 1 ? '' : 's'}</span>` : null}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${open === undefined ? null : html`<${RequestDetail} key=${keyOf(open)} session=${open.session} seq=${open.seq} onClose=${() => setOpen(undefined)} />`}
    </div>
  </section>`;
}

function RequestDetail({ session, seq, onClose }: { session: string; seq: number; onClose: () => void }): VNode {
  const loaded = useLoad(() => call<RequestsPage>(`/requests?after=${seq - 1}&limit=1`, { session }), [session, seq]);
  const heading = useRef<HTMLHeadingElement>(null);
  const entry = loaded.data?.requests[0]?.seq === seq ? loaded.data.requests[0] : undefined;
  useEffect(() => {
    if (entry !== undefined) heading.current?.focus();
  }, [entry !== undefined]);
  const close = html`<button type="button" class="close" onClick=${onClose}>Close</button>`;
  if (loaded.error !== undefined) return html`<aside id="request-detail" class="detail"><${ErrorLine} error=${loaded.error} />${close}</aside>`;
  if (loaded.loading && entry === undefined) return html`<aside id="request-detail" class="detail"><p>Loading…</p></aside>`;
  if (entry === undefined)
    return html`<aside id="request-detail" class="detail">
      <p>Request ${seq} of session ${session} is no longer in the journal (cleared, or dropped for newer ones).</p>
      ${close}
    </aside>`;
  const query = Object.entries(entry.query);
  return html`<aside id="request-detail" class="detail" aria-labelledby="detail-title">
    <div class="detail-head">
      <h2 id="detail-title" tabindex="-1" ref=${heading}><span class="method">${entry.method}</span> ${entry.path}</h2>
      ${close}
    </div>
    <dl class="facts">
      <div>
        <dt>Status</dt>
        <dd><span class=${`status ${statusClass(entry.status)}`}>${entry.status ?? 'aborted'}</span></dd>
      </div>
      <div>
        <dt>Session</dt>
        <dd><code>${entry.session}</code> #${entry.seq}</dd>
      </div>
      <div>
        <dt>At (session clock)</dt>
        <dd><time datetime=${entry.at}>${entry.at}</time></dd>
      </div>
      <div>
        <dt>Took</dt>
        <dd>${entry.durationMs.toFixed(3)} ms</dd>
      </div>
      <div>
        <dt>Vendor · operation</dt>
        <dd>${entry.vendor ?? '—'} · ${entry.operation ?? '—'}</dd>
      </div>
      <div>
        <dt>Scenario</dt>
        <dd>${entry.scenario ?? '—'}</dd>
      </div>
      <div>
        <dt>Fault</dt>
        <dd>${entry.fault ?? 'none'}</dd>
      </div>
      <div>
        <dt>Request body</dt>
        <dd>${entry.bodyBytes} bytes${entry.truncated ? ' (kept cut)' : ''}</dd>
      </div>
    </dl>
    ${
      entry.explanations.length === 0
        ? null
        : html`<section class="explanations">
            <h3>Explanations</h3>
            <ul>
              ${entry.explanations.map(
                (x) =>
                  html`<li>
                    <strong>${x.rule}</strong> at <code>${x.where}</code>: expected ${x.expected}${x.got ? html`, got <code>${x.got}</code>` : null}
                    <div class="source">${x.source}</div>
                  </li>`,
              )}
            </ul>
          </section>`
    }
    ${
      entry.warnings === undefined
        ? null
        : html`<section class="warnings">
            <h3>Leniency warnings</h3>
            <ul>
              ${entry.warnings.map(
                (w) =>
                  html`<li>
                    <strong>${w.leniency}</strong>${w.refused ? ' (refused: strict mode)' : ''} at <code>${w.where}</code>: ${w.message}
                    <div class="source">${w.source}</div>
                  </li>`,
              )}
            </ul>
          </section>`
    }
    <div class="exchange">
      <section aria-label="Request">
        <h3>Request</h3>
        ${query.length === 0 ? null : html`<${HeadersTable} label="Query" headers=${entry.query} />`}
        <${HeadersTable} label="Request headers" headers=${entry.headers} />
        <${BodyBlock} label="Request body" body=${entry.body} />
      </section>
      <section aria-label="Response">
        <h3>Response</h3>
        <${HeadersTable} label="Response headers" headers=${entry.responseHeaders} />
        <${BodyBlock} label="Response body" body=${entry.responseBody} />
      </section>
    </div>
  </aside>`;
}
