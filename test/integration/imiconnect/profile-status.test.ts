import { describe, expect, it } from 'vitest';
import { IMICONNECT } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { error, imiconnectClient, PROFILES, SEED_TWO_RECORDS, transidOf } from './client.js';

const t = useSandbox();
const success = (customerId: string) => ({ code: '1000', customerId, description: 'SUCCESS' });

describe('GET /resources/v2/profile/status/{transid}', () => {
  it("reports the seed example's two records as 1000 SUCCESS, in the vendor's key order (§2.8.2)", async () => {
    const api = imiconnectClient(t, t.newSession());
    const transid = transidOf(await api.update(SEED_TWO_RECORDS));
    const res = await api.status(transid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      TotalCount: 2,
      code: '1000',
      FailureCount: 0,
      Results: [success('1234568'), success('1234569')],
      transid,
      description: 'SUCCESS',
      SuccessCount: 2,
    });
    expect(Object.keys(res.body)).toEqual(['TotalCount', 'code', 'FailureCount', 'Results', 'transid', 'description', 'SuccessCount']);
    expect(res).toMatchContract('imiconnect', 'getProfileStatus');
  });

  it('queues an update with an unknown customer (1001), then reports it as 7014 with top-level 1002 Partial success (§2.8.3, M-11)', async () => {
    const api = imiconnectClient(t, t.newSession());
    const res = await api.update({
      Records: [
        { customerId: IMICONNECT.customer, Attributes: { name: 'known' } },
        { customerId: IMICONNECT.absentCustomer, Attributes: { name: 'ghost' } },
      ],
    });
    const transid = transidOf(res);
    const status = await api.status(transid);
    expect(status.body).toEqual({
      TotalCount: 2,
      code: '1002',
      FailureCount: 1,
      Results: [success('1234568'), { code: '7014', customerId: '9999999', description: 'Customer not found' }],
      transid,
      description: 'Partial success',
      SuccessCount: 1,
    });
    expect(status).toMatchContract('imiconnect', 'getProfileStatus');
    // The known record was applied, the unknown one created nothing.
    expect((await api.attributes(IMICONNECT.customer))['name']).toBe('known');
    expect((await api.get(`${PROFILES}/${IMICONNECT.absentCustomer}`)).status).toBe(404);
  });

  it('queues an update whose every customer is unknown, and reports 1002 with no success', async () => {
    const api = imiconnectClient(t, t.newSession());
    const transid = transidOf(await api.update({ Records: [{ customerId: IMICONNECT.absentCustomer, Attributes: { name: 'ghost' } }] }));
    expect((await api.status(transid)).body).toMatchObject({ TotalCount: 1, code: '1002', FailureCount: 1, SuccessCount: 0, description: 'Partial success' });
  });

  it('answers 7600 with HTTP 404 for an unknown transid (§2.8.13)', async () => {
    const res = await imiconnectClient(t, t.newSession()).status('a61e8729-a404-41cc-909a-bf7de79d14c7');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(error('7600', 'Invalid transid or request is still queued'));
    expect(res).toMatchContract('imiconnect', 'getProfileStatus');
  });

  it('answers 7600 for a transid of another session', async () => {
    const transid = transidOf(await imiconnectClient(t, t.newSession()).update(SEED_TWO_RECORDS));
    expect((await imiconnectClient(t, t.newSession()).status(transid)).body).toEqual(error('7600', 'Invalid transid or request is still queued'));
  });

  it('answers 7002/7001 before looking the transid up', async () => {
    const missing = await t.session().get(`/resources/v2/profile/status/x`);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(error('7002', 'Service Key Missing'));
    expect(missing).toMatchContract('imiconnect', 'getProfileStatus');
    const wrong = await imiconnectClient(t, t.newSession(), 'nope').status('x');
    expect(wrong.body).toEqual(error('7001', 'Authentication failed'));
  });

  it('accepts secretKey, as the status page names the header (M-7)', async () => {
    const session = t.newSession();
    const transid = transidOf(await imiconnectClient(t, session).update(SEED_TWO_RECORDS));
    const res = await t.session(session).get(`/resources/v2/profile/status/${transid}`).set({ secretKey: IMICONNECT.key });
    expect(res.status).toBe(200);
    expect(res.body.code).toBe('1000');
    expect(res).toMatchContract('imiconnect', 'getProfileStatus');
  });

  it('reports create and delete transactions too, with their own per-record codes (7015, 7203)', async () => {
    const api = imiconnectClient(t, t.newSession());
    const created = transidOf(
      await api.create({
        Records: [
          { customerId: '7000001', Attributes: { name: 'new' } },
          { customerId: IMICONNECT.customer, Attributes: { name: 'dup' } },
        ],
      }),
    );
    expect((await api.status(created)).body).toMatchObject({
      code: '1002',
      Results: [success('7000001'), { code: '7015', customerId: IMICONNECT.customer, description: 'customer already exists' }],
    });
    const deleted = transidOf(await api.delete(`/resources/v1/customerprofile?customerId=7000001&customerId=${IMICONNECT.absentCustomer}`));
    const res = await api.status(deleted);
    expect(res.body).toMatchObject({ code: '1002', Results: [success('7000001'), { code: '7203', customerId: IMICONNECT.absentCustomer, description: 'Customer not found' }] });
    expect(res).toMatchContract('imiconnect', 'getProfileStatus');
  });
});

describe('finished transactions held by the fixtures (known transids, for tests and pacts that cannot write first)', () => {
  it('answers the SUCCESS transaction of the default fixtures', async () => {
    const res = await imiconnectClient(t, t.newSession()).status(IMICONNECT.finishedTransid);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      TotalCount: 2,
      code: '1000',
      FailureCount: 0,
      Results: [success('1234568'), success('1234569')],
      transid: IMICONNECT.finishedTransid,
      description: 'SUCCESS',
      SuccessCount: 2,
    });
  });

  it('answers the Partial success transaction, each failure with its catalogue message', async () => {
    const res = await imiconnectClient(t, t.newSession()).status(IMICONNECT.partialTransid);
    expect(res.body).toMatchObject({ code: '1002', FailureCount: 1, Results: [success('1234568'), { code: '7014', customerId: '9999999', description: 'Customer not found' }] });
  });
});

describe('the queue, on the virtual clock', () => {
  it('processes transactions in the order they were accepted', async () => {
    const api = imiconnectClient(t, t.newSession());
    transidOf(await api.create({ Records: [{ customerId: '7000002', Attributes: { name: 'first' } }] }));
    transidOf(await api.update({ Records: [{ customerId: '7000002', Attributes: { name: 'second' } }] }));
    expect((await api.attributes('7000002'))['name']).toBe('second');
  });

  it('checks each record when the queue reaches it, not when it was accepted', async () => {
    const api = imiconnectClient(t, t.newSession());
    await t.admin(api.session).activate('imiconnect/slow-queue');
    // Both deletes are accepted while the customer exists; the queue reaches the second after the first removed it.
    const first = transidOf(await api.delete(`${PROFILES}/${IMICONNECT.otherCustomer}`));
    const second = transidOf(await api.delete(`/resources/v1/customerprofile/${IMICONNECT.otherCustomer}`));
    await api.advance(30_000);
    expect((await api.status(first)).body.Results).toEqual([success(IMICONNECT.otherCustomer)]);
    expect((await api.status(second)).body.Results).toEqual([{ code: '7203', customerId: IMICONNECT.otherCustomer, description: 'Customer not found' }]);
  });

  it('keeps a transaction queued, and the profile unchanged, until the clock reaches its delay', async () => {
    const api = imiconnectClient(t, t.newSession());
    await t.admin(api.session).activate('imiconnect/slow-queue');
    const transid = transidOf(await api.update({ Records: [{ customerId: IMICONNECT.customer, Attributes: { name: 'later' } }] }));
    expect((await api.status(transid)).body).toEqual(error('7600', 'Invalid transid or request is still queued'));
    expect((await api.attributes(IMICONNECT.customer))['name']).toBe('christop');
    await api.advance(29_999);
    expect((await api.status(transid)).body.response?.code).toBe('7600');
    await api.advance(1);
    const done = await api.status(transid);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ code: '1000', TotalCount: 1, SuccessCount: 1 });
    expect((await api.attributes(IMICONNECT.customer))['name']).toBe('later');
  });
});
