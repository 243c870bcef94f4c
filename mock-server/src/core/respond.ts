import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { HeaderValue, HttpOutcome } from './http-outcome.js';
import type { Fault, FaultKind } from './scenario.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** What was written, for the journal. */
export interface Written {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: unknown;
  /** Bytes of the payload written (the journal counts them). */
  readonly bytes?: number;
}

/**
 * Writes an outcome byte for byte as the vendor would: the `Date` header comes
 * from the session's virtual clock (so responses are reproducible) and nothing
 * Express would add on its own (ETag, X-Powered-By) is sent.
 */
export function writeOutcome(res: ServerResponse, outcome: HttpOutcome, date: string, extra?: Readonly<Record<string, HeaderValue>>): Written {
  // Names keep the case the vendor gives them; Node sends them as written. The outcome's own headers win over `extra`.
  const headers: OutgoingHttpHeaders = { Date: date };
  if (extra) for (const name in extra) headers[name] = headerValue(extra[name]!);
  if (outcome.headers) for (const name in outcome.headers) headers[name] = headerValue(outcome.headers[name]!);
  let payload: string | undefined;
  if (outcome.text) {
    headers['Content-Type'] = outcome.text.contentType;
    payload = outcome.text.content;
  } else if (outcome.body !== undefined) {
    headers['Content-Type'] = outcome.contentType ?? JSON_CONTENT_TYPE;
    payload = JSON.stringify(outcome.body);
  }
  const bodyless = outcome.status === 204 || outcome.status === 304;
  const bytes = payload === undefined ? 0 : Buffer.byteLength(payload);
  if (!bodyless) headers['Content-Length'] = String(bytes);
  res.sendDate = false;
  res.writeHead(outcome.status, headers);
  res.end(bodyless ? undefined : payload);
  return { status: outcome.status, headers, body: outcome.text ? outcome.text.content : outcome.body, bytes };
}

function headerValue(value: HeaderValue): string | string[] {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : [...value];
}

type FaultHandlers = {
  readonly [K in FaultKind]: (fault: Extract<Fault, { kind: K }>, res: ServerResponse, date: string, extra?: Readonly<Record<string, HeaderValue>>) => Written;
};

/** One implementation per fault kind; the mapped type makes a new kind impossible to forget. */
const FAULTS: FaultHandlers = {
  'connection-reset': (_fault, res) => {
    res.socket?.resetAndDestroy();
    return { status: 0, headers: {}, body: undefined };
  },
  'empty-reply': (_fault, res) => {
    res.socket?.destroy();
    return { status: 0, headers: {}, body: undefined };
  },
  // `extra` (the sandbox's own headers, X-Sandbox-Explain) only where something is answered.
  'http-status': (fault, res, date, extra) =>
    writeOutcome(res, { status: fault.status, headers: fault.headers ?? {}, text: { contentType: fault.contentType ?? 'text/plain', content: fault.body ?? '' } }, date, extra),
};

export function enactFault(fault: Fault, res: ServerResponse, date: string, extra?: Readonly<Record<string, HeaderValue>>): Written {
  // TypeScript cannot correlate `fault.kind` with the handler's parameter type; the mapped type above guarantees it.
  const handler = FAULTS[fault.kind] as (fault: Fault, res: ServerResponse, date: string, extra?: Readonly<Record<string, HeaderValue>>) => Written;
  return handler(fault, res, date, extra);
}
