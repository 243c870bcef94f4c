import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../mock-server/src/index.js';
import { IMICONNECT } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';
import { batchOf, error, imiconnectClient, PROFILES, QUEUED, SEED_ONE_RECORD, SEED_TWO_RECORDS, transidOf } from './client.js';

const t = useSandbox();

/** The fixtures' values for 1234568, which an accepted update replaces. */
const ORIGINAL_1234568 = { msisdn: '919166708508', email: 'myriam_metz@example.com', name: 'christop' };

describe('PUT /resources/v2/customerprofile', () => {
  describe("the seed's request examples, sent as they are", () => {
    it('queues the two-record example: 200 {"response":{"code":"1001","description":"Queued","transid":<uuid4>}} (§2.8.1)', async () => {
      const api = imiconnectClient(t, t.newSession());
      const res = await api.update(SEED_TWO_RECORDS);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body).toEqual(QUEUED);
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });

    it('queues the one-record example, and the update reaches the profile', async () => {
      const api = imiconnectClient(t, t.newSession());
      const res = await api.update(SEED_ONE_RECORD);
      expect(res.body).toEqual(QUEUED);
      expect(res).toMatchContract('imiconnect', 'updateProfile');
      expect(await api.attributes(IMICONNECT.customer)).toMatchObject({ email: 'umtest.one@example.com', msisdn: '911278994640', name: 'umtest', customerId: '1234568' });
    });

    it('gives every request its own transid', async () => {
      const api = imiconnectClient(t, t.newSession());
      const [a, b] = [transidOf(await api.update(SEED_ONE_RECORD)), transidOf(await api.update(SEED_ONE_RECORD))];
      expect(a).not.toBe(b);
    });
  });

  describe('authentication', () => {
    it('answers 7002 "Service Key Missing" with HTTP 401 without a key header (§2.8.4)', async () => {
      const res = await t.session().put(PROFILES).set('content-type', 'application/json').send(SEED_ONE_RECORD);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(error('7002', 'Service Key Missing'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });

    it('treats an empty key header as no key (7002)', async () => {
      const res = await imiconnectClient(t, t.newSession(), '').update(SEED_ONE_RECORD);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(error('7002', 'Service Key Missing'));
    });

    it('answers 7001 "Authentication failed" with HTTP 401 for a wrong key (§2.8.5)', async () => {
      const res = await imiconnectClient(t, t.newSession(), '00000000-0000-4000-8000-000000000000').update(SEED_ONE_RECORD);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(error('7001', 'Authentication failed'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });

    it('accepts the key in a secretKey header instead (§2.8.11, M-7)', async () => {
      const session = t.newSession();
      const res = await t.session(session).put(PROFILES).set({ secretKey: IMICONNECT.key, 'content-type': 'application/json' }).send(SEED_ONE_RECORD);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(QUEUED);
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });

    it('reads key before secretKey when both are sent', async () => {
      const res = await imiconnectClient(t, t.newSession(), 'wrong').update(SEED_ONE_RECORD, { secretKey: IMICONNECT.key });
      expect(res.body).toEqual(error('7001', 'Authentication failed'));
    });

    it('checks the key before the body: a malformed body without a key answers 7002', async () => {
      const res = await t.http().put(PROFILES).set('content-type', 'application/json').send('{"Records":[');
      expect(res.body).toEqual(error('7002', 'Service Key Missing'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });
  });

  describe('when the body is not acceptable, answers the code and changes nothing', () => {
    const api = () => imiconnectClient(t, t.newSession());
    async function expectUnchanged(client: ReturnType<typeof imiconnectClient>) {
      expect(await client.attributes(IMICONNECT.customer)).toMatchObject(ORIGINAL_1234568);
      expect((await client.state()).queue).toEqual({ pending: [], finished: [] });
    }

    it.each([
      ['broken JSON (§2.8.6)', '{"Records":['],
      ['JSON with a trailing comma', '{"Records":[{"customerId":"1234568","Attributes":{"name":"x"}},]}'],
      ['no body at all', ''],
    ])('7000 "Invalid JSON" with HTTP 400: %s', async (_case, body) => {
      const client = api();
      const res = await client.update(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7000', 'Invalid JSON'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
      await expectUnchanged(client);
    });

    it.each([
      ['a record without customerId (§2.8.7)', { Records: [{ Attributes: { name: 'x' } }] }],
      ['a record without Attributes', { Records: [{ customerId: '1234568' }] }],
      ['an empty customerId', { Records: [{ customerId: '', Attributes: { name: 'x' } }] }],
      ['a numeric customerId', { Records: [{ customerId: 1234568, Attributes: { name: 'x' } }] }],
      ['no Records', { Record: [{ customerId: '1234568', Attributes: { name: 'x' } }] }],
      ['empty Records', { Records: [] }],
      ['Records that is not an array', { Records: { customerId: '1234568', Attributes: { name: 'x' } } }],
      ['a record that is not an object', { Records: ['1234568'] }],
      ['a JSON array', [{ customerId: '1234568', Attributes: { name: 'x' } }]],
      ['a JSON string', 'x'],
      ['null', null],
      ['keys in a spelling the vendor does not document', { Records: [{ CUSTOMERID: '1234568', Attributes: { name: 'x' } }] }],
    ])('7003 "Mandatory parameters missing" with HTTP 400: %s', async (_case, body) => {
      const client = api();
      const res = await client.update(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7003', 'Mandatory parameters missing'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
      await expectUnchanged(client);
    });

    it.each([
      ['Attributes that is a string, as the body table types it (§2.8.9, M-4)', { Records: [{ customerId: '1234568', Attributes: 'email=a@b.co' }] }],
      ['Attributes that is an array', { Records: [{ customerId: '1234568', Attributes: [{ name: 'x' }] }] }],
      ['an email that is not an address (§2.8.9)', { Records: [{ customerId: '1234568', Attributes: { email: 'not-an-email' } }] }],
      ['an msisdn with letters', { Records: [{ customerId: '1234568', Attributes: { msisdn: '91127899464O' } }] }],
      ['an msisdn that is too short', { Records: [{ customerId: '1234568', Attributes: { msisdn: '12345' } }] }],
      ['an attribute whose value is an object', { Records: [{ customerId: '1234568', Attributes: { address: { city: 'Leeds' } } }] }],
      ['an attribute whose value is null', { Records: [{ customerId: '1234568', Attributes: { name: null } }] }],
      [
        'one bad record among good ones (nothing is half-applied)',
        {
          Records: [
            { customerId: '1234568', Attributes: { name: 'fine' } },
            { customerId: '1234569', Attributes: { email: 'bad@' } },
          ],
        },
      ],
    ])('7011 "Invalid Attribute Value" with HTTP 400: %s', async (_case, body) => {
      const client = api();
      const res = await client.update(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7011', 'Invalid Attribute Value'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
      await expectUnchanged(client);
    });

    it('answers 7003 rather than 7011 when one record lacks its customerId and another has a bad value', async () => {
      const res = await api().update({ Records: [{ customerId: '1234568', Attributes: { email: 'bad' } }, { Attributes: { name: 'x' } }] });
      expect(res.body).toEqual(error('7003', 'Mandatory parameters missing'));
    });
  });

  describe('the batch limit (M-3)', () => {
    it('queues 100 records', async () => {
      const res = await imiconnectClient(t, t.newSession()).update(batchOf(100));
      expect(res.body).toEqual(QUEUED);
    });

    it('answers 7012 "Batch size limit(100) exceeded" with HTTP 400 for 101 records, and queues nothing (§2.8.8)', async () => {
      const api = imiconnectClient(t, t.newSession());
      const res = await api.update(batchOf(101));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7012', 'Batch size limit(100) exceeded'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
      expect((await api.state()).queue).toEqual({ pending: [], finished: [] });
    });

    it('checks the batch size before the records themselves', async () => {
      const records = JSON.parse(batchOf(101)) as { Records: object[] };
      records.Records.push({ Attributes: { email: 'bad' } });
      const res = await imiconnectClient(t, t.newSession()).update(records);
      expect(res.body).toEqual(error('7012', 'Batch size limit(100) exceeded'));
    });

    it('answers a body over the 1 MiB size limit with 7012 and HTTP 400', async () => {
      const res = await imiconnectClient(t, t.newSession()).update({ Records: [{ customerId: '1234568', Attributes: { name: 'x'.repeat(1024 * 1024) } }] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7012', 'Batch size limit(100) exceeded'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });
  });

  describe('key spellings (M-4)', () => {
    it('accepts customerid and attributes as the body table spells them, and records in lower case', async () => {
      const api = imiconnectClient(t, t.newSession());
      const res = await api.update({ records: [{ customerid: '1234568', attributes: { name: 'lower' } }] });
      expect(res.body).toEqual(QUEUED);
      expect((await api.attributes('1234568'))['name']).toBe('lower');
    });

    it("prefers the examples' spelling when a record carries both", async () => {
      const api = imiconnectClient(t, t.newSession());
      await api.update({ Records: [{ customerId: '1234568', customerid: '1234569', Attributes: { name: 'upper' }, attributes: { name: 'lower' } }] });
      expect((await api.attributes('1234568'))['name']).toBe('upper');
      expect((await api.attributes('1234569'))['name']).toBe('flo');
    });
  });

  describe('attribute values', () => {
    it('adds new attributes, keeps the IDs of changed ones, stores scalars as strings and never changes customerId', async () => {
      const api = imiconnectClient(t, t.newSession());
      const before = await api.get(`${PROFILES}/1234568`);
      await api.update({ Records: [{ customerId: '1234568', Attributes: { name: 'renamed', tier: 3, vip: true, customerId: '42', msisdn: '+447522178657' } }] });
      const after = await api.get(`${PROFILES}/1234568`);
      const byName = (res: typeof after) => Object.fromEntries((res.body.Records[0].Attributes as { Name: string; Value: string; ID: number }[]).map((a) => [a.Name, a]));
      expect(byName(before)['name']).toEqual({ Name: 'name', Value: 'christop', ID: 8330 });
      expect(byName(after)['name']).toEqual({ Name: 'name', Value: 'renamed', ID: 8330 });
      expect(byName(after)['tier']).toEqual({ Name: 'tier', Value: '3', ID: expect.any(Number) });
      expect(byName(after)['vip']?.Value).toBe('true');
      expect(byName(after)['customerId']?.Value).toBe('1234568');
      expect(byName(after)['msisdn']?.Value).toBe('+447522178657');
    });
  });

  describe('content types', () => {
    it('reads a JSON body sent without a content type', async () => {
      const res = await t
        .http()
        .put(PROFILES)
        .set({ 'X-Sandbox-Session': t.newSession(), key: IMICONNECT.key })
        .serialize((b: string) => b)
        .send(SEED_ONE_RECORD)
        .unset('Content-Type');
      expect(res.body).toEqual(QUEUED);
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });

    it('reads a JSON body under another content type', async () => {
      const res = await imiconnectClient(t, t.newSession()).update(SEED_ONE_RECORD, { 'content-type': 'text/plain' });
      expect(res.body).toEqual(QUEUED);
    });

    it('answers a form body with 7000', async () => {
      const res = await imiconnectClient(t, t.newSession()).update('Records=1234568', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7000', 'Invalid JSON'));
    });

    it('answers a compressed body with 7000', async () => {
      const res = await t
        .http()
        .put(PROFILES)
        .set({ 'X-Sandbox-Session': t.newSession(), key: IMICONNECT.key, 'content-type': 'application/json', 'content-encoding': 'gzip' })
        .send(gzipSync(SEED_ONE_RECORD));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(error('7000', 'Invalid JSON'));
      expect(res).toMatchContract('imiconnect', 'updateProfile');
    });
  });
});

describe('determinism', () => {
  it('draws transids from the sandbox seed: the same seed and requests give the same transids', async () => {
    const transids = async (seed: number) => {
      const running = await createSandbox({ seed, clock: '2026-01-01T00:00:00Z' }).listen(0);
      try {
        const send = async () => {
          const res = await request(running.url).put(PROFILES).set({ key: IMICONNECT.key, 'content-type': 'application/json', 'X-Sandbox-Session': 's' }).send(SEED_ONE_RECORD);
          expect(res).toMatchContract('imiconnect', 'updateProfile');
          return transidOf(res);
        };
        return [await send(), await send()];
      } finally {
        await running.close();
      }
    };
    const [a, b, other] = [await transids(7), await transids(7), await transids(8)];
    expect(a).toEqual(b);
    expect(a[0]).not.toBe(a[1]);
    expect(other[0]).not.toBe(a[0]);
  });
});
