// No imports: the dashboard's browser code reads this type too (mock-server/ui/types.ts).
/**
 * What the live feed sends for each new journal entry: enough for a row of
 * the dashboard's journal; the whole entry (bodies, headers, explanations)
 * is one `GET /__admin/requests?after=<seq - 1>&limit=1` away in its session.
 */
export interface JournalEventEntry {
  readonly seq: number;
  readonly at: string;
  readonly session: string;
  readonly method: string;
  readonly path: string;
  readonly vendor: string | null;
  readonly operation: string | null;
  readonly scenario: string | null;
  readonly status: number | null;
  readonly aborted?: true;
  readonly fault: string | null;
  readonly durationMs: number;
  /** How many explanations and leniency warnings the entry carries. */
  readonly explanations: number;
  readonly warnings: number;
}
