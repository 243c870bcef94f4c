import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node.js';

const script = fileURLToPath(new URL('../../helpers/session-heap.ts', import.meta.url));

/** Sessions per vendor: enough that a per-session copy of a fixture set (the iService directory was 30 kB) shows clearly. */
const SESSIONS = 300;

describe('what a session costs', () => {
  // In parallel (each in its own child process): the five together take about as long as one did alone on two cores.
  it.concurrent.each(['ocamba', 'instantpay', 'imiconnect', 'loyaltii', 'iservice'])(
    `a session that made one %s main write adds at most 16 kB of heap (${SESSIONS} sessions, after full GCs, in a child process)`,
    async (vendor) => {
      const run = await runNode(['--expose-gc', '--import', 'tsx', script, String(SESSIONS), vendor]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const { count, bytesPerSession } = JSON.parse(run.stdout) as { vendor: string; count: number; bytesPerSession: number };
      expect(count).toBe(SESSIONS);
      expect(bytesPerSession).toBeLessThanOrEqual(16 * 1024);
    },
    120_000,
  );
});
