import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import type { LeniencyCase } from '../../../mock-server/src/core/vendor-testing.js';
import { VENDORS } from '../../../mock-server/src/vendors/index.js';
import { allVendorTesting } from '../../../mock-server/src/vendors/testing.js';
import { useSandbox, type TestSandbox } from '../../helpers/sandbox.js';

/**
 * Every leniency a vendor declares (vendors/<id>/leniencies.ts), through the
 * request its testing module gives for it: without strict mode it is
 * answered, with a warning in the journal and in X-Sandbox-Warning; with
 * `--strict` (createSandbox `strict: true`), or a scenario's `strict: true`
 * for the vendor, it gets the vendor's own refusal.
 */
const testing = await allVendorTesting();

// Per vendor, a scenario turning strict mode on and one turning it off.
const scenarioDir = mkdtempSync(join(tmpdir(), 'leniency-scenarios-'));
mkdirSync(join(scenarioDir, 'leniency-test'));
for (const { id } of VENDORS) {
  for (const strict of [true, false]) {
    const file = join(scenarioDir, 'leniency-test', `${strict ? 'strict' : 'lenient'}-${id}.json`);
    writeFileSync(file, JSON.stringify({ description: `strict mode ${strict ? 'on' : 'off'} for ${id}`, vendors: { [id]: { strict } } }));
  }
}
afterAll(() => rmSync(scenarioDir, { recursive: true, force: true }));
const scenarioDirs = [DEFAULT_DIRS.scenarios, scenarioDir];

const lenient = useSandbox({ scenarioDirs });
const strict = useSandbox({ scenarioDirs, strict: true });

interface Answer {
  readonly status: number;
  readonly warning: string | string[] | undefined;
  readonly body: unknown;
}

interface Warning {
  readonly leniency: string;
  readonly where: string;
  readonly message: string;
  readonly source: string;
  readonly refused?: true;
}

/** Sends a case exactly as written (no Content-Type added, repeated lines kept) in `session`, after the vendor's admission headers. */
async function send(t: TestSandbox, vendor: string, session: string, c: LeniencyCase): Promise<Answer> {
  const headers: Record<string, string | string[]> = { ...(await testing.get(vendor)!.admittedHeaders(t.url, session)) };
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    if (value !== null) headers[name] = typeof value === 'string' ? value : [...value];
  }
  headers['X-Sandbox-Session'] = session;
  const body = c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
  if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${c.path}`, { method: c.method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, warning: res.headers['x-sandbox-warning'], body: text === '' ? undefined : (JSON.parse(text) as unknown) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The warnings of the session's newest journal entry (absent: none). */
async function journaled(t: TestSandbox, session: string): Promise<Warning[] | undefined> {
  const res = await t.session(session).get('/__admin/requests').query({ limit: 1 });
  // The warnings as contracts/admin.openapi.yaml declares them.
  expect(res).toMatchContract('admin', 'listRequests');
  return (res.body as { requests: { warnings?: Warning[] }[] }).requests[0]?.warnings;
}

const lines = (warning: string | string[] | undefined): string[] => (warning === undefined ? [] : typeof warning === 'string' ? [warning] : warning);

describe('each vendor declares its leniencies with a test case for each', () => {
  for (const vendor of VENDORS) {
    it(`${vendor.id}: one case per declared leniency, no more`, () => {
      expect(Object.keys(testing.get(vendor.id)!.leniencyCases).sort()).toEqual(vendor.leniencies.map((l) => l.id).sort());
    });
  }
});

for (const vendor of VENDORS) {
  const cases = Object.entries(testing.get(vendor.id)!.leniencyCases);
  if (cases.length === 0) continue;
  describe(`${vendor.id} leniencies`, () => {
    for (const [id, c] of cases) {
      const declared = vendor.leniencies.find((l) => l.id === id)!;
      describe(id, () => {
        it(`without strict mode: answers ${c.lenient.status}, with the warning in the journal and in X-Sandbox-Warning`, async () => {
          const session = lenient.newSession();
          const answer = await send(lenient, vendor.id, session, c);
          expect(answer.status).toBe(c.lenient.status);
          if (c.lenient.body !== undefined) expect(answer.body).toMatchObject(c.lenient.body as object);
          const warnings = await journaled(lenient, session);
          // The case relies on this leniency and on no other.
          expect(warnings).toEqual([{ leniency: id, where: c.where, message: expect.any(String), source: declared.source }]);
          expect(lines(answer.warning)).toEqual([expect.stringMatching(new RegExp(`^${id} at ${c.where.replace(/[/]/g, '\\/')}: `))]);
        });

        it(`with --strict: the vendor's refusal (${c.strict.status}), the warning marked refused`, async () => {
          const session = strict.newSession();
          const answer = await send(strict, vendor.id, session, c);
          expect(answer.status).toBe(c.strict.status);
          expect(answer.body).toMatchObject(c.strict.body as object);
          expect(await journaled(strict, session)).toContainEqual({ leniency: id, where: c.where, message: expect.any(String), source: declared.source, refused: true });
          expect(lines(answer.warning)).toContainEqual(expect.stringMatching(new RegExp(`^refused: ${id} at `)));
        });

        it('with strict: true in the session scenario: the same refusal', async () => {
          const session = lenient.newSession();
          expect((await lenient.admin(session).activate(`leniency-test/strict-${vendor.id}`)).status).toBe(200);
          const answer = await send(lenient, vendor.id, session, c);
          expect(answer.status).toBe(c.strict.status);
          expect(answer.body).toMatchObject(c.strict.body as object);
        });
      });
    }

    it("a scenario's strict: false wins over --strict for its vendor", async () => {
      const [id, c] = cases[0]!;
      const session = strict.newSession();
      expect((await strict.admin(session).activate(`leniency-test/lenient-${vendor.id}`)).status).toBe(200);
      const answer = await send(strict, vendor.id, session, c);
      expect(answer.status).toBe(c.lenient.status);
      expect((await journaled(strict, session))?.map((w) => [w.leniency, w.refused])).toEqual([[id, undefined]]);
    });
  });
}
