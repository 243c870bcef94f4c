import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { runNode } from '../helpers/run-node.js';

const STAMP = join(PROJECT_ROOT, 'scripts/build-stamp.mjs');

describe('scripts/build-stamp.mjs (npm start builds only when an input changed)', () => {
  it('says current after --write, stale once an input changes or an output is missing, current again after --write', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stamp-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    for (const [path, text] of Object.entries({
      'mock-server/src/core/a.ts': 'export const a = 1;\n',
      'contracts/x/openapi.yaml': 'openapi: 3.1.0\n',
      'scenarios/default.yaml': 'description: d\n',
      'package-lock.json': '{}',
      'mock-server/dist/main.js': '',
      'mock-server/dist/compiled/x.js': '',
    }))
      put(path, text);
    const check = async () => (await runNode([STAMP, '--check', root])).code;
    expect(await check()).toBe(1);
    expect((await runNode([STAMP, '--write', root])).code).toBe(0);
    expect(await check()).toBe(0);
    put('mock-server/src/core/a.ts', 'export const a = 1;\n'); // rewritten, same content
    expect(await check()).toBe(0);
    put('scenarios/default.yaml', 'description: changed\n');
    expect(await check()).toBe(1);
    await runNode([STAMP, '--write', root]);
    put('mock-server/src/core/b.ts', 'export const b = 2;\n'); // a new source file
    expect(await check()).toBe(1);
    await runNode([STAMP, '--write', root]);
    rmSync(join(root, 'mock-server/dist/main.js'));
    expect(await check()).toBe(1);
  });

  it('is how npm start decides, and npm run build writes the stamp', async () => {
    const { scripts } = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(scripts['prestart']).toBe('node scripts/build-stamp.mjs --check || npm run build');
    expect(scripts['build']).toMatch(/ && node scripts\/build-stamp\.mjs --write$/);
    expect((await runNode([STAMP, '--check'])).code).toBe(0); // npm test builds first
  });
});
