import { describe, expect, it } from 'vitest';
import { contractOf } from '../helpers/contract-matchers.js';
import { useSandbox } from '../helpers/sandbox.js';
import { NEXT_VERSIONS } from '../integration/loyaltii/client.js';
import { raceLoyaltiiPatches } from './race.js';

const t = useSandbox();

describe('Loyaltii optimistic concurrency under a thousand racing writers', () => {
  it(
    "1,000 PATCHes with the same Version on their own sockets: exactly one 200, 999 of the vendor's 409, and the winner's update is the one stored",
    { timeout: 60_000 },
    async () => {
      const race = await raceLoyaltiiPatches(t.url, t.newSession(), 1_000);
      expect(race.statuses).toEqual({ 200: 1, 409: 999 });
      expect(race.stored.FirstName).toBe(race.winners[0]);
      // The Version moved exactly once: the first rowversion a fresh session hands out.
      expect(race.stored.Version).toBe(NEXT_VERSIONS[0]);
      const contract = contractOf('loyaltii');
      const problems = race.answers.flatMap((a) => contract.validateResponse('patchContact', { status: a.status, headers: a.headers as Record<string, string>, body: a.body }));
      expect(problems).toEqual([]);
    },
  );
});
