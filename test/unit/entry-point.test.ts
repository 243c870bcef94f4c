import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { isEntryPoint } from '../../scripts/entry-point.js';
import { runNode } from '../helpers/run-node.js';

/** A scratch directory whose path has a space in it. */
const spaced = () => mkdtempSync(join(tmpdir(), 'with space-'));

describe('isEntryPoint (the scripts decide whether to run by it)', () => {
  it('matches the started script through a path with a space and through a symlink, and nothing else', () => {
    const dir = spaced();
    const file = join(dir, 'script.ts');
    writeFileSync(file, '');
    symlinkSync(file, join(dir, 'link.ts'));
    writeFileSync(join(dir, 'other.ts'), '');
    const url = pathToFileURL(file).href;
    expect(url).toContain('%20');
    expect(isEntryPoint(url, file)).toBe(true);
    expect(isEntryPoint(url, join(dir, 'link.ts'))).toBe(true);
    expect(isEntryPoint(url, join(dir, 'other.ts'))).toBe(false);
    expect(isEntryPoint(url, join(dir, 'missing.ts'))).toBe(false);
    expect(isEntryPoint(url, undefined)).toBe(false);
  });

  it('lets scripts/pact-broker.ts run from a checkout whose path has a space (it printed nothing and exited 0)', async () => {
    // A checkout at "…/with space-…/": the scripts copied, the rest linked.
    const root = spaced();
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    for (const file of ['pact-broker.ts', 'entry-point.ts']) copyFileSync(join(PROJECT_ROOT, 'scripts', file), join(root, 'scripts', file));
    for (const dir of ['mock-server', 'node_modules']) symlinkSync(join(PROJECT_ROOT, dir), join(root, dir));
    const tsx = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
    const { code, stderr } = await runNode(['--import', tsx, join(root, 'scripts/pact-broker.ts'), 'publish'], { PACT_BROKER_BASE_URL: undefined });
    expect(stderr).toContain('PACT_BROKER_BASE_URL is not set');
    expect(code).toBe(2);
  });
});
