import { describe, expect, it } from 'vitest';
import { IMICONNECT, UUID } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { batchOf, error, imiconnectClient, PROFILES, QUEUED, transidOf } from './client.js';

const t = useSandbox();
const V1 = '/resources/v1/customerprofile';
const FLAGS = ['sms', 'voice', 'ussd', 'rt', 'fb', 'fbc', 'twitter', 'mxit', 'wechat', 'wa'];
const CREATE_SAMPLE = { Records: [{ customerId: '9999999', Attributes: { email: 'new.customer@example.com', msisdn: '447522178657', name: 'newcomer' } }] };

/** 1234569 exactly as the default fixtures hold it. */
const PROFILE_1234569 = {
  Attributes: [
    { Name: 'msisdn', Value: '917907674415', ID: 8345 },
    { Name: 'email', Value: 'janis_hackett64@example.com', ID: 8346 },
    { Name: 'name', Value: 'flo', ID: 8347 },
    { Name: 'customerId', Value: '1234569', ID: 8348 },
    ...FLAGS.map((Name, i) => ({ Name, Value: '1', ID: 8349 + i })),
  ],
  InwardLinks: [],
  OutwardLinks: [],
};
const APP_PROFILE_1234568 = {
  ProfileId: 3471,
  ProfileName: 'a_635736738702976937',
  Records: [
    { Name: 'userId', Value: 'umtest', ID: 8342 },
    { Name: 'deviceId', Value: '4451830998765', ID: 8343 },
    { Name: 'os', Value: 'android', ID: 8344 },
  ],
};

describe('POST /resources/v2/customerprofile (create)', () => {
  it('queues a new customer, who then has the given attributes, customerId and the channel flags', async () => {
    const api = imiconnectClient(t, t.newSession());
    const transid = transidOf(await api.create(CREATE_SAMPLE));
    expect((await api.status(transid)).body).toMatchObject({ code: '1000', Results: [{ code: '1000', customerId: '9999999', description: 'SUCCESS' }] });
    const res = await api.get(`${PROFILES}/9999999`);
    expect(res.body.Records[0].Attributes.map((a: { Name: string; Value: string }) => [a.Name, a.Value])).toEqual([
      ['email', 'new.customer@example.com'],
      ['msisdn', '447522178657'],
      ['name', 'newcomer'],
      ['customerId', '9999999'],
      ...FLAGS.map((flag) => [flag, '1']),
    ]);
    // New attribute IDs continue after the fixtures' (8328 to 8498).
    expect(res.body.Records[0].Attributes[0].ID).toBe(8499);
    expect(res).toMatchContract('imiconnect', 'getProfile');
  });

  it('answers 7015 "customer already exists" with HTTP 409 when every customer exists, and queues nothing (§2.8.12)', async () => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.create({ Records: [{ customerId: IMICONNECT.customer, Attributes: { name: 'dup' } }] });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(error('7015', 'customer already exists'));
    expect(res).toMatchContract('imiconnect', 'createProfile');
    expect((await api.state()).queue).toEqual({ pending: [], finished: [] });
    expect((await api.attributes(IMICONNECT.customer))['name']).toBe('christop');
  });

  it('validates the records as update does (7003, 7011, 7012)', async () => {
    const api = imiconnectClient(t, t.newSession());
    const cases = [
      [{ Records: [{ Attributes: { name: 'x' } }] }, '7003', 'Mandatory parameters missing'],
      [{ Records: [{ customerId: '7000003', Attributes: { email: 'nope' } }] }, '7011', 'Invalid Attribute Value'],
      [JSON.parse(batchOf(101, '7000003')), '7012', 'Batch size limit(100) exceeded'],
    ] as const;
    for (const [body, code, description] of cases) {
      const res = await api.create(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error(code, description));
      expect(res).toMatchContract('imiconnect', 'createProfile');
    }
  });

  it('creates a customer again after it was deleted, as the delete page allows', async () => {
    const api = imiconnectClient(t, t.newSession());
    transidOf(await api.delete(`${PROFILES}/${IMICONNECT.otherCustomer}`));
    const transid = transidOf(await api.create({ Records: [{ customerId: IMICONNECT.otherCustomer, Attributes: { name: 'again' } }] }));
    expect((await api.status(transid)).body.code).toBe('1000');
    expect((await api.attributes(IMICONNECT.otherCustomer))['name']).toBe('again');
  });
});

describe('GET customer profiles', () => {
  it('GET /resources/v2/customerprofile/{customerid}: {Status:0, Description:"success", code:"1000", transid, Records}', async () => {
    const res = await imiconnectClient(t, t.newSession()).get(`${PROFILES}/${IMICONNECT.otherCustomer}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({ Status: 0, Description: 'success', code: '1000', transid: expect.stringMatching(UUID), Records: [PROFILE_1234569] });
    expect(res).toMatchContract('imiconnect', 'getProfile');
  });

  it("GET /resources/v1/customerprofile/{customerid}?showinwardlinks=0, the vendor's example path", async () => {
    const res = await imiconnectClient(t, t.newSession()).get(`${V1}/${IMICONNECT.otherCustomer}?showinwardlinks=0`);
    expect(res.body).toEqual({ Status: 0, Description: 'success', code: '1000', transid: expect.stringMatching(UUID), Records: [PROFILE_1234569] });
    expect(res).toMatchContract('imiconnect', 'getProfileV1');
  });

  it('GET /resources/v1/customerprofile?customerId=…&customerId=…: the customers found, in the order asked, each once', async () => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.get(
      `${V1}?customerId=${IMICONNECT.otherCustomer}&customerId=${IMICONNECT.absentCustomer}&customerId=${IMICONNECT.customer}&customerId=${IMICONNECT.otherCustomer}&showinwardlinks=0`,
    );
    expect(res.status).toBe(200);
    const ids = res.body.Records.map((r: { Attributes: { Name: string; Value: string }[] }) => r.Attributes.find((a) => a.Name === 'customerId')?.Value);
    expect(ids).toEqual([IMICONNECT.otherCustomer, IMICONNECT.customer]);
    expect(res).toMatchContract('imiconnect', 'getProfiles');
    const single = await api.get(`${V1}?customerId=${IMICONNECT.otherCustomer}`);
    expect(single.body.Records).toEqual([PROFILE_1234569]);
  });

  it.each([
    ['0 (the default): the master profile only', '?showinwardlinks=0', []],
    ['absent', '', []],
    ['1: with the app profiles linked to it', '?showinwardlinks=1', [APP_PROFILE_1234568]],
    ['2: the full profile', '?showinwardlinks=2', [APP_PROFILE_1234568]],
  ])('showinwardlinks %s', async (_case, query, inward) => {
    const res = await imiconnectClient(t, t.newSession()).get(`${PROFILES}/${IMICONNECT.customer}${query}`);
    expect(res.body.Records[0].InwardLinks).toEqual(inward);
    expect(res.body.Records[0].OutwardLinks).toEqual([]);
    expect(res).toMatchContract('imiconnect', 'getProfile');
  });

  it('answers 7014 "Customer not found" with HTTP 404 when no customer asked for exists', async () => {
    const api = imiconnectClient(t, t.newSession());
    for (const [path, operation] of [
      [`${PROFILES}/${IMICONNECT.absentCustomer}`, 'getProfile'],
      [`${V1}/${IMICONNECT.absentCustomer}`, 'getProfileV1'],
      [`${V1}?customerId=${IMICONNECT.absentCustomer}&customerId=8888888`, 'getProfiles'],
    ] as const) {
      const res = await api.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(error('7014', 'Customer not found'));
      expect(res).toMatchContract('imiconnect', operation);
    }
  });

  it.each([
    ['no customerId', `${V1}`],
    ['an empty customerId', `${V1}?customerId=`],
    ['showinwardlinks outside 0-2', `${PROFILES}/${IMICONNECT.customer}?showinwardlinks=5`],
    ['showinwardlinks that is not a number', `${V1}?customerId=${IMICONNECT.customer}&showinwardlinks=yes`],
  ])('answers 7003 with HTTP 400: %s', async (_case, path) => {
    const res = await imiconnectClient(t, t.newSession()).get(path);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error('7003', 'Mandatory parameters missing'));
  });

  it('accepts secretKey, as the Get Profile page names the header (M-7)', async () => {
    const res = await t.session().get(`${PROFILES}/${IMICONNECT.customer}`).set({ secretKey: IMICONNECT.key });
    expect(res.status).toBe(200);
    expect(res).toMatchContract('imiconnect', 'getProfile');
  });
});

describe('DELETE customer profiles', () => {
  it.each([
    ['/resources/v2/customerprofile/{customerid}', `${PROFILES}/${IMICONNECT.customer}`, 'deleteProfile'],
    ["/resources/v1/customerprofile/{customerid}, the vendor's example path", `${V1}/${IMICONNECT.customer}`, 'deleteProfileV1'],
  ])('%s queues the delete (1001), and the customer is then gone (§2.8.12)', async (_case, path, operation) => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.delete(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(QUEUED);
    expect(res).toMatchContract('imiconnect', operation);
    expect((await api.status(res.body.response.transid)).body).toMatchObject({
      code: '1000',
      Results: [{ code: '1000', customerId: IMICONNECT.customer, description: 'SUCCESS' }],
    });
    expect((await api.get(`${PROFILES}/${IMICONNECT.customer}`)).body).toEqual(error('7014', 'Customer not found'));
  });

  it('answers 7203 "Customer not found" with HTTP 404 for an unknown customer, as the delete page numbers it (§2.8.12, M-8)', async () => {
    const api = imiconnectClient(t, t.newSession());
    for (const [path, operation] of [
      [`${PROFILES}/${IMICONNECT.absentCustomer}`, 'deleteProfile'],
      [`${V1}/${IMICONNECT.absentCustomer}`, 'deleteProfileV1'],
      [`${V1}?customerId=${IMICONNECT.absentCustomer}&customerId=8888888`, 'deleteProfiles'],
    ] as const) {
      const res = await api.delete(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(error('7203', 'Customer not found'));
      expect(res).toMatchContract('imiconnect', operation);
    }
  });

  it("DELETE /resources/v1/customerprofile?customerId=…&customerId=…, the vendor's multi-delete example, is one transaction", async () => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.delete(`${V1}?customerId=${IMICONNECT.customer}&customerId=${IMICONNECT.otherCustomer}`);
    expect(res.body).toEqual(QUEUED);
    expect(res).toMatchContract('imiconnect', 'deleteProfiles');
    expect((await api.status(res.body.response.transid)).body).toMatchObject({ code: '1000', TotalCount: 2, SuccessCount: 2 });
    expect((await api.get(`${V1}?customerId=${IMICONNECT.customer}&customerId=${IMICONNECT.otherCustomer}`)).status).toBe(404);
  });

  it('answers 7012 for more customers than the batch limit, and 7003 without any', async () => {
    const api = imiconnectClient(t, t.newSession());
    const many = await api.delete(`${V1}?${Array.from({ length: 101 }, (_, i) => `customerId=${1234568 + i}`).join('&')}`);
    expect(many.status).toBe(400);
    expect(many.body).toEqual(error('7012', 'Batch size limit(100) exceeded'));
    expect(many).toMatchContract('imiconnect', 'deleteProfiles');
    const none = await api.delete(V1);
    expect(none.status).toBe(400);
    expect(none.body).toEqual(error('7003', 'Mandatory parameters missing'));
    expect(none).toMatchContract('imiconnect', 'deleteProfiles');
    expect((await api.attributes(IMICONNECT.customer))['customerId']).toBe(IMICONNECT.customer);
  });
});

describe('the sandbox identities (README, shared/notes/sandbox-identities.md)', () => {
  it(`key ${IMICONNECT.key} holds customers 1234568 and 1234569, and not 9999999`, async () => {
    const api = imiconnectClient(t, t.newSession());
    const found = await api.get(`${V1}?customerId=1234568&customerId=1234569`);
    expect(found.status).toBe(200);
    expect(found.body.Records).toHaveLength(2);
    expect((await api.get(`${PROFILES}/9999999`)).body).toEqual(error('7014', 'Customer not found'));
  });
});
