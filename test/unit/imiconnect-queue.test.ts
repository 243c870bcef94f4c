import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../mock-server/src/core/clock.js';
import { Contract } from '../../mock-server/src/core/contract.js';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { Random } from '../../mock-server/src/core/random.js';
import { JobQueue, type Queued } from '../../mock-server/src/vendors/imiconnect/queue.js';
import { DEFAULT_SETTINGS } from '../../mock-server/src/vendors/imiconnect/settings.js';
import { ImiconnectStore } from '../../mock-server/src/vendors/imiconnect/store.js';

const job = (transid: string, readyAt: number): Queued => ({ transid, tenant: 't', queuedAt: 0, readyAt });

function drain(queue: JobQueue<Queued, string>, now: number): string[] {
  const order: string[] = [];
  queue.runDue(now, (j) => (order.push(j.transid), [j.transid]));
  return order;
}

describe('JobQueue', () => {
  it('processes only what is due, in due order, then arrival order for the same instant', () => {
    const queue = new JobQueue<Queued, string>(100);
    for (const [id, at] of [
      ['c', 30],
      ['a', 10],
      ['b1', 20],
      ['b2', 20],
      ['d', 40],
    ] as const)
      queue.enqueue(job(id, at));
    expect(drain(queue, 25)).toEqual(['a', 'b1', 'b2']);
    expect(queue.pendingCount).toBe(2);
    queue.enqueue(job('b3', 20));
    expect(drain(queue, 40)).toEqual(['b3', 'c', 'd']);
    expect(queue.pendingCount).toBe(0);
  });

  it('keeps the newest keepFinished transactions and forgets the oldest first', () => {
    const queue = new JobQueue<Queued, string>(3);
    for (const id of ['1', '2', '3', '4', '5']) queue.enqueue(job(id, 0));
    drain(queue, 0);
    expect(queue.finishedCount).toBe(3);
    expect(['1', '2', '3', '4', '5'].map((id) => queue.finished('t', id)?.results[0])).toEqual([undefined, undefined, '3', '4', '5']);
    expect(queue.finished('other-tenant', '5')).toBeUndefined();
    expect(queue.dump().finished.map((f) => f.job.transid)).toEqual(['3', '4', '5']);
  });

  it('lists pending jobs in the order they will run', () => {
    const queue = new JobQueue<Queued, string>(3);
    for (const [id, at] of [
      ['late', 50],
      ['early', 5],
      ['mid', 20],
    ] as const)
      queue.enqueue(job(id, at));
    expect(queue.dump().pending.map((j) => j.transid)).toEqual(['early', 'mid', 'late']);
  });
});

describe('ImiconnectStore queue', () => {
  const contract = Contract.load('imiconnect', join(DEFAULT_DIRS.contracts, 'imiconnect/openapi.yaml'));
  const tenant = { id: 'sandbox', name: 'Sandbox tenant', key: 'k', allowedIps: [] };
  const store = (keepFinished: number, clock: Clock) =>
    new ImiconnectStore({
      fixtures: { tenants: [tenant], customers: {}, transactions: {} },
      shared: (_key, build) => build(),
      contract,
      settings: { ...DEFAULT_SETTINGS, keepFinished },
      clock,
      random: new Random(1),
      seed: 1,
    });
  const create = (id: string) => ({ kind: 'create' as const, records: [{ customerId: id, attributes: { name: id } }] });

  it('drains what is due on every write, with no read in between', () => {
    const clock = new Clock({ mode: 'frozen', start: Date.UTC(2026, 2, 2) });
    const s = store(10, clock);
    for (let i = 0; i < 5; i++) s.enqueue(tenant, create(`c${i}`), 0);
    expect(s.queueDepth()).toEqual({ pending: 0, finished: 5 });
    s.enqueue(tenant, create('later'), 1000);
    expect(s.queueDepth()).toEqual({ pending: 1, finished: 5 });
    clock.advance(1000);
    s.enqueue(tenant, create('next'), 0);
    expect(s.queueDepth()).toEqual({ pending: 0, finished: 7 });
  });

  it('answers a transaction beyond keepFinished as unknown, and the newer ones still', () => {
    const clock = new Clock({ mode: 'frozen', start: Date.UTC(2026, 2, 2) });
    const s = store(2, clock);
    const ids = ['a', 'b', 'c'].map((id) => s.enqueue(tenant, create(id), 0));
    expect(ids.map((transid) => s.transaction(tenant, transid)?.results[0]?.code)).toEqual([undefined, '1000', '1000']);
    expect(s.queueDepth().finished).toBe(2);
  });
});
