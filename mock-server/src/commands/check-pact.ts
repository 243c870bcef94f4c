import type { Command } from 'commander';
import { DEFAULT_DIRS, PROJECT_ROOT } from '../core/paths.js';
import { checkPacts, CheckPactUsageError, type Finding, type PactCheck } from '../pact-check/check-pact.js';
import { VENDORS } from '../vendors/index.js';

/** Exit codes of `contact-sandbox check-pact` (docs/decisions/0518). */
export const CHECK_PACT_EXIT = { compatible: 0, incompatible: 1, cannotCheck: 2 } as const;

/** `contact-sandbox check-pact --pact <file>`: a consumer pact against its vendor's OpenAPI contract, locally (bi-directional contract testing). */
export function registerCheckPactCommand(program: Command): void {
  program
    .command('check-pact')
    .description("check consumer pacts against the OpenAPI contract of the vendor each pact's provider names, locally, with PactFlow's comparison engine (no broker)")
    .option('--pact <file|dir>', 'pact file or directory of them (repeatable)', (path: string, all: string[]) => [...all, path], [])
    .addHelpText(
      'after',
      '\nOne line per finding (error or warning, interaction, where in the pact and in the contract, message), then one summary line per pact.' +
        '\nExit codes: 0 every pact compatible, 1 a pact is incompatible (has an error), 2 nothing checked (an unreadable file, not a pact, an unknown provider).',
    )
    .action(async (options: { pact: string[] }) => {
      let checks: PactCheck[];
      try {
        checks = await checkPacts(options.pact, { vendors: VENDORS, contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures, projectRoot: PROJECT_ROOT });
      } catch (error) {
        if (!(error instanceof CheckPactUsageError)) throw error;
        process.stderr.write(`contact-sandbox check-pact: ${error.message}\n`);
        process.exitCode = CHECK_PACT_EXIT.cannotCheck;
        return;
      }
      const out = (line: string) => process.stdout.write(`${line}\n`);
      for (const check of checks) {
        for (const finding of check.findings) out(findingLine(finding));
        out(summaryLine(check));
      }
      if (checks.length > 1) out(`${checks.filter((c) => c.compatible).length} of ${checks.length} pacts compatible`);
      process.exitCode = checks.every((c) => c.compatible) ? CHECK_PACT_EXIT.compatible : CHECK_PACT_EXIT.incompatible;
    });
}

/** `error   "an update of a contact" [root].interactions[3].request.body.mobile: request.body.incompatible: … (contract: [root].paths./contacts/profile.post…)`. */
export function findingLine(finding: Finding): string {
  const where = finding.contractLocation === undefined ? '' : ` (contract: ${finding.contractLocation})`;
  return `${finding.level.padEnd(7)} "${finding.interaction}" ${finding.location}: ${finding.code}: ${finding.message}${where}`;
}

export function summaryLine(check: PactCheck): string {
  const count = (level: Finding['level']) => check.findings.filter((f) => f.level === level).length;
  const [errors, warnings] = [count('error'), count('warning')];
  return `${check.compatible ? '✔ compatible' : '✘ incompatible'}: ${check.file} (provider ${check.provider}) with ${check.contract}: ${errors} error(s), ${warnings} warning(s)`;
}
