import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../../mock-server/src/core/paths.js';
import { createSandbox, type ReloadResult, type RunningSandbox, type Sandbox } from '../../../mock-server/src/index.js';
import { OCAMBA } from '../../helpers/identities.js';

const CONTACT = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const AUTH = { Authorization: `Bearer ${OCAMBA.keyA}` };
const SHIPPED_VALUE = 'partners@test-partner.example.com';

/** Every log line, parsed: a refused reload must be logged with its problems. */
const lines: { level: number; msg: string; problems?: string[] }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
    done();
  },
});

// Each test file gets its own copies: the test edits them while the sandbox runs.
const fixtures = mkdtempSync(join(tmpdir(), 'watch-fixtures-'));
cpSync(join(DEFAULT_DIRS.fixtures, 'ocamba'), join(fixtures, 'ocamba'), { recursive: true });
const scenarios = mkdtempSync(join(tmpdir(), 'watch-scenarios-'));
const contacts = join(fixtures, 'ocamba/default/contacts.json');
const shipped = readFileSync(contacts, 'utf8');
const scenarioFile = join(scenarios, 'team/forced.yaml');
mkdirSync(join(scenarios, 'team'));
writeFileSync(scenarioFile, 'description: Ocamba answers 500\noverrides:\n  - { vendor: ocamba, error: INTERNAL_SERVER_ERROR }\n');

let sandbox: Sandbox;
let running: RunningSandbox;
beforeAll(async () => {
  sandbox = createSandbox({ vendors: ['ocamba'], fixturesDir: fixtures, scenarioDirs: [DEFAULT_DIRS.scenarios, scenarios], logger: pino({ level: 'info' }, sink) });
  running = await sandbox.listen(0);
});
afterAll(async () => {
  await running.close();
});

const inSession = (id: string) => request(running.url).get(CONTACT).set(AUTH).set('X-Sandbox-Session', id);
/** The contact's value as session `id` reads it. */
const valueIn = async (id: string) => ((await inSession(id).expect(200)).body as { items: { value: string }[] }).items[0]?.value;
const withValue = (value: string) => shipped.replace(SHIPPED_VALUE, value);
const applied = (result: ReloadResult) => {
  if (!result.applied) throw new Error(`reload refused: ${result.problems.join('; ')}`);
  return result;
};

describe('Sandbox.reload(): fixture and scenario files validated and swapped in while the sandbox runs', () => {
  it('gives new and reset sessions the changed fixtures; a session already using them keeps its state, writes included', async () => {
    expect(await valueIn('before')).toBe(SHIPPED_VALUE);
    await request(running.url).patch(CONTACT).set(AUTH).set('X-Sandbox-Session', 'writer').send({ value: 'written@example.org' }).expect(204);

    writeFileSync(contacts, withValue('reloaded@example.org'));
    expect(applied(sandbox.reload())).toMatchObject({ fixtureSets: { ocamba: ['default', 'no-partners'] }, sessionsKept: 2 });

    expect(await valueIn('after')).toBe('reloaded@example.org');
    expect(await valueIn('before')).toBe(SHIPPED_VALUE);
    expect(await valueIn('writer')).toBe('written@example.org');
    // A reset session starts again, from what is in force now.
    await request(running.url).post('/__admin/reset').set('X-Sandbox-Session', 'before').expect(200);
    expect(await valueIn('before')).toBe('reloaded@example.org');
    await request(running.url).post('/__admin/reset').set('X-Sandbox-Session', 'writer').send({ vendor: 'ocamba' }).expect(200);
    expect(await valueIn('writer')).toBe('reloaded@example.org');
  });

  it('refuses a broken fixture file, naming the file and the field (result and log), and keeps serving what it had', async () => {
    writeFileSync(contacts, withValue('good@example.org'));
    applied(sandbox.reload());
    const broken = JSON.parse(shipped) as Record<string, { type: string }[]>;
    broken[OCAMBA.partner]![0]!.type = 'carrier-pigeon';
    writeFileSync(contacts, JSON.stringify(broken));
    // A valid file changed with the broken one waits with it: a reload is all or nothing.
    writeFileSync(join(scenarios, 'team/pending.yaml'), 'description: Added with a broken fixture\n');
    lines.length = 0;

    const result = sandbox.reload();
    expect(result.applied).toBe(false);
    const problems = result.applied ? [] : result.problems;
    expect(problems).toEqual([expect.stringContaining(`${contacts}#${OCAMBA.partner}[0].type: must be equal to one of the allowed values`)]);
    const logged = lines.find((line) => line.msg.startsWith('reload refused'));
    expect(logged?.level).toBe(50);
    expect(logged?.problems).toEqual(problems);
    expect(logged?.msg).toContain(`${contacts}#${OCAMBA.partner}[0].type`);
    // New sessions still get the last good data.
    expect(await valueIn('after-broken')).toBe('good@example.org');
    expect(sandbox.scenarioNames()).not.toContain('team/pending');

    writeFileSync(contacts, '{ "1000418": [ ');
    const unparsable = sandbox.reload();
    expect(unparsable.applied ? [] : unparsable.problems).toEqual([expect.stringMatching(new RegExp(`^fixture ${contacts}: .*JSON`))]);
    expect(await valueIn('after-unparsable')).toBe('good@example.org');
    writeFileSync(contacts, shipped);
    applied(sandbox.reload());
    expect(sandbox.scenarioNames()).toContain('team/pending');
  });

  it('applies a changed, added or broken scenario file the same way: new activations take it, a session keeps the one it activated', async () => {
    const id = 'scenario-user';
    await request(running.url).put('/__admin/scenario').set('X-Sandbox-Session', id).send({ name: 'team/forced' }).expect(200);
    expect((await inSession(id).expect(500)).body).toMatchObject({ code: 500 });

    writeFileSync(scenarioFile, 'description: Ocamba answers 400\noverrides:\n  - { vendor: ocamba, error: BAD_REQUEST }\n');
    writeFileSync(join(scenarios, 'team/added.yaml'), 'description: Added while running\nvendors:\n  ocamba: { fixtures: no-partners }\n');
    expect(applied(sandbox.reload()).scenarios).toEqual(expect.arrayContaining(['team/forced', 'team/added']));
    const listed = (await request(running.url).get('/__admin/scenarios').expect(200)).body as { scenarios: { name: string; description: string }[] };
    expect(listed.scenarios.find((s) => s.name === 'team/forced')?.description).toBe('Ocamba answers 400');
    expect(listed.scenarios.map((s) => s.name)).toContain('team/added');

    // The session that activated the old definition keeps it until it activates again (or is reset).
    await inSession(id).expect(500);
    await request(running.url).put('/__admin/scenario').set('X-Sandbox-Session', id).send({ name: 'team/forced' }).expect(200);
    expect((await inSession(id).expect(400)).body).toMatchObject({ code: 400 });
    // Per request too, the header names the scenario in force now.
    await inSession('per-request').set('X-Sandbox-Scenario', 'team/forced').expect(400);

    writeFileSync(scenarioFile, 'description: Broken\noverrides:\n  - { vendor: ocamba, error: TEAPOT }\n');
    const refused = sandbox.reload();
    expect(refused.applied ? [] : refused.problems).toEqual([expect.stringMatching(new RegExp(`^${scenarioFile}: overrides\\[0\\]\\.error: ocamba has no error "TEAPOT"`))]);
    await request(running.url).put('/__admin/scenario').set('X-Sandbox-Session', 'later').send({ name: 'team/forced' }).expect(200);
    await inSession('later').expect(400);
    writeFileSync(scenarioFile, 'description: Ocamba answers 400\noverrides:\n  - { vendor: ocamba, error: BAD_REQUEST }\n');
    applied(sandbox.reload());
  });

  it('takes a new fixture set and the scenario naming it in one reload; a scenario naming a set that does not exist is refused', async () => {
    const set = join(fixtures, 'ocamba/renamed');
    cpSync(join(fixtures, 'ocamba/default'), set, { recursive: true });
    writeFileSync(join(set, 'contacts.json'), withValue('renamed@example.org'));
    writeFileSync(join(scenarios, 'team/renamed.yaml'), 'description: The renamed set\nvendors:\n  ocamba: { fixtures: renamed }\n');
    expect(applied(sandbox.reload()).fixtureSets['ocamba']).toEqual(['default', 'no-partners', 'renamed']);
    await request(running.url).put('/__admin/scenario').set('X-Sandbox-Session', 'renamed').send({ name: 'team/renamed' }).expect(200);
    expect(await valueIn('renamed')).toBe('renamed@example.org');

    writeFileSync(join(scenarios, 'team/renamed.yaml'), 'description: The renamed set\nvendors:\n  ocamba: { fixtures: missing }\n');
    const refused = sandbox.reload();
    expect(refused.applied ? [] : refused.problems).toEqual([expect.stringContaining('renamed.yaml: vendors.ocamba.fixtures: no fixture set "missing"')]);
    writeFileSync(join(scenarios, 'team/renamed.yaml'), 'description: The renamed set\nvendors:\n  ocamba: { fixtures: renamed }\n');
    applied(sandbox.reload());

    // A session that activated the scenario before the set went away builds its store from what it activated.
    await request(running.url).put('/__admin/scenario').set('X-Sandbox-Session', 'activated-only').send({ name: 'team/renamed' }).expect(200);
    rmSync(set, { recursive: true });
    rmSync(join(scenarios, 'team/renamed.yaml'));
    expect(applied(sandbox.reload()).fixtureSets['ocamba']).toEqual(['default', 'no-partners']);
    expect(await valueIn('activated-only')).toBe('renamed@example.org');
    await request(running.url).put('/__admin/scenario').set('X-Sandbox-Session', 'too-late').send({ name: 'team/renamed' }).expect(404);
  });
});

describe('Sandbox.watch(): a change on disk is reloaded without a call', () => {
  it('reloads once the edits have settled, and stops when closed', async () => {
    const results: { result: ReloadResult; files: readonly string[] }[] = [];
    const watcher = await sandbox.watch({ debounceMs: 50, onReload: (result, files) => results.push({ result, files }) });
    try {
      writeFileSync(contacts, withValue('watched@example.org'));
      await until(() => results.length > 0);
      expect(results[0]!.files).toEqual([contacts]);
      expect(results[0]!.result.applied).toBe(true);
      expect(await valueIn('watched')).toBe('watched@example.org');
    } finally {
      await watcher.close();
    }
    const seen = results.length;
    writeFileSync(contacts, shipped);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(results).toHaveLength(seen);
  });
});

/** Polls `check` every 20 ms for up to 5 s. */
async function until(check: () => boolean): Promise<void> {
  for (const started = Date.now(); !check();) {
    if (Date.now() - started > 5_000) throw new Error('timed out waiting for the watcher');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
