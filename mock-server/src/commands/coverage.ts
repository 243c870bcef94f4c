import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CoverageReport } from '../core/coverage-report.js';
import { percentText, renderHtml, renderTable } from './coverage-render.js';

/**
 * Exit codes of `contact-sandbox coverage` (docs/decisions/0091-coverage-percentage.md):
 * 0 the report was printed (and met --fail-under), 1 it is under --fail-under,
 * 2 no report (bad options, the sandbox unreachable or refusing).
 */
export const COVERAGE_EXIT = { ok: 0, underThreshold: 1, noReport: 2 } as const;

interface CoverageCliOptions {
  url: string;
  session: string[];
  all: boolean;
  vendor: string[];
  json: boolean;
  html?: string;
  failUnder?: number;
  onlyMissing: boolean;
  adminToken?: string;
}

const repeatable = (value: string, all: string[]): string[] => [...all, value];

const percentOption = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('--fail-under must be a percentage from 0 to 100');
  return n;
};

const urlOption = (value: string): string => {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new InvalidArgumentError(`--url must be the sandbox's http(s) URL, e.g. http://127.0.0.1:4010 (got "${value}")`);
  }
  return value.replace(/\/+$/, '');
};

/** Registers `contact-sandbox coverage` on the CLI's program. */
export function coverageCommand(program: Command): Command {
  return program
    .command('coverage')
    .description("print which outcomes each vendor operation's contract documents, and which a running sandbox's sessions reached")
    .addOption(new Option('--url <url>', 'the running sandbox').env('SANDBOX_URL').argParser(urlOption).makeOptionMandatory())
    .option('--session <id>', 'session to count (repeatable; default: the default session)', repeatable, [])
    .option('--all', 'count every session', false)
    .option('--vendor <id>', 'vendor to report (repeatable; default: every mounted one)', repeatable, [])
    .option('--json', 'print the report as JSON (the GET /__admin/coverage body) instead of a table', false)
    .option('--html <file>', 'also write the report as a self-contained HTML page')
    .option('--fail-under <percent>', `exit ${COVERAGE_EXIT.underThreshold} when the percentage reached is under this`, percentOption)
    .option('--only-missing', 'in the table, show only the documented outcomes nothing reached', false)
    .addOption(new Option('--admin-token <token>', "the sandbox's admin token").env('SANDBOX_ADMIN_TOKEN'))
    .addHelpText(
      'after',
      `\nThe percentage is floor(1000 × reached / documented) / 10 over the documented (operation, outcome) pairs of the vendors reported.\nExit codes: ${COVERAGE_EXIT.ok} printed, ${COVERAGE_EXIT.underThreshold} under --fail-under, ${COVERAGE_EXIT.noReport} no report (bad options, sandbox unreachable or refusing).`,
    )
    .action(runCoverage);
}

async function runCoverage(options: CoverageCliOptions): Promise<void> {
  const report = await fetchReport(options);
  if (report === undefined) {
    process.exitCode = COVERAGE_EXIT.noReport;
    return;
  }
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(await renderTable(report, { onlyMissing: options.onlyMissing, color: process.stdout.isTTY === true && !process.env['NO_COLOR'] }));
  if (options.html !== undefined) {
    writeFileSync(options.html, renderHtml(report, new Date().toISOString()));
    process.stderr.write(`coverage: wrote ${options.html}\n`);
  }
  if (options.failUnder !== undefined && report.percent < options.failUnder) {
    process.stderr.write(`coverage: ${percentText(report.percent)} of the documented outcomes reached, under --fail-under ${percentText(options.failUnder)}\n`);
    process.exitCode = COVERAGE_EXIT.underThreshold;
    return;
  }
  process.exitCode = COVERAGE_EXIT.ok;
}

/** `GET /__admin/coverage` with the options' sessions and vendors; undefined (said on stderr) when there is no report. */
async function fetchReport(options: CoverageCliOptions): Promise<CoverageReport | undefined> {
  const query = new URLSearchParams();
  if (options.all) query.set('all', '1');
  for (const id of options.session) query.append('session', id);
  for (const id of options.vendor) query.append('vendor', id);
  const target = `${options.url}/__admin/coverage${query.size > 0 ? `?${query.toString()}` : ''}`;
  let res: Response;
  try {
    res = await fetch(target, { headers: options.adminToken ? { Authorization: `Bearer ${options.adminToken}` } : {} });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    process.stderr.write(`coverage: cannot reach the sandbox at ${options.url} (${cause})\n`);
    return undefined;
  }
  const text = await res.text();
  if (res.status !== 200) {
    const message = errorMessage(text) ?? `HTTP ${res.status}`;
    process.stderr.write(`coverage: the sandbox refused ${target}: ${message}\n`);
    return undefined;
  }
  return JSON.parse(text) as CoverageReport;
}

function errorMessage(text: string): string | undefined {
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string; known?: string[] } }).error;
    if (error?.message === undefined) return undefined;
    return `${error.code ?? 'error'}: ${error.message}${error.known ? ` (known: ${error.known.join(', ')})` : ''}`;
  } catch {
    return undefined;
  }
}
