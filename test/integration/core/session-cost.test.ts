import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node.js';

const script = fileURLToPath(new URL('../../helpers/session-heap.ts', import.meta.url));

describe('what a session costs', () => {
  it('a session that made one Ocamba PATCH adds at most 16 kB of heap (500 sessions, after full GCs, in a child process)', async () => {
    const run = await runNode(['--expose-gc', '--import', 'tsx', script, '500']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { count, bytesPerSession } = JSON.parse(run.stdout) as { count: number; bytesPerSession: number };
    expect(count).toBe(500);
    expect(bytesPerSession).toBeLessThanOrEqual(16 * 1024);
  }, 120_000);
});
