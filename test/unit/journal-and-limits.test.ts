import { describe, expect, it } from 'vitest';
import { Journal } from '../../mock-server/src/core/journal.js';
import { journalRecord } from '../helpers/journal-record.js';
import { ConcurrencyLimiter, FixedWindowLimiter } from '../../mock-server/src/core/rate-limit.js';

const entry = journalRecord;

describe('Journal', () => {
  it('keeps only the newest `capacity` entries, oldest first', () => {
    const journal = new Journal(3);
    for (let i = 1; i <= 5; i++) journal.record(entry(i));
    expect(journal.size).toBe(3);
    expect(journal.list().map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('filters by vendor, method, status and path prefix', () => {
    const journal = new Journal(10);
    journal.record(entry(1, { vendor: 'a', method: 'PATCH', status: 204, path: '/v1/x' }));
    journal.record(entry(2, { vendor: 'b', method: 'GET', status: 404, path: '/v2/y' }));
    expect(journal.list({ vendor: 'a' }).map((e) => e.seq)).toEqual([1]);
    expect(journal.list({ method: 'patch' }).map((e) => e.seq)).toEqual([1]);
    expect(journal.list({ status: 404 }).map((e) => e.seq)).toEqual([2]);
    expect(journal.list({ path: '/v2/*' }).map((e) => e.seq)).toEqual([2]);
    expect(journal.list({ path: '/v2' })).toEqual([]);
  });

  it('shows a JSON body parsed, any other body as text, and no body as undefined', () => {
    const journal = new Journal(3);
    journal.record(entry(1, { rawBody: Buffer.from('{"a":1}') }));
    journal.record(entry(2, { rawBody: Buffer.from('a=1&b=2') }));
    journal.record(entry(3));
    expect(journal.list().map((e) => e.body)).toEqual([{ a: 1 }, 'a=1&b=2', undefined]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new Journal(0)).toThrow(/positive integer/);
  });
});

describe('FixedWindowLimiter', () => {
  const windows = [
    { sizeMs: 1000, limit: 2 },
    { sizeMs: 60_000, limit: 3 },
  ];
  it('refuses past the limit with the seconds to the exhausted window', () => {
    const limiter = new FixedWindowLimiter();
    expect(limiter.take('k', 0, windows)).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 1 });
    expect(limiter.take('k', 10, windows)).toEqual({ allowed: true, limit: 2, remaining: 0, resetSeconds: 1 });
    expect(limiter.take('k', 20, windows)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('k', 1000, windows)).toEqual({ allowed: true, limit: 3, remaining: 0, resetSeconds: 59 });
    expect(limiter.take('k', 2000, windows)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect(limiter.take('other', 2000, windows)).toMatchObject({ allowed: true });
  });
});

describe('ConcurrencyLimiter', () => {
  it('caps in-flight requests and frees a slot once, however often release is called', () => {
    const limiter = new ConcurrencyLimiter();
    const a = limiter.acquire('k', 2);
    const b = limiter.acquire('k', 2);
    expect(limiter.acquire('k', 2)).toBeUndefined();
    a?.();
    a?.();
    expect(limiter.inFlight('k')).toBe(1);
    expect(limiter.acquire('k', 2)).toBeDefined();
    b?.();
  });
});
