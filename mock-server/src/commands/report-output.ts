import { writeFileSync } from 'node:fs';
import type { DriftReport } from '../proxy/drift-report.js';
import { renderHtml, renderText } from '../proxy/render-report.js';

export interface ReportOutputOptions {
  readonly json?: boolean;
  readonly html?: string;
}

/** `drift` and `replay` print the same report: text (or `--json`) on stdout, and the HTML page where `--html` says. */
export function writeReport(report: DriftReport, options: ReportOutputOptions): void {
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
  if (options.html !== undefined) writeFileSync(options.html, renderHtml(report));
}

/** Exit status when a command cannot run (a file it cannot read, bad options), as `verify` uses it. */
export const CANNOT_RUN = 2;
