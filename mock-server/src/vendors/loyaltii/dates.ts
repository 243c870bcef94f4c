/**
 * DateTimeOffset as Loyaltii writes it: the .NET round-trip ("o") format,
 * `yyyy-MM-ddTHH:mm:ss.fffffff+HH:MM`, always 7 fractional digits and an
 * explicit offset (seed 002 samples; docs/vendors/loyaltii.md §3.4). Values are kept as that
 * text, as SQL Server's datetimeoffset keeps the offset it was given.
 */

const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const OUTPUT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.(\d{7})([+-])(\d{2}):(\d{2})$/;
const MAX_OFFSET_MINUTES = 14 * 60;

/** `+01:00` → 60, `-05:30` → -330. */
export function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = offset.slice(1).split(':');
  return sign * (Number(hours) * 60 + Number(minutes));
}

/** An instant of the session clock (epoch ms) as the server writes it, in its own offset. */
export function dateTimeOffset(epochMs: number, utcOffset: string): string {
  const local = new Date(epochMs + offsetMinutes(utcOffset) * 60_000).toISOString();
  // The clock has millisecond precision: the remaining four digits of the 100-ns ticks are zero.
  return `${local.slice(0, 19)}.${local.slice(20, 23)}0000${utcOffset}`;
}

/**
 * A date a client sent (ISO 8601, as Json.NET reads a DateTimeOffset) in
 * round-trip format; without an offset the server's own applies, `Z` is
 * `+00:00`. Undefined when it names no real instant (2024-02-30, 25:00).
 */
export function normalizeDateInput(text: string, utcOffset: string): string | undefined {
  const m = INPUT.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = m;
  const offset = zone === undefined ? utcOffset : zone === 'Z' ? '+00:00' : zone;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const realDay = calendar.getUTCFullYear() === Number(year) && calendar.getUTCMonth() === Number(month) - 1 && calendar.getUTCDate() === Number(day);
  if (!realDay || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || Math.abs(offsetMinutes(offset)) > MAX_OFFSET_MINUTES) return undefined;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(7, '0')}${offset}`;
}

/** Epoch milliseconds of a round-trip text (sub-millisecond ticks dropped). */
export function epochOf(text: string): number {
  const m = OUTPUT.exec(text);
  if (!m) throw new Error(`not a round-trip DateTimeOffset: ${text}`);
  const [, local = '', fraction = '', sign, hours = '0', minutes = '0'] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return Date.parse(`${local}.${fraction.slice(0, 3)}Z`) - offset * 60_000;
}
