import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_DIRS } from '../core/paths.js';
import { createSandbox } from '../index.js';
import { driftExitCode } from '../proxy/drift-report.js';
import { DriftVendors } from '../proxy/drift-vendors.js';
import { readRecording, RecordingError } from '../proxy/recording.js';
import { VENDORS } from '../vendors/index.js';
import { pino } from 'pino';
import { CANNOT_RUN, writeReport, type ReportOutputOptions } from './report-output.js';

interface ReplayCliOptions extends ReportOutputOptions {
  readonly against?: string;
  readonly header: Record<string, string>;
  readonly asRecorded: boolean;
  readonly scenario: string;
  readonly seed?: number;
  readonly clock: string;
}

const header = (value: string, all: Record<string, string>): Record<string, string> => {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new InvalidArgumentError('--header takes "Name: value"');
  return { ...all, [value.slice(0, colon).trim()]: value.slice(colon + 1).trim() };
};

const url = (value: string): string => {
  try {
    return new URL(value).href;
  } catch {
    throw new InvalidArgumentError(`${value} is not a URL`);
  }
};

/** `contact-sandbox replay <file>`: the recorded requests against a sandbox, compared with the recorded real answers (docs/decisions/0605). */
export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description("send a recording's requests, in order, to a sandbox (default: one started in-process) and report where its answers differ from the recorded real ones")
    .argument('<file>', 'a recording written by contact-sandbox proxy --record')
    .option('--against <url>', 'send them to this base URL instead of an in-process sandbox', url)
    .option('--header <name:value>', 'set this header on every request (repeatable; e.g. a credential the recording redacted)', header, {})
    .option('--as-recorded', "send the recorded credentials, not each vendor's sandbox identity", false)
    .option('--scenario <name>', 'scenario of the in-process sandbox', 'default')
    .option('--seed <n>', 'seed of the in-process sandbox', (v: string) => Number.parseInt(v, 10))
    .option('--clock <real|instant>', 'clock of the in-process sandbox', 'real')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'also write the report as a self-contained HTML page')
    .addHelpText('after', '\nExit codes: 0 every answer agreed with the recorded real one, 1 some differed (or got no answer), 2 the recording could not be read.')
    .action(async (file: string, options: ReplayCliOptions) => {
      let recorded;
      try {
        recorded = readRecording(file);
      } catch (error) {
        if (!(error instanceof RecordingError)) throw error;
        process.stderr.write(`contact-sandbox replay: ${error.message}\n`);
        process.exitCode = CANNOT_RUN;
        return;
      }
      const sandbox =
        options.against === undefined
          ? await createSandbox({ scenario: options.scenario, clock: options.clock, ...(options.seed === undefined ? {} : { seed: options.seed }) }).listen(0, '127.0.0.1')
          : undefined;
      try {
        const vendors = new DriftVendors(VENDORS, { contractsDir: DEFAULT_DIRS.contracts, fixturesDir: DEFAULT_DIRS.fixtures }, pino({ level: 'silent' }));
        // Loaded when the command runs (undici is a sixth of `serve`'s start-up otherwise).
        const { replayRecording } = await import('../proxy/replay.js');
        const { report } = await replayRecording(recorded, {
          against: options.against ?? sandbox!.url,
          vendors,
          headers: options.header,
          sandboxIdentity: !options.asRecorded,
        });
        writeReport(report, options);
        process.exitCode = driftExitCode(report);
      } finally {
        await sandbox?.close();
      }
    });
}
