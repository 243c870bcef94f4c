import { describe, expect, it } from 'vitest';
import { IMICONNECT } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { PROFILES } from './client.js';

const t = useSandbox();
const setUp = (session: string, params: object) => t.session(session).post('/__admin/provider-states').send({ state: 'an IMIconnect profile', params, action: 'setup' });
const attributes = async (session: string, customerId: string) => {
  const res = await t.session(session).get(`${PROFILES}/${customerId}`).set({ key: IMICONNECT.key });
  return (res.body.Records as { Attributes: { Name: string; Value: string; ID: number }[] }[])[0]!.Attributes;
};

describe('the provider state "an IMIconnect profile"', () => {
  it('updates an existing profile as a processed update would: attributes added or replaced by name, each keeping its ID', async () => {
    const session = t.newSession();
    const before = await attributes(session, IMICONNECT.customer);
    await setUp(session, { customerId: IMICONNECT.customer, attributes: { name: 'renamed', tier: 'gold' } });
    const after = await attributes(session, IMICONNECT.customer);
    const name = before.find((a) => a.Name === 'name')!;
    expect(after.find((a) => a.Name === 'name')).toEqual({ ...name, Value: 'renamed' });
    expect(after.find((a) => a.Name === 'msisdn')).toEqual(before.find((a) => a.Name === 'msisdn'));
    expect(after.at(-1)).toMatchObject({ Name: 'tier', Value: 'gold' });
    expect(after.at(-1)!.ID).toBeGreaterThan(Math.max(...before.map((a) => a.ID)));
  });

  it('creates a new profile as a processed create would: generated msisdn, email and name, then customerId and the channel flags, values stored as strings', async () => {
    const session = t.newSession();
    await setUp(session, { customerId: '5550002', attributes: { points: 12 } });
    const names = (await attributes(session, '5550002')).map((a) => a.Name);
    expect(names).toEqual(['msisdn', 'email', 'name', 'points', 'customerId', 'sms', 'voice', 'ussd', 'rt', 'fb', 'fbc', 'twitter', 'mxit', 'wechat', 'wa']);
    const values = Object.fromEntries((await attributes(session, '5550002')).map((a) => [a.Name, a.Value]));
    expect(values['msisdn']).toMatch(/^\+?[0-9]{7,15}$/);
    expect(values['points']).toBe('12');
  });

  it("refuses an attribute the contract's Attributes refuse (an email that is no address), changing nothing", async () => {
    const session = t.newSession();
    const before = (await t.admin(session).state('imiconnect')).body;
    const res = await setUp(session, { customerId: '5550002', attributes: { email: 'not-an-email' } });
    expect([res.status, res.body.error.issues]).toEqual([400, ['"an IMIconnect profile": parameter "attributes/email" must match format "email", got "not-an-email"']]);
    expect((await t.admin(session).state('imiconnect')).body).toEqual(before);
  });
});
