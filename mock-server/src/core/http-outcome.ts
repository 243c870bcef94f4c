import type { Explanation } from './explain.js';

/** Header values as a vendor sets them. */
export type HeaderValue = string | number | readonly string[];

/**
 * What an operation answers, before it touches the socket. Vendors build these;
 * the core writes them, journals them and logs them.
 */
export interface HttpOutcome {
  readonly status: number;
  readonly headers?: Readonly<Record<string, HeaderValue>>;
  /** A JSON value to serialise; `undefined` means an empty body. */
  readonly body?: unknown;
  /** Content type for a JSON body (vendors differ in charset and media type). */
  readonly contentType?: string;
  /** A pre-rendered, non-JSON body. Takes precedence over `body`. */
  readonly text?: { readonly contentType: string; readonly content: string };
  /** Why this answer refuses the request (core/explain.ts): journaled, never written with the answer. */
  readonly explanations?: readonly Explanation[] | undefined;
}

/**
 * The one error type handlers throw. It carries the vendor's fully rendered
 * answer, so whatever catches it only has to send it.
 */
export class VendorError extends Error {
  constructor(
    readonly code: string,
    readonly outcome: HttpOutcome,
  ) {
    super(`${code} (HTTP ${outcome.status})`);
    this.name = 'VendorError';
  }
}

export function isVendorError(value: unknown): value is VendorError {
  return value instanceof VendorError;
}
