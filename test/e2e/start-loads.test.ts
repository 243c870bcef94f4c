import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli.js';

/**
 * What the built CLI loads to start and answer a health check (decision 0032). Not a timing:
 * each module named here was measured as milliseconds of every start, and loading it again
 * is how the start-up gains would be lost without anyone noticing.
 */
describe('what `node mock-server/dist/main.js` loads before its first answer', () => {
  it('no body parser (zlib), iconv-lite, HTTPS, undici, Ajv or precompiled vendor validators', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-loads-'));
    const report = join(dir, 'loaded.json');
    const preload = join(dir, 'preload.mjs');
    writeFileSync(
      preload,
      [
        // Built-ins as the CLI takes them: an ES import of node:fs would itself load fs/promises.
        "const { writeFileSync } = process.getBuiltinModule('node:fs');",
        "const cache = process.getBuiltinModule('node:module').createRequire(import.meta.url).cache;",
        `process.on('exit', () => writeFileSync(${JSON.stringify(report)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(cache) })));`,
      ].join('\n'),
    );
    const cli = await startCli(['--port', '0', '--log-format', 'json'], { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` });
    const health = await fetch(`${cli.url}/__admin/health`);
    expect(health.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    const loaded = JSON.parse(readFileSync(report, 'utf8')) as { builtins: string[]; files: string[] };
    for (const builtin of ['zlib', 'https', 'tls', 'internal/deps/undici/undici']) {
      expect(loaded.builtins, builtin).not.toContain(`NativeModule ${builtin}`);
    }
    const files = loaded.files.map((f) => f.replaceAll('\\', '/'));
    for (const part of ['/node_modules/body-parser/', '/node_modules/iconv-lite/', '/node_modules/mime-db/', '/node_modules/ajv/dist/core', '/node_modules/undici/']) {
      expect(
        files.filter((f) => f.includes(part)),
        part,
      ).toEqual([]);
    }
    // The admin API's own validators answer the health check; no vendor's, scenario's or settings' are needed.
    expect(files.filter((f) => f.includes('/dist/compiled/') && !f.includes('contracts__admin.openapi'))).toEqual([]);
  });
});
