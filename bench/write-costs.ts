import { OCAMBA } from '../test/helpers/identities.js';
import { interleaved } from './measure.js';
import { startServer } from './processes.js';
import { figure, type Figure } from './report.js';
import type { BenchOptions } from './options.js';
import { VENDOR_WRITES } from './vendor-writes.js';
import { runWrk, type WrkRequest } from './wrk.js';

const SANDBOX_ARGS = ['--scenario', 'bench/ocamba-unlimited'];

/** Each vendor's main write against bare Express 5 + express.json(), in server CPU µs per request. */
export async function mainWrites(options: BenchOptions): Promise<Figure[]> {
  const section = `Main writes: server CPU per request vs bare Express 5 + express.json() (${options.rounds} alternating rounds of ${options.seconds} s)`;
  const baseline = await startServer('baseline', 'baseline');
  const sandbox = await startServer('sandbox', 'sandbox', SANDBOX_ARGS);
  const figures: Figure[] = [];
  try {
    for (const write of VENDOR_WRITES) {
      const req = await write.prepare(sandbox.origin);
      const connections = write.connections ?? options.connections;
      const { a: bare, b: own } = await interleaved(
        { server: baseline, req },
        { server: sandbox, req },
        { rounds: options.rounds, seconds: options.seconds, warmup: options.warmup, connections },
      );
      const note = `${own.micros.toFixed(0)} µs vs ${bare.micros.toFixed(0)} µs, ${own.requests} requests, c=${connections}${own.failures > 0 ? `, ${own.failures} not 2xx` : ''}`;
      figures.push(figure({ section, name: write.label, value: own.micros / bare.micros, unit: '×', target: 1.0, note }));
    }
  } finally {
    await Promise.all([baseline.stop(), sandbox.stop()]);
  }
  return figures;
}

const OCAMBA_PATCH: WrkRequest = {
  method: 'PATCH',
  path: `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`,
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${OCAMBA.keyA}` },
  body: JSON.stringify({ value: 'jane.doe@example.com', type: 'email' }),
};

/** The Ocamba PATCH with the journal at its default size and at a large one (filled first), in CPU per request and RSS. */
export async function journalSizes(options: BenchOptions): Promise<Figure[]> {
  const large = options.quick ? 20_000 : 100_000;
  const section = `Journal: default size (1,000 entries) against --journal-size ${large}, both full`;
  const small = await startServer('journal-default', 'sandbox', SANDBOX_ARGS);
  const big = await startServer('journal-large', 'sandbox', [...SANDBOX_ARGS, '--journal-size', String(large)]);
  try {
    const fill = await Promise.all(
      [small, big].map((server) => runWrk(server.origin, OCAMBA_PATCH, { connections: options.connections, seconds: options.quick ? 20 : 45, stopAfter: large })),
    );
    const { a, b } = await interleaved(
      { server: small, req: OCAMBA_PATCH },
      { server: big, req: OCAMBA_PATCH },
      { rounds: options.rounds, seconds: options.seconds, warmup: 1, connections: options.connections },
    );
    return [
      figure({ section, name: 'CPU per request, default journal', value: a.micros, unit: 'µs' }),
      figure({ section, name: `CPU per request, ${large}-entry journal`, value: b.micros, unit: 'µs' }),
      figure({
        section,
        name: 'large / default',
        value: b.micros / a.micros,
        unit: '×',
        note: `journals filled with ${fill[0]!.requests} and ${fill[1]!.requests} requests first`,
      }),
      figure({ section, name: 'RSS, default journal', value: small.memory().rssMb, unit: 'MiB' }),
      figure({ section, name: `RSS, ${large}-entry journal`, value: big.memory().rssMb, unit: 'MiB' }),
    ];
  } finally {
    await Promise.all([small.stop(), big.stop()]);
  }
}
