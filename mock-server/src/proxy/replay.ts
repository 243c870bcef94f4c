import { randomUUID } from 'node:crypto';
import { Agent } from 'undici';
import { DriftTally, type DriftReport } from './drift-report.js';
import type { DriftVendors } from './drift-vendors.js';
import { bodyBytes, isAnswer, recordBody, type Exchange, type RecordedAnswer } from './exchange.js';
import { endToEnd, send } from './forward.js';

export interface ReplayOptions {
  /** Base URL to send the recorded requests to (an in-process sandbox, or any URL). */
  readonly against: string;
  readonly vendors: DriftVendors;
  /** Headers set on every replayed request (a credential the recording redacted, say), over the vendor's sandbox identity. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Use the vendor's sandbox identity for its credentials (default true: replay is meant for a sandbox). */
  readonly sandboxIdentity?: boolean;
}

export interface ReplayResult {
  /** The replayed exchanges: `sandbox` is the replay's answer, compared with the recorded real answer. */
  readonly exchanges: readonly Exchange[];
  readonly report: DriftReport;
}

/**
 * Sends the recorded requests in their recorded order and compares each
 * answer with the recorded real one (docs/decisions/0605). Each recorded
 * client session of each run gets a session of its own (`replay-<nonce>-<n>`),
 * so state built by earlier requests is there for later ones and runs do not
 * meet. Exchanges the real vendor did not answer are skipped.
 */
export async function replayRecording(recorded: readonly Exchange[], options: ReplayOptions): Promise<ReplayResult> {
  const agent = new Agent();
  const nonce = randomUUID().slice(0, 8);
  const sessions = new Map<string, string>();
  const tally = new DriftTally();
  const exchanges: Exchange[] = [];
  const base = options.against.replace(/\/+$/, '');
  try {
    for (const exchange of recorded) {
      if (!isAnswer(exchange.real)) continue;
      const key = `${exchange.run}\u0000${exchange.session}`;
      if (!sessions.has(key)) sessions.set(key, `replay-${nonce}-${sessions.size + 1}`);
      const module = options.vendors.module(exchange.vendor);
      const identity = options.sandboxIdentity === false ? {} : (module?.drift.sandboxHeaders ?? {});
      const headers = {
        ...endToEnd(exchange.request.headers, ['host', 'content-length']),
        ...lower(identity),
        ...lower(options.headers ?? {}),
        'x-sandbox-session': sessions.get(key)!,
      };
      const answer = await send(agent, base + exchange.request.url, exchange.request.method, headers, bodyBytes(exchange.request.body));
      const replayed = 'error' in answer ? answer : ({ status: answer.status, headers: answer.headers, ...bodyOf(answer.body) } satisfies RecordedAnswer);
      const route = options.vendors.route(exchange.request.method, exchange.request.url.split('?')[0]!);
      const operation = route?.operation ?? exchange.operation;
      const differences = isAnswer(replayed) && module ? options.vendors.compare(exchange.vendor, operation, exchange.real, replayed) : [];
      const result: Exchange = { ...exchange, run: nonce, session: sessions.get(key)!, operation, sandbox: replayed, differences, at: new Date().toISOString() };
      tally.add(result);
      exchanges.push(result);
    }
  } finally {
    await agent.close();
  }
  return { exchanges, report: tally.report() };
}

const lower = (record: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));

function bodyOf(bytes: Buffer): { body?: NonNullable<ReturnType<typeof recordBody>> } {
  const body = recordBody(bytes);
  return body === undefined ? {} : { body };
}
