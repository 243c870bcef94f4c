import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { rootCertificates } from 'node:tls';
import { Agent, request, type Dispatcher } from 'undici';
import type { FailedAnswer, RecordedHeaders } from './exchange.js';

/**
 * Hop-by-hop fields (RFC 9110 §7.6.1): they describe one connection, so a
 * proxy neither forwards them nor passes them back; nor any field the
 * `Connection` header names. `Proxy-Connection` is the pre-standard spelling.
 */
const HOP_BY_HOP = new Set(['connection', 'proxy-connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'proxy-authorization']);

/** The headers a proxy passes on: without hop-by-hop fields and those `Connection` lists. */
export function endToEnd(headers: IncomingHttpHeaders | RecordedHeaders, drop: readonly string[] = []): Record<string, string | string[]> {
  const listed = String(headers['connection'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const skip = new Set([...HOP_BY_HOP, ...listed, ...drop]);
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || skip.has(lower)) continue;
    kept[lower] = typeof value === 'string' ? value : [...value];
  }
  return kept;
}

export interface TlsOptions {
  /** PEM files of CAs to trust besides the system's (and NODE_EXTRA_CA_CERTS). */
  readonly caFiles?: readonly string[];
  /** Skip certificate verification (`--insecure`; docs/decisions/0604). */
  readonly insecure?: boolean;
}

/**
 * The connection pool to the real vendors. TLS is verified by default. Node
 * adds NODE_EXTRA_CA_CERTS to its default store, but an explicit `ca`
 * replaces that store, so with `--ca` the system roots and the extra file are
 * put back beside it.
 */
export function createForwardAgent(tls: TlsOptions = {}): Agent {
  const files = tls.caFiles ?? [];
  const extra = process.env['NODE_EXTRA_CA_CERTS'];
  const ca = files.length === 0 ? undefined : [...rootCertificates, ...[...files, ...(extra ? [extra] : [])].map((file) => readFileSync(file, 'utf8'))];
  return new Agent({ connect: { rejectUnauthorized: tls.insecure !== true, ...(ca ? { ca } : {}) } });
}

export interface ForwardedAnswer {
  readonly status: number;
  readonly headers: RecordedHeaders;
  readonly body: Buffer;
}

/** Sends one request and reads the whole answer (bytes as they came: undici does not decode content encodings). */
export async function send(
  dispatcher: Dispatcher,
  url: string,
  method: string,
  headers: Record<string, string | string[]>,
  body: Buffer | undefined,
): Promise<ForwardedAnswer | FailedAnswer> {
  try {
    const answer = await request(url, { dispatcher, method: method as Dispatcher.HttpMethod, headers, body: body?.length ? body : null });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    const received: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) received[name] = value;
    return { status: answer.statusCode, headers: received, body: bytes };
  } catch (error) {
    return { error: describe(error) };
  }
}

/** A network failure, with the cause undici wraps (ECONNREFUSED, a certificate error). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? ''} ${error.cause.message}`.replace(/: {2}/, ': ') : '';
  return `${error.message}${cause}`;
}
