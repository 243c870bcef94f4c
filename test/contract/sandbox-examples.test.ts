import { describe, expect, it } from 'vitest';
import { VENDORS } from '../../mock-server/src/vendors/index.js';
import { vendorTesting } from '../../mock-server/src/vendors/testing.js';
import { EXAMPLES_SANDBOX, exampleClaims, replayClaim } from '../../scripts/sandbox-examples.js';
import { contractOf } from '../helpers/contract-matchers.js';
import { useSandbox } from '../helpers/sandbox.js';

/**
 * Contract examples that say they are the sandbox's answer (or that the sandbox
 * answers a request example) carry the request that produces them, as
 * `x-sandbox-request` (docs/decisions/0024-contract-examples-are-checked.md).
 * Each is sent here, under the seed and clock every such summary names, and the
 * answer must be the example: an example edited by hand, or a behaviour changed
 * without its example, fails. The provider-contract publication replays the
 * same examples as its self-verification (scripts/sandbox-examples.ts).
 */
const claims = VENDORS.flatMap((v) => exampleClaims(v.id, contractOf(v.id).document));

const t = useSandbox(EXAMPLES_SANDBOX);

describe('contract examples that claim to be the sandbox answer', () => {
  it('are found in every vendor that has them, and each says how to reproduce it (x-sandbox-request)', () => {
    expect(claims.length).toBeGreaterThanOrEqual(40);
    expect(claims.filter((c) => c.request === undefined).map((c) => `${c.vendor} ${c.pointer}`)).toEqual([]);
  });

  it.each(claims.map((c) => [`${c.vendor} ${c.pointer}`, c] as const))('%s', async (_name, claim) => {
    const testing = await vendorTesting(claim.vendor);
    expect(await replayClaim(t.url, claim, (url, session) => testing.admittedHeaders(url, session))).toEqual([]);
  });
});
