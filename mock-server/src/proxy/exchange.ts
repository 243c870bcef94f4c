/**
 * One exchange the drift proxy saw, as a line of a recording (JSON Lines):
 * the request, the real vendor's answer, the sandbox's answer to the same
 * request, and where the two differ (docs/decisions/0601).
 */

/** Header values as recorded: lower-case names; repeated headers (`set-cookie`) as arrays. */
export type RecordedHeaders = Readonly<Record<string, string | readonly string[]>>;

/** A body as recorded: UTF-8 text when it is text, else base64 of its bytes. Absent: no body. */
export type RecordedBody = { readonly text: string } | { readonly base64: string };

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as the vendor saw them (no `/__session/<id>` prefix). */
  readonly url: string;
  readonly headers: RecordedHeaders;
  readonly body?: RecordedBody;
}

export interface RecordedAnswer {
  readonly status: number;
  readonly headers: RecordedHeaders;
  readonly body?: RecordedBody;
}

/** A side that gave no HTTP answer (connection refused, TLS failure, timeout). */
export interface FailedAnswer {
  readonly error: string;
}

export type Aspect = 'status' | 'result-code' | 'contract' | 'body-shape' | 'header';

/** One way the real answer and the sandbox's (or either one and the contract) disagree. */
export interface Difference {
  readonly aspect: Aspect;
  /** For `contract`: the answer that breaks the contract. */
  readonly side?: 'real' | 'sandbox';
  /** Where in the answer: `status`, a header name, or a JSON pointer into the body (`/data/0/id`). */
  readonly at: string;
  /** Where in the vendor's contract (a JSON pointer into contracts/<vendor>/openapi.yaml, `#/paths/...`). */
  readonly contractPath: string;
  readonly message: string;
  readonly real?: unknown;
  readonly sandbox?: unknown;
}

export interface Exchange {
  /** The proxy run (or replay) that saw it: each run is one recording. */
  readonly run: string;
  readonly seq: number;
  readonly at: string;
  readonly vendor: string;
  /** The contract operation the request matches; null when none does (the comparison is then status, headers and shape only). */
  readonly operation: string | null;
  /** The client's sandbox session (`default` when it named none). */
  readonly session: string;
  readonly request: RecordedRequest;
  readonly real: RecordedAnswer | FailedAnswer;
  readonly sandbox: RecordedAnswer | FailedAnswer;
  readonly differences: readonly Difference[];
  /** Names whose values were replaced by `[REDACTED]` in this line. */
  readonly redacted: readonly string[];
}

export const isAnswer = (answer: RecordedAnswer | FailedAnswer): answer is RecordedAnswer => 'status' in answer;

/** Records bytes as text when they are valid UTF-8 (JSON, forms, HTML), else as base64. */
export function recordBody(bytes: Uint8Array | undefined): RecordedBody | undefined {
  if (bytes === undefined || bytes.length === 0) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { base64: Buffer.from(bytes).toString('base64') };
  }
}

export function bodyBytes(body: RecordedBody | undefined): Buffer | undefined {
  if (body === undefined) return undefined;
  return 'text' in body ? Buffer.from(body.text, 'utf8') : Buffer.from(body.base64, 'base64');
}

/** The body as JSON when the answer says it is JSON and it parses; undefined otherwise. */
export function jsonBody(answer: { readonly headers: RecordedHeaders; readonly body?: RecordedBody }): { readonly value: unknown } | undefined {
  const type = headerValue(answer.headers, 'content-type') ?? '';
  if (answer.body === undefined || !('text' in answer.body) || !/[/+]json\b/i.test(type)) return undefined;
  try {
    return { value: JSON.parse(answer.body.text) as unknown };
  } catch {
    return undefined;
  }
}

/** One header's value (repeated lines joined as HTTP joins them). */
export function headerValue(headers: RecordedHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return value === undefined ? undefined : typeof value === 'string' ? value : value.join(', ');
}
