import { describe, expect, it } from 'vitest';
import { ISERVICE } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { CONTACT_466, iserviceClient, notLoggedIn } from './client.js';

const t = useSandbox();
const api = iserviceClient(t);

const NEW_CONTACT = {
  details: {
    properties: [
      { propertyID: '1', propertyName: 'First Name', values: [{ value: 'Miss' }] },
      { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Marple' }] },
    ],
    setLogins: true,
    logins: [{ name: 'jane.marple@example.com', type: 'Email' }],
  },
  membership: ['2'],
};

describe('POST /f/webapp-api-custinfo?api=details', () => {
  it("shows the agent every property of the form, the logins and the membership in its segments (the contract's suggested shape)", async () => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'details', { contactID: 466 }, await api.login(session));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(CONTACT_466);
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it('hides segments the agent cannot access', async () => {
    const session = t.newSession();
    const body = (await api.details(session, await api.login(session), ISERVICE.otherContact)) as typeof CONTACT_466;
    expect(body.membership).toEqual(['2']);
  });

  it('shows a customer its own contact, with its whole membership', async () => {
    const session = t.newSession();
    expect(await api.details(session, await api.login(session, ISERVICE.customer))).toEqual(CONTACT_466);
  });

  it.each([
    ['a customer, another contact', ISERVICE.customer, 467, { errors: ['Access denied.'], errorDetails: ['Customers may only read their own contact (467 is not yours).'] }],
    ['the agent, a contact outside its segments', ISERVICE.agent, 468, { errors: ['Access denied.'], errorDetails: ['Contact 468 is in no segment you have access to.'] }],
    ['the agent, an unknown contact', ISERVICE.agent, 9999, { errors: ['Contact not found.'], errorDetails: ['No contact has contactID 9999.'] }],
  ])('refuses %s', async (_case, who, contactID, expected) => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'details', { contactID }, await api.login(session, who));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it('needs a contactID', async () => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'details', {}, await api.login(session));
    expect(res.body).toEqual({ errors: ['Invalid request.'], errorDetails: ["contactID: must have required property 'contactID'"] });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it('needs a session', async () => {
    const res = await api.custinfo(t.newSession(), 'details', { contactID: 466 });
    expect(res.body).toEqual(notLoggedIn('The request carries no SessionID cookie.'));
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });
});

describe('POST /f/webapp-api-custinfo?api=newcontact', () => {
  it('creates a contact for an agent and answers its id as a string (the vendor page types contactID String)', async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const res = await api.custinfo(session, 'newcontact', NEW_CONTACT, cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [], errorDetails: [], contactID: '489' });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    expect(await api.details(session, cookie, 489)).toEqual({
      errors: [],
      errorDetails: [],
      contactID: 489,
      details: {
        properties: [
          { propertyID: '1', propertyName: 'First Name', values: [{ value: 'Miss' }] },
          { propertyID: '2', propertyName: 'Middle Initial', values: [] },
          { propertyID: '3', propertyName: 'Last Name', values: [{ value: 'Marple' }] },
          { propertyID: '4', propertyName: 'Company', values: [] },
          { propertyID: '5', propertyName: 'Phone', values: [] },
        ],
        logins: [{ name: 'jane.marple@example.com', type: 'Email' }],
      },
      membership: ['2'],
    });
    expect((await api.custinfo(session, 'newcontact', { details: { properties: [] } }, cookie)).body.contactID).toBe('490');
  });

  it('creates contacts per sandbox session: another session starts from the fixtures again', async () => {
    const [a, b] = [t.newSession(), t.newSession()];
    await api.custinfo(a, 'newcontact', NEW_CONTACT, await api.login(a));
    expect((await api.custinfo(b, 'newcontact', NEW_CONTACT, await api.login(b))).body.contactID).toBe('489');
  });

  it('refuses customers ("all agent types are allowed")', async () => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'newcontact', NEW_CONTACT, await api.login(session, ISERVICE.customer));
    expect(res.body).toEqual({ errors: ['Access denied.'], errorDetails: ['Only agents may create contacts.'] });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });

  it("refuses segments outside the agent's access, unknown properties and taken logins, and creates nothing", async () => {
    const session = t.newSession();
    const cookie = await api.login(session);
    const body = {
      ...NEW_CONTACT,
      membership: ['13'],
      details: { ...NEW_CONTACT.details, logins: [{ name: 'customer11@1to1service.com', type: 'Email' }], properties: [{ propertyID: '9', values: [] }] },
    };
    const res = await api.custinfo(session, 'newcontact', body, cookie);
    expect(res.body).toEqual({
      errors: ['Invalid property.', 'Access denied.', 'Login already in use.'],
      errorDetails: ['Property 9 does not exist.', 'You have no access to segment 13.', 'The login customer11@1to1service.com belongs to another contact.'],
    });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
    expect((await api.custinfo(session, 'details', { contactID: 489 }, cookie)).body.errors).toEqual(['Contact not found.']);
  });

  it('needs details', async () => {
    const session = t.newSession();
    const res = await api.custinfo(session, 'newcontact', { membership: ['2'] }, await api.login(session));
    expect(res.body).toEqual({ errors: ['Invalid request.'], errorDetails: ["details: must have required property 'details'"] });
    expect(res).toMatchContract('iservice', 'webappApiCustinfo');
  });
});
