import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api.js';
import { ErrorLine, html, messageOf, ViewHeading } from '../components.js';
import type { VendorInfo } from '../types.js';
import type { ViewProps } from './props.js';

declare global {
  interface Window {
    SwaggerUIBundle?: (options: Record<string, unknown>) => unknown;
  }
}

/** Swagger UI, from the sandbox's own files (named by the page's meta tags), loaded the first time a contract is shown. */
function loadRenderer(): Promise<NonNullable<Window['SwaggerUIBundle']>> {
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  const existing = window.SwaggerUIBundle;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = meta('contract-renderer-style');
    document.head.append(style);
    const script = document.createElement('script');
    script.src = meta('contract-renderer-script');
    script.onload = () => (window.SwaggerUIBundle ? resolve(window.SwaggerUIBundle) : reject(new Error('the contract renderer did not load')));
    script.onerror = () => reject(new Error('the contract renderer could not be loaded'));
    document.head.append(script);
  });
}

function Contract({ vendor }: { vendor: VendorInfo }): VNode {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ error?: string; ready: boolean }>({ ready: false });
  useEffect(() => {
    let current = true;
    setState({ ready: false });
    Promise.all([call<Record<string, unknown>>(`/contracts/${encodeURIComponent(vendor.id)}`), loadRenderer()]).then(
      ([spec, render]) => {
        if (!current || host.current === null) return;
        host.current.replaceChildren();
        // Browsing only: no "Try it out" (the contract's servers are the real vendor's), no call to an outside validator.
        render({ domNode: host.current, spec, supportedSubmitMethods: [], validatorUrl: null, deepLinking: false, docExpansion: 'list', defaultModelsExpandDepth: 0 });
        setState({ ready: true });
      },
      (error: unknown) => current && setState({ ready: false, error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [vendor.id]);
  return html`<section class="contract" aria-labelledby="contract-title">
    <h2 id="contract-title">${vendor.title} contract <a class="raw" href=${`#/vendors`}>close</a></h2>
    <p class="muted">contracts/${vendor.id}/openapi.yaml, as the sandbox validates against it.</p>
    <${ErrorLine} error=${state.error} />
    ${state.ready ? null : state.error === undefined ? html`<p>Loading the contract…</p>` : null}
    <div class="contract-render" ref=${host}></div>
  </section>`;
}

export function VendorsView({ vendors, arg }: ViewProps): VNode {
  const shown = arg === undefined ? undefined : vendors.find((v) => v.id === arg);
  return html`<section aria-labelledby="view-title">
    <${ViewHeading} title="Vendors">
      <p class="lede">Every vendor shares the sandbox's port, each at its documented base paths.</p>
    <//>
    ${arg !== undefined && shown === undefined && vendors.length > 0 ? html`<${ErrorLine} error=${`No vendor "${arg}".`} />` : null}
    <div class="cards">
      ${vendors.map(
        (v) =>
          html`<article class="card" aria-labelledby=${`vendor-${v.id}`} data-vendor=${v.id}>
            <h2 id=${`vendor-${v.id}`}>${v.title}</h2>
            <dl class="facts">
              <div>
                <dt>Id</dt>
                <dd><code>${v.id}</code></dd>
              </div>
              <div>
                <dt>Base paths</dt>
                <dd>${v.basePaths.map((p) => html`<code class="path">${p}</code> `)}</dd>
              </div>
              <div>
                <dt>Pact provider</dt>
                <dd><code>${v.pactProvider}</code></dd>
              </div>
              <div>
                <dt>Operations</dt>
                <dd>${v.operations.length}</dd>
              </div>
            </dl>
            <details>
              <summary>Operations</summary>
              <ul class="operations">
                ${v.operations.map((op) => html`<li><span class="method">${op.method}</span> <code>${op.path}</code> <span class="muted">${op.operationId}</span></li>`)}
              </ul>
            </details>
            <h3>Sandbox identities</h3>
            <table class="identities" aria-label=${`${v.title} sandbox identities`}>
              <thead>
                <tr>
                  <th scope="col">Identity</th>
                  <th scope="col">Credentials</th>
                  <th scope="col">Reaches</th>
                </tr>
              </thead>
              <tbody>
                ${v.identities.map(
                  (i) =>
                    html`<tr>
                      <th scope="row">
                        ${i.name}
                        <div class="muted">${i.sentAs}</div>
                      </th>
                      <td>${Object.entries(i.credentials).map(([name, value]) => html`<div><code>${name}: ${value}</code></div>`)}</td>
                      <td>${i.note}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            <p><a class="button" href=${`#/vendors/${v.id}`} aria-label=${`Show the ${v.title} contract`}>Show contract</a></p>
          </article>`,
      )}
    </div>
    ${shown === undefined ? null : html`<${Contract} key=${shown.id} vendor=${shown} />`}
  </section>`;
}
