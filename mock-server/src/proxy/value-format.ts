/**
 * The format of a value whose content changes on every call (ids, dates,
 * counters): two answers agree when their values have the same format
 * (docs/decisions/0602). Checked most specific first.
 */
const FORMATS: readonly (readonly [string, RegExp])[] = [
  ['http-date', /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/],
  ['date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['object-id', /^[0-9a-f]{24}$/],
  ['integer', /^-?\d+$/],
  ['decimal', /^-?\d+\.\d+$/],
  ['hex', /^[0-9a-f]{16,}$/i],
  ['empty', /^$/],
];

export function formatOf(value: string): string {
  return FORMATS.find(([, pattern]) => pattern.test(value))?.[0] ?? 'text';
}

/** A JSON value's type, as the comparison of shapes names it. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
