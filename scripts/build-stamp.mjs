#!/usr/bin/env node
/**
 * `npm start` skips the build when nothing it reads has changed since the last
 * one. The stamp is a SHA-256 over the build's inputs (paths and contents):
 * the TypeScript sources (the server's and the dashboard's), the tsconfigs, the contracts and scenarios the
 * precompile step reads, and the lockfile (dependency versions shape the
 * compiled validators). Plain JavaScript, so checking costs one short Node
 * start, not a TypeScript one.
 *
 *   node scripts/build-stamp.mjs --write   after a build (npm run build does it)
 *   node scripts/build-stamp.mjs --check   exit 0 if dist is current, 1 if not
 *
 * A second argument names another project root (for the tests).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.argv[3] ?? fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['mock-server/src', 'mock-server/ui', 'mock-server/tsconfig.build.json', 'tsconfig.json', 'package.json', 'package-lock.json', 'contracts', 'scenarios'];
const STAMP = join(ROOT, 'mock-server/dist/.build-stamp');
/** What the start needs from a build; a stamp without them is no proof. */
const OUTPUTS = ['mock-server/dist/main.js', 'mock-server/dist/compiled'];

/** @param {string} path @returns {string[]} */
function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** @returns {string} */
function inputsHash() {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap((input) => files(join(ROOT, input))).sort();
  for (const file of all) hash.update(`${relative(ROOT, file).split(sep).join('/')}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const mode = process.argv[2];
if (mode === '--write') {
  writeFileSync(STAMP, `${inputsHash()}\n`);
} else if (mode === '--check') {
  const current = existsSync(STAMP) && OUTPUTS.every((output) => existsSync(join(ROOT, output))) && readFileSync(STAMP, 'utf8').trim() === inputsHash();
  if (!current) console.error('contact-sandbox: sources changed since the last build (or no build yet): building');
  process.exitCode = current ? 0 : 1;
} else {
  console.error('usage: node scripts/build-stamp.mjs --write | --check');
  process.exitCode = 2;
}
