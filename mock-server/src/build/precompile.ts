/**
 * Build step (after tsc): compiles every schema the server validates with at
 * run time into standalone code under `mock-server/dist/compiled/`, with a
 * JSON copy of each document, so that start-up neither parses YAML nor runs
 * Ajv's code generator. The server falls back to compiling at load when a
 * source file no longer matches its bundle.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractEntries } from '../core/contract.js';
import { DEFAULT_DIRS } from '../core/paths.js';
import { listFiles } from '../core/scenario-catalogue.js';
import { precompile, ROOT_ENTRY, type EntriesOf } from '../core/schema-document.js';
import { YAML_CACHE_FILE, yamlCacheOf } from '../core/yaml-text.js';

const contracts = DEFAULT_DIRS.contracts;
const jobs: { id: string; file: string; entries: EntriesOf }[] = [
  { id: 'admin', file: join(contracts, 'admin.openapi.yaml'), entries: contractEntries },
  { id: 'scenario', file: join(contracts, 'scenario.schema.json'), entries: ROOT_ENTRY },
];
for (const dir of readdirSync(contracts, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const files = readdirSync(join(contracts, dir.name));
  if (files.includes('openapi.yaml')) jobs.push({ id: dir.name, file: join(contracts, dir.name, 'openapi.yaml'), entries: contractEntries });
  if (files.includes('settings.schema.json')) jobs.push({ id: `${dir.name}-settings`, file: join(contracts, dir.name, 'settings.schema.json'), entries: ROOT_ENTRY });
}

const out = fileURLToPath(new URL('../compiled/', import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let count = 0;
for (const job of jobs) {
  for (const [path, content] of await precompile(job.id, job.file, job.entries)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    count++;
  }
}
const scenarioTexts = listFiles(DEFAULT_DIRS.scenarios)
  .filter((file) => !file.endsWith('.json'))
  .map((file) => readFileSync(file, 'utf8'));
writeFileSync(YAML_CACHE_FILE, yamlCacheOf(scenarioTexts));
console.log(`precompiled ${jobs.length} schema documents (${count} files) and ${scenarioTexts.length} scenario files into ${out}`);
