import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.js';
import { ErrorLine, html, inputValue, Notice, useLoad, ViewHeading } from '../components.js';
import type { ClockSnapshot } from '../types.js';
import { useAction } from './actions.js';
import type { ViewProps } from './props.js';

const STEPS: readonly { label: string; ms: number }[] = [
  { label: '+1 s', ms: 1000 },
  { label: '+10 s', ms: 10_000 },
  { label: '+1 min', ms: 60_000 },
  { label: '+1 h', ms: 3_600_000 },
  { label: '+1 day', ms: 86_400_000 },
];
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

export function ClockView({ session }: ViewProps): VNode {
  const loaded = useLoad(async () => ({ clock: await call<ClockSnapshot>('/clock', { session }), at: Date.now() }), [session]);
  const { notice, run } = useAction(loaded.reload);
  const [, setTick] = useState(0);
  const [amount, setAmount] = useState('5');
  const [unit, setUnit] = useState('s');
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<'frozen' | 'real'>('frozen');
  const clock = loaded.data?.clock;
  const running = clock?.mode === 'real';
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setTick((t) => t + 1), 250);
    return () => window.clearInterval(timer);
  }, [running]);
  useEffect(() => {
    if (clock !== undefined && target === '') setTarget(clock.now);
  }, [clock?.now]);
  // A running clock goes on between answers: shown from the last answer plus the time since.
  const now = clock === undefined ? undefined : new Date(Date.parse(clock.now) + (running ? Date.now() - loaded.data!.at : 0)).toISOString();
  const put = (body: { now: string; mode?: 'real' | 'frozen' }) => call<ClockSnapshot>('/clock', { method: 'PUT', body, session });
  const advance = (ms: number, label: string) => run(() => call('/clock/advance', { method: 'POST', body: { ms }, session }), `Advanced session ${session}'s clock by ${label}.`);
  const customMs = Number(amount) * (UNITS[unit] ?? 1);
  const customValid = Number.isInteger(customMs) && customMs >= 0;

  return html`<section aria-labelledby="view-title">
    <${ViewHeading} title="Clock">
      <p class="lede">Session <code>${session}</code> has a virtual clock of its own: rate-limit windows, expiries, queues and <code>Date</code> headers follow it.</p>
    <//>
    <${ErrorLine} error=${loaded.error} />
    <div class="clock-face" aria-live="off">
      <div class="clock-now"><time id="clock-now" datetime=${now ?? ''}>${now ?? '…'}</time></div>
      <div>Mode: <strong id="clock-mode">${clock?.mode ?? '…'}</strong>${running ? ' (runs with the wall clock)' : ' (stands still until moved)'}</div>
    </div>
    <${Notice} notice=${notice} />
    <h2>Freeze or run</h2>
    <div class="toolbar">
      ${
        running
          ? html`<button type="button" onClick=${() => now && run(() => put({ now, mode: 'frozen' }), `Session ${session}'s clock is frozen at ${now}.`)}>Freeze</button>`
          : html`<button type="button" onClick=${() => now && run(() => put({ now, mode: 'real' }), `Session ${session}'s clock runs from ${now}.`)}>Let it run</button>`
      }
    </div>
    <h2>Advance</h2>
    <div class="toolbar" role="group" aria-label="Advance the clock by">
      ${STEPS.map((step) => html`<button type="button" onClick=${() => advance(step.ms, step.label.slice(1))} aria-label=${`Advance the clock by ${step.label.slice(1)}`}>${step.label}</button>`)}
    </div>
    <form
      class="filters"
      onSubmit=${(e: Event) => {
        e.preventDefault();
        if (customValid) advance(customMs, `${amount} ${unit}`);
      }}
    >
      <div class="field">
        <label for="advance-amount">Amount</label>
        <input
          id="advance-amount"
          type="number"
          min="0"
          step="any"
          value=${amount}
          onInput=${(e: Event) => setAmount(inputValue(e))}
          aria-invalid=${customValid ? 'false' : 'true'}
        />
      </div>
      <div class="field">
        <label for="advance-unit">Unit</label>
        <select id="advance-unit" value=${unit} onChange=${(e: Event) => setUnit(inputValue(e))}>
          ${Object.keys(UNITS).map((u) => html`<option value=${u}>${u}</option>`)}
        </select>
      </div>
      <div class="field actions"><button type="submit" disabled=${!customValid}>Advance</button></div>
    </form>
    <h2>Set</h2>
    <form
      class="filters"
      onSubmit=${(e: Event) => {
        e.preventDefault();
        run(() => put({ now: target, mode }), `Session ${session}'s clock is at ${target} (${mode}).`);
      }}
    >
      <div class="field">
        <label for="clock-target">Instant (ISO 8601, with its offset)</label>
        <input id="clock-target" value=${target} size="28" onInput=${(e: Event) => setTarget(inputValue(e))} placeholder="2026-03-02T10:00:00.000Z" />
      </div>
      <div class="field">
        <label for="clock-set-mode">Then</label>
        <select id="clock-set-mode" value=${mode} onChange=${(e: Event) => setMode(inputValue(e) === 'real' ? 'real' : 'frozen')}>
          <option value="frozen">stand still (frozen)</option>
          <option value="real">run (real)</option>
        </select>
      </div>
      <div class="field actions"><button type="submit">Set the clock</button></div>
    </form>
  </section>`;
}
