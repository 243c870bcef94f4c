/**
 * Child of `npm run bench` (run with --expose-gc): a sandbox in this process,
 * N sessions with one Ocamba PATCH each over a kept-alive socket, and the
 * heap they added after a full GC. Prints one JSON line.
 */
import { Agent, request } from 'node:http';
import { createSandbox } from '../mock-server/src/index.js';
import { OCAMBA } from '../test/helpers/identities.js';

const sessions = Number(process.argv[2] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const sandbox = createSandbox({ seed: 1, scenario: 'bench/ocamba-unlimited' });
const running = await sandbox.listen(0);
const { port } = new URL(running.url);
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const body = JSON.stringify({ value: 'jane.doe@example.com', type: 'email' });
const statuses: Record<string, number> = {};

const patch = (session: string) =>
  new Promise<void>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'PATCH',
        path: `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`,
        agent,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': session, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// A first session warms up every lazy structure, so that only the sessions themselves are counted.
await patch('warm-up');
const before = heap();
for (let i = 0; i < sessions; i += 8) await Promise.all(Array.from({ length: Math.min(8, sessions - i) }, (_, j) => patch(`heap-${i + j}`)));
const after = heap();
agent.destroy();
await running.close();
console.log(JSON.stringify({ sessions, bytesPerSession: (after - before) / sessions, statuses }));
