import { request } from 'node:http';

export type RawResult = { readonly kind: 'response'; readonly status: number; readonly headers: Record<string, string | string[] | undefined>; readonly body: string } | { readonly kind: 'error'; readonly code: string; readonly message: string };

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
