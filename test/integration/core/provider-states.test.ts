import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxConfigError } from '../../../mock-server/src/core/create-sandbox.js';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import type { ProviderStateParamType } from '../../../mock-server/src/core/provider-states.js';
import type { ProviderStateCase } from '../../../mock-server/src/core/vendor-testing.js';
import { createSandbox } from '../../../mock-server/src/index.js';
import { VENDORS } from '../../../mock-server/src/vendors/index.js';
import { allVendorTesting } from '../../../mock-server/src/vendors/testing.js';
import { OCAMBA } from '../../helpers/identities.js';
import { useSandbox } from '../../helpers/sandbox.js';

/**
 * Every provider state with parameters a vendor declares
 * (vendors/<id>/provider-states.ts), through the case its testing module
 * gives: its parameters make records the vendor's own API then answers with;
 * an unknown, missing or wrong-typed parameter is refused and changes nothing.
 */
const testing = await allVendorTesting();
const t = useSandbox();

/** Whether `actual` contains `expected`: objects by the keys given, arrays by some element for each one given. */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((e) => actual.some((a) => contains(a, e)));
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => contains((actual as Record<string, unknown>)[key], value));
  }
  return Object.is(actual, expected);
}

const stateChange = (session: string, body: object) => t.session(session).post('/__admin/provider-states').send(body);

async function read(vendor: string, session: string, c: ProviderStateCase): Promise<{ status: number; body: unknown }> {
  const headers = { ...(await testing.get(vendor)!.admittedHeaders(t.url, session)), ...c.read.headers };
  const req = t.session(session)[c.read.method.toLowerCase() as 'get' | 'post'](c.read.path).set(headers);
  const res = c.read.body === undefined ? await req : await req.send(c.read.body as object);
  return { status: res.status, body: res.body as unknown };
}

/** A value of another JSON type than the parameter's. */
const wrongTyped = (type: ProviderStateParamType): unknown => (type === 'string' ? 12345 : type === 'integer' || type === 'number' ? 'not a number' : 'not-a-' + type);

describe.each(VENDORS.map((v) => v.id))('the %s provider states', (vendor) => {
  const module = VENDORS.find((v) => v.id === vendor)!;
  const cases = testing.get(vendor)!.providerStateCases;

  it('are declared, each with a case in its testing module', () => {
    expect(module.providerStates.length).toBeGreaterThan(0);
    expect(Object.keys(cases).sort()).toEqual(module.providerStates.map((s) => s.name).sort());
  });

  describe.each(module.providerStates.map((s) => s.name))('"%s"', (name) => {
    const declared = module.providerStates.find((s) => s.name === name)!;
    const c = cases[name]!;

    it('makes records the vendor answers with; teardown takes them away', async () => {
      const session = t.newSession();
      const before = await read(vendor, session, c);
      expect(contains(before.body, c.answer.body), 'the records are not there before the state').toBe(false);
      const setup = await stateChange(session, { state: name, params: c.params, action: 'setup' });
      expect(setup.status, JSON.stringify(setup.body)).toBe(200);
      expect(setup).toMatchContract('admin', 'setProviderState');
      expect(setup.body).toMatchObject({ scenario: 'default', session, vendors: [vendor] });
      // The values it declares, and only those (never the answer's own keys).
      expect(Object.keys(setup.body as object).sort()).toEqual([...Object.keys(declared.values), 'scenario', 'session', 'vendors'].sort());
      const after = await read(vendor, session, c);
      expect(after.status).toBe(c.answer.status);
      expect(contains(after.body, c.answer.body), JSON.stringify(after.body)).toBe(true);
      const teardown = await stateChange(session, { state: name, action: 'teardown' });
      expect(teardown.body).toEqual({ scenario: 'default', session, vendors: [vendor] });
      expect(contains((await read(vendor, session, c)).body, c.answer.body)).toBe(false);
    });

    it('gives every default parameter a value its schema accepts', async () => {
      const requiredOnly = Object.fromEntries(Object.entries(c.params).filter(([key]) => declared.params.find((p) => p.name === key)?.required));
      for (const p of declared.params.filter((param) => param.default !== undefined)) {
        const res = await stateChange(t.newSession(), { state: name, params: { ...requiredOnly, [p.name]: p.default } });
        expect(res.status, `${p.name}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    });

    const first = declared.params[0]!;
    const required = declared.params.filter((p) => p.required);
    const refusals: [string, Record<string, unknown>, string][] = [
      ['an unknown parameter', { ...c.params, notAParameter: 1 }, `unknown parameter "notAParameter" (parameters: ${declared.params.map((p) => p.name).join(', ')})`],
      [`a wrong-typed parameter (${first.name})`, { ...c.params, [first.name]: wrongTyped(first.type) }, `parameter "${first.name}" must be ${first.type}`],
      ...required.map((p): [string, Record<string, unknown>, string] => [
        `no ${p.name}`,
        Object.fromEntries(Object.entries(c.params).filter(([key]) => key !== p.name)),
        `parameter "${p.name}" is required`,
      ]),
    ];
    it.each(refusals)('refuses %s, changing nothing', async (_label, params, problem) => {
      const session = t.newSession();
      const dump = await t.admin(session).state(vendor);
      const res = await stateChange(session, { state: name, params, action: 'setup' });
      expect(res.status).toBe(400);
      expect(res).toMatchContract('admin', 'setProviderState');
      expect(res.headers['x-sandbox-error']).toBe('invalid_provider_state_params');
      expect(res.body.error.issues).toEqual(expect.arrayContaining([expect.stringContaining(`"${name}": ${problem}`)]));
      expect((await t.admin(session).state(vendor)).body).toEqual(dump.body);
      expect(contains((await read(vendor, session, c)).body, c.answer.body)).toBe(false);
    });
  });
});

describe('GET /__admin/provider-states', () => {
  it('lists the scenario states and every vendor state with its parameters, sorted by name', async () => {
    const res = await t.http().get('/__admin/provider-states');
    expect(res.status).toBe(200);
    expect(res).toMatchContract('admin', 'listProviderStates');
    const states = res.body.states as { name: string; kind: string; vendors: string[]; params: { name: string }[]; scenario?: string }[];
    expect(states.map((s) => s.name)).toEqual([...states.map((s) => s.name)].sort((a, b) => a.localeCompare(b)));
    expect(states.find((s) => s.name === 'the Ocamba account is rate limited')).toMatchObject({
      kind: 'scenario',
      scenario: 'ocamba/rate-limited',
      vendors: ['ocamba'],
      params: [],
    });
    for (const vendor of VENDORS) {
      for (const declared of vendor.providerStates) expect(states.find((s) => s.name === declared.name)).toEqual({ ...declared, kind: 'records', vendors: [vendor.id] });
    }
    expect(states.filter((s) => s.kind === 'records').length).toBe(VENDORS.flatMap((v) => v.providerStates).length);
  });
});

describe('POST /__admin/provider-states with parameters', () => {
  it('returns what the state made, for fromProviderState', async () => {
    const res = await stateChange(t.newSession(), { state: 'a partner with contacts', params: { partnerId: '2000123', count: 2 }, action: 'setup' });
    expect(res.body).toMatchObject({ partnerId: '2000123', contactIds: [expect.any(String), expect.any(String)] });
  });

  it('refuses parameters given to a scenario state', async () => {
    const res = await stateChange(t.newSession(), { state: 'ocamba/throttled', params: { partnerId: '1000418' }, action: 'setup' });
    expect(res.status).toBe(400);
    expect(res).toMatchContract('admin', 'setProviderState');
    expect(res.body.error).toMatchObject({ code: 'invalid_provider_state_params', issues: ['"ocamba/throttled" is a scenario and takes no parameters; got partnerId'] });
  });

  it('names an unknown state, listing the vendor states among the known ones', async () => {
    const res = await stateChange(t.newSession(), { state: 'a partner with many contacts', params: {}, action: 'setup' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknown_provider_state');
    expect(res.body.error.known).toEqual(expect.arrayContaining(['default', 'a partner with contacts', 'a Loyaltii contact']));
  });

  it("refuses, naming the state, what the vendor cannot honour, and changes nothing (another account's partner)", async () => {
    const session = t.newSession();
    const dump = await t.admin(session).state('ocamba');
    const res = await stateChange(session, { state: 'a partner with contacts', params: { partnerId: OCAMBA.partnerOfB, count: 1 }, action: 'setup' });
    expect(res.status).toBe(400);
    expect(res).toMatchContract('admin', 'setProviderState');
    expect(res.body.error.issues).toEqual([`"a partner with contacts": partner ${OCAMBA.partnerOfB} belongs to account 7300514, not to the sandbox account 6197120 (key A's)`]);
    expect((await t.admin(session).state('ocamba')).body).toEqual(dump.body);
  });

  it("takes the Ruby verifier's {consumer, states, params}: states in order, params for the state that takes them", async () => {
    const session = t.newSession();
    const res = await stateChange(session, { consumer: 'a-consumer', states: ['ocamba/slow', 'a partner with contacts'], params: { partnerId: '2000777', count: 1 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res).toMatchContract('admin', 'setProviderState');
    // The records state added to the store of the scenario set up before it.
    expect(res.body).toMatchObject({ scenario: 'ocamba/slow', vendors: ['ocamba'], partnerId: '2000777' });
    expect((await t.session(session).get('/__admin/scenarios')).body.active.ocamba).toBe('ocamba/slow');
    const contacts = await t
      .session(session)
      .get('/v1/hood/partners/2000777/contacts')
      .set({ Authorization: `Bearer ${OCAMBA.keyA}` });
    expect(contacts.body.total).toBe(1);
  });
});

describe('vendor state names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'state-clash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('may not be claimed by a scenario too (a state change names no provider): the sandbox does not start', () => {
    mkdirSync(join(dir, 'clash'));
    writeFileSync(join(dir, 'clash', 'partners.json'), JSON.stringify({ description: 'claims a vendor state', providerStates: ['a partner with contacts'] }));
    expect(() => createSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios, dir] })).toThrow(SandboxConfigError);
    expect(() => createSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios, dir] })).toThrow('provider state "a partner with contacts" of ocamba is also scenario clash/partners\'s');
  });
});
