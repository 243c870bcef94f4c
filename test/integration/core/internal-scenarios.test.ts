import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../mock-server/src/index.js';
import { useSandbox } from '../../helpers/sandbox.js';

// scenarios/bench/ocamba-unlimited.yaml says `internal: true`: the benchmark's, not the users'.
const INTERNAL = 'bench/ocamba-unlimited';

describe('internal scenarios', () => {
  const t = useSandbox();

  it('are left out of GET /__admin/scenarios, which still lists the rest', async () => {
    const res = await t.session().get('/__admin/scenarios');
    expect(res.status).toBe(200);
    const names = (res.body as { scenarios: { name: string }[] }).scenarios.map((s) => s.name);
    expect(names).toContain('ocamba/rate-limited');
    expect(names).not.toContain(INTERNAL);
    expect(names.filter((n) => n.startsWith('bench/'))).toEqual([]);
  });

  it('are left out of the known names an unknown scenario is answered with', async () => {
    const res = await t.session().put('/__admin/scenario').send({ name: 'no/such' });
    expect(res.status).toBe(404);
    const known = (res.body as { error: { known: string[] } }).error.known;
    expect(known).toContain('default');
    expect(known).not.toContain(INTERNAL);
    expect(t.sandbox.providerStates()).not.toContain(INTERNAL);
    expect(t.sandbox.scenarioNames()).not.toContain(INTERNAL);
  });

  it('stay usable by name, over the admin API and at start-up (as the benchmark starts it)', async () => {
    const res = await t.session().put('/__admin/scenario').send({ name: INTERNAL });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scenario: INTERNAL, vendors: ['ocamba'] });
    expect(() => createSandbox({ scenario: INTERNAL, vendors: ['ocamba'] })).not.toThrow();
  });

  it('are left out of the start-up error for an unknown scenario', () => {
    expect(() => createSandbox({ scenario: 'no/such', vendors: ['ocamba'] })).toThrow(/unknown scenario "no\/such" \(known: default, .*ocamba\/rate-limited/);
    expect(() => createSandbox({ scenario: 'no/such', vendors: ['ocamba'] })).not.toThrow(/bench\//);
  });
});
