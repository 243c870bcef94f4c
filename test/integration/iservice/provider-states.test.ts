import { describe, expect, it } from 'vitest';
import { ISERVICE } from '../../helpers/identities.js';
import { expectStateRefused } from '../../helpers/provider-states.js';
import { useSandbox } from '../../helpers/sandbox.js';

const t = useSandbox();
const setUp = (session: string, params: object) => t.session(session).post('/__admin/provider-states').send({ state: 'an iService contact', params, action: 'setup' });
const contact = async (session: string, contactID: number) =>
  (
    (await t.admin(session).state('iservice')).body.contacts as {
      contactID: number;
      properties: { propertyID: string; values: { value: string }[] }[];
      logins: unknown[];
      membership: string[];
    }[]
  ).find((c) => c.contactID === contactID);

describe('the provider state "an iService contact"', () => {
  it('chooses an existing contact: the properties listed change, the others, its logins and segments stay', async () => {
    const session = t.newSession();
    const before = await contact(session, ISERVICE.otherContact);
    await setUp(session, { contactID: ISERVICE.otherContact, properties: { '1': 'Mara' } });
    const after = await contact(session, ISERVICE.otherContact);
    expect(after?.properties.find((p) => p.propertyID === '1')?.values).toEqual([{ value: 'Mara' }]);
    expect(after?.properties.filter((p) => p.propertyID !== '1')).toEqual(before?.properties.filter((p) => p.propertyID !== '1'));
    expect([after?.logins, after?.membership]).toEqual([before?.logins, before?.membership]);
  });

  it("makes a new contact as the fixtures' are, in some of the sandbox agent's segments, so the agent can read it", async () => {
    const session = t.newSession();
    await setUp(session, { contactID: 901 });
    const made = await contact(session, 901);
    expect(made?.properties.map((p) => p.propertyID)).toEqual(['1', '3', '4', '5']);
    expect(made?.membership.every((s) => (ISERVICE.agentSegments as readonly string[]).includes(s))).toBe(true);
    expect(made?.logins).toEqual([{ name: expect.stringMatching(/@example\.com$/), type: 'Email' }]);
  });

  it.each([
    ['a login another contact holds', { contactID: 901, email: ISERVICE.customer.emailAddress }, `the login ${ISERVICE.customer.emailAddress} is contact 466's`],
    ['a segment the tenant does not define', { contactID: 901, segments: ['99'] }, 'segment 99 is not one the tenant defines'],
    ['a property the tenant does not define', { contactID: 901, properties: { '99': 'x' } }, 'property 99 is not one the tenant defines'],
  ])('refuses %s, changing nothing', (_label, params, problem) => expectStateRefused(t, 'iservice', 'an iService contact', params, problem));
});
