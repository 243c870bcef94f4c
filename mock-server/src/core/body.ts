import type { Request, RequestHandler, Response } from 'express';
import express from 'express';

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
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Reads the raw request body with body-parser, once, before the vendor sees the
 * request; the limit applies to every vendor alike. Compressed request bodies
 * are refused, as the vendors' front ends do (nginx does not inflate them).
 */
export function createRawBodyReader(limitBytes: number): (req: Request, res: Response) => Promise<Buffer | undefined> {
  const parser: RequestHandler = express.raw({ type: () => true, limit: limitBytes, inflate: false });
  return (req, res) =>
    new Promise((resolve, reject) => {
      parser(req, res, (error?: unknown) => {
        if (error) return reject(toRawBodyError(error));
        const body: unknown = req.body;
        resolve(Buffer.isBuffer(body) && body.length > 0 ? body : undefined);
      });
    });
}

function toRawBodyError(error: unknown): RawBodyError {
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  if (type === 'entity.too.large') return { kind: 'too-large' };
  if (type === 'encoding.unsupported') {
    const encoding = typeof error === 'object' && error !== null && 'encoding' in error ? String(error.encoding) : '';
    return { kind: 'encoded', encoding };
  }
  return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
}

export function isRawBodyError(value: unknown): value is RawBodyError {
  return typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'too-large' || value.kind === 'encoded' || value.kind === 'unreadable');
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
