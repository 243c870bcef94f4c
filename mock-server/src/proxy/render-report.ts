import type { DriftReport, ReportedDifference } from './drift-report.js';

const where = (d: ReportedDifference) => `${d.side ? `${d.side} ` : ''}${d.at}`;

/** The report as text: one block per vendor and operation, one line per difference with the contract path it concerns. */
export function renderText(report: DriftReport): string {
  const lines = [`${report.exchanges} exchanges: ${report.agree} agree, ${report.differ} differ, ${report.failed} failed`];
  for (const { vendor, operations } of report.vendors) {
    lines.push('', vendor);
    for (const op of operations) {
      const verdict = op.differ === 0 && op.failed === 0 ? 'agree' : 'DIFFER';
      lines.push(`  ${op.operation}  ${verdict}  (${op.exchanges} exchanges: ${op.agree} agree, ${op.differ} differ${op.failed ? `, ${op.failed} failed` : ''})`);
      for (const d of op.differences) lines.push(`    ${d.aspect.padEnd(11)} ${where(d)}: ${d.message}  [${d.contractPath}]${d.count > 1 ? ` ×${d.count}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The report as one self-contained HTML page: inline style, no scripts, nothing fetched. */
export function renderHtml(report: DriftReport): string {
  const sections = report.vendors.map(({ vendor, operations }) => {
    const rows = operations.map((op) => {
      const ok = op.differ === 0 && op.failed === 0;
      const differences = op.differences
        .map(
          (d) =>
            `<tr><td>${escape(d.aspect)}</td><td><code>${escape(where(d))}</code></td><td>${escape(d.message)}</td><td><code>${escape(d.contractPath)}</code></td><td>${d.count}</td></tr>`,
        )
        .join('');
      const table = differences ? `<table><tr><th>aspect</th><th>at</th><th>difference</th><th>contract path</th><th>seen</th></tr>${differences}</table>` : '';
      return `<h3 class="${ok ? 'agree' : 'differ'}">${escape(op.operation)}: ${ok ? 'agree' : 'differ'} <small>(${op.exchanges} exchanges: ${op.agree} agree, ${op.differ} differ, ${op.failed} failed)</small></h3>${table}`;
    });
    return `<section><h2>${escape(vendor)}</h2>${rows.join('')}</section>`;
  });
  const style =
    'body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:0 0 1em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}.agree{color:#176117}.differ{color:#a11}';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>contact-sandbox drift report</title><style>${style}</style></head>
<body><h1>Drift report</h1><p>${report.exchanges} exchanges: ${report.agree} agree, ${report.differ} differ, ${report.failed} failed</p>
${sections.join('\n')}
</body></html>
`;
}
