import type { IncomingMessage } from 'node:http';

export type BodyFormat = 'json' | 'form' | 'none';

/** How one vendor (or one operation) reads request bodies. */
export interface BodyPolicy {
  /** Media types read as JSON; any `+json` suffix counts too. */
  readonly json: readonly string[];
  /** Media types read as form fields. */
  readonly form?: readonly string[];
  /** A body with an unlisted content type: read it as JSON anyway, or refuse it (415). */
  readonly otherTypes: 'json' | 'reject';
  /** A body without a content type (curl `--data-raw` without `-H`, some HTTP clients). */
  readonly missingType: 'json' | 'reject';
  /**
   * `unicode`: any Unicode space between JSON tokens counts as whitespace, as
   * .NET's Json.NET reads it (`char.IsWhiteSpace`), so a sample copied from a
   * web page with non-breaking spaces still parses. Default `json` (RFC 8259).
   */
  readonly whitespace?: 'json' | 'unicode';
}

export type ParsedBody =
  | { readonly kind: 'ok'; readonly body: unknown; readonly format: BodyFormat }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'unsupported'; readonly contentType: string };

export type RawBodyError =
  | { readonly kind: 'too-large' }
  | { readonly kind: 'encoded'; readonly encoding: string }
  | { readonly kind: 'unreadable'; readonly reason: string }
  /** The client went away before the body was complete: there is no one to answer. */
  | { readonly kind: 'aborted' }
  /** The body did not arrive within --request-timeout: the handler answers 408 and the connection is closed. */
  | { readonly kind: 'timed-out' };

/**
 * Requests whose body is being read, each with how to end that read when the
 * server's request timeout fires (see `endBodyOnTimeout`). Keyed weakly: a
 * request leaves it once read, or when it is collected.
 */
const bodyReads = new WeakMap<IncomingMessage, () => void>();

/**
 * Called by the server when `--request-timeout` cuts a request: when its body
 * is being read by a handler, that read fails as `timed-out`, so the handler
 * answers (the sandbox's 408) and journals it like any answer. False when no
 * handler is reading this request's body (the server answers it itself).
 */
export function endBodyOnTimeout(req: IncomingMessage): boolean {
  const end = bodyReads.get(req);
  if (!end) return false;
  end();
  return true;
}

/**
 * Reads the raw request body once, before the vendor sees the request; the
 * limit applies to every vendor alike. Compressed request bodies are refused,
 * as the vendors' front ends do (nginx does not inflate them).
 *
 * Hand-written rather than body-parser's `raw()`: that costs about 7% of the
 * sandbox's throughput on a small PATCH (decision 0013), and all it would add
 * here is charset and type handling that `parseBody` does per vendor.
 */
export function createRawBodyReader(limitBytes: number): (req: IncomingMessage) => Promise<Buffer | undefined> {
  return (req) => {
    const headers = req.headers;
    const length = headers['content-length'];
    // A body is declared by the framing, not by what arrives; unlike body-parser, `Content-Length: 0` declares none.
    if (headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) return Promise.resolve(undefined);
    const encoding = (headers['content-encoding'] || 'identity').toLowerCase();
    if (encoding !== 'identity') return refuse(req, { kind: 'encoded', encoding });
    // Node's parser has already refused a malformed Content-Length; a declared size over the limit is refused unread
    // (the answer then closes the connection: see closesConnection).
    if (length !== undefined && Number(length) > limitBytes) return Promise.reject<never>({ kind: 'too-large' } satisfies RawBodyError);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let received = 0;
      const cleanup = () => {
        bodyReads.delete(req);
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('close', onClose);
      };
      const fail = (error: RawBodyError) => {
        cleanup();
        // The rest of a body over the limit (or too slow) is not read: the answer closes the connection instead.
        if (error.kind === 'too-large' || error.kind === 'timed-out') req.pause();
        else req.resume();
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        if (received > limitBytes) return fail({ kind: 'too-large' });
        chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        // Always a copy: a chunk is a view into what the socket read (headers included), and the journal keeps bodies.
        resolve(received === 0 ? undefined : Buffer.concat(chunks, received));
      };
      // Node reports a client gone mid-body as an `aborted` ECONNRESET error on the request.
      const onError = (error: NodeJS.ErrnoException) => fail(error.code === 'ECONNRESET' ? { kind: 'aborted' } : { kind: 'unreadable', reason: error.message });
      // A client that goes away mid-body: `close` comes without `end`.
      const onClose = () => fail({ kind: 'aborted' });
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('close', onClose);
      bodyReads.set(req, () => fail({ kind: 'timed-out' }));
    });
  };
}

/**
 * Whether the answer to a refused body must close the connection: a body over
 * the limit is left unread (reading a declared gigabyte to drop it costs what
 * refusing it was meant to save), so nothing after it on the socket can be parsed.
 */
export function closesConnection(error: RawBodyError): boolean {
  return error.kind === 'too-large' || error.kind === 'timed-out';
}

/**
 * Refuses a body without keeping it. The rest is read and dropped (as
 * body-parser does), so the connection can carry the next request; the answer
 * does not wait for it.
 */
function refuse(req: IncomingMessage, error: RawBodyError): Promise<never> {
  req.resume();
  return Promise.reject(error);
}

export function isRawBodyError(value: unknown): value is RawBodyError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'too-large' || value.kind === 'encoded' || value.kind === 'unreadable' || value.kind === 'aborted' || value.kind === 'timed-out')
  );
}

/** Parses a raw body according to `policy`. Never throws. */
export function parseBody(raw: Buffer | undefined, contentType: string | undefined, policy: BodyPolicy): ParsedBody {
  if (raw === undefined) return { kind: 'ok', body: undefined, format: 'none' };
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  const format = formatFor(mediaType, policy);
  if (format === 'reject') return { kind: 'unsupported', contentType: mediaType ?? '' };
  const decoded = raw.toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (format === 'form') return { kind: 'ok', body: parseForm(text), format: 'form' };
  if (text.trim() === '') return { kind: 'ok', body: undefined, format: 'none' };
  try {
    return { kind: 'ok', body: JSON.parse(text) as unknown, format: 'json' };
  } catch (error) {
    // Only a body JSON.parse refuses pays for the second pass.
    if (policy.whitespace === 'unicode') {
      try {
        return { kind: 'ok', body: JSON.parse(spacesOutsideStrings(text)) as unknown, format: 'json' };
      } catch {
        // Malformed for other reasons: report JSON.parse's first complaint.
      }
    }
    return { kind: 'malformed', reason: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** `text` with every non-ASCII Unicode space outside JSON strings replaced by an ASCII space. */
export function spacesOutsideStrings(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') {
        out += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
      out += c;
    } else {
      if (c === '"') inString = true;
      out += UNICODE_SPACE.test(c) ? ' ' : c;
    }
  }
  return out;
}

function formatFor(mediaType: string | undefined, policy: BodyPolicy): 'json' | 'form' | 'reject' {
  if (mediaType === undefined) return policy.missingType;
  if (policy.json.includes(mediaType) || mediaType.endsWith('+json')) return 'json';
  if (policy.form?.includes(mediaType)) return 'form';
  return policy.otherTypes;
}

/** Form fields as an object; a repeated field becomes an array. */
function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
