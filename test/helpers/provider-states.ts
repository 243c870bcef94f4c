import { expect } from 'vitest';
import type { TestSandbox } from './sandbox.js';

/** `POST /__admin/provider-states` setup of `state` with `params`, in `session`. */
export function setUpState(t: TestSandbox, session: string, state: string, params: object) {
  return t.session(session).post('/__admin/provider-states').send({ state, params, action: 'setup' });
}

/** The state must be refused (400 `invalid_provider_state_params`, `problem` in its first issue) and leave the vendor's store as it was. */
export async function expectStateRefused(t: TestSandbox, vendor: string, state: string, params: object, problem: string): Promise<void> {
  const session = t.newSession();
  const before = (await t.admin(session).state(vendor)).body as unknown;
  const res = await setUpState(t, session, state, params);
  expect([res.status, res.body.error.code]).toEqual([400, 'invalid_provider_state_params']);
  expect(res.body.error.issues[0]).toContain(problem);
  expect((await t.admin(session).state(vendor)).body).toEqual(before);
}
