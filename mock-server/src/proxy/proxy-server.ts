import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { Agent } from 'undici';
import { createSandboxApp, type RunningSandbox, type SandboxOptions } from '../core/create-sandbox.js';
import { DEFAULT_DIRS } from '../core/paths.js';
import type { VendorModule } from '../core/vendor-module.js';
import { DriftTally, type DriftReport } from './drift-report.js';
import { DriftVendors } from './drift-vendors.js';
import { headerValue, recordBody, type Exchange, type FailedAnswer, type RecordedAnswer } from './exchange.js';
import { createForwardAgent, endToEnd, send, type ForwardedAnswer, type TlsOptions } from './forward.js';
import { RecordingWriter } from './recording.js';
import { DEFAULT_REDACTED, Redactor } from './redact.js';

export interface ProxyTarget {
  readonly vendor: string;
  /** The real vendor's base URL (`https://staging.vendor.example`, optionally with a path prefix). */
  readonly target: string;
}

export interface DriftProxyOptions {
  /** Every vendor the scratch sandbox mounts; the proxied ones must be among them. */
  readonly vendors: readonly VendorModule[];
  readonly targets: readonly ProxyTarget[];
  /** Options of the scratch sandbox that answers each request beside the real vendor. */
  readonly sandbox?: Omit<SandboxOptions, 'vendors' | 'driftReport' | 'logger'>;
  /** Append each exchange to this JSON Lines file. */
  readonly record?: string;
  /** Names to redact besides the defaults and the vendors' credentials. */
  readonly redact?: readonly string[];
  /** Names not to redact (of the defaults too). */
  readonly keep?: readonly string[];
  readonly tls?: TlsOptions;
  readonly log?: Logger;
}

export interface RunningProxy {
  readonly url: string;
  readonly port: number;
  /** Agreement and differences so far (also `GET /__admin/drift`). */
  report(): DriftReport;
  /** Resolves once every comparison begun so far is recorded. */
  settled(): Promise<void>;
  /** Stops listening, finishes the comparisons in flight and closes the recording. */
  close(): Promise<void>;
}

/** A proxy option that cannot work (an unknown vendor, a target that is not a URL); the message says why. */
export class ProxyUsageError extends Error {
  override name = 'ProxyUsageError';
}

const SESSION_PREFIX = /^\/__session\/([^/?]+)(\/[^?]*)?(\?.*)?$/;

/**
 * The drift proxy (docs/decisions/0600): requests under a proxied vendor's
 * base paths go to the real vendor, whose answer goes back unchanged; the same
 * request goes to a scratch sandbox in this process, in the client's session,
 * and once both have answered (never holding up the client's answer) the two
 * are compared, tallied and recorded. Everything else (the admin API, vendors
 * not proxied) is the scratch sandbox's.
 */
export async function startDriftProxy(options: DriftProxyOptions, port = 0, host = '127.0.0.1'): Promise<RunningProxy> {
  const log = options.log ?? pino({ level: 'silent' });
  const targets = resolveTargets(options);
  const tally = new DriftTally();
  const sandbox = createSandboxApp({ ...options.sandbox, vendors: options.vendors, logger: log, driftReport: () => tally.report() });
  const proxied = options.vendors.filter((m) => targets.has(m.id));
  const drift = new DriftVendors(
    proxied,
    { contractsDir: options.sandbox?.contractsDir ?? DEFAULT_DIRS.contracts, fixturesDir: options.sandbox?.fixturesDir ?? DEFAULT_DIRS.fixtures },
    log,
  );
  const redactor = new Redactor([...DEFAULT_REDACTED, ...proxied.flatMap((m) => m.drift.credentials ?? []), ...(options.redact ?? [])], options.keep);
  const upstream = createForwardAgent(options.tls);
  const local = new Agent();
  const internal = await sandbox.listen(0, '127.0.0.1');
  const writer = options.record === undefined ? undefined : new RecordingWriter(options.record);
  const run = randomUUID().slice(0, 8);
  const pending = new Set<Promise<void>>();
  let seq = 0;

  const exchange = async (req: IncomingMessage, res: ServerResponse, route: { vendor: string; operation: string | null }, session: string, vendorUrl: string) => {
    const body = await readBody(req);
    const module = drift.module(route.vendor)!;
    const forwardHeaders = endToEnd(req.headers, ['host', ...Object.keys(req.headers).filter((n) => n.startsWith('x-sandbox-'))]);
    const shadowHeaders = { ...endToEnd(req.headers, ['host']), ...lowerKeys(module.drift.sandboxHeaders ?? {}) };
    const realAnswer = send(upstream, targets.get(route.vendor)! + vendorUrl, req.method ?? 'GET', forwardHeaders, body);
    const sandboxAnswer = send(local, internal.url + (req.url ?? '/'), req.method ?? 'GET', shadowHeaders, body);
    const real = await realAnswer;
    answerClient(res, req.method ?? 'GET', real);
    const number = ++seq;
    const compared = sandboxAnswer.then(async (shadow) => {
      const entry = record(
        redactor,
        { run, seq: number, vendor: route.vendor, operation: route.operation, session },
        req.method ?? 'GET',
        vendorUrl,
        forwardHeaders,
        body,
        real,
        shadow,
        drift,
      );
      tally.add(entry);
      await writer?.write(entry);
    });
    const tracked = compared.catch((error: unknown) => log.error({ err: error }, 'drift comparison failed')).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const prefixed = SESSION_PREFIX.exec(url);
    const vendorUrl = prefixed ? `${prefixed[2] ?? '/'}${prefixed[3] ?? ''}` : url;
    const route = drift.route(req.method ?? 'GET', vendorUrl.split('?')[0]!);
    if (!route) return void sandbox.app(req, res);
    const header = req.headers['x-sandbox-session'];
    const session = prefixed ? safeDecode(prefixed[1]!) : typeof header === 'string' ? header : 'default';
    exchange(req, res, route, session, vendorUrl).catch((error: unknown) => {
      log.error({ err: error }, 'proxying failed');
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const settled = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    report: () => tally.report(),
    settled,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await settled();
      await closeAll(internal, writer, upstream, local);
    },
  };
}

async function closeAll(internal: RunningSandbox, writer: RecordingWriter | undefined, ...agents: Agent[]): Promise<void> {
  await internal.close();
  await writer?.close();
  await Promise.all(agents.map((agent) => agent.close()));
}

function resolveTargets(options: DriftProxyOptions): Map<string, string> {
  if (options.targets.length === 0) throw new ProxyUsageError('no vendor to proxy: give --vendor <id> --target <base URL> (repeatable)');
  const known = options.vendors.map((m) => m.id);
  const targets = new Map<string, string>();
  for (const { vendor, target } of options.targets) {
    if (!known.includes(vendor)) throw new ProxyUsageError(`unknown vendor "${vendor}" (known: ${known.join(', ')})`);
    if (targets.has(vendor)) throw new ProxyUsageError(`vendor "${vendor}" is given two targets`);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new ProxyUsageError(`--target ${target} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ProxyUsageError(`--target ${target}: only https:// (or http://) URLs`);
    if (url.search || url.hash) throw new ProxyUsageError(`--target ${target}: a base URL has no query or fragment`);
    targets.set(vendor, `${url.origin}${url.pathname.replace(/\/+$/, '')}`);
  }
  return targets;
}

/** The real answer, as it came: status, end-to-end headers (its own `Date` too), and the body's bytes. */
function answerClient(res: ServerResponse, method: string, real: ForwardedAnswer | FailedAnswer): void {
  res.sendDate = false;
  if ('error' in real) {
    res.sendDate = true;
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`contact-sandbox proxy: the real vendor did not answer: ${real.error}\n`);
    return;
  }
  const headers = endToEnd(real.headers);
  // A chunked answer is passed on whole: its length is now known.
  if (headers['content-length'] === undefined && method !== 'HEAD' && real.status !== 204 && real.status !== 304) headers['content-length'] = String(real.body.length);
  res.writeHead(real.status, headers);
  res.end(method === 'HEAD' ? undefined : real.body);
}

interface ExchangeId {
  readonly run: string;
  readonly seq: number;
  readonly vendor: string;
  readonly operation: string | null;
  readonly session: string;
}

/** Compares the two answers as they came, then redacts what the recording keeps. */
function record(
  redactor: Redactor,
  id: ExchangeId,
  method: string,
  url: string,
  headers: IncomingHttpHeaders | Record<string, string | string[]>,
  body: Buffer | undefined,
  real: ForwardedAnswer | FailedAnswer,
  sandbox: ForwardedAnswer | FailedAnswer,
  drift: DriftVendors,
): Exchange {
  const realAnswer = 'error' in real ? real : toRecorded(real);
  const sandboxAnswer = 'error' in sandbox ? sandbox : toRecorded(sandbox);
  const differences = 'error' in realAnswer || 'error' in sandboxAnswer ? [] : drift.compare(id.vendor, id.operation, realAnswer, sandboxAnswer);
  const found = new Set<string>();
  const recorded = endToEnd(headers);
  const redactAnswer = (answer: RecordedAnswer | FailedAnswer) =>
    'error' in answer
      ? answer
      : { ...answer, headers: redactor.headers(answer.headers, found), body: redactor.body(answer.body, headerValue(answer.headers, 'content-type'), found) };
  return {
    ...id,
    at: new Date().toISOString(),
    request: {
      method,
      url: redactor.url(url, found),
      headers: redactor.headers(recorded, found),
      ...optional('body', redactor.body(recordBody(body), headerValue(recorded, 'content-type'), found)),
    },
    real: redactAnswer(realAnswer),
    sandbox: redactAnswer(sandboxAnswer),
    differences,
    redacted: [...found].sort(),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function toRecorded(answer: ForwardedAnswer): RecordedAnswer {
  return { status: answer.status, headers: answer.headers, ...optional('body', recordBody(answer.body)) };
}

const lowerKeys = (record: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks);
}
