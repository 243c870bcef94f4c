import { describe, expect, it } from 'vitest';
import { IServiceApiError, IServiceClient } from '../../../mock-server/src/clients/iservice.js';
import { ISERVICE } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();

/** The reference client in a sandbox session of its own, with a scenario when given one. */
async function client(scenario?: string): Promise<IServiceClient> {
  const session = t.newSession();
  if (scenario !== undefined) expect((await t.admin(session).activate(scenario)).status).toBe(200);
  return new IServiceClient({ baseUrl: t.url, headers: { 'X-Sandbox-Session': session } });
}

// What the pact cannot show: a session carried from login to later calls, and the CSRF token echoed.
describe('the iService reference client against the sandbox', () => {
  it('logs in, keeps the session cookie for later calls, and forgets it at logout', async () => {
    const c = await client();
    await c.login(ISERVICE.customer.emailAddress, ISERVICE.customer.Password);
    expect(c.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect((await c.details(ISERVICE.seedContact)).contactID).toBe(ISERVICE.seedContact);
    await c.logout();
    expect(c.sessionId).toBeUndefined();
    expect(await c.loggedIn()).toEqual({ isLoggedIn: false });
  });

  it('echoes the CSRF token of iservice/csrf-required, which the tenant refuses without it', async () => {
    const c = await client('iservice/csrf-required');
    await c.login(ISERVICE.agent.emailAddress, ISERVICE.agent.Password);
    expect(c.csrfToken).toMatch(/^[0-9a-f]{32}$/);
    expect(await c.newContact({ properties: [{ propertyID: '1', values: [{ value: 'Ada' }] }] })).toBeGreaterThan(488);

    c.csrfToken = undefined;
    const error = await c.details(ISERVICE.seedContact).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IServiceApiError);
    expect((error as IServiceApiError).errors).toEqual(['Invalid security token.']);
  });
});
