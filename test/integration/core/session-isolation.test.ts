import { describe, expect, it } from 'vitest';
import { IMICONNECT, INSTANTPAY, LOYALTII, OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { PROFILES } from '../imiconnect/client.js';
import { ipay } from '../instantpay/client.js';
import { iserviceClient } from '../iservice/client.js';
import { contactPath } from '../loyaltii/client.js';

const t = useSandbox();
const SESSIONS = 8;
const ocambaContact = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

/** One write per vendor, each carrying this session's own mark. */
async function writeEverywhere(session: string, mark: string): Promise<void> {
  const http = () => t.http().set('X-Sandbox-Session', session);
  expect(
    (
      await http()
        .patch(ocambaContact)
        .set('Authorization', `Bearer ${OCAMBA.keyA}`)
        .send({ value: `${mark}@example.com` })
    ).status,
  ).toBe(204);
  const loyaltii = await http()
    .put(contactPath(1))
    .set('Authorization', `Bearer ${LOYALTII.token}`)
    .send({ Version: LOYALTII.contact1.version, Email: LOYALTII.contact1.email, FirstName: mark });
  expect(loyaltii.status).toBe(200);
  const imi = await http()
    .put(PROFILES)
    .set('key', IMICONNECT.key)
    .send({ Records: [{ customerId: IMICONNECT.customer, Attributes: { name: mark } }] });
  expect(imi.status).toBe(200);
  const added = await ipay(t, session, 'post', '/contacts/profile', {
    body: { name: mark, email: `${mark}@example.com`, mobile: '9000000001', tagDetails: [{ tagId: INSTANTPAY.tag }] },
  });
  expect(added.body.statuscode).toBe('TXN');
  const api = iserviceClient(t);
  const created = await api.custinfo(
    session,
    'newcontact',
    { details: { properties: [{ propertyID: '1', propertyName: 'First Name', values: [{ value: mark }] }] } },
    await api.login(session),
  );
  expect(created.body.contactID).toBe('489');
}

/** What each vendor now shows this session, through the vendor's own reads. */
async function readEverywhere(session: string): Promise<Record<string, unknown>> {
  const http = () => t.http().set('X-Sandbox-Session', session);
  const ocamba = await http().get(ocambaContact).set('Authorization', `Bearer ${OCAMBA.keyA}`);
  const loyaltii = await http().get(contactPath(1)).set('Authorization', `Bearer ${LOYALTII.token}`);
  const imi = await http().get(`${PROFILES}/${IMICONNECT.customer}`).set('key', IMICONNECT.key);
  const contacts = await ipay(t, session, 'get', '/contacts/profile');
  const api = iserviceClient(t);
  const details = (await api.details(session, await api.login(session), 489)) as { details: { properties: { propertyID: string; values: { value: string }[] }[] } };
  return {
    ocamba: ocamba.body.items[0].value,
    loyaltii: loyaltii.body.FirstName,
    imiconnect: (imi.body.Records ?? imi.body.records ?? [imi.body])
      .flatMap((r: { Attributes?: { Name: string; Value: string }[] }) => r.Attributes ?? [])
      .find((a: { Name: string }) => a.Name === 'name')?.Value,
    instantpay: (contacts.body.data as { name: string }[]).filter((c) => c.name.startsWith('mark-')).map((c) => c.name),
    iservice: details.details.properties.find((p) => p.propertyID === '1')?.values[0]?.value,
  };
}

describe('sessions share no store', () => {
  it('every session reads back only its own writes to every vendor, after all the others wrote theirs', async () => {
    const sessions = Array.from({ length: SESSIONS }, () => t.newSession());
    // All sessions write first (in parallel, as CI jobs do), then every one reads back.
    await Promise.all(sessions.map((session, i) => writeEverywhere(session, `mark-${i}`)));
    const seen = await Promise.all(sessions.map(readEverywhere));
    seen.forEach((view, i) => {
      const mark = `mark-${i}`;
      expect(view).toEqual({ ocamba: `${mark}@example.com`, loyaltii: mark, imiconnect: mark, instantpay: [mark], iservice: mark });
    });
  });
});
