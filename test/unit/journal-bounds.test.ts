import { describe, expect, it } from 'vitest';
import { Journal, JournalBudget } from '../../mock-server/src/core/journal.js';
import { journalRecord } from '../helpers/journal-record.js';

const KiB = 1024;
const entry = (seq: number, rawBody?: Buffer) => journalRecord(seq, { rawBody, method: 'POST' });
const limits = (over: Partial<{ entries: number; bytes: number; bodyBytes: number }> = {}) => ({ entries: 1000, bytes: 1024 * KiB, bodyBytes: 64 * KiB, ...over });

describe('Journal bounds', () => {
  it('keeps a body over the per-entry cap cut to it, with its original size and the truncated flag', () => {
    const journal = new Journal(limits({ bodyBytes: 10 }));
    journal.record(entry(1, Buffer.from('{"a":"0123456789"}')));
    journal.record(entry(2, Buffer.from('{"a":1}')));
    const [cut, whole] = journal.list();
    expect(cut).toMatchObject({ body: '{"a":"0123', bodyBytes: 18, truncated: true });
    expect(whole).toMatchObject({ body: { a: 1 }, bodyBytes: 7, truncated: false });
  });

  it('drops the oldest entries once the session holds more bytes than its limit, keeping the newest', () => {
    const journal = new Journal(limits({ bytes: 10 * KiB }));
    for (let i = 1; i <= 20; i++) journal.record(entry(i, Buffer.alloc(2 * KiB, 'x')));
    expect(journal.bytes).toBeLessThanOrEqual(10 * KiB);
    const seqs = journal.list().map((e) => e.seq);
    expect(seqs.at(-1)).toBe(20);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => 21 - seqs.length + i));
  });

  it('keeps the total under the shared budget by taking from the least recently used journals first', () => {
    const journals: Journal[] = [];
    const budget = new JournalBudget(20 * KiB, () => journals.map((journal) => ({ journal })));
    const [old, recent] = [new Journal(limits(), budget), new Journal(limits(), budget)];
    journals.push(old, recent);
    for (let i = 1; i <= 6; i++) old.record(entry(i, Buffer.alloc(2 * KiB)));
    for (let i = 1; i <= 6; i++) recent.record(entry(i, Buffer.alloc(2 * KiB)));
    expect(budget.used).toBeLessThanOrEqual(20 * KiB);
    expect(budget.used).toBe(old.bytes + recent.bytes);
    expect(recent.size).toBe(6);
    // The older journal lost its oldest entries; what it kept is its newest.
    expect(old.size).toBeLessThan(6);
    expect(old.list().map((e) => e.seq)).toEqual(Array.from({ length: old.size }, (_, i) => 7 - old.size + i));
    old.clear();
    expect(budget.used).toBe(recent.bytes);
  });

  it('pages oldest first after a sequence number, or gives the newest page without one', () => {
    const journal = new Journal(limits());
    for (let i = 1; i <= 7; i++) journal.record(entry(i));
    expect(journal.page({}, 3, 0)).toMatchObject({ total: 7, next: 3 });
    expect(journal.page({}, 3, 0).entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(journal.page({}, 3, 3).entries.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(journal.page({}, 3, 6)).toMatchObject({ next: null, entries: [expect.objectContaining({ seq: 7 })] });
    expect(journal.page({}, 3).entries.map((e) => e.seq)).toEqual([5, 6, 7]);
    expect(journal.page({}, 3).next).toBeNull();
  });

  it('lists a body nested too deep to serialise safely as its text', () => {
    const journal = new Journal(limits());
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    journal.record(entry(1, Buffer.from(deep)));
    journal.record(entry(2, Buffer.from('{"s":"[[[[ not nesting"}')));
    const [first, second] = journal.list();
    expect(first!.body).toBe(deep);
    expect(() => JSON.stringify(journal.list())).not.toThrow();
    expect(second!.body).toEqual({ s: '[[[[ not nesting' });
  });
});
