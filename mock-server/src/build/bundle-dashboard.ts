/**
 * Build step: the dashboard (decision 0610). Bundles the Preact + htm sources
 * of mock-server/ui/ into one script and one style sheet, copies the contract
 * renderer (Swagger UI, from the swagger-ui-dist package) beside them, names
 * each file by a hash of its content, and writes the page and the manifest
 * the sandbox serves them by (core/dashboard-assets.ts). Everything lands in
 * dist/ui/, which the package ships: the dashboard needs no network.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import type { DashboardManifest } from '../core/dashboard-assets.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** `name-<hash>.ext`: a file's name changes with its content, so browsers may cache it for good. */
function hashed(name: string, content: string | Uint8Array): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const ext = extname(name);
  return `${basename(name, ext)}-${hash}${ext}`;
}

/** Builds the dashboard from `sources` into `out` (emptied first). */
export async function bundleDashboard(sources: string, out: string): Promise<DashboardManifest> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files: Record<string, string> = {};
  const names: Record<string, string> = {};
  const emit = (name: string, content: string, keepName = false) => {
    const file = keepName ? name : hashed(name, content);
    writeFileSync(join(out, file), content);
    files[file] = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
    names[name] = file;
  };

  const result = await build({
    entryPoints: { app: join(sources, 'main.ts') },
    bundle: true,
    write: false,
    outdir: out,
    format: 'esm',
    platform: 'browser',
    target: ['chrome111', 'firefox115', 'safari16.4'],
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  for (const output of result.outputFiles) emit(basename(output.path), output.text);

  // The renderer as its package ships it, without the source-map comment (the maps stay out of the package).
  const renderer = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const withoutMap = (text: string) => text.replace(/\n?\/[/*]# sourceMappingURL=\S+?(?: \*\/)?\s*$/, '\n');
  emit('swagger-ui-bundle.js', withoutMap(readFileSync(join(renderer, 'swagger-ui-bundle.js'), 'utf8')));
  emit('swagger-ui.css', withoutMap(readFileSync(join(renderer, 'swagger-ui.css'), 'utf8')));
  // Its licence (Apache-2.0) and the notices of what its bundle holds go with it, under names the bundle's own comment gives.
  emit('swagger-ui-bundle.js.LICENSE.txt', readFileSync(join(renderer, 'swagger-ui-bundle.js.LICENSE.txt'), 'utf8'), true);
  emit('swagger-ui-LICENSE.txt', readFileSync(join(renderer, 'LICENSE'), 'utf8'), true);
  emit('swagger-ui-NOTICE.txt', readFileSync(join(renderer, 'NOTICE'), 'utf8'), true);

  let page = readFileSync(join(sources, 'index.html'), 'utf8');
  page = page.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => {
    const file = names[name];
    if (file === undefined) throw new Error(`mock-server/ui/index.html names {{${name}}}, which the build does not make (it makes ${Object.keys(names).join(', ')})`);
    return file;
  });
  writeFileSync(join(out, 'index.html'), page);
  const manifest: DashboardManifest = { page: 'index.html', files };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
