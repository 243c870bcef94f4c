import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from 'pino';
import { SERVER_DEFAULTS } from './config.js';
import { endBodyOnTimeout } from './body.js';
import { REQUEST_TIMEOUT_MESSAGE, SANDBOX_ERRORS, type SandboxErrorCode } from './sandbox-errors.js';

/** How long the server waits for slow clients, and for requests in flight when it stops. */
export interface ServerTimeouts {
  /** The whole request head must arrive within this (slow-loris headers). */
  readonly headersTimeoutMs?: number;
  /** The whole request, head and body, must arrive within this (slow-loris bodies). */
  readonly requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs?: number;
  /** On `close()`, requests in flight get this long to be answered before their connections are dropped. */
  readonly shutdownGraceMs?: number;
}

/** A certificate and key to serve HTTPS with (PEM). */
export interface TlsCredentials {
  readonly cert: string;
  readonly key: string;
}

/** A server bound to a port. */
export interface ListeningServer {
  readonly url: string;
  readonly port: number;
  /** The address actually bound (`0.0.0.0`, `::`, `127.0.0.1`, …). */
  readonly address: string;
  /**
   * Stops accepting, lets every request in flight finish (closing each
   * connection once its answer is out), then resolves; after the grace
   * period the remaining connections are dropped. Resolves `true` when every
   * request in flight was answered.
   */
  close(): Promise<boolean>;
  /** Number of requests being handled now. */
  inFlight(): number;
}

/**
 * Listens with timeouts that a shared sandbox needs (Node's defaults hold a
 * slow client for minutes), answers malformed HTTP with the sandbox's JSON
 * error shape instead of Node's empty 400, and shuts down gracefully.
 */
export function listenServer(
  handler: RequestListener,
  port: number,
  host: string,
  options: ServerTimeouts & { readonly log?: Logger; readonly tls?: TlsCredentials } = {},
): Promise<ListeningServer> {
  const headersTimeout = options.headersTimeoutMs ?? SERVER_DEFAULTS.headersTimeoutMs;
  const requestTimeout = options.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs;
  const graceMs = options.shutdownGraceMs ?? SERVER_DEFAULTS.shutdownGraceMs;
  const serverOptions = {
    // Node requires headersTimeout <= requestTimeout (0 turns the request timeout off).
    headersTimeout: requestTimeout === 0 ? headersTimeout : Math.min(headersTimeout, requestTimeout),
    requestTimeout,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? SERVER_DEFAULTS.keepAliveTimeoutMs,
    // Node checks the two timeouts every 30 s by default: a 10 s limit would hold for up to 40 s.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(Math.min(headersTimeout, requestTimeout || headersTimeout) / 4))),
  };
  // HTTPS is the same server over TLS (an https.Server is an http.Server): the timeouts, clientError answers and graceful close below hold for both.
  // node:https (and tls) only when serving TLS: 3 ms a start otherwise.
  const server: Server = options.tls
    ? process.getBuiltinModule('node:https').createServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, handler)
    : createServer(serverOptions, handler);
  const active = new Set<ServerResponse>();
  let stopping = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    active.add(res);
    // A request that arrives on a kept-alive connection while stopping is still answered, and its connection then closed.
    if (stopping) res.shouldKeepAlive = false;
    res.once('close', () => {
      active.delete(res);
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket, options.log));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      let closed: Promise<boolean> | undefined;
      resolve({
        url: `${options.tls ? 'https' : 'http'}://${shownHost}:${address.port}`,
        port: address.port,
        address: address.address,
        inFlight: () => active.size,
        close: () =>
          (closed ??= new Promise<boolean>((done) => {
            stopping = true;
            // Answers still to come say `Connection: close`, so clients do not send another request on them.
            for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
            let answeredAll = true;
            const timer = setTimeout(() => {
              answeredAll = active.size === 0;
              server.closeAllConnections();
            }, graceMs);
            timer.unref();
            server.close(() => {
              clearTimeout(timer);
              done(answeredAll);
            });
            server.closeIdleConnections();
          })),
      });
    });
  });
}

/** Node's own mapping of parser errors to statuses (lib/_http_server.js), as codes of the sandbox error catalogue. */
const CLIENT_ERRORS: Readonly<Record<string, { code: ClientErrorCode; message: string }>> = {
  HPE_HEADER_OVERFLOW: { code: 'headers_too_large', message: 'The request head is larger than the sandbox accepts.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { code: 'chunk_extensions_too_large', message: 'The chunk extensions of the request body are larger than the sandbox accepts.' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'request_timeout', message: REQUEST_TIMEOUT_MESSAGE },
};
const MALFORMED: { code: ClientErrorCode; message: string } = { code: 'malformed_http', message: 'The request is not valid HTTP/1.1.' };
type ClientErrorCode = Extract<SandboxErrorCode, 'headers_too_large' | 'chunk_extensions_too_large' | 'request_timeout' | 'malformed_http'>;

/**
 * Answers a request Node's parser refused. There is no request or response
 * object yet, so the answer is written to the socket directly, and the socket
 * is then closed: after a framing error nothing more on it can be trusted.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket, log: Logger | undefined): void {
  // A client that went away (mid-head or mid-body): nothing to answer; the dispatcher journals an aborted request.
  if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
    log?.debug({ code: error.code }, 'client went away');
    socket.destroy();
    return;
  }
  // An answer already under way on this connection: a second status line would corrupt it.
  const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (current && current.headersSent) {
    socket.destroy();
    return;
  }
  // A body too slow for --request-timeout while a handler reads it: the handler answers the 408 and journals it.
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && current?.req && endBodyOnTimeout(current.req)) {
    log?.debug({ code: error.code }, 'request body timed out');
    return;
  }
  const known = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const reason = (error as { reason?: unknown }).reason;
  const detail = known === MALFORMED && typeof reason === 'string' ? `${known.message} (${reason})` : known.message;
  // The sandbox's own error shape (contracts/admin.openapi.yaml, Error).
  const body = JSON.stringify({ error: { code: known.code, message: detail } });
  const status = SANDBOX_ERRORS[known.code];
  log?.debug({ code: error.code, status }, 'malformed request refused');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nX-Sandbox-Error: ${known.code}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroySoon();
}
