import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILED_DIR } from './schema-document.js';

/**
 * The fixture checks `npm run build` ran and passed (mock-server/src/build/check-fixtures.ts): one key per
 * list of items checked against one schema of one contract. Start-up skips a check whose key is here
 * (decision 0034): it would run the same validator over the same bytes again, and load the contract's
 * validator code (up to 300 kB) that no request may need.
 */
export const CHECKED_FIXTURES_FILE = join(COMPILED_DIR, 'fixtures.checked.json');

/** What identifies one check: the contract's bytes, the schema and the items, so a change to any of them is checked again. */
export function fixtureCheckKey(contractHash: string, schemaName: string, items: unknown): string {
  return createHash('sha256').update(contractHash).update('\0').update(schemaName).update('\0').update(JSON.stringify(items)).digest('hex');
}

/** The build's list of passed checks, or none (no build, or one from before this step existed). */
export function readCheckedFixtures(): ReadonlySet<string> {
  if (!existsSync(CHECKED_FIXTURES_FILE)) return new Set();
  const keys = JSON.parse(readFileSync(CHECKED_FIXTURES_FILE, 'utf8')) as unknown;
  return new Set(Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []);
}
