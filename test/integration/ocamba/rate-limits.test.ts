import { describe, expect, it } from 'vitest';
import { OCAMBA, UUID } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

// The clock starts frozen at 10:00:00.000 exactly, at the start of a second and of a minute.
const t = useSandbox();
const path = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

function update(session: string, key: string = OCAMBA.keyA, scenario?: string) {
  const req = t.session(session).patch(path).set('Authorization', `Bearer ${key}`).set('Content-Type', 'application/json');
  return (scenario === undefined ? req : req.set('X-Sandbox-Scenario', scenario)).send('{"value":"a@b.co"}');
}

/** Ocamba's 429 (§4.3, §4.6.8): `Retry-After` and none of the X-RateLimit headers, its own envelope, the contract's shape. */
function expectThrottled(res: Awaited<ReturnType<typeof update>>, retryAfter: string): void {
  expect(res.status).toBe(429);
  expect(res.headers['retry-after']).toBe(retryAfter);
  expect(res.headers['x-ratelimit-limit']).toBeUndefined();
  expect(res.headers['x-ratelimit-remaining']).toBeUndefined();
  expect(res.headers['x-ratelimit-reset']).toBeUndefined();
  expect(res.body).toEqual({ code: 429, title: 'Too many requests.', message: 'Rate limit reached.', trace_id: expect.stringMatching(UUID) });
  expect(res).toMatchContract('ocamba', 'updatePartnerContact');
}

async function advance(session: string, ms: number) {
  const res = await t.admin(session).advanceClock(ms);
  expect(res.status).toBe(200);
}

describe('Ocamba rate limits (tier C: 10/s, 150/min per account, fixed windows)', () => {
  it('counts down X-RateLimit-Remaining in the 1-second window, the one nearest exhaustion', async () => {
    const session = t.newSession();
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await update(session);
      expect(res.status).toBe(204);
      expect(res.headers['x-ratelimit-limit']).toBe('10');
      expect(res.headers['x-ratelimit-reset']).toBe('1');
      remaining.push(String(res.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
  });

  it('answers the 11th request inside one second with 429, Retry-After: 1 and none of the X-RateLimit headers (§4.6.8)', async () => {
    const session = t.newSession();
    for (let i = 0; i < 10; i++) expect((await update(session)).status).toBe(204);
    expectThrottled(await update(session), '1');
  });

  it('reports the seconds left in the window: Retry-After 1 even 400 ms into the second', async () => {
    const session = t.newSession();
    await advance(session, 400);
    for (let i = 0; i < 10; i++) expect((await update(session)).status).toBe(204);
    expect((await update(session)).headers['retry-after']).toBe('1');
  });

  it('serves again once the virtual clock reaches the next second', async () => {
    const session = t.newSession();
    for (let i = 0; i < 11; i++) await update(session);
    await advance(session, 1000);
    const res = await update(session);
    expect(res.status).toBe(204);
    expect(res.headers['x-ratelimit-remaining']).toBe('9');
  });

  it('answers the 151st request inside one minute with 429 and Retry-After = seconds to the minute boundary (§4.6.8)', async () => {
    const session = t.newSession();
    for (let second = 0; second < 15; second++) {
      for (let i = 0; i < 10; i++) expect((await update(session)).status).toBe(204);
      await advance(session, 1000);
    }
    // 10:00:15, the minute window is full: 45 seconds to go.
    const res = await update(session);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('45');
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    await advance(session, 45_000);
    expect((await update(session)).status).toBe(204);
  });

  it('switches the X-RateLimit headers to the minute window when that one is nearer exhaustion', async () => {
    const session = t.newSession();
    for (let second = 0; second < 14; second++) {
      for (let i = 0; i < 10; i++) await update(session);
      await advance(session, 1000);
    }
    for (let i = 0; i < 5; i++) await update(session);
    await advance(session, 1000);
    // 145 used this minute: after this request 4 are left there, against 9 in the fresh second.
    const res = await update(session);
    expect(res.status).toBe(204);
    expect(res.headers['x-ratelimit-limit']).toBe('150');
    expect(res.headers['x-ratelimit-remaining']).toBe('4');
    expect(res.headers['x-ratelimit-reset']).toBe('45');
  });

  it('keeps separate counters per account', async () => {
    const session = t.newSession();
    for (let i = 0; i < 11; i++) await update(session, OCAMBA.keyA);
    expect((await update(session, OCAMBA.keyA)).status).toBe(429);
    const other = await t.session(session).get(`/v1/hood/partners/${OCAMBA.partnerOfB}/contacts`).set('Authorization', `Bearer ${OCAMBA.keyB}`);
    expect(other.status).toBe(200);
    expect(other.headers['x-ratelimit-remaining']).toBe('9');
  });

  it('keeps separate counters per session, so parallel CI workers do not throttle each other', async () => {
    const [a, b] = [t.newSession(), t.newSession()];
    for (let i = 0; i < 10; i++) await update(a);
    expect((await update(a)).status).toBe(429);
    expect((await update(b)).status).toBe(204);
  });

  it('does not count refused requests against the windows', async () => {
    const session = t.newSession();
    for (let i = 0; i < 10; i++) await update(session);
    for (let i = 0; i < 5; i++) expect((await update(session)).status).toBe(429);
    await advance(session, 1000);
    expect((await update(session)).headers['x-ratelimit-remaining']).toBe('9');
  });

  it('counts every endpoint of the account in the same windows', async () => {
    const session = t.newSession();
    for (let i = 0; i < 5; i++) await update(session);
    const res = await t.session(session).get('/v1/hood/partners').set('Authorization', `Bearer ${OCAMBA.keyA}`);
    expect(res.headers['x-ratelimit-remaining']).toBe('4');
  });
});

async function untilInFlight(session: string, count: number): Promise<void> {
  for (;;) {
    const state = await t.admin(session).state('ocamba');
    if (state.body.inFlight[OCAMBA.companyA] === count) return;
  }
}

describe('the parallel-request cap (scenario ocamba/parallel-limit: 2 in flight, 300 ms each)', () => {
  it('answers a third concurrent request with 429 and Retry-After: -1, and frees the slots afterwards (§4.6.9)', async () => {
    const session = t.newSession();
    const activate = await t.admin(session).activate('ocamba/parallel-limit');
    expect(activate.status).toBe(200);
    // `.then` sends a supertest request; both are now in flight for 300 ms.
    const first = [update(session), update(session)].map((r) => r.then((x) => x));
    await untilInFlight(session, 2);
    expectThrottled(await update(session), '-1');
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([204, 204]);
    expect((await update(session)).status).toBe(204);
  });
});

describe('scenario ocamba/rate-limited (tier A: 1/s, 15/min)', () => {
  it('refuses the second request in a second', async () => {
    const session = t.newSession();
    await t.admin(session).activate('ocamba/rate-limited');
    const first = await update(session);
    expect(first.headers['x-ratelimit-limit']).toBe('1');
    expect(first.headers['x-ratelimit-remaining']).toBe('0');
    expect((await update(session)).status).toBe(429);
  });
});

describe('a scenario-forced Ocamba 429 (ocamba/throttled), as Ocamba documents a 429 (§4.3, decisions 0005, 0070)', () => {
  it('carries Retry-After and none of the X-RateLimit headers, like the natural 429', async () => {
    const session = t.newSession();
    expect((await t.admin(session).activate('ocamba/throttled')).status).toBe(200);
    expectThrottled(await update(session), '1');
  });

  it('uses up none of the allowance: after three forced 429s, all ten real calls of that second get through, the eleventh is refused', async () => {
    const session = t.newSession();
    for (let i = 0; i < 3; i++) expectThrottled(await update(session, OCAMBA.keyA, 'ocamba/throttled'), '1');
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await update(session);
      expect(res.status).toBe(204);
      remaining.push(String(res.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    expectThrottled(await update(session), '1');
  });
});
