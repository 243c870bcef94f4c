import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { checked, ErrorLine, html, useLoad, ViewHeading } from '../components.js';
import type { CoverageReport, OutcomeCoverage } from '../types.js';
import type { ViewProps } from './props.js';
import { useLiveReload } from './use-live-reload.js';

function Outcome({ o }: { o: OutcomeCoverage }): VNode {
  const kind = !o.documented ? 'undocumented' : o.reached ? 'reached' : 'unreached';
  const what = !o.documented ? `met ×${o.hits}, not documented` : o.reached ? `×${o.hits}${o.forced > 0 ? ` (${o.forced} forced)` : ''}` : 'not reached';
  const mark = kind === 'reached' ? '✓' : kind === 'unreached' ? '✗' : '?';
  const statuses = o.code === null ? '' : ` (HTTP ${o.statuses.join(', ')})`;
  return html`<li class=${`outcome ${kind}`} data-outcome=${o.outcome} data-reached=${o.reached ? 'true' : 'false'}>
    <span class="mark" aria-hidden="true">${mark}</span>
    <code>${o.outcome}</code>${statuses === '' ? null : html`<span class="statuses">${statuses}</span>`}
    <span class="hits">${what}</span>
  </li>`;
}

export function CoverageView({ session, live }: ViewProps): VNode {
  const [all, setAll] = useState(false);
  const [gapsOnly, setGapsOnly] = useState(false);
  const loaded = useLoad(() => call<CoverageReport>(all ? '/coverage?all=1' : '/coverage', { session }), [session, all]);
  useLiveReload(live, loaded.reload);
  const report = loaded.data;
  return html`<section aria-labelledby="view-title">
    <${ViewHeading} title="Coverage">
      <p class="lede">
        Which outcomes each operation's contract documents, and which of them requests reached. An outcome no request reached is marked <span class="outcome unreached inline"><span aria-hidden="true">✗</span> not reached</span>.
      </p>
    <//>
    <div class="filters">
      <div class="field check">
        <input id="coverage-all" type="checkbox" checked=${all} onChange=${(e: Event) => setAll(checked(e))} />
        <label for="coverage-all">Every session (else session <code>${session}</code>)</label>
      </div>
      <div class="field check">
        <input id="coverage-gaps" type="checkbox" checked=${gapsOnly} onChange=${(e: Event) => setGapsOnly(checked(e))} />
        <label for="coverage-gaps">Only operations with outcomes not reached</label>
      </div>
      <div class="field actions"><button type="button" onClick=${loaded.reload}>Reload</button></div>
    </div>
    <${ErrorLine} error=${loaded.error} />
    ${
      report === undefined
        ? null
        : html`<p class="summary" id="coverage-summary">
              <strong>${report.reached}</strong> of <strong>${report.documented}</strong> documented outcomes reached (${report.percent} %), ${`sessions: ${report.sessions.join(', ') || 'none'}`}.
            </p>
            ${report.vendors.map((v) => {
              const operations = v.operations.filter((op) => !gapsOnly || op.outcomes.some((o) => o.documented && !o.reached));
              return html`<section class="coverage-vendor" aria-labelledby=${`coverage-${v.id}`} data-vendor=${v.id}>
                <h2 id=${`coverage-${v.id}`}>${v.title} <span class="muted">${v.reached} of ${v.documented} (${v.percent} %)</span></h2>
                <progress max=${v.documented} value=${v.reached} aria-label=${`${v.title}: ${v.reached} of ${v.documented} outcomes reached`}></progress>
                <table class="coverage" aria-label=${`${v.title} operations and outcomes`}>
                  <thead>
                    <tr>
                      <th scope="col">Operation</th>
                      <th scope="col" class="num">Reached</th>
                      <th scope="col">Outcomes (${v.outcomeKind === 'result-code' ? 'result codes' : 'HTTP statuses'})</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${operations.map(
                      (op) =>
                        html`<tr data-operation=${op.operationId}>
                          <th scope="row">
                            <span class="method">${op.method}</span> <code>${op.path}</code>
                            <div class="muted">${op.operationId}</div>
                          </th>
                          <td class="num">${op.reached}/${op.documented}</td>
                          <td>
                            <ul class="outcomes">
                              ${op.outcomes.map((o) => html`<${Outcome} o=${o} />`)}
                            </ul>
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </section>`;
            })}`
    }
  </section>`;
}
