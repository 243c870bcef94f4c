/**
 * Run as a child process with --expose-gc (see test/integration/core/session-cost.test.ts):
 * starts a sandbox, makes `count` sessions each send one Ocamba PATCH, and prints
 * the retained heap per session as JSON on stdout.
 */
import { createSandbox } from '../../mock-server/src/index.js';
import { OCAMBA } from './identities.js';

const count = Number(process.argv[2] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const sandbox = createSandbox({ seed: 1, clock: '2026-03-02T10:00:00.000Z' });
const running = await sandbox.listen(0);
const path = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

async function patch(session: string): Promise<void> {
  const res = await fetch(`${running.url}${path}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'Content-Type': 'application/json', 'X-Sandbox-Session': session },
    body: JSON.stringify({ value: `${session}@example.com` }),
  });
  await res.arrayBuffer();
  if (res.status !== 204) throw new Error(`PATCH answered ${res.status}`);
}

async function wave(prefix: string, n: number): Promise<void> {
  // A few in parallel, as CI jobs would be; bounded so sockets stay few.
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < ids.length; i += 16) await Promise.all(ids.slice(i, i + 16).map(patch));
}

function settledHeap(): number {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage().heapUsed;
}

// Warm up: compiled code, sockets, caches the first sessions fill.
await wave('warm', 100);
const before = settledHeap();
await wave('measured', count);
const after = settledHeap();
await running.close();
process.stdout.write(`${JSON.stringify({ count, bytesPerSession: Math.round((after - before) / count) })}\n`);
