import type { CoverageReport, OutcomeCoverage, VendorCoverage } from '../core/coverage-report.js';

export interface RenderOptions {
  /** Only the documented outcomes no session reached (and the summary). */
  readonly onlyMissing: boolean;
  /** ANSI colours (a terminal that wants them). */
  readonly color: boolean;
}

/** What the report says in words, the same in the table and the HTML. */
const NOT_REACHED = 'NOT REACHED';
const UNDOCUMENTED = 'not in the contract';

/** `a×2, b×1`, the first few sessions by hits. */
function sessionsText(outcome: OutcomeCoverage, max = 3): string {
  const entries = Object.entries(outcome.sessions).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const shown = entries.slice(0, max).map(([id, n]) => `${id}×${n}`);
  return entries.length > max ? `${shown.join(', ')} +${entries.length - max} more` : shown.join(', ');
}

function documentedAs(outcome: OutcomeCoverage, vendor: VendorCoverage): string {
  if (!outcome.documented) return UNDOCUMENTED;
  return vendor.outcomeKind === 'result-code' ? `HTTP ${outcome.statuses.join('/')}` : 'HTTP status';
}

function rows(vendor: VendorCoverage, onlyMissing: boolean) {
  return vendor.operations.flatMap((op) =>
    op.outcomes.filter((o) => !onlyMissing || (o.documented && !o.reached)).map((outcome) => ({ operation: `${op.method} ${op.path}`, op: op.operationId, outcome })),
  );
}

/** Every vendor's outcomes as a terminal table (cli-table3), unreached ones marked, then one line per vendor and the total. */
export async function renderTable(report: CoverageReport, options: RenderOptions): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const { createColors } = (await import('picocolors')).default;
  const c = createColors(options.color);
  const table = new Table({
    head: ['Vendor', 'Operation', 'Outcome', 'Documented as', 'Hits', 'Forced', 'Sessions'],
    // One line per outcome, no rule between rows: a vendor has dozens of them.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['grey'] : [], compact: true },
  });
  for (const vendor of report.vendors) {
    let lastVendor: string | undefined;
    let lastOp: string | undefined;
    for (const { op, operation, outcome } of rows(vendor, options.onlyMissing)) {
      const missing = outcome.documented && !outcome.reached;
      const mark = (text: string) => (missing ? c.red(c.bold(text)) : outcome.documented ? text : c.yellow(text));
      table.push([
        lastVendor === vendor.id ? '' : vendor.id,
        lastOp === op ? '' : `${operation} ${c.dim(`(${op})`)}`,
        mark(missing ? `✗ ${outcome.outcome}` : outcome.documented ? `✓ ${outcome.outcome}` : `? ${outcome.outcome}`),
        mark(documentedAs(outcome, vendor)),
        missing ? mark(NOT_REACHED) : String(outcome.hits),
        outcome.forced > 0 ? c.magenta(`${outcome.forced} forced`) : '',
        sessionsText(outcome),
      ]);
      lastVendor = vendor.id;
      lastOp = op;
    }
  }
  const summary = report.vendors.map((v) => `  ${v.title.padEnd(14)} ${String(v.reached).padStart(4)} / ${String(v.documented).padEnd(4)} ${percentText(v.percent)}`);
  return [
    table.length > 0 ? table.toString() : '(no outcome to show)',
    '',
    `Documented outcomes reached, sessions ${report.sessions.join(', ') || '(none)'}:`,
    ...summary,
    `  ${'total'.padEnd(14)} ${String(report.reached).padStart(4)} / ${String(report.documented).padEnd(4)} ${c.bold(percentText(report.percent))}`,
    '',
  ].join('\n');
}

export function percentText(percent: number): string {
  return `${percent.toFixed(1)} %`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.missing td { background: #fde2e2; color: #8a1010; font-weight: 600; }
tr.undocumented td { background: #fff6d6; font-style: italic; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem; }
.forced { background: #eadcff; color: #4b1d8f; }
.meter { display: inline-block; width: 10rem; height: .7rem; background: #fde2e2; vertical-align: middle; }
.meter span { display: block; height: 100%; background: #3a9a4a; }
code { font-size: .9em; }
`;

/** A self-contained HTML page (inline style, no script, no external asset): unreached outcomes in red, forced hits badged. */
export function renderHtml(report: CoverageReport, generatedAt: string): string {
  const meter = (percent: number) => `<span class="meter" aria-hidden="true"><span style="width:${percent}%"></span></span>`;
  const vendors = report.vendors.map((vendor) => {
    const body = rows(vendor, false)
      .map(({ op, operation, outcome }) => {
        const missing = outcome.documented && !outcome.reached;
        const cls = missing ? ' class="missing"' : outcome.documented ? '' : ' class="undocumented"';
        const forced = outcome.forced > 0 ? ` <span class="badge forced">${esc(outcome.forced)} forced</span>` : '';
        return `<tr${cls}><td><code>${esc(op)}</code><br><small>${esc(operation)}</small></td><td><code>${esc(outcome.outcome)}</code></td><td>${esc(documentedAs(outcome, vendor))}</td><td class="n">${missing ? NOT_REACHED : esc(outcome.hits)}${forced}</td><td>${esc(sessionsText(outcome, 10))}</td></tr>`;
      })
      .join('\n');
    return `<h2>${esc(vendor.title)} <small>(${esc(vendor.id)})</small>: ${esc(vendor.reached)} of ${esc(vendor.documented)} documented outcomes, ${esc(percentText(vendor.percent))} ${meter(vendor.percent)}</h2>
<table><thead><tr><th>Operation</th><th>Outcome</th><th>Documented as</th><th>Hits</th><th>Sessions</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>contact-sandbox consumer coverage: ${esc(percentText(report.percent))}</title>
<style>${STYLE}</style></head>
<body>
<h1>Consumer coverage: ${esc(report.reached)} of ${esc(report.documented)} documented outcomes reached, ${esc(percentText(report.percent))} ${meter(report.percent)}</h1>
<p>Sessions: ${esc(report.sessions.join(', ') || '(none)')} · generated ${esc(generatedAt)}. Rows in red are documented outcomes no request reached; yellow rows are answers the contract does not document for the operation; "forced" hits were answered by a scenario override.</p>
${vendors.join('\n')}
</body></html>
`;
}
