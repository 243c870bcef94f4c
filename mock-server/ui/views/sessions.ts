import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { call } from '../api.js';
import { html, Notice, ViewHeading } from '../components.js';
import { useAction } from './actions.js';
import type { ViewProps } from './props.js';

/** Seconds, minutes or hours since `iso`, on the wall clock. */
function ago(iso: string): string {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

export function SessionsView({ session, setSession, sessions, refreshSessions }: ViewProps): VNode {
  const { notice, run } = useAction(refreshSessions);
  // The page's list follows the journal's events a second behind; opening the view reads it now.
  useEffect(refreshSessions, [refreshSessions]);
  const ordered = [...sessions].sort((a, b) => b.lastUsed.localeCompare(a.lastUsed));
  return html`<section aria-labelledby="view-title">
    <${ViewHeading} title="Sessions">
      <p class="lede">
        Each session has its own stores, clock, scenarios and journal. A request names one with <code>X-Sandbox-Session</code> or a <code>${'/__session/<id>/'}</code> prefix.
      </p>
    <//>
    <div class="toolbar"><button type="button" onClick=${refreshSessions}>Reload</button></div>
    <${Notice} notice=${notice} />
    <div class="table-wrap">
      <table class="sessions" aria-label="Sessions">
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Last used</th>
            <th scope="col" class="num">Requests</th>
            <th scope="col" class="num">In journal</th>
            <th scope="col">Clock</th>
            <th scope="col">Scenarios in force</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          ${ordered.map((s) => {
            const changed = Object.entries(s.active).filter(([, name]) => name !== 'default');
            return html`<tr key=${s.id} class=${s.id === session ? 'current' : ''} data-session=${s.id}>
              <th scope="row"><code>${s.id}</code>${s.id === session ? html` <span class="tag">selected</span>` : null}</th>
              <td><time datetime=${s.lastUsed} title=${s.lastUsed}>${ago(s.lastUsed)}</time></td>
              <td class="num">${s.requests}</td>
              <td class="num">${s.journalSize}</td>
              <td><time datetime=${s.clock.now}>${s.clock.now}</time> <span class="tag">${s.clock.mode}</span></td>
              <td>${changed.length === 0 ? html`<span class="muted">default</span>` : changed.map(([vendor, name]) => html`<div><code>${vendor}</code>: ${name}</div>`)}</td>
              <td class="row-actions">
                <button type="button" disabled=${s.id === session} onClick=${() => setSession(s.id)} aria-label=${`Select session ${s.id}`}>Select</button>
                <button
                  type="button"
                  onClick=${() => run(() => call('/reset', { method: 'POST', session: s.id }), `Session ${s.id} is back on the start-up scenario, fixtures and clock; its journal is empty.`)}
                  aria-label=${`Reset session ${s.id}`}
                >
                  Reset
                </button>
                <button
                  type="button"
                  class="danger"
                  disabled=${s.id === 'default'}
                  title=${s.id === 'default' ? 'The default session is always there; reset it instead' : ''}
                  onClick=${() => run(() => call(`/sessions/${encodeURIComponent(s.id)}`, { method: 'DELETE' }), `Session ${s.id} is dropped; its next request starts it anew.`)}
                  aria-label=${`Drop session ${s.id}`}
                >
                  Drop
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </section>`;
}
