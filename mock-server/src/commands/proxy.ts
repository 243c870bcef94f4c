import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Level } from 'pino';
import { SANDBOX_DEFAULTS } from '../core/config.js';
import { createLogger, type LogFormat } from '../core/logger.js';
import { DEFAULT_DIRS } from '../core/paths.js';
import { VENDORS } from '../vendors/index.js';
import { CANNOT_RUN } from './report-output.js';

interface ProxyCliOptions {
  readonly vendor: string[];
  readonly target: string[];
  readonly port: number;
  readonly host: string;
  readonly record?: string;
  readonly redact: string[];
  readonly keep: string[];
  readonly ca: string[];
  readonly insecure: boolean;
  readonly scenario: string;
  readonly seed?: number;
  readonly clock: string;
  readonly scenariosDir: string[];
  readonly logLevel: Level | 'silent';
  readonly logFormat: LogFormat;
}

const repeat = (value: string, all: string[]) => [...all, value];
const names = (value: string, all: string[]) => [
  ...all,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];
const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('--port must be an integer from 0 to 65535');
  return n;
};

/** `contact-sandbox proxy --vendor <id> --target <base URL>`: the drift proxy (docs/decisions/0600). */
export function registerProxyCommand(program: Command): void {
  program
    .command('proxy')
    .description("forward a vendor's requests to the real vendor, answer them in a scratch sandbox too, and report where the two differ")
    .option('--vendor <id>', `vendor to proxy (repeatable, each with its --target; ${VENDORS.map((v) => v.id).join(', ')})`, repeat, [])
    .option('--target <url>', "the real vendor's base URL for the --vendor before it (repeatable)", repeat, [])
    .addOption(new Option('--port <port>', 'port to listen on (0 = any free port)').default(SANDBOX_DEFAULTS.port).argParser(port))
    .option('--host <host>', 'interface to bind', SANDBOX_DEFAULTS.host)
    .option('--record <file>', 'append every exchange to this JSON Lines file (credentials redacted)')
    .option('--redact <names>', 'more header, query and body field names to redact (comma-separated, repeatable)', names, [])
    .option('--keep <names>', 'names not to redact, default ones included (comma-separated, repeatable)', names, [])
    .option('--ca <file>', 'PEM file of a CA to trust for the real vendors, besides the system roots (repeatable; NODE_EXTRA_CA_CERTS works too)', repeat, [])
    .option('--insecure', "do not verify the real vendors' TLS certificates (never against a vendor reached over the internet)", false)
    .option('--scenario <name>', 'scenario of the scratch sandbox', SANDBOX_DEFAULTS.scenario)
    .option('--seed <n>', 'seed of the scratch sandbox', (v: string) => Number.parseInt(v, 10))
    .option('--clock <real|instant>', 'clock of the scratch sandbox', 'real')
    .option('--scenarios-dir <dir>', 'extra scenario directory for the scratch sandbox (repeatable)', repeat, [])
    .addOption(new Option('--log-level <level>', 'log level').choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'))
    .addOption(new Option('--log-format <format>', 'pretty lines or JSON lines').choices(['pretty', 'json']).default(process.stdout.isTTY ? 'pretty' : 'json'))
    .addHelpText('after', '\nExample: contact-sandbox proxy --vendor <id> --target https://staging.vendor.example --record drift.jsonl')
    .action(proxy);
}

async function proxy(options: ProxyCliOptions): Promise<void> {
  if (options.vendor.length !== options.target.length) {
    process.stderr.write(`contact-sandbox proxy: give each --vendor its --target (${options.vendor.length} vendors, ${options.target.length} targets)\n`);
    process.exitCode = CANNOT_RUN;
    return;
  }
  const { log, flush } = createLogger(options.logLevel, options.logFormat);
  // Loaded when the command runs: the proxy (and undici under it) is a sixth of `serve`'s start-up otherwise (decision 0034).
  const { ProxyUsageError, startDriftProxy } = await import('../proxy/proxy-server.js');
  let running;
  try {
    running = await startDriftProxy(
      {
        vendors: VENDORS,
        targets: options.vendor.map((vendor, i) => ({ vendor, target: options.target[i]! })),
        sandbox: {
          scenario: options.scenario,
          clock: options.clock,
          scenarioDirs: [DEFAULT_DIRS.scenarios, ...options.scenariosDir],
          ...(options.seed === undefined ? {} : { seed: options.seed }),
        },
        redact: options.redact,
        keep: options.keep,
        tls: { caFiles: options.ca, insecure: options.insecure },
        log,
        ...(options.record === undefined ? {} : { record: options.record }),
      },
      options.port,
      options.host,
    );
  } catch (error) {
    if (!(error instanceof ProxyUsageError)) throw error;
    process.stderr.write(`contact-sandbox proxy: ${error.message}\n`);
    process.exitCode = CANNOT_RUN;
    return;
  }
  const lines = [
    `contact-sandbox proxy listening on ${running.url}`,
    ...options.vendor.map((vendor, i) => `  ${vendor} → ${options.target[i]!}`),
    `  drift so far: ${running.url}/__admin/drift${options.record ? ` · recording to ${options.record}` : ''}`,
  ];
  if (options.insecure) lines.push('  WARNING: --insecure: the real vendors\u2019 certificates are not verified');
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    running.close().then(
      () => {
        flush();
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
