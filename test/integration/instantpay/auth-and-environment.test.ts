import { describe, expect, it } from 'vitest';
import { INSTANTPAY } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { envelopeOf, ipay, rawCall, seedContact, userIdOf } from './client.js';

const t = useSandbox();
const UPDATE = { contactId: INSTANTPAY.contact, name: 'Changed', email: 'changed@example.com', mobile: '9876543210', tagDetails: [{ tagId: INSTANTPAY.tag }] };

/** The seed contact as the sandbox account lists it in this session. */
async function sandboxSeedContact(session: string) {
  const res = await ipay(t, session, 'get', '/contacts/profile');
  return (res.body.data as { _id: string }[]).find((c) => c._id === INSTANTPAY.contact);
}

describe('credentials: X-Ipay-Client-Id and X-Ipay-Client-Secret (§1.9.4)', () => {
  it.each([
    ['no X-Ipay-Client-Secret (§1.9.4)', { 'X-Ipay-Client-Secret': null }, 'SANDBOX'],
    ['a wrong secret (§1.9.4)', { 'X-Ipay-Client-Secret': '0'.repeat(64) }, 'SANDBOX'],
    ["the live account's secret with the sandbox client id", { 'X-Ipay-Client-Secret': INSTANTPAY.live.clientSecret }, 'SANDBOX'],
    ['no X-Ipay-Client-Id', { 'X-Ipay-Client-Id': null }, 'LIVE'],
    ['an unknown client id', { 'X-Ipay-Client-Id': 'YWY3OTAzYzNlM2ExZTJlOfh549Gzt+5IEcETrD5Yx+Q=' }, 'LIVE'],
    ['an empty client id', { 'X-Ipay-Client-Id': '' }, 'LIVE'],
    ['the client id in another case', { 'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId.toLowerCase() }, 'LIVE'],
  ] as const)('answers 200 IAC "Invalid Dealer Credentials" with data null, and changes nothing: %s', async (_case, headers, environment) => {
    const session = t.newSession();
    const res = await ipay(t, session, 'patch', '/contacts/profile', { body: UPDATE, headers });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('IAC', 'Invalid Dealer Credentials', null, environment));
    expect(res).toMatchContract('instantpay', 'updateContact');
    expect(await sandboxSeedContact(session)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
  });

  it('checks the credentials before the other headers and before the body', async () => {
    const res = await ipay(t, t.newSession(), 'patch', '/contacts/profile', {
      body: '{',
      headers: { 'X-Ipay-Client-Secret': null, 'X-Ipay-Endpoint-Ip': null, 'X-Ipay-Auth-Code': '7' },
    });
    expect(res.body.statuscode).toBe('IAC');
  });

  it('answers IAC on every operation', async () => {
    for (const [method, path] of [
      ['get', '/contacts/profile'],
      ['get', '/contacts/tag'],
      ['delete', '/contacts/person'],
    ] as const) {
      const res = await ipay(t, t.newSession(), method, path, { headers: { 'X-Ipay-Client-Id': null } });
      expect(res.body.statuscode, `${method} ${path}`).toBe('IAC');
    }
  });
});

const AUTH_CODE = 'The X-Ipay-Auth-Code header must have valid authCode.';
const ENDPOINT_IP = 'The X-Ipay-Endpoint-Ip header must have valid IP address.';

describe('X-Ipay-Auth-Code (I-1) and X-Ipay-Endpoint-Ip (§1.9.5, I-11)', () => {
  it.each([
    ['X-Ipay-Auth-Code', 'missing', null, AUTH_CODE],
    ['X-Ipay-Auth-Code', '0', '0', AUTH_CODE],
    ['X-Ipay-Auth-Code', 'the unfilled placeholder alone', '{{authCode}}', AUTH_CODE],
    ['X-Ipay-Endpoint-Ip', 'missing (§1.9.5)', null, ENDPOINT_IP],
    ['X-Ipay-Endpoint-Ip', 'not an address', 'localhost', ENDPOINT_IP],
    ['X-Ipay-Endpoint-Ip', 'an IPv4 address out of range', '300.1.1.1', ENDPOINT_IP],
    ['X-Ipay-Endpoint-Ip', 'empty', '', ENDPOINT_IP],
  ])('answers RPI when %s is %s, and changes nothing', async (header, _case, value, message) => {
    const session = t.newSession();
    const res = await ipay(t, session, 'patch', '/contacts/profile', { body: UPDATE, headers: { [header]: value } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(envelopeOf('RPI', message, null));
    expect(res).toMatchContract('instantpay', 'updateContact');
    expect(await sandboxSeedContact(session)).toEqual(seedContact(await userIdOf(t, 'sandbox')));
  });

  it.each([
    ['an endpoint IPv4 address with the leading spaces a vendor sample has', '  14.142.186.142'],
    ['an endpoint IPv6 address, as one integration sends', '2001:db8::1'],
  ])('accepts %s', async (_case, value) => {
    const res = await ipay(t, t.newSession(), 'patch', '/contacts/profile', { body: UPDATE, headers: { 'X-Ipay-Endpoint-Ip': value } });
    expect(res.body.statuscode).toBe('TXN');
  });

  it('accepts auth codes 2 then 1: the last value counts', async () => {
    const headers: [string, string][] = [
      ['X-Ipay-Auth-Code', '2'],
      ['X-Ipay-Client-Id', INSTANTPAY.sandbox.clientId],
      ['X-Ipay-Client-Secret', INSTANTPAY.sandbox.clientSecret],
      ['X-Ipay-Endpoint-Ip', '125.0.0.1'],
      ['X-Ipay-Auth-Code', '1'],
      ['X-Sandbox-Session', t.newSession()],
    ];
    const res = await rawCall(t.url, 'GET', '/contacts/tag', headers);
    expect(res.status).toBe(200);
    expect((res.body as { statuscode: string }).statuscode).toBe('TXN');
    expect(res).toMatchContract('instantpay', 'listTags');
  });
});

describe('environment: keyed on the credential pair (§1.1, §1.9.8)', () => {
  it('answers SANDBOX for the sandbox account and LIVE for the live one, on the same host and path', async () => {
    const session = t.newSession();
    const sandbox = await ipay(t, session, 'patch', '/contacts/profile', { body: UPDATE });
    const live = await ipay(t, session, 'patch', '/contacts/profile', { account: 'live', body: UPDATE });
    expect(sandbox.body).toMatchObject({ statuscode: 'TXN', environment: 'SANDBOX', data: { userId: await userIdOf(t, 'sandbox') } });
    expect(live.body).toMatchObject({ statuscode: 'TXN', environment: 'LIVE', data: { userId: INSTANTPAY.liveUserId } });
    expect(live).toMatchContract('instantpay', 'updateContact');
  });

  it("keeps the two accounts' books apart: a write with one does not show with the other", async () => {
    const session = t.newSession();
    await ipay(t, session, 'patch', '/contacts/profile', { body: UPDATE });
    const live = await ipay(t, session, 'get', '/contacts/profile', { account: 'live' });
    expect((live.body.data as { _id: string }[]).find((c) => c._id === INSTANTPAY.contact)).toEqual(seedContact(INSTANTPAY.liveUserId));
  });
});

describe('the well-known identities (shared/notes/sandbox-identities.md)', () => {
  it.each(['sandbox', 'live'] as const)('the %s account holds the seed contact (companyName "Business Name") and both seed tags', async (account) => {
    const session = t.newSession();
    const contacts = await ipay(t, session, 'get', '/contacts/profile', { account });
    const tags = await ipay(t, session, 'get', '/contacts/tag', { account });
    const userId = account === 'live' ? INSTANTPAY.liveUserId : await userIdOf(t, 'sandbox');
    expect(contacts.body.environment).toBe(account.toUpperCase());
    expect((contacts.body.data as { _id: string }[]).find((c) => c._id === INSTANTPAY.contact)).toEqual(seedContact(userId));
    expect(tags.body.data.slice(0, 2)).toEqual([
      { _id: INSTANTPAY.tag, name: 'Sample Tag', hexColorCode: '#FF1934' },
      { _id: INSTANTPAY.seedResponseTag, name: 'Business', hexColorCode: '#1E90FF' },
    ]);
    expect(contacts).toMatchContract('instantpay', 'listContacts');
    expect(tags).toMatchContract('instantpay', 'listTags');
  });

  it('the live account is userId 189590 and the sandbox account another', async () => {
    expect(await userIdOf(t, 'live')).toBe(189590);
    expect(await userIdOf(t, 'sandbox')).not.toBe(189590);
  });
});
