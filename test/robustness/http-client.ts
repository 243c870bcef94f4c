import { Agent, request } from 'node:http';

export interface FuzzResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The parsed body when it is JSON, else the text (undefined when empty). */
  readonly body: unknown;
}

export interface FuzzRequest {
  readonly method: string;
  /** Path and query exactly as sent, malformed escapes included. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  /** Leave a JSON answer unparsed (state dumps are compared as text). */
  readonly raw?: boolean;
}

/**
 * Requests over kept-alive sockets to one origin. Node's client sends the
 * path as given (no normalisation), which the fuzzer relies on for bad
 * percent-encoding.
 */
export class FuzzClient {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 16 });
  readonly #host: string;
  readonly #port: number;

  constructor(url: string) {
    const parsed = new URL(url);
    this.#host = parsed.hostname;
    this.#port = Number(parsed.port);
  }

  send(req: FuzzRequest): Promise<FuzzResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
      const outgoing = request({ host: this.#host, port: this.#port, method: req.method, path: req.path, headers, agent: this.#agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = !req.raw && String(res.headers['content-type'] ?? '').includes('json');
          let body: unknown = text === '' ? undefined : text;
          if (json && text !== '') {
            try {
              body = JSON.parse(text) as unknown;
            } catch {
              body = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** A request as a reader can replay it (for failure messages). */
export function describeRequest(req: FuzzRequest): string {
  const body = req.body === undefined ? '' : `\n${String(req.body).slice(0, 600)}${String(req.body).length > 600 ? `… (${String(req.body).length} chars)` : ''}`;
  return `${req.method} ${req.path}\n${Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}${body}`;
}
