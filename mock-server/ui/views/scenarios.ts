import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { ErrorLine, html, inputValue, Notice, useLoad, ViewHeading } from '../components.js';
import type { ScenarioList } from '../types.js';
import { useAction } from './actions.js';
import type { ViewProps } from './props.js';

export function ScenariosView({ session, vendors, refreshSessions }: ViewProps): VNode {
  const loaded = useLoad(() => call<ScenarioList>('/scenarios', { session }), [session]);
  const { notice, run } = useAction(() => {
    loaded.reload();
    refreshSessions();
  });
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (loaded.data?.scenarios ?? []).filter((s) => words.every((w) => `${s.name} ${s.description} ${s.vendors.join(' ')}`.toLowerCase().includes(w)));
  const title = (id: string) => vendors.find((v) => v.id === id)?.title ?? id;
  return html`<section aria-labelledby="view-title">
    <${ViewHeading} title="Scenarios">
      <p class="lede">A scenario sets what the vendors it concerns answer. Activating one in session <code>${session}</code> reloads those vendors' stores from its fixtures.</p>
    <//>
    <${ErrorLine} error=${loaded.error} />
    <${Notice} notice=${notice} />
    <h2>In force in session <code>${session}</code></h2>
    <table class="in-force" aria-label=${`Scenarios in force in session ${session}`}>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">Scenario</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(loaded.data?.active ?? {}).map(
          ([vendor, name]) =>
            html`<tr data-vendor=${vendor}>
              <th scope="row">${title(vendor)}</th>
              <td><code>${name}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>All scenarios</h2>
    <div class="filters">
      <div class="field">
        <label for="scenario-search">Search</label>
        <input id="scenario-search" type="search" value=${search} onInput=${(e: Event) => setSearch(inputValue(e))} placeholder="name, vendor or words" />
      </div>
    </div>
    <div class="table-wrap">
      <table class="scenarios" aria-label="Scenarios">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">What it does</th>
            <th scope="col">Vendors</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((s) => {
            const inForce = s.vendors.length > 0 && s.vendors.every((v) => loaded.data?.active[v] === s.name);
            return html`<tr key=${s.name} data-scenario=${s.name}>
              <th scope="row"><code>${s.name}</code></th>
              <td>${s.description}${s.providerStates.length === 0 ? null : html`<div class="muted">Pact provider states: ${s.providerStates.join('; ')}</div>`}</td>
              <td>${s.vendors.map((v) => html`<span class="tag">${v}</span>`)}</td>
              <td>
                <button
                  type="button"
                  onClick=${() =>
                    run(
                      () => call('/scenario', { method: 'PUT', body: { name: s.name }, session }),
                      `Scenario ${s.name} is in force for ${s.vendors.join(', ')} in session ${session}.`,
                    )}
                  aria-label=${`Activate scenario ${s.name} in session ${session}`}
                >
                  ${inForce ? 'Activate again' : 'Activate'}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </section>`;
}
