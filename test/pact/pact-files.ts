import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';

/** The consumer in every reference pact: the typed clients in contracts/clients/. */
export const CONSUMER = 'contact-sandbox-reference-client';
export const COMMITTED_PACTS = join(PROJECT_ROOT, 'contracts/pacts');

/**
 * Where consumer tests write pacts: `PACT_OUTPUT_DIR` when regenerating the
 * committed ones (`npm run contracts:pacts`), otherwise a fresh directory per
 * test file, so that parallel files never write one pact file together.
 */
export function pactOutputDir(): string {
  return process.env['PACT_OUTPUT_DIR'] ?? mkdtempSync(join(tmpdir(), 'pacts-'));
}

export function pactFileName(provider: string): string {
  return `${CONSUMER}-${provider}.json`;
}

/** A pact file parsed, for comparing what a run wrote with what is committed. */
export function readPact(dir: string, provider: string): unknown {
  return JSON.parse(readFileSync(join(dir, pactFileName(provider)), 'utf8')) as unknown;
}
