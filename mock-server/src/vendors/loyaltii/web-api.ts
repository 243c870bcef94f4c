import type { IncomingHttpHeaders } from 'node:http';
import Negotiator from 'negotiator';
import type { HeaderValue, HttpOutcome } from '../../core/http-outcome.js';

/** The media types Web API's JSON formatter writes, in its own order (seed: "Response Formats application/json, text/json"). */
const JSON_MEDIA_TYPES = ['application/json', 'text/json'] as const;
type JsonMediaType = (typeof JSON_MEDIA_TYPES)[number];

/**
 * Web API 2 on IIS marks every API answer uncacheable; these three headers
 * come with each one, errors included.
 */
const NO_CACHE: Readonly<Record<string, string>> = { 'Cache-Control': 'no-cache', Pragma: 'no-cache', Expires: '-1' };

/**
 * Web API's DefaultContentNegotiator, for the one JSON formatter this API
 * keeps: the best `Accept` match first, else the request's own content type,
 * else the formatter's first media type. An `Accept` nothing matches (say
 * application/xml) falls through to the same defaults, so clients still get JSON.
 */
export function responseMediaType(headers: IncomingHttpHeaders): JsonMediaType {
  if (headers.accept) {
    const picked = new Negotiator({ headers: { accept: headers.accept } }).mediaType([...JSON_MEDIA_TYPES]);
    if (picked === 'application/json' || picked === 'text/json') return picked;
  }
  const sent = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return sent === 'text/json' ? 'text/json' : 'application/json';
}

/** An answer as Web API writes it: negotiated JSON (or no body at all), plus the no-cache headers. */
export function webApiAnswer(headers: IncomingHttpHeaders, status: number, body?: unknown, extra: Readonly<Record<string, HeaderValue>> = {}): HttpOutcome {
  const outcome: HttpOutcome = { status, headers: { ...NO_CACHE, ...extra } };
  return body === undefined ? outcome : { ...outcome, body, contentType: `${responseMediaType(headers)}; charset=utf-8` };
}

/** `HttpError` as remote clients see it: only `Message` (IncludeErrorDetailPolicy hides MessageDetail and exceptions). */
export function httpError(headers: IncomingHttpHeaders, status: number, message: string, extra?: Readonly<Record<string, HeaderValue>>): HttpOutcome {
  return webApiAnswer(headers, status, { Message: message }, extra);
}

/** The request URI as Web API quotes it in its 404 message. */
export function requestUri(headers: IncomingHttpHeaders, path: string): string {
  return `http://${headers.host ?? 'localhost'}${path}`;
}
