import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';
import { startCli, type StartedCli } from '../helpers/cli.js';
import { OCAMBA } from '../helpers/identities.js';

const CONTACT = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;
const SHIPPED_VALUE = 'partners@test-partner.example.com';
const fixtures = mkdtempSync(join(tmpdir(), 'watch-cli-'));
cpSync(join(DEFAULT_DIRS.fixtures, 'ocamba'), join(fixtures, 'ocamba'), { recursive: true });
const contacts = join(fixtures, 'ocamba/default/contacts.json');
const shipped = readFileSync(contacts, 'utf8');

let cli: StartedCli | undefined;
afterAll(async () => {
  cli?.child.kill('SIGTERM');
  await cli?.exited;
});

/** Polls `check` every 25 ms for up to 10 s (the watcher's debounce is 100 ms). */
async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (const started = Date.now(); ;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('serve --watch', () => {
  it('applies an edited fixture file to new sessions without a restart, and logs a broken one, naming the file and field, while serving the last good data', async () => {
    cli = await startCli(['--port', '0', '--vendors', 'ocamba', '--fixtures-dir', fixtures, '--watch', '--log-format', 'json', '--log-level', 'info']);
    const started = cli;
    expect(started.stdout()).toContain(`watching ${fixtures}, ${DEFAULT_DIRS.scenarios} (--watch)`);
    let polls = 0;
    const valueIn = async (session: string) => {
      const res = await fetch(`${started.url}${CONTACT}`, { headers: { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': session } });
      return ((await res.json()) as { items: { value: string }[] }).items[0]?.value;
    };
    expect(await valueIn('before')).toBe(SHIPPED_VALUE);

    writeFileSync(contacts, shipped.replace(SHIPPED_VALUE, 'watched@example.org'));
    await until(async () => ((await valueIn(`poll-${polls++}`)) === 'watched@example.org' ? true : undefined), 'the edit to be served');
    expect(await valueIn('before')).toBe(SHIPPED_VALUE);

    const broken = JSON.parse(shipped) as Record<string, { type: string }[]>;
    broken[OCAMBA.partner]![0]!.type = 'carrier-pigeon';
    writeFileSync(contacts, JSON.stringify(broken));
    const refused = await until(
      () =>
        started
          .stdout()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { level: number; msg: string; problems?: string[] })
          .find((line) => line.msg.startsWith('reload refused')),
      'the refusal to be logged',
    );
    expect(refused.level).toBe(50);
    expect(refused.problems).toEqual([expect.stringContaining(`${contacts}#${OCAMBA.partner}[0].type: must be equal to one of the allowed values`)]);
    expect(await valueIn('after-broken')).toBe('watched@example.org');
  });
});
