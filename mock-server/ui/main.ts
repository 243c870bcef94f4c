import { render, type VNode } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { call, followEvents, onUnauthorized, storedToken, storeToken, takeTokenFromAddress, type StreamState } from './api.js';
import { html, inputValue } from './components.js';
import { LiveEvents } from './live.js';
import type { SessionInfo, VendorInfo } from './types.js';
import { ClockView } from './views/clock.js';
import { CoverageView } from './views/coverage.js';
import { JournalView } from './views/journal.js';
import type { ViewProps } from './views/props.js';
import { ScenariosView } from './views/scenarios.js';
import { SessionsView } from './views/sessions.js';
import { useLiveReload } from './views/use-live-reload.js';
import { VendorsView } from './views/vendors.js';
import './styles.css';

const VIEWS: readonly { id: string; title: string; view: (props: ViewProps) => VNode }[] = [
  { id: 'journal', title: 'Journal', view: JournalView },
  { id: 'sessions', title: 'Sessions', view: SessionsView },
  { id: 'scenarios', title: 'Scenarios', view: ScenariosView },
  { id: 'clock', title: 'Clock', view: ClockView },
  { id: 'vendors', title: 'Vendors', view: VendorsView },
  { id: 'coverage', title: 'Coverage', view: CoverageView },
];
const SESSION_KEY = 'contact-sandbox.session';
const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `#/vendors/ocamba` → view `vendors`, arg `ocamba`. */
function parseRoute(): { view: string; arg: string | undefined } {
  const [view = 'journal', arg] = location.hash.replace(/^#\/?/, '').split('/');
  return { view: VIEWS.some((v) => v.id === view) ? view : 'journal', arg: arg === undefined || arg === '' ? undefined : decodeURIComponent(arg) };
}

const STATE_TEXT: Readonly<Record<StreamState, string>> = { connecting: 'connecting…', live: 'live', offline: 'offline, retrying', unauthorized: 'needs the admin token' };

function TokenForm({ onSaved, required }: { onSaved: () => void; required: boolean }): VNode {
  const [value, setValue] = useState('');
  return html`<form
    class="token"
    aria-labelledby="token-title"
    onSubmit=${(e: Event) => {
      e.preventDefault();
      storeToken(value.trim());
      onSaved();
    }}
  >
    <h2 id="token-title">${required ? 'This sandbox needs its admin token' : 'Admin token'}</h2>
    <p>
      The token the sandbox was started with (<code>--admin-token</code>, <code>SANDBOX_ADMIN_TOKEN</code>). It stays in this tab only, and goes with every call as <code>Authorization: Bearer</code>.
    </p>
    <div class="field">
      <label for="admin-token">Admin token</label>
      <input id="admin-token" type="password" autocomplete="off" value=${value} onInput=${(e: Event) => setValue(inputValue(e))} required />
    </div>
    <div class="toolbar">
      <button type="submit">Use this token</button>
      ${
        storedToken() === undefined
          ? null
          : html`<button
              type="button"
              onClick=${() => {
                storeToken(undefined);
                onSaved();
              }}
            >
              Forget the token
            </button>`
      }
    </div>
  </form>`;
}

function App(): VNode {
  const [route, setRoute] = useState(parseRoute);
  const [session, setSessionState] = useState(() => sessionStorage.getItem(SESSION_KEY) ?? 'default');
  const [draft, setDraft] = useState(session);
  const [sessions, setSessions] = useState<readonly SessionInfo[]>([]);
  const [vendors, setVendors] = useState<readonly VendorInfo[]>([]);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [needToken, setNeedToken] = useState(false);
  const [showToken, setShowToken] = useState(false);
  // Bumped when the token changes: every view and the stream start again with it.
  const [generation, setGeneration] = useState(0);
  const live = useMemo(() => new LiveEvents(), []);

  useEffect(() => {
    const changed = () => setRoute(parseRoute());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  useEffect(() => onUnauthorized(() => setNeedToken(true)), []);
  useEffect(() => followEvents((event, data) => live.emit(event, data), setStream), [live, generation]);
  const refreshSessions = useCallback(() => {
    call<{ sessions: SessionInfo[] }>('/sessions').then(
      (r) => setSessions(r.sessions),
      () => undefined,
    );
  }, [generation]);
  useEffect(refreshSessions, [refreshSessions]);
  useEffect(() => {
    call<{ vendors: VendorInfo[] }>('/vendors').then(
      (r) => setVendors(r.vendors),
      () => undefined,
    );
  }, [generation]);
  useLiveReload(live, refreshSessions);
  useEffect(() => {
    document.title = `${VIEWS.find((v) => v.id === route.view)?.title ?? ''} · contact-sandbox`;
    document.getElementById('view-title')?.focus();
  }, [route.view]);

  const setSession = (id: string) => {
    sessionStorage.setItem(SESSION_KEY, id);
    setSessionState(id);
    setDraft(id);
  };
  const draftValid = SESSION_ID.test(draft);
  const current = VIEWS.find((v) => v.id === route.view) ?? VIEWS[0]!;
  const tokenSaved = () => {
    setNeedToken(false);
    setShowToken(false);
    setGeneration((g) => g + 1);
  };

  return html`<div class="app">
    <header class="top">
      <button type="button" class="skip" onClick=${() => document.getElementById('view-title')?.focus()}>Skip to content</button>
      <a class="brand" href="#/journal">contact-sandbox</a>
      <nav aria-label="Views">
        <ul>
          ${VIEWS.map((v) => html`<li><a href=${`#/${v.id}`} aria-current=${v.id === route.view ? 'page' : undefined}>${v.title}</a></li>`)}
        </ul>
      </nav>
      <form
        class="session-picker"
        onSubmit=${(e: Event) => {
          e.preventDefault();
          if (draftValid) setSession(draft);
        }}
      >
        <label for="session-id">Session</label>
        <input
          id="session-id"
          list="session-ids"
          value=${draft}
          size="14"
          onInput=${(e: Event) => setDraft(inputValue(e))}
          onChange=${(e: Event) => SESSION_ID.test(inputValue(e)) && setSession(inputValue(e))}
          aria-invalid=${draftValid ? 'false' : 'true'}
          aria-describedby="session-hint"
        />
        <datalist id="session-ids">${sessions.map((s) => html`<option value=${s.id} />`)}</datalist>
        <span id="session-hint" class="sr-only">The session the views act on; type a new id to start one.</span>
        <button type="submit" disabled=${!draftValid || draft === session}>Use</button>
      </form>
      <span class=${`live-state ${stream}`} role="status" aria-live="polite"><span aria-hidden="true">●</span> ${STATE_TEXT[stream]}</span>
      <button type="button" class="token-button" aria-expanded=${showToken ? 'true' : 'false'} onClick=${() => setShowToken((s) => !s)}>Admin token</button>
    </header>
    ${needToken || showToken ? html`<${TokenForm} onSaved=${tokenSaved} required=${needToken} />` : null}
    <main id="main">
      <${current.view}
        key=${`${current.id} ${generation}`}
        session=${session}
        setSession=${setSession}
        sessions=${sessions}
        refreshSessions=${refreshSessions}
        vendors=${vendors}
        live=${live}
        arg=${route.arg}
      />
    </main>
  </div>`;
}

takeTokenFromAddress();
render(html`<${App} />`, document.getElementById('app')!);
