import type { JournalRecord } from '../../mock-server/src/core/journal.js';

/** A journal record as the dispatcher makes one, with `over` replacing any field. */
export const journalRecord = (seq: number, over: Partial<JournalRecord> = {}): JournalRecord => ({
  seq,
  atMs: Date.parse('2026-01-01T00:00:00.000Z'),
  session: 'default',
  method: 'GET',
  path: `/p/${seq}`,
  query: {},
  headers: {},
  rawBody: undefined,
  vendor: 'ocamba',
  operation: 'op',
  scenario: 'default',
  status: 200,
  responseHeaders: {},
  responseBody: undefined,
  fault: null,
  durationMs: 1,
  ...over,
});
