import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../../mock-server/src/index.js';
import { IMICONNECT, ISERVICE, INSTANTPAY, OCAMBA } from '../../helpers/identities.js';
import { useSandbox, type SessionAgent } from '../../helpers/sandbox.js';

const t = useSandbox();

/** Every outcome with a hit, as `vendor op outcome` → [hits, forced, documented]; everything else must be unreached. */
function reachedCells(report: CoverageReport): Record<string, [number, number, boolean]> {
  const cells: Record<string, [number, number, boolean]> = {};
  for (const vendor of report.vendors)
    for (const op of vendor.operations) for (const o of op.outcomes) if (o.hits > 0) cells[`${vendor.id} ${op.operationId} ${o.outcome}`] = [o.hits, o.forced, o.documented];
  return cells;
}

async function coverage(query: string): Promise<CoverageReport> {
  const res = await t.http().get(`/__admin/coverage?${query}`);
  expect(res.status).toBe(200);
  expect(res).toMatchContract('admin', 'getCoverage');
  return res.body as CoverageReport;
}

/** A known set of requests: documented outcomes, a forced one, an undocumented fault, a path no operation serves. */
async function knownRequests(s: SessionAgent): Promise<void> {
  const ocamba = `Bearer ${OCAMBA.keyA}`;
  expect((await s.get('/v1/hood/partners')).status).toBe(401);
  expect((await s.get(`/v1/hood/partners/${OCAMBA.partner}`).set('Authorization', ocamba)).status).toBe(200);
  expect((await s.get(`/v1/hood/partners/${OCAMBA.partner}`).set('Authorization', ocamba)).status).toBe(200);
  expect((await s.get(`/v1/hood/partners/${OCAMBA.partner}`).set('Authorization', ocamba).set('X-Sandbox-Scenario', 'ocamba/throttled')).status).toBe(429);
  expect((await s.get(`/v1/hood/partners/${OCAMBA.partner}`).set('Authorization', ocamba).set('X-Sandbox-Scenario', 'ocamba/bad-gateway')).status).toBe(502);
  expect((await s.get('/v1/hood/nothing-here').set('Authorization', ocamba)).status).toBe(404);
  expect((await s.get(`/resources/v2/customerprofile/${IMICONNECT.customer}`).set('key', IMICONNECT.key)).body.code).toBe('1000');
  expect((await s.get(`/resources/v2/customerprofile/${IMICONNECT.absentCustomer}`).set('key', IMICONNECT.key)).body.response.code).toBe('7014');
  expect((await s.get(`/resources/v2/customerprofile/${IMICONNECT.customer}`)).body.response.code).toBe('7002');
  // IMIconnect under "always 200": 7002 still counts as 7002, whatever the HTTP status.
  const always200 = await s.get(`/resources/v2/customerprofile/${IMICONNECT.customer}`).set('X-Sandbox-Scenario', 'imiconnect/always-200');
  expect([always200.status, always200.body.response.code]).toEqual([200, '7002']);
}

describe('GET /__admin/coverage', () => {
  describe('after a known set of requests', () => {
    it('reports exactly the outcomes they reached, forced and undocumented ones marked', async () => {
      const s = t.session();
      await knownRequests(s);
      const report = await coverage(`session=${s.id}&vendor=ocamba&vendor=imiconnect`);
      expect(report.sessions).toEqual([s.id]);
      expect(reachedCells(report)).toEqual({
        'ocamba listPartners 401': [1, 0, true],
        'ocamba getPartner 200': [2, 0, true],
        'ocamba getPartner 429': [1, 1, true],
        'ocamba getPartner 502': [1, 1, false],
        'imiconnect getProfile 1000': [1, 0, true],
        'imiconnect getProfile 7014': [1, 0, true],
        'imiconnect getProfile 7002': [2, 0, true],
      });
      // Ocamba: the contract's statuses of its 8 operations; IMIconnect: the codes vendors/imiconnect/coverage.ts declares.
      const ocamba = report.vendors.find((v) => v.id === 'ocamba')!;
      const imiconnect = report.vendors.find((v) => v.id === 'imiconnect')!;
      expect([ocamba.outcomeKind, ocamba.documented, ocamba.reached, ocamba.percent]).toEqual(['http-status', 53, 3, 5.6]);
      expect([imiconnect.outcomeKind, imiconnect.documented, imiconnect.reached, imiconnect.percent]).toEqual(['result-code', 68, 3, 4.4]);
      expect([report.documented, report.reached, report.percent]).toEqual([121, 6, 4.9]);
      const getProfile = imiconnect.operations.find((o) => o.operationId === 'getProfile')!;
      expect(getProfile.outcomes.map((o) => `${o.outcome}@${o.statuses.join('/')}`)).toEqual(['1000@200', '7003@400', '7001@401', '7002@401', '7010@403', '7014@404', '7006@500']);
      const badGateway = ocamba.operations.find((o) => o.operationId === 'getPartner')!.outcomes.find((o) => o.outcome === '502')!;
      expect(badGateway).toEqual({ outcome: '502', code: null, statuses: ['502'], documented: false, reached: true, hits: 1, forced: 1, sessions: { [s.id]: 1 } });
    });

    it('is the same report in process (sandbox.coverage())', async () => {
      const s = t.session();
      await knownRequests(s);
      const query = { sessions: [s.id], vendors: ['ocamba', 'imiconnect'] };
      expect(t.sandbox.coverage(query)).toEqual(await coverage(`session=${s.id}&vendor=ocamba&vendor=imiconnect`));
      expect(() => t.sandbox.coverage({ vendors: ['nope'] })).toThrow(/not mounted/);
    });
  });

  describe('with several sessions', () => {
    it('keeps each session apart, and adds them up when asked for several or all', async () => {
      const a = t.session();
      const b = t.session();
      await a.get('/v1/hood/partners');
      await b.get('/v1/hood/partners');
      await b.get('/v1/hood/partners');
      const onlyA = await coverage(`session=${a.id}&vendor=ocamba`);
      expect(reachedCells(onlyA)).toEqual({ 'ocamba listPartners 401': [1, 0, true] });
      const both = await coverage(`session=${a.id}&session=${b.id}&vendor=ocamba`);
      const cell = both.vendors[0]!.operations[0]!.outcomes.find((o) => o.outcome === '401')!;
      expect([cell.hits, cell.sessions]).toEqual([3, { [a.id]: 1, [b.id]: 2 }]);
      const all = await coverage('all=1&vendor=ocamba');
      expect(all.sessions).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(all.vendors[0]!.operations[0]!.outcomes.find((o) => o.outcome === '401')!.sessions).toMatchObject({ [a.id]: 1, [b.id]: 2 });
    });

    it("defaults to the caller's session, survives a session reset, and DELETE forgets it", async () => {
      const s = t.session();
      await s.get('/v1/hood/partners');
      expect((await t.admin(s.id).reset()).status).toBe(200);
      const own = await s.get('/__admin/coverage?vendor=ocamba');
      expect(own).toMatchContract('admin', 'getCoverage');
      expect(reachedCells(own.body as CoverageReport)).toEqual({ 'ocamba listPartners 401': [1, 0, true] });
      expect((await s.delete('/__admin/coverage')).status).toBe(204);
      expect(reachedCells((await s.get('/__admin/coverage?vendor=ocamba')).body as CoverageReport)).toEqual({});
    });

    it('answers 404 unknown_vendor for a vendor that is not mounted, 400 for a bad session id', async () => {
      const unknown = await t.http().get('/__admin/coverage?vendor=nope');
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_vendor']);
      const bad = await t.http().get('/__admin/coverage?session=not%20valid');
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
    });
  });

  describe('vendors with result codes', () => {
    it("count Instantpay's statuscode and iService's error, not the HTTP status", async () => {
      const s = t.session();
      const ipay = {
        'X-Ipay-Auth-Code': '1',
        'X-Ipay-Client-Id': INSTANTPAY.sandbox.clientId,
        'X-Ipay-Client-Secret': INSTANTPAY.sandbox.clientSecret,
        'X-Ipay-Endpoint-Ip': '10.0.0.1',
      };
      expect((await s.get('/contacts/profile').set(ipay)).body.statuscode).toBe('TXN');
      expect((await s.get('/contacts/profile').set({ ...ipay, 'X-Ipay-Client-Secret': '0'.repeat(64) })).body.statuscode).toBe('IAC');
      expect((await s.post('/f/webapp-api-login?api=login').type('form').send({ emailAddress: ISERVICE.agent.emailAddress, Password: 'wrong' })).body.errors).toEqual([
        'Invalid email address or password.',
      ]);
      expect((await s.post('/f/webapp-api-custinfo?api=details').send({ contactID: ISERVICE.seedContact })).body.errors).toEqual(['You must be logged in.']);
      const report = await coverage(`session=${s.id}&vendor=instantpay&vendor=iservice`);
      expect(reachedCells(report)).toEqual({
        'instantpay listContacts TXN': [1, 0, true],
        'instantpay listContacts IAC': [1, 0, true],
        'iservice webappApiLogin LOGIN_FAILED': [1, 0, true],
        'iservice webappApiCustinfo NOT_LOGGED_IN': [1, 0, true],
      });
      // 12 operations × (TXN + 10 failure codes); login 8 outcomes (OK, LOGIN_FAILED, 3 form errors, 413, 415, 500), custinfo 14.
      expect(report.vendors.map((v) => [v.id, v.documented])).toEqual([
        ['instantpay', 132],
        ['iservice', 22],
      ]);
    });
  });
});
