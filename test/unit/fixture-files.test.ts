import { cpSync, mkdtempSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixtureFiles } from '../../mock-server/src/core/fixtures.js';
import { DEFAULT_DIRS } from '../../mock-server/src/core/paths.js';

describe('fixture files as a set is read', () => {
  it('a file that is a symbolic link is read as the file it points to; a link to nothing is no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-files-'));
    cpSync(DEFAULT_DIRS.fixtures, dir, { recursive: true });
    // IMIconnect's transactions.json is optional: a link it did not see would leave the set without transactions, silently.
    const set = join(dir, 'imiconnect', 'default');
    renameSync(join(set, 'transactions.json'), join(dir, 'transactions.json'));
    symlinkSync(join(dir, 'transactions.json'), join(set, 'transactions.json'));
    const files = FixtureFiles.read(set);
    expect(files.has('transactions.json')).toBe(true);
    expect(files.json('transactions.json')).toEqual(FixtureFiles.read(join(DEFAULT_DIRS.fixtures, 'imiconnect', 'default')).json('transactions.json'));
    // A link to nothing is not a file of the set.
    symlinkSync(join(dir, 'nowhere.json'), join(set, 'dangling.json'));
    expect(FixtureFiles.read(set).has('dangling.json')).toBe(false);
  });
});
