import { IMICONNECT } from '../test/helpers/identities.js';
import { costOf } from './measure.js';
import type { BenchOptions } from './options.js';
import { startServer } from './processes.js';
import { figure, type Figure } from './report.js';
import type { WrkRequest } from './wrk.js';

const PUT: WrkRequest = {
  method: 'PUT',
  path: '/resources/v2/customerprofile',
  headers: { 'Content-Type': 'application/json', key: IMICONNECT.key, 'X-Sandbox-Session': 'bench-queue' },
  body: JSON.stringify({ Records: [{ customerId: IMICONNECT.customer, Attributes: { email: 'umtest.one@example.com', msisdn: '911278994640', name: 'umtest' } }] }),
};

/** IMIconnect PUTs in one session, in ten equal parts: server CPU per PUT in the first and the last tenth. */
export async function imiconnectTenths(options: BenchOptions): Promise<Figure[]> {
  const total = options.quick ? 3_000 : 10_000;
  const capSeconds = 10;
  const section = `IMIconnect: ${total} PUTs in one session, server CPU per PUT by tenth (each tenth at most ${capSeconds} s)`;
  const sandbox = await startServer('imiconnect-queue', 'sandbox');
  try {
    const tenths = [];
    for (let i = 0; i < 10; i++) tenths.push(await costOf(sandbox, PUT, { connections: options.connections, seconds: capSeconds, stopAfter: total / 10 }));
    const sent = tenths.reduce((sum, t) => sum + t.requests, 0);
    const note = `${sent} PUTs sent; by tenth: ${tenths.map((t) => t.micros.toFixed(0)).join(', ')} µs`;
    return [
      figure({ section, name: 'CPU per PUT, first tenth', value: tenths[0]!.micros, unit: 'µs' }),
      figure({ section, name: 'CPU per PUT, last tenth', value: tenths[9]!.micros, unit: 'µs' }),
      figure({ section, name: 'last tenth / first tenth', value: tenths[9]!.micros / tenths[0]!.micros, unit: '×', target: 1.1, note }),
    ];
  } finally {
    await sandbox.stop();
  }
}
