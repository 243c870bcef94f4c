import { request } from 'node:http';
import { LOYALTII } from '../helpers/identities.js';

export interface RaceResult {
  /** Status → how many PATCHes got it. */
  readonly statuses: Record<string, number>;
  /** The winners' FirstName (exactly one when the race is sound). */
  readonly winners: readonly string[];
  /** Contact 1 as the sandbox holds it afterwards. */
  readonly stored: { readonly Version: string; readonly FirstName: string };
  /** Every answer's body, for the contract check. */
  readonly answers: readonly { status: number; headers: Record<string, string | string[] | undefined>; body: unknown }[];
}

/** One request on its own socket (no keep-alive), so that the PATCHes really arrive together. */
function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `count` PATCHes of Loyaltii contact 1, all with the Version the fixtures
 * hold, sent at once in a fresh session: optimistic concurrency must let
 * exactly one through.
 */
export async function raceLoyaltiiPatches(url: string, session: string, count: number): Promise<RaceResult> {
  const headers = { Authorization: `Bearer ${LOYALTII.token}`, 'Content-Type': 'application/json', 'X-Sandbox-Session': session };
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(url, 'PATCH', `/api/v1/Contacts/${LOYALTII.contact1.id}`, headers, JSON.stringify({ Version: LOYALTII.contact1.version, FirstName: `Racer ${i}` })),
    ),
  );
  const statuses: Record<string, number> = {};
  const winners: string[] = [];
  const answers = results.map((r) => {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const body = JSON.parse(r.text) as { FirstName?: string };
    if (r.status === 200) winners.push(String(body.FirstName));
    return { status: r.status, headers: r.headers, body: body as unknown };
  });
  const read = await send(url, 'GET', `/api/v1/Contacts/${LOYALTII.contact1.id}`, headers);
  return { statuses, winners, stored: JSON.parse(read.text) as RaceResult['stored'], answers };
}
