import { describe, expect, it } from 'vitest';
import { contractOf } from '../../helpers/contract-matchers.js';
import { LOYALTII } from '../../helpers/identities.js';
import { rawRequest, type RawResult } from '../../helpers/raw-http.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { checked, contactPath, NEXT_VERSIONS } from './client.js';

const t = useSandbox();

/** One PATCH on its own socket (rawRequest never reuses a connection), so requests really race. */
function patch(session: string, id: number, body: object): Promise<RawResult> {
  return rawRequest(`${t.url}${contactPath(id)}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${LOYALTII.token}`, 'Content-Type': 'application/json', 'X-Sandbox-Session': session },
    body: JSON.stringify(body),
  });
}

async function read(session: string, id: number): Promise<{ Version: string; FirstName: string; LatestPermissionSource: string }> {
  const res = checked(await t.session(session).get(contactPath(id)).set('Authorization', `Bearer ${LOYALTII.token}`));
  return res.body;
}

/** A raced PATCH's answer, checked against the contract like every other. */
const parsed = (result: RawResult) => {
  if (result.kind !== 'response') throw new Error(`request failed: ${result.message}`);
  const body = JSON.parse(result.body) as { Version: string; FirstName: string };
  expect(contractOf('loyaltii').validateResponse('patchContact', { status: result.status, headers: result.headers as Record<string, string>, body })).toEqual([]);
  return { status: result.status, body };
};

describe('rowversion concurrency under load', () => {
  it("two PATCHes racing with the same Version: exactly one 200, the other 409 with the winner's contact, no lost update", async () => {
    const session = t.newSession();
    const [a, b] = (
      await Promise.all([
        patch(session, 1, { Version: LOYALTII.contact1.version, FirstName: 'Racer A' }),
        patch(session, 1, { Version: LOYALTII.contact1.version, FirstName: 'Racer B' }),
      ])
    ).map(parsed);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const winner = a!.status === 200 ? a! : b!;
    const loser = a!.status === 200 ? b! : a!;
    expect(winner.body.Version).toBe(NEXT_VERSIONS[0]);
    // The loser sees the contact as the winner left it.
    expect(loser.body).toEqual(winner.body);
    expect(await read(session, 1)).toEqual(winner.body);
  });

  it('twenty PATCHes racing with the same Version: one wins, nineteen get 409, and the Version moved exactly once', async () => {
    const session = t.newSession();
    const results = (await Promise.all(Array.from({ length: 20 }, (_, i) => patch(session, 2, { Version: LOYALTII.contact2.version, FirstName: `Racer ${i}` })))).map(parsed);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const stored = await read(session, 2);
    expect(stored.FirstName).toBe(winners[0]!.body.FirstName);
    expect(stored.Version).toBe(NEXT_VERSIONS[0]);
  });

  it('clients that read, modify and retry on 409 concurrently lose none of their updates', async () => {
    const session = t.newSession();
    const clients = ['a', 'b', 'c', 'd', 'e', 'f'];
    // Each client appends its letter to LatestPermissionSource with optimistic concurrency.
    const append = async (letter: string): Promise<number> => {
      for (let attempt = 1; attempt <= 50; attempt++) {
        const current = await read(session, 1);
        const res = parsed(await patch(session, 1, { Version: current.Version, LatestPermissionSource: `${current.LatestPermissionSource}+${letter}` }));
        if (res.status === 200) return attempt;
        expect(res.status).toBe(409);
      }
      throw new Error(`client ${letter} never got its update in`);
    };
    await Promise.all(clients.map(append));
    const final = await read(session, 1);
    expect(final.LatestPermissionSource.split('+').slice(1).sort()).toEqual(clients);
    // One rowversion per successful write: 2008 in the fixtures, plus six.
    expect(Buffer.from(final.Version, 'base64').readBigUInt64BE()).toBe(2008n + BigInt(clients.length));
  });

  it('keeps racing sessions apart: the same Version wins once in each session', async () => {
    const [one, two] = [t.newSession(), t.newSession()];
    const results = (
      await Promise.all([patch(one, 1, { Version: LOYALTII.contact1.version, FirstName: 'One' }), patch(two, 1, { Version: LOYALTII.contact1.version, FirstName: 'Two' })])
    ).map(parsed);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
  });
});
