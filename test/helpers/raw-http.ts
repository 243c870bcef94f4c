import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

export type RawResult =
  | { readonly kind: 'response'; readonly status: number; readonly headers: Record<string, string | string[] | undefined>; readonly body: string }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

/** One request over a fresh socket, reporting a dropped connection as its error code instead of throwing. */
export function rawRequest(url: string, options: { method: string; headers?: Record<string, string>; body?: string }): Promise<RawResult> {
  return new Promise((resolve) => {
    const req = request(url, { method: options.method, headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code ?? '', message: error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code ?? '', message: error.message }));
    req.end(options.body);
  });
}

export interface OpenSocket {
  readonly socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves with the first n complete HTTP answers. */
  answers(n: number): Promise<string[]>;
  /** Resolves once the server has closed the connection (FIN or reset). */
  readonly closed: Promise<void>;
}

/** A raw socket that collects what the sandbox sends and can wait for the n-th complete HTTP answer. */
export function openSocket(url: string): Promise<OpenSocket> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    let data = '';
    const waiters: (() => void)[] = [];
    let ended: () => void = () => undefined;
    const closed = new Promise<void>((done) => (ended = done));
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => resolve({ socket, received: () => data, answers, closed }));
    socket.on('end', () => ended());
    socket.on('close', () => ended());
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      for (const wake of waiters.splice(0)) wake();
    });
    socket.on('error', (error) => (socket.connecting ? reject(error) : ended()));
    function split(): string[] {
      // Every answer here carries Content-Length or is a 204: enough to cut the stream into answers.
      const out: string[] = [];
      let rest = data;
      while (rest.includes('\r\n\r\n')) {
        const end = rest.indexOf('\r\n\r\n') + 4;
        const length = Number(/content-length: (\d+)/i.exec(rest.slice(0, end))?.[1] ?? 0);
        if (rest.length < end + length) break;
        out.push(rest.slice(0, end + length));
        rest = rest.slice(end + length);
      }
      return out;
    }
    function answers(n: number): Promise<string[]> {
      return new Promise((done) => {
        const check = () => (split().length >= n ? done(split().slice(0, n)) : waiters.push(check));
        check();
      });
    }
  });
}
