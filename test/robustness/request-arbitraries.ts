import { deflateSync, brotliCompressSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FuzzRequest } from './http-client.js';
import type { FuzzOperation } from './operations.js';
import type { FuzzTarget } from './targets.js';

/** A generated request with the operation it aims at and how it was bent, for the oracle and the counts. */
export interface FuzzCase {
  readonly operation: FuzzOperation;
  readonly request: FuzzRequest;
  /** True when the request uses the operation's own method (else a route-level answer is expected). */
  readonly ownMethod: boolean;
  /** Short labels of the variants drawn (`body:deep`, `auth:missing`, ...). */
  readonly labels: readonly string[];
}

const POLLUTED = 'fuzzPolluted';
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'toJSON'] as const;

/** Path segments that are not valid percent-encoding, or are otherwise hostile. */
const RAW_SEGMENTS = ['%zz', '%', '%E0%A4%A', '%C0%AE', '%ff%fe', '%00', '..%2F..%2F__admin', '%2e%2e', 'a%2Fb', '%u0041', '%%', '%2', '\u00e9'.normalize('NFD'), 'x'.repeat(3000)];
const RAW_QUERIES = [
  '%zz=1',
  'a=%',
  '=',
  '&&&',
  '__proto__[fuzzPolluted]=1',
  'constructor[prototype][fuzzPolluted]=1',
  '__proto__=x',
  'a[]=1&a[]=2',
  'a=1&a=2',
  'api=login&api=logout',
  'q=%E0%A4%A',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/xml',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/merge-patch+json',
  'application/octet-stream',
  ';;=;',
  'text/json',
  'application/*',
];
const ACCEPTS = ['*/*', 'text/html', 'application/xml', 'application/json;q=0', 'garbage///'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND'];

type Json = Record<string, unknown>;
const isJsonObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value of some JSON type other than the one given (wrong types). */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant([1, 'x', null]),
  fc.constant(1e308),
  fc.constant(-0),
);

/** Body mutations: each takes the valid body and returns the text to send, or a value to serialise. */
type BodyDraw = { label: string; text?: string; value?: unknown };

function bodyArbitrary(pool: readonly unknown[], overlay: FuzzTarget['bodyValues']): fc.Arbitrary<BodyDraw> {
  const valid = fc.tuple(fc.nat({ max: pool.length - 1 }), fc.boolean(), fc.nat()).map(([i, over, pick]) => withOverlay(pool[i], over ? overlay : {}, pick));
  return fc.oneof(
    { weight: 6, arbitrary: valid.map((value) => ({ label: 'body:valid', value })) },
    { weight: 2, arbitrary: fc.tuple(valid, fc.nat()).map(([value, k]) => ({ label: 'body:missing-field', value: dropKey(value, k) })) },
    { weight: 3, arbitrary: fc.tuple(valid, fc.nat(), wrongType).map(([value, k, w]) => ({ label: 'body:wrong-type', value: setKey(value, k, w) })) },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom(...PROTO_KEYS), fc.boolean()).map(([value, key, nested]) => ({ label: 'body:proto-key', text: withProtoKey(value, key, nested) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 50, max: 6000 }), fc.boolean(), valid, fc.nat())
        .map(([depth, arrays, value, k]) => ({ label: 'body:deep', text: deepInside(value, k, depth, arrays) })),
    },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ label: 'body:any-json', text })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat()).map(([value, cut]) => ({ label: 'body:truncated', text: truncate(JSON.stringify(value) ?? '', cut) })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'null', '\ufeff{}', '{"a":1,"a":2}', 'NaN', '1e999999', '{"a":"\\ud800"}', '[', '{,}', '\u0000'))
        .map((text) => ({ label: 'body:garbage', text })),
    },
    { weight: 1, arbitrary: fc.constant({ label: 'body:none' }) },
  );
}

function withOverlay(value: unknown, overlay: FuzzTarget['bodyValues'], pick: number): unknown {
  if (!isJsonObject(value)) return value;
  const copy: Json = { ...value };
  for (const [key, values] of Object.entries(overlay)) if (key in copy && values.length > 0) copy[key] = values[pick % values.length];
  return copy;
}

function dropKey(value: unknown, k: number): unknown {
  if (!isJsonObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const { [keys[k % keys.length]!]: _dropped, ...rest } = value;
  return rest;
}

function setKey(value: unknown, k: number, replacement: unknown): unknown {
  if (!isJsonObject(value)) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  return { ...value, [keys[k % keys.length]!]: replacement };
}

/** Adds a prototype key as an own JSON key (text, since an object literal would set the prototype instead). */
function withProtoKey(value: unknown, key: string, nested: boolean): string {
  const payload = key === 'constructor' ? `{"prototype":{"${POLLUTED}":"yes"}}` : `{"${POLLUTED}":"yes"}`;
  const text = JSON.stringify(isJsonObject(value) ? value : {});
  if (nested) {
    // Inside the first nested object, where a deep merge would recurse.
    const at = text.indexOf(':{');
    if (at >= 0) return `${text.slice(0, at + 2)}"${key}":${payload}${text[at + 2] === '}' ? '' : ','}${text.slice(at + 2)}`;
  }
  return `{"${key}":${payload}${text === '{}' ? '' : ','}${text.slice(1)}`;
}

/** The body with one field (or the whole body) replaced by a value nested `depth` levels. */
function deepInside(value: unknown, k: number, depth: number, arrays: boolean): string {
  const deep = arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  if (!isJsonObject(value) || Object.keys(value).length === 0) return deep;
  const key = Object.keys(value)[k % Object.keys(value).length]!;
  const marker = '"__fuzz_deep__"';
  return JSON.stringify({ ...value, [key]: '__fuzz_deep__' }).replace(marker, deep);
}

function truncate(text: string, cut: number): string {
  return text.length < 2 ? '{' : text.slice(0, 1 + (cut % (text.length - 1)));
}

/** The body as a form would send it: top-level fields, objects as JSON text. */
function formOf(value: unknown): string {
  if (!isJsonObject(value)) return String(value);
  return new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')])).toString();
}

const segment = (samples: readonly string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.nat().map((i) => ({ label: 'path:known', value: samples.length > 0 ? encodeURIComponent(samples[i % samples.length]!) : 'x' })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }).map((s) => ({ label: 'path:string', value: encodeURIComponent(s) })) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map((n) => ({ label: 'path:number', value: encodeURIComponent(String(n)) })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((s) => ({ label: 'path:bad-escape', value: encodeForPath(s) })) },
  );

/** Node refuses to send control characters and spaces in a path; anything else goes as written. */
const encodeForPath = (s: string) => s.replace(/[\u0000-\u0020\u007f-\uffff]/g, (c) => encodeURIComponent(c));

const printable = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\u0020-\u007e]/g, ''));

/** Every request a fuzz run sends to one vendor: its operations, bent in all the ways the issue names. */
export function caseArbitrary(target: FuzzTarget, operations: readonly FuzzOperation[]): fc.Arbitrary<FuzzCase> {
  const authNames = new Set(Object.keys(target.auth).map((h) => h.toLowerCase()));
  return fc.constantFrom(...operations).chain((operation) => {
    const { op } = operation;
    const pathParams = operation.params.filter((p) => p.in === 'path');
    const queryParams = operation.params.filter((p) => p.in === 'query');
    const headerParams = operation.params.filter((p) => p.in === 'header' && !authNames.has(p.name.toLowerCase()));
    const mediaTypes = [...operation.bodies.keys()];
    const known = (name: string, samples: readonly string[]) => [...(target.pathValues[name] ?? []), ...samples];
    return fc
      .record({
        method: fc.oneof({ weight: 12, arbitrary: fc.constant(op.method as string) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
        segments: fc.tuple(...pathParams.map((p) => segment(known(p.name, p.samples))), fc.constant(null)),
        trailing: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', '/.', '?', '#x') }),
        query: fc.oneof(
          {
            weight: 6,
            arbitrary: fc.tuple(...queryParams.map((p) => fc.option(fc.nat(), { freq: p.required ? 20 : 2 })), fc.constant(null)).map((picks) => ({ label: 'query:valid', picks })),
          },
          { weight: 1, arbitrary: fc.array(fc.tuple(printable, printable), { maxLength: 4 }).map((pairs) => ({ label: 'query:random', pairs })) },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES).map((raw) => ({ label: 'query:raw', raw })) },
        ),
        auth: fc.oneof(
          { weight: 10, arbitrary: fc.constant('valid') },
          { weight: 1, arbitrary: fc.constant('wrong') },
          { weight: 1, arbitrary: fc.constant('missing') },
          { weight: 1, arbitrary: fc.tuple(fc.nat(), printable).map(([k, junk]) => ({ k, junk })) },
        ),
        headers: fc.tuple(...headerParams.map(() => fc.option(fc.nat(), { freq: 2 })), fc.constant(null)),
        accept: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...ACCEPTS) }),
        body:
          mediaTypes.length > 0
            ? fc.tuple(fc.nat({ max: mediaTypes.length - 1 }), bodyArbitrary(operation.bodies.get(mediaTypes[0]!)!, target.bodyValues))
            : fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constant(0), bodyArbitrary([{}], {})) }),
        contentType: fc.oneof(
          { weight: 10, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        ),
        encoding: fc.oneof(
          { weight: 16, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'gzip-lie', 'zstd', 'gzip, identity', 'identity') },
        ),
      })
      .map((draw): FuzzCase => {
        const labels: string[] = [];
        let path = op.path;
        pathParams.forEach((p, i) => {
          const seg = draw.segments[i]!;
          labels.push(seg.label);
          path = path.replace(`{${p.name}}`, seg.value);
        });
        path += draw.trailing;
        const q = draw.query;
        labels.push(q.label);
        const query =
          'picks' in q
            ? queryParams
                .map((p, i) =>
                  q.picks[i] === null || p.samples.length === 0 ? undefined : `${encodeURIComponent(p.name)}=${encodeURIComponent(p.samples[q.picks[i]! % p.samples.length]!)}`,
                )
                .filter((s) => s !== undefined)
                .join('&')
            : 'pairs' in q
              ? q.pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
              : q.raw;
        if (query !== '') path += `${path.includes('?') ? '&' : '?'}${query}`;

        const headers: Record<string, string> = {};
        if (draw.auth === 'valid' || draw.auth === 'missing') {
          if (draw.auth === 'valid') Object.assign(headers, target.auth);
        } else if (draw.auth === 'wrong') Object.assign(headers, target.wrongAuth);
        else {
          // One auth header dropped or replaced by junk.
          const names = Object.keys(target.auth);
          Object.assign(headers, target.auth);
          if (names.length > 0) headers[names[draw.auth.k % names.length]!] = draw.auth.junk;
          else headers['Cookie'] = draw.auth.junk;
        }
        labels.push(`auth:${typeof draw.auth === 'string' ? draw.auth : 'junk'}`);
        headerParams.forEach((p, i) => {
          const pick = draw.headers[i];
          if (pick !== null && pick !== undefined && p.samples.length > 0) headers[p.name] = p.samples[pick % p.samples.length]!.replace(/[^\u0020-\u007e]/g, '');
        });
        if (draw.accept !== null) headers['Accept'] = draw.accept;

        let body: Buffer | string | undefined;
        if (draw.body !== null) {
          const [mt, drawn] = draw.body;
          const mediaType = mediaTypes[mt] ?? 'application/json';
          labels.push(drawn.label);
          if (drawn.label !== 'body:none') {
            body = drawn.text ?? (mediaType === 'application/x-www-form-urlencoded' ? formOf(drawn.value) : (JSON.stringify(drawn.value) ?? 'null'));
            if (draw.contentType === undefined) headers['Content-Type'] = mediaType;
            else if (draw.contentType !== null) headers['Content-Type'] = draw.contentType;
            labels.push(`type:${draw.contentType === undefined ? 'declared' : (draw.contentType ?? 'none')}`);
            if (draw.encoding !== undefined) {
              labels.push(`encoding:${draw.encoding}`);
              headers['Content-Encoding'] = draw.encoding === 'gzip-lie' ? 'gzip' : draw.encoding;
              if (draw.encoding === 'gzip') body = gzipSync(body);
              else if (draw.encoding === 'deflate') body = deflateSync(body);
              else if (draw.encoding === 'br') body = brotliCompressSync(body);
            }
          }
        }
        if (draw.method !== op.method) labels.push('method:other');
        return { operation, ownMethod: draw.method === op.method, labels, request: { method: draw.method, path, headers, body } };
      });
  });
}

/** The property name a prototype-pollution attempt would leave on Object.prototype. */
export const POLLUTION_MARK = POLLUTED;
