import { describe, expect, it } from 'vitest';
import { InstantpayApiError, InstantpayClient } from '../../../mock-server/src/clients/instantpay.js';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { admin } from './client.js';

const t = useSandbox();

/** The reference client (mock-server/src/clients/instantpay.ts) on the sandbox account, in its own session. */
function clientIn(session: string, account: 'sandbox' | 'live' = 'sandbox') {
  return new InstantpayClient({ baseUrl: t.url, ...INSTANTPAY[account], endpointIp: '125.0.0.1', headers: { 'X-Sandbox-Session': session } });
}

async function failureOf(call: Promise<unknown>): Promise<InstantpayApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InstantpayApiError);
  return error as InstantpayApiError;
}

const update = { contactId: INSTANTPAY.contact, name: 'Changed', email: 'changed@example.com', mobile: '9876543210', tagIds: [INSTANTPAY.tag] };

describe('the Instantpay reference client against the sandbox', () => {
  it('adds, lists (persons through a GET body), updates and deletes', async () => {
    const c = clientIn(t.newSession());
    const tag = await c.addTag({ name: 'Suppliers', hexColorCode: '#2E8B57' });
    const contact = await c.addContact({ name: 'Asha Rao', email: 'asha.rao@example.com', mobile: '9876543210', tagIds: [tag._id] });
    expect((await c.listContacts()).find((x) => x._id === contact._id)?.tagId).toEqual([tag._id]);
    const person = await c.addPerson({ gcId: contact._id, contactPersonName: 'Ravi Kumar', email: 'ravi@example.com', mobile: '9123456780', description: 'Accounts' });
    expect(await c.listPersons(contact._id)).toEqual([person]);
    await c.updateTag(tag._id, { name: 'Vendors', hexColorCode: '#2E8B57' });
    expect((await c.listTags()).find((x) => x._id === tag._id)?.name).toBe('Vendors');
    await c.deletePerson(contact._id, person._id);
    await c.deleteContact(contact._id);
    await c.deleteTag(tag._id);
    expect((await c.listContacts()).some((x) => x._id === contact._id)).toBe(false);
    expect(c.lastAnswer?.environment).toBe('SANDBOX');
  });

  it('reads a failure in the envelope (HTTP 200) as an error with its code', async () => {
    const error = await failureOf(clientIn(t.newSession()).updateContact({ ...update, contactId: '645383ba4acec95a320899ff' }));
    expect([error.httpStatus, error.statuscode, error.envelope?.status]).toEqual([200, 'ERR', 'No Record Found']);
  });

  it('sees ISE under HTTP 500 twice, then the update succeeds on retry (instantpay/system-error-then-recover)', async () => {
    const session = t.newSession();
    await admin(t, session, 'put', '/scenario', 'activateScenario', { name: 'instantpay/system-error-then-recover' });
    const c = clientIn(session);
    for (let i = 0; i < 2; i++) expect((await failureOf(c.updateContact(update))).httpStatus).toBe(500);
    expect((await c.updateContact(update)).name).toBe('Changed');
  });

  it('reports TUP as pending and the write is not applied (instantpay/pending)', async () => {
    const session = t.newSession();
    await admin(t, session, 'put', '/scenario', 'activateScenario', { name: 'instantpay/pending' });
    const c = clientIn(session);
    expect((await failureOf(c.updateContact(update))).pending).toBe(true);
    expect((await c.listContacts()).find((x) => x._id === INSTANTPAY.contact)?.name).toBe('Sample Name');
  });
});
