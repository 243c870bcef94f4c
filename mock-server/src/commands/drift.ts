import type { Command } from 'commander';
import { driftExitCode, reportOf } from '../proxy/drift-report.js';
import { readRecording, RecordingError } from '../proxy/recording.js';
import { CANNOT_RUN, writeReport, type ReportOutputOptions } from './report-output.js';

/** `contact-sandbox drift <file>`: the drift report of a recording (docs/decisions/0605). */
export function registerDriftCommand(program: Command): void {
  program
    .command('drift')
    .description('report, per vendor and operation, where the real vendor and the sandbox agreed and differed in a recording')
    .argument('<file>', 'a recording written by contact-sandbox proxy --record')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'also write the report as a self-contained HTML page')
    .addHelpText('after', '\nExit codes: 0 every exchange agreed, 1 some differed (or the real vendor did not answer), 2 the recording could not be read.')
    .action((file: string, options: ReportOutputOptions) => {
      try {
        const report = reportOf(readRecording(file));
        writeReport(report, options);
        process.exitCode = driftExitCode(report);
      } catch (error) {
        if (!(error instanceof RecordingError)) throw error;
        process.stderr.write(`contact-sandbox drift: ${error.message}\n`);
        process.exitCode = CANNOT_RUN;
      }
    });
}
