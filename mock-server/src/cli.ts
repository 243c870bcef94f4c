import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Level } from 'pino';
import { parseClockOption } from './core/clock.js';
import { createLogger, type LogFormat } from './core/logger.js';
import { DEFAULT_DIRS, PROJECT_ROOT } from './core/paths.js';
import { readBrokerCredentials, SANDBOX_DEFAULTS, SERVER_DEFAULTS, VOLUME_DEFAULTS } from './core/config.js';
import { isLoopbackAddress } from './core/admin-guard.js';
import { createSandbox, isVendorId, SandboxConfigError, ScenarioLoadError, VENDOR_IDS, type VendorId } from './index.js';
import { verifyPacts, VerifyUsageError, type ConsumerVersionSelector } from './verify.js';
import { registerDriftCommand } from './commands/drift.js';
import { registerProxyCommand } from './commands/proxy.js';
import { registerReplayCommand } from './commands/replay.js';
import { coverageCommand } from './commands/coverage.js';
import { registerCheckPactCommand } from './commands/check-pact.js';
import { addTlsOptions, resolveTls, type TlsCliOptions } from './commands/serve-tls.js';

const integer =
  (name: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `${name} must be an integer >= ${min}` : `${name} must be an integer from ${min} to ${max}`);
    return n;
  };

const vendorList = (value: string): VendorId[] => {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError(`no vendors given; name at least one of ${VENDOR_IDS.join(', ')} (or leave --vendors out for all)`);
  const unknown = names.filter((n) => !isVendorId(n));
  if (unknown.length) throw new InvalidArgumentError(`unknown vendor(s) ${unknown.join(', ')}; known: ${VENDOR_IDS.join(', ')}`);
  return names.filter(isVendorId);
};

const clockOption = (value: string): string => {
  try {
    parseClockOption(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
  return value;
};

const directory = (dir: string): string => {
  if (!existsSync(dir)) throw new InvalidArgumentError(`no such directory: ${dir}`);
  if (!statSync(dir).isDirectory()) throw new InvalidArgumentError(`not a directory: ${dir}`);
  return dir;
};

const directories = (dir: string, all: string[]): string[] => [...all, directory(dir)];

/** Options that parse but cannot be served (an unknown scenario, a port in use): one line on stderr, exit 2. */
class UsageError extends Error {}

/** Exit code for options the CLI cannot run with (as `verify` uses it). */
const USAGE_EXIT = 2;

interface ServeOptions extends TlsCliOptions {
  port: number;
  host: string;
  scenario: string;
  seed?: number;
  clock: string;
  vendors?: VendorId[];
  logLevel: Level | 'silent';
  logFormat: LogFormat;
  scenariosDir: string[];
  fixturesDir?: string;
  watch: boolean;
  journalSize: number;
  journalMaxBytes: number;
  journalSessionMaxBytes: number;
  journalBodyMaxBytes: number;
  maxSessions: number;
  sessionIdle: number;
  bodyLimit: number;
  trustProxy: boolean;
  strict: boolean;
  explain: boolean;
  adminToken?: string;
  allowedHosts: string[];
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  shutdownGrace: number;
}

const hostList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** Parses options, starts the sandbox, and stops it cleanly on SIGTERM/SIGINT. Nothing else. */
export async function runCli(argv: readonly string[]): Promise<void> {
  const program = new Command('contact-sandbox')
    .description('Faithful sandbox for Instantpay, IMIconnect, Loyaltii, Ocamba Hood and iService contact APIs.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .usage('[serve] [options] | verify [options]')
    // Commander's own refusals (a bad option value) exit 2 too; --help and --version exit 0.
    .exitOverride();
  const serveCommand = program
    .command('serve', { isDefault: true })
    .description('serve every vendor on one port (the default command)')
    .addOption(
      new Option('--port <port>', 'port to listen on (0 = any free port)')
        .env('PORT')
        .default(SANDBOX_DEFAULTS.port)
        .argParser(integer('--port', 0, 65535)),
    )
    .addOption(new Option('--host <host>', 'interface to bind').env('HOST').default(SANDBOX_DEFAULTS.host))
    .option('--scenario <name>', 'scenario every session starts with', SANDBOX_DEFAULTS.scenario)
    .option('--seed <n>', 'seed for generated ids and values (default: random, shown at start)', integer('--seed'))
    .option('--clock <real|instant>', '"real", or an ISO-8601 instant to freeze the clock at', clockOption, SANDBOX_DEFAULTS.clock)
    .option('--vendors <list>', `comma-separated vendors to mount (default all: ${VENDOR_IDS.join(',')})`, vendorList)
    .addOption(new Option('--log-level <level>', 'log level').choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'))
    .addOption(new Option('--log-format <format>', 'pretty lines or JSON lines').choices(['pretty', 'json']).default(process.stdout.isTTY ? 'pretty' : 'json'))
    .option('--scenarios-dir <dir>', 'extra scenario directory (repeatable; overrides built-ins by name)', directories, [])
    .option('--fixtures-dir <dir>', 'fixture directory to serve instead of the built-in one (<dir>/<vendor>/<set>/*.json, each vendor with a default set)', directory)
    .option(
      '--watch',
      'reload fixture and scenario files when they change: a valid change goes to new and reset sessions; a broken one is refused and logged, the sandbox keeping what it had',
      false,
    )
    .option('--journal-size <n>', 'request journal entries kept per session', integer('--journal-size', 1), VOLUME_DEFAULTS.journalSize)
    .option(
      '--journal-max-bytes <bytes>',
      'journal bytes kept across all sessions (least recently used sessions lose their oldest entries first)',
      integer('--journal-max-bytes', 1),
      VOLUME_DEFAULTS.journalMaxBytes,
    )
    .option('--journal-session-max-bytes <bytes>', 'journal bytes kept per session', integer('--journal-session-max-bytes', 1), VOLUME_DEFAULTS.journalSessionMaxBytes)
    .option(
      '--journal-body-max-bytes <bytes>',
      'a journaled request body is kept cut to this, flagged truncated',
      integer('--journal-body-max-bytes', 1),
      VOLUME_DEFAULTS.journalBodyMaxBytes,
    )
    .option(
      '--max-sessions <n>',
      'sessions kept besides default; the least recently used idle one is evicted for a new one (503 session_limit when none is idle)',
      integer('--max-sessions', 1),
      VOLUME_DEFAULTS.maxSessions,
    )
    .option('--session-idle <ms>', 'drop sessions idle this long', integer('--session-idle', 1), SANDBOX_DEFAULTS.sessionIdleMs)
    .option('--body-limit <bytes>', 'largest request body accepted', integer('--body-limit', 1), SANDBOX_DEFAULTS.bodyLimitBytes)
    .option('--trust-proxy', 'take the client address from X-Forwarded-For', SANDBOX_DEFAULTS.trustProxy)
    .option('--strict', "refuse requests that rely on a vendor leniency (docs/leniencies.md) with the vendor's own error, instead of warning", SANDBOX_DEFAULTS.strict)
    .option('--explain', 'send X-Sandbox-Explain (why a request was refused) on every answer that has a reason, not only when asked', SANDBOX_DEFAULTS.explain)
    .addOption(new Option('--admin-token <token>', 'require Authorization: Bearer <token> on every admin call').env('SANDBOX_ADMIN_TOKEN'))
    .addOption(
      new Option('--allowed-hosts <list>', 'comma-separated host names the admin API answers for, besides loopback names and IP addresses ("*" = any)')
        .env('SANDBOX_ALLOWED_HOSTS')
        .argParser(hostList)
        .default([]),
    )
    .option('--headers-timeout <ms>', 'a request head must arrive within this', integer('--headers-timeout', 1), SERVER_DEFAULTS.headersTimeoutMs)
    .option('--request-timeout <ms>', 'a whole request (head and body) must arrive within this; 0 = no limit', integer('--request-timeout'), SERVER_DEFAULTS.requestTimeoutMs)
    .option('--keep-alive-timeout <ms>', 'close idle keep-alive connections after this', integer('--keep-alive-timeout', 1), SERVER_DEFAULTS.keepAliveTimeoutMs)
    .option('--shutdown-grace <ms>', 'on SIGTERM/SIGINT, time for requests in flight to be answered', integer('--shutdown-grace'), SERVER_DEFAULTS.shutdownGraceMs)
    .action(serve);
  addTlsOptions(serveCommand, integer('--tls-port', 0, 65535));
  program
    .command('verify')
    .description('verify consumer pacts against a sandbox started in-process (provider states = scenario names)')
    .option('--pact <file|dir>', 'pact file or directory (repeatable)', (path: string, all: string[]) => [...all, path], [])
    .addOption(new Option('--broker-url <url>', 'fetch pacts from this Pact Broker').env('PACT_BROKER_BASE_URL'))
    .option('--provider <name>', 'provider to fetch from the broker (repeatable; default: every vendor)', (name: string, all: string[]) => [...all, name], [])
    .option('--consumer-version-selectors <json>', 'broker consumer version selectors, as JSON', parseSelectors)
    .option('--publish-results', 'publish verification results to the broker', false)
    .option('--provider-version <version>', 'provider version for published results (e.g. the git sha)')
    .option('--provider-branch <branch>', 'provider branch for published results')
    .option('--provider-version-tag <tag>', 'tag of the provider version for published results (repeatable)', (tag: string, all: string[]) => [...all, tag], [])
    .option('--build-url <url>', 'URL of the build that verifies, published with the results')
    .option('--consumer <name>', 'verify only the pacts of this consumer, from files and the broker (repeatable)', (name: string, all: string[]) => [...all, name], [])
    .option('--enable-pending', "broker pacts marked pending (no successful verification yet) don't fail the build", false)
    .option('--include-wip-pacts-since <date>', 'also verify work-in-progress broker pacts published since this date (YYYY-MM-DD); implies --enable-pending')
    .option('--no-fail-if-no-pacts-found', 'with a broker: succeed when it has no pacts for a provider (default: fail)')
    .option('--scenarios-dir <dir>', 'extra scenario directory (repeatable)', directories, [])
    .addOption(new Option('--log-level <level>', "the sandbox's log level").choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('warn'))
    .addHelpText(
      'after',
      '\nBroker credentials come from PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.\nExit codes: 0 verified, 1 a verification failed, 2 nothing could be verified (bad options, unknown provider states, a pact the sandbox does not emulate:\nan unknown provider, message or plugin interactions, requests no vendor operation serves).',
    )
    .action(verify);
  registerProxyCommand(program);
  registerDriftCommand(program);
  registerReplayCommand(program);
  coverageCommand(program);
  registerCheckPactCommand(program);
  // `contact-sandbox --help` is mostly asked about serving: show the default command's options too.
  program.addHelpText(
    'after',
    () =>
      `\nOptions of serve, the default command (contact-sandbox [options] = contact-sandbox serve [options]):\n${optionsHelp(serveCommand)}\nverify options: contact-sandbox verify --help`,
  );
  quietOnBrokenPipe();
  try {
    // The default command would take an unknown one as its argument ("too many arguments for 'serve'").
    const first = argv[2];
    if (first !== undefined && !first.startsWith('-') && !program.commands.some((c) => c.name() === first) && first !== 'help') {
      program.error(`error: unknown command '${first}' (commands: ${program.commands.map((c) => c.name()).join(', ')}, help)`, {
        exitCode: USAGE_EXIT,
        code: 'commander.unknownCommand',
      });
    }
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help, or the version).
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_EXIT;
      return;
    }
    if (error instanceof UsageError || error instanceof SandboxConfigError || error instanceof ScenarioLoadError) {
      process.stderr.write(`contact-sandbox: ${error.message}\n`);
      process.exitCode = USAGE_EXIT;
      return;
    }
    throw error;
  }
}

/**
 * `contact-sandbox help verify | head -1`: the reader is gone before the help is
 * written. Stop writing there and end as usual, instead of dying on an
 * unhandled EPIPE with a stack trace.
 */
function quietOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

/** The option lines of a command's help, as commander formats them. */
function optionsHelp(command: Command): string {
  const help = command.createHelp();
  const width = help.padWidth(command, help);
  return help
    .visibleOptions(command)
    .map((option) => help.formatItem(help.optionTerm(option), width, help.optionDescription(option), help))
    .join('\n')
    .concat('\n');
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

interface VerifyCliOptions {
  pact: string[];
  brokerUrl?: string;
  provider: string[];
  consumerVersionSelectors?: ConsumerVersionSelector[];
  publishResults: boolean;
  providerVersion?: string;
  providerBranch?: string;
  providerVersionTag: string[];
  buildUrl?: string;
  consumer: string[];
  enablePending: boolean;
  includeWipPactsSince?: string;
  failIfNoPactsFound: boolean;
  scenariosDir: string[];
  logLevel: Level | 'silent';
}

function parseSelectors(value: string): ConsumerVersionSelector[] {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (Array.isArray(parsed)) return parsed as ConsumerVersionSelector[];
  } catch {
    // reported below
  }
  throw new InvalidArgumentError('--consumer-version-selectors must be a JSON array, e.g. \'[{"mainBranch":true}]\'');
}

async function verify(options: VerifyCliOptions): Promise<void> {
  const { log, flush } = createLogger(options.logLevel, process.stdout.isTTY ? 'pretty' : 'json');
  const env = readBrokerCredentials();
  try {
    const report = await verifyPacts({
      pacts: options.pact,
      providers: options.provider.length ? options.provider : undefined,
      publishResults: options.publishResults,
      sandbox: { scenarioDirs: [DEFAULT_DIRS.scenarios, ...options.scenariosDir] },
      log,
      ...env,
      ...(options.brokerUrl ? { brokerUrl: options.brokerUrl } : {}),
      ...(options.consumerVersionSelectors ? { consumerVersionSelectors: options.consumerVersionSelectors } : {}),
      ...(options.providerVersion ? { providerVersion: options.providerVersion } : {}),
      ...(options.providerBranch ? { providerBranch: options.providerBranch } : {}),
      providerVersionTags: options.providerVersionTag,
      consumers: options.consumer,
      enablePending: options.enablePending,
      failIfNoPactsFound: options.failIfNoPactsFound,
      ...(options.buildUrl ? { buildUrl: options.buildUrl } : {}),
      ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
    });
    process.exitCode = report.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof VerifyUsageError)) throw error;
    process.stderr.write(`contact-sandbox verify: ${error.message}\n`);
    process.exitCode = 2;
  } finally {
    flush();
  }
}

async function serve(options: ServeOptions): Promise<void> {
  const { log, flush } = createLogger(options.logLevel, options.logFormat);
  const sandbox = createSandbox({
    scenario: options.scenario,
    clock: options.clock,
    logger: log,
    journalSize: options.journalSize,
    journalMaxBytes: options.journalMaxBytes,
    journalSessionMaxBytes: options.journalSessionMaxBytes,
    journalBodyMaxBytes: options.journalBodyMaxBytes,
    maxSessions: options.maxSessions,
    sessionIdleMs: options.sessionIdle,
    bodyLimitBytes: options.bodyLimit,
    trustProxy: options.trustProxy,
    strict: options.strict,
    explain: options.explain,
    adminAccess: { token: options.adminToken, allowedHosts: options.allowedHosts },
    timeouts: {
      headersTimeoutMs: options.headersTimeout,
      requestTimeoutMs: options.requestTimeout,
      keepAliveTimeoutMs: options.keepAliveTimeout,
      shutdownGraceMs: options.shutdownGrace,
    },
    scenarioDirs: [DEFAULT_DIRS.scenarios, ...options.scenariosDir],
    ...(options.fixturesDir === undefined ? {} : { fixturesDir: options.fixturesDir }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.vendors === undefined ? {} : { vendors: options.vendors }),
  });
  const tls = await resolveTls(options, (message) => new UsageError(message));
  const listen = (port: number, https: boolean) =>
    sandbox.listen(port, options.host, https && tls.certificate ? { tls: tls.certificate } : {}).catch((error: NodeJS.ErrnoException) => {
      const where = `${options.host}:${port}`;
      const why: Record<string, string> = {
        EADDRINUSE: `${where} is already in use`,
        EACCES: `no permission to listen on ${where}`,
        EADDRNOTAVAIL: `${options.host} is not an address of this machine`,
        ENOTFOUND: `unknown host ${options.host}`,
      };
      const reason = why[error.code ?? ''];
      throw reason === undefined ? error : new UsageError(`cannot listen: ${reason} (--port, --host${tls.certificate ? ', --tls-port' : ''})`);
    });
  const running = await listen(options.port, tls.httpsOnMainPort);
  const secure =
    options.tlsPort === undefined || !tls.certificate
      ? undefined
      : await listen(options.tlsPort, true).catch(async (error: unknown) => {
          await running.close();
          throw error;
        });
  const watcher = options.watch ? await sandbox.watch() : undefined;
  const width = Math.max(...sandbox.vendors.map((v) => v.title.length));
  const boundHost = new URL(running.url).hostname.replace(/^\[|\]$/g, '');
  const openAdmin = !options.adminToken && !isLoopbackAddress(boundHost);
  const warning = `WARNING: the admin API is open to anyone who reaches ${running.url} (bound to ${boundHost}); set --admin-token or SANDBOX_ADMIN_TOKEN`;
  process.stdout.write(
    [
      `contact-sandbox listening on ${running.url}`,
      `  scenario ${options.scenario} · seed ${sandbox.seed} · clock ${options.clock}${options.strict ? ' · strict' : ''}`,
      ...sandbox.vendors.map((v) => `  ${v.title.padEnd(width)}  ${v.basePaths.map((p) => running.url + p).join('  ')}`),
      `  ${'admin'.padEnd(width)}  ${running.url}/__admin${options.adminToken ? '  (bearer token required)' : ''}`,
      `  ${'dashboard'.padEnd(width)}  ${running.url}/__admin/ui${options.adminToken ? '  (asks for the token)' : ''}`,
      ...(openAdmin ? [`  ${warning}`] : []),
      ...(secure ? [`contact-sandbox listening on ${secure.url}`] : []),
      ...(tls.certificate ? [`  TLS certificate${tls.certificate.generated ? ' (made now)' : ''}: trust ${tls.certificate.trustFile}`] : []),
      ...(watcher ? [`  watching ${[options.fixturesDir ?? DEFAULT_DIRS.fixtures, DEFAULT_DIRS.scenarios, ...options.scenariosDir].join(', ')} (--watch)`] : []),
      '',
    ].join('\n'),
  );
  if (openAdmin) log.warn({ host: boundHost }, warning);
  let closing = false;
  const exit = (code: number) => {
    flush();
    process.exit(code);
  };
  const stop = (signal: NodeJS.Signals) => {
    // A second signal: the operator does not want to wait for requests in flight.
    if (closing) {
      log.warn({ signal, inFlight: running.inFlight() + (secure?.inFlight() ?? 0) }, 'stopping at once');
      return exit(1);
    }
    closing = true;
    void watcher?.close();
    log.info({ signal, inFlight: running.inFlight() + (secure?.inFlight() ?? 0), graceMs: options.shutdownGrace }, 'stopping: answering requests in flight');
    Promise.all([running.close(), secure?.close() ?? true]).then(
      ([plain, tlsToo]) => {
        const answeredAll = plain && tlsToo;
        if (!answeredAll) log.warn({ graceMs: options.shutdownGrace }, 'shutdown grace period over: dropped requests still in flight');
        exit(answeredAll ? 0 : 1);
      },
      () => exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
