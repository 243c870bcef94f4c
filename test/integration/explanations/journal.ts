import type { TestSandbox } from '../../helpers/sandbox.js';

/** One reason as the journal lists it (contracts/admin.openapi.yaml `Explanation`). */
export interface Reason {
  readonly rule: string;
  readonly where: string;
  readonly expected: string;
  readonly got: string;
  readonly source: string;
}

/** The newest journal entry of a session, as `GET /__admin/requests` lists it. */
export async function lastEntry(t: TestSandbox, session: string): Promise<{ status: number; explanations: Reason[]; responseHeaders: Record<string, string> }> {
  const res = await t.http().get('/__admin/requests?limit=1').set('X-Sandbox-Session', session);
  if (res.status !== 200) throw new Error(`journal listing answered ${res.status}`);
  const [entry] = res.body.requests as { status: number; explanations: Reason[]; responseHeaders: Record<string, string> }[];
  if (!entry) throw new Error(`no journal entry in session ${session}`);
  return entry;
}

/** The reasons' rule, where and source: what a test names exactly (expected/got are checked where they matter). */
export const located = (reasons: readonly Reason[]) => reasons.map(({ rule, where, source }) => ({ rule, where, source }));
