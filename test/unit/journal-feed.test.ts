import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Journal, type JournalRecord, type JournalTap } from '../../mock-server/src/core/journal.js';
import { JournalFeed } from '../../mock-server/src/core/journal-feed.js';
import { journalRecord } from '../helpers/journal-record.js';

/** A response whose connection takes what is written only while `taking` is true, as a client that stops reading. */
class FakeResponse extends EventEmitter {
  sendDate = true;
  writableEnded = false;
  taking = true;
  readonly chunks: string[] = [];
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return this.taking;
  }
  end(): void {
    this.writableEnded = true;
    this.emit('close');
  }
  events(): { event: string; data: any }[] {
    return this.chunks
      .filter((c) => c.includes('\ndata: ') || c.startsWith('event: '))
      .map((c) => ({ event: /event: (\S+)/.exec(c)![1]!, data: JSON.parse(/data: (.*)\n/.exec(c)![1]!) }));
  }
}

const record = (seq: number, session = 's'): JournalRecord => journalRecord(seq, { session });

describe('JournalFeed', () => {
  it('keeps at most `queuedEvents` for a subscriber that stops reading, then says how many it let go, and sends the newest in order', () => {
    const feed = new JournalFeed({ queuedEvents: 5 });
    const res = new FakeResponse();
    feed.subscribe(res as unknown as ServerResponse, undefined, 'Mon, 02 Mar 2026 10:00:00 GMT');
    const tap = feed.tap('s');
    res.taking = false;
    tap.recorded(record(1)); // written; the connection says it is full
    for (let seq = 2; seq <= 20; seq++) tap.recorded(record(seq));
    // Written so far: the ready event and the first entry; 19 waited, 5 are kept.
    expect(res.events().map((e) => e.event)).toEqual(['ready', 'request']);
    res.taking = true;
    res.emit('drain');
    const after = res.events().slice(2);
    expect(after[0]).toEqual({ event: 'dropped', data: { dropped: 14 } });
    expect(after.slice(1).map((e) => e.data.seq)).toEqual([16, 17, 18, 19, 20]);
  });

  it('sends a subscriber only the sessions it follows, and forgets it when its connection closes', () => {
    const feed = new JournalFeed();
    const a = new FakeResponse();
    feed.subscribe(a as unknown as ServerResponse, ['a'], 'x');
    expect(feed.active).toBe(true);
    feed.tap('b').recorded(record(1, 'b'));
    feed.tap('a').recorded(record(2, 'a'));
    feed.tap('a').cleared();
    expect(a.events().map((e) => [e.event, e.data.session])).toEqual([
      ['ready', undefined],
      ['request', 'a'],
      ['cleared', 'a'],
    ]);
    a.emit('close');
    expect(feed.active).toBe(false);
    expect(feed.subscribers).toBe(0);
  });
});

describe('a journal with a tap', () => {
  it('asks the tap whether anyone listens and builds nothing for it when nobody does', () => {
    let asked = 0;
    const heard: number[] = [];
    let listening = false;
    const tap: JournalTap = {
      active: () => (asked++, listening),
      recorded: (r) => heard.push(r.seq),
      cleared: () => heard.push(-1),
    };
    const journal = new Journal({ entries: 10, bytes: 1_000_000, bodyBytes: 1024 }, undefined, tap);
    journal.record(record(journal.nextSeq()));
    journal.clear();
    expect(heard).toEqual([]);
    expect(asked).toBe(2);
    listening = true;
    journal.record(record(journal.nextSeq()));
    journal.clear();
    expect(heard).toEqual([2, -1]);
  });
});
