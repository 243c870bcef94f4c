/**
 * Build step: bundles the CLI (its own modules, Express, pino, commander…)
 * into one ES module, dist/core/cli.bundle.js, which dist/main.js loads when
 * it is there. Measured (decision 0032): resolving and reading some 150 small
 * files was most of the start-up; one file cuts the CPU to the first answer
 * by about 40 %. It sits in dist/core/ so every path it computes from
 * import.meta.url (project root, dist/compiled/) is the same as unbundled.
 * Whatever is loaded only on demand stays outside: the validator compiler,
 * YAML, faker, Pact, pino-pretty, the coverage table's libraries, chokidar (--watch).
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleDashboard } from './bundle-dashboard.js';

/**
 * Express 5 loads, when it loads, body-parser (with raw-body, iconv-lite,
 * zlib, qs) and serve-static (with send) for express.json() and
 * express.static(), which the sandbox never calls (it reads bodies itself),
 * and mime-types, which builds its tables from mime-db (2,500 types) for
 * res.type() and the like, which it does not call either, and qs for a query
 * parser it does not use: 23 ms of every start together. Each is a stand-in here whose functions load the real module
 * on first call, so whatever does call them gets the real thing (decision 0032).
 */
const LAZY_PARTS: Readonly<Record<string, string>> = {
  'body-parser': "module.exports = { json: later('json'), raw: later('raw'), text: later('text'), urlencoded: later('urlencoded') };",
  // Express requires qs for its "extended" query parser, which the sandbox does not use ("simple"): 3 ms of modules.
  qs: "module.exports = { parse: later('parse'), stringify: later('stringify'), get formats() { return load().formats; } };",
  'serve-static': 'module.exports = function serveStatic(...args) { return load().apply(this, args); };',
  'mime-types': [
    "module.exports = { charset: later('charset'), contentType: later('contentType'), extension: later('extension'), lookup: later('lookup'),",
    '  get charsets() { return load().charsets; }, get extensions() { return load().extensions; }, get types() { return load().types; } };',
  ].join('\n'),
};
const lazyParts: Plugin = {
  name: 'lazy-parts',
  setup(bundler) {
    bundler.onResolve({ filter: /^(body-parser|serve-static|mime-types|qs)$/ }, async (args) => {
      if (args.pluginData === 'real' || !args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      const real = await bundler.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      return real.errors.length > 0 ? { errors: real.errors } : { path: real.path, namespace: 'lazy-part', pluginData: args.path };
    });
    bundler.onLoad({ filter: /.*/, namespace: 'lazy-part' }, (args) => ({
      contents: [
        'let real;',
        `const load = () => (real ??= require(${JSON.stringify(args.path)}));`,
        'const later = (name) => function (...args) { return load()[name].apply(this, args); };',
        LAZY_PARTS[args.pluginData as string],
      ].join('\n'),
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Node built-ins read once through the bundle's `require`, not as ES imports:
 * an ES import of a built-in builds its namespace from every export, and
 * node:http's include lazy getters that load undici (measured: 25 ms on every
 * start for `import … from 'node:http'`, 3 ms for node:fs). Each built-in
 * becomes a small ES module exporting the names our modules import from it, so
 * esbuild binds every import to them directly (a CommonJS wrapper would have
 * every importing module copy all the built-in's properties: 8 ms). Only the
 * names imported: reading every property would run lazy getters and, on newer
 * Node lines, deprecation warnings. A name this scan misses fails the build.
 */
function builtinsAsRequire(importedNames: ReadonlyMap<string, ReadonlySet<string>>): Plugin {
  return {
    name: 'builtins-as-require',
    setup(bundler) {
      bundler.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        if (args.namespace === 'builtin' || args.kind !== 'import-statement' || !builtinModules.includes(name)) return undefined;
        return { path: name, namespace: 'builtin' };
      });
      bundler.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
        const names = [...(importedNames.get(args.path) ?? [])];
        const lines = [
          `const builtin = require('node:${args.path}');`,
          'export default builtin;',
          ...names.map((name, i) => `const e${i} = builtin.${name}; export { e${i} as ${name} };`),
        ];
        return { contents: lines.join('\n'), loader: 'js' };
      });
    },
  };
}

/** The names each built-in is imported by in the compiled modules under `dir` (`import { a, b as c } from 'node:x'`). */
function builtinImports(dir: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, names = '', module = ''] of source.matchAll(/import\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*['"](?:node:)?([a-z_/]+)['"]/g)) {
      if (!builtinModules.includes(module)) continue;
      const set = found.get(module) ?? new Set<string>();
      for (const part of names.split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)[0]!
          .trim();
        if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default') set.add(name);
      }
      found.set(module, set);
    }
  }
  return found;
}

/** `entry` and the output files it imports statically, as absolute paths (what a start reads, not the chunks imported on demand). */
function startFiles(meta: Metafile, entry: string): string[] {
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const output = meta.outputs[relative(process.cwd(), file)];
    for (const imported of output?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(resolve(imported.path));
  };
  visit(entry);
  return [...files];
}

const dist = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${dist}core`;
// Chunks from an earlier build carry other hashes: none may be left to ship.
for (const file of readdirSync(outdir)) if (file.startsWith('cli.bundle')) rmSync(join(outdir, file));
const { metafile } = await build({
  entryPoints: { 'cli.bundle': `${dist}cli.js` },
  outdir,
  // What is imported only on demand (the recording proxy and its HTTP client, undici: over half the code)
  // goes to chunks of its own, beside the bundle, read when first imported.
  splitting: true,
  chunkNames: 'cli.bundle-[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [
    'ajv',
    'ajv/*',
    'ajv-formats',
    'yaml',
    '@faker-js/faker',
    'json-schema-faker',
    '@pact-foundation/pact',
    '@pactflow/swagger-mock-validator',
    'pino-pretty',
    'cli-table3',
    'picocolors',
    'selfsigned',
    'chokidar',
    // Its code pages (540 kB, read only for an encoding other than UTF-8) would be parsed on every start.
    'iconv-lite',
  ],
  // CommonJS packages inside an ES module bundle need a real require (for Node built-ins and the externals).
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [builtinsAsRequire(builtinImports(dist)), lazyParts],
  logLevel: 'warning',
  metafile: true,
});
// V8 keeps a source with any non-ASCII character as a two-byte string, which Node cannot decode on its
// ASCII fast path: one `§` in a comment made the 1.4 MB read at every start 3 ms slower (decision 0032).
// esbuild escapes strings but keeps comments and regular-expression literals as written, so the files
// every start reads (the bundle and the chunks it imports statically) are checked.
const readAtStart = startFiles(metafile, join(outdir, 'cli.bundle.js'));
for (const file of readAtStart) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => /[\u0080-\uffff]/.test(line));
  if (at >= 0) throw new Error(`${file}:${at + 1}: keep the bundle ASCII (write \\u escapes, or ASCII in comments): ${lines[at]!.trim().slice(0, 120)}`);
}
process.stdout.write(`bundled the CLI into ${dist}core/cli.bundle.js (${readAtStart.length} files read at start, all ASCII)\n`);
// The dashboard's page and files, from mock-server/ui/ (decision 0610).
await bundleDashboard(join(dist, '../ui'), join(dist, 'ui'));
process.stdout.write(`bundled the dashboard into ${dist}ui/\n`);
