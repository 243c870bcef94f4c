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
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleDashboard } from './bundle-dashboard.js';

const dist = fileURLToPath(new URL('../', import.meta.url));
await build({
  entryPoints: [`${dist}cli.js`],
  outfile: `${dist}core/cli.bundle.js`,
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
  ],
  // CommonJS packages inside an ES module bundle need a real require (for Node built-ins and the externals).
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
process.stdout.write(`bundled the CLI into ${dist}core/cli.bundle.js\n`);
// The dashboard's page and files, from mock-server/ui/ (decision 0610).
await bundleDashboard(join(dist, '../ui'), join(dist, 'ui'));
process.stdout.write(`bundled the dashboard into ${dist}ui/\n`);
