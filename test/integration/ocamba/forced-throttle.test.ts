import { describe, expect, it } from 'vitest';
import { OCAMBA, UUID } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

// The clock starts frozen at 10:00:00.000: every request below falls in one 1-second window.
const t = useSandbox();
const path = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

function update(session: string, scenario?: string) {
  const req = t.session(session).patch(path).set('Authorization', `Bearer ${OCAMBA.keyA}`).set('Content-Type', 'application/json');
  return (scenario === undefined ? req : req.set('X-Sandbox-Scenario', scenario)).send('{"value":"a@b.co"}');
}

describe('a scenario-forced Ocamba 429 (ocamba/throttled), as Ocamba documents a 429 (§4.3, decisions 0005, 0070)', () => {
  it('carries Retry-After and none of the X-RateLimit headers, like the natural 429', async () => {
    const session = t.newSession();
    const activated = await t.admin(session).activate('ocamba/throttled');
    expect(activated.status).toBe(200);
    const res = await update(session);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    expect(res.headers['x-ratelimit-remaining']).toBeUndefined();
    expect(res.headers['x-ratelimit-reset']).toBeUndefined();
    expect(res.body).toEqual({ code: 429, title: 'Too many requests.', message: 'Rate limit reached.', trace_id: expect.stringMatching(UUID) });
    expect(res).toMatchContract('ocamba', 'updatePartnerContact');
  });

  it('uses up none of the allowance: after three forced 429s, all ten real calls of that second get through, the eleventh is refused', async () => {
    const session = t.newSession();
    for (let i = 0; i < 3; i++) expect((await update(session, 'ocamba/throttled')).status).toBe(429);
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await update(session);
      expect(res.status).toBe(204);
      remaining.push(String(res.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    const eleventh = await update(session);
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers['x-ratelimit-remaining']).toBeUndefined();
  });
});
