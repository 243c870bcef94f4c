import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { createSandboxApp } from '../../../mock-server/src/core/create-sandbox.js';
import { createSandbox } from '../../../mock-server/src/index.js';
import { ocamba } from '../../../mock-server/src/vendors/ocamba/index.js';
import { OCAMBA } from '../../helpers/identities.js';
import { rawRequest } from '../../helpers/raw-http.js';

/** A scenarios directory holding `default` plus the given files. */
function scenarioDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  for (const [name, content] of Object.entries({ 'default.yaml': 'description: d\n', ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function loadError(files: Record<string, string>): string {
  const dir = scenarioDir(files);
  try {
    createSandbox({ scenarioDirs: [dir] });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the scenarios to be refused');
}

describe('scenario files are validated when loaded, naming the file and the field', () => {
  it.each([
    ['an unknown top-level key', { 'bad.yaml': 'description: x\nextra: 1\n' }, /bad\.yaml: \(top level\) must NOT have additional properties: "extra"/],
    ['a missing description', { 'bad.json': '{"overrides": []}' }, /bad\.json: \(top level\) must have required property 'description'/],
    [
      'times that is not a positive integer',
      { 'bad.yaml': 'description: x\noverrides:\n  - { vendor: ocamba, times: 0, error: BAD_REQUEST }\n' },
      /bad\.yaml: overrides\[0\]\.times must be >= 1/,
    ],
    [
      'an override with both a fault and an error',
      { 'bad.yaml': 'description: x\noverrides:\n  - { vendor: ocamba, fault: { kind: empty-reply }, error: BAD_REQUEST }\n' },
      /bad\.yaml: overrides\[0\] must NOT be valid/,
    ],
    [
      'an unknown fault kind',
      { 'bad.yaml': 'description: x\noverrides:\n  - { vendor: ocamba, fault: { kind: explode } }\n' },
      /bad\.yaml: overrides\[0\]\.fault\.kind must be equal to constant/,
    ],
    ['a vendor that does not exist', { 'bad.yaml': 'description: x\noverrides:\n  - { vendor: acme, error: X }\n' }, /bad\.yaml: vendor "acme" does not exist \(vendors: .*ocamba/],
    [
      'an operation the vendor does not have',
      { 'bad.yaml': 'description: x\noverrides:\n  - { vendor: ocamba, operations: [updateContact], error: BAD_REQUEST }\n' },
      /bad\.yaml: overrides\[0\]\.operations: ocamba has no operation "updateContact" \(known: .*updatePartnerContact/,
    ],
    [
      'an error the vendor does not have',
      { 'bad.yaml': 'description: x\noverrides:\n  - { vendor: ocamba, error: TEAPOT }\n' },
      /bad\.yaml: overrides\[0\]\.error: ocamba has no error "TEAPOT" \(known: .*INTERNAL_SERVER_ERROR/,
    ],
    [
      'settings of the wrong type',
      { 'bad.yaml': 'description: x\nvendors:\n  ocamba:\n    settings: { rateLimit: { perSecond: fast } }\n' },
      /bad\.yaml: vendors\.ocamba\.settings\.rateLimit\.perSecond must be integer/,
    ],
    [
      'an unknown setting',
      { 'bad.yaml': 'description: x\nvendors:\n  ocamba:\n    settings: { turbo: true }\n' },
      /bad\.yaml: vendors\.ocamba\.settings must NOT have additional properties/,
    ],
    [
      'a fixture set that does not exist',
      { 'bad.yaml': 'description: x\nvendors:\n  ocamba: { fixtures: nothing-here }\n' },
      /bad\.yaml: vendors\.ocamba\.fixtures: no fixture set "nothing-here" \(known: default, no-partners\)/,
    ],
    ['YAML that does not parse', { 'bad.yaml': 'description: [unclosed\n' }, /bad\.yaml: cannot parse/],
    [
      'a provider state claimed twice',
      { 'a.yaml': 'description: a\nproviderStates: [same]\n', 'b.yaml': 'description: b\nproviderStates: [same]\n' },
      /b\.yaml: providerStates: "same" is already claimed by scenario a/,
    ],
  ])('refuses %s', (_case, files, message) => {
    expect(loadError(files)).toMatch(message);
  });

  it('reports every problem at once', () => {
    const message = loadError({ 'one.yaml': 'description: x\nbogus: 1\n', 'two.yaml': 'description: y\noverrides:\n  - { vendor: ocamba, error: TEAPOT }\n' });
    expect(message).toMatch(/one\.yaml/);
    expect(message).toMatch(/two\.yaml/);
  });

  it('requires a default scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'other.yaml'), 'description: x\n');
    expect(() => createSandbox({ scenarioDirs: [dir] })).toThrow(/no "default" scenario/);
  });

  it('lets an extra directory add scenarios and override built-in ones by name, in JSON or YAML', async () => {
    const extra = scenarioDir({
      'ocamba/slow.json': JSON.stringify({ description: 'not slow: fails', overrides: [{ vendor: 'ocamba', error: 'INTERNAL_SERVER_ERROR' }] }),
      'team/readonly.yml': 'description: mine\n',
    });
    const sandbox = createSandbox({ scenarioDirs: [DEFAULT_DIRS.scenarios, extra], scenario: 'ocamba/slow' });
    expect(sandbox.scenarioNames()).toEqual(expect.arrayContaining(['team/readonly', 'ocamba/rate-limited']));
    const running = await sandbox.listen(0);
    try {
      const res = await rawRequest(`${running.url}/v1/hood/partners`, { method: 'GET', headers: { Authorization: `Bearer ${OCAMBA.keyA}` } });
      expect(res).toMatchObject({ kind: 'response', status: 500 });
    } finally {
      await running.close();
    }
  });

  it('with only some vendors mounted, ignores the parts of scenarios for the others and drops scenarios left with none', () => {
    const dir = scenarioDir({
      'other/only.yaml': 'description: other vendor only\nvendors:\n  other: { environment: live }\n',
      'mixed.yaml': 'description: both\noverrides:\n  - { vendor: ocamba, error: BAD_REQUEST }\n  - { vendor: other, error: SERVER_ERROR }\n',
    });
    const sandbox = createSandboxApp({ scenarioDirs: [dir], vendors: [ocamba], knownVendorIds: ['ocamba', 'other'] });
    expect(sandbox.scenarioNames()).toEqual(['default', 'mixed']);
  });

  it('refuses an unknown start-up scenario, naming the known ones', () => {
    expect(() => createSandbox({ scenario: 'nope' })).toThrow(/unknown scenario "nope" \(known: .*default/);
  });
});
