import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';

/** The consumer in every reference pact: the typed clients in mock-server/src/clients/. */
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

/**
 * After the file's interactions: the pact it wrote must equal the committed
 * one, which users verify and which is published. Not while regenerating
 * (`PACT_OUTPUT_DIR`): then what it writes becomes the committed pact.
 */
export function expectCommittedPact(dir: string, provider: string): void {
  afterAll(() => {
    if (process.env['PACT_OUTPUT_DIR'] === undefined) expect(readPact(dir, provider)).toEqual(readPact(COMMITTED_PACTS, provider));
  });
}

/** The error `call` rejects with; the test fails unless it rejects with an `ErrorClass`. */
export async function rejection<E>(call: Promise<unknown>, ErrorClass: abstract new (...args: never[]) => E): Promise<E> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ErrorClass);
  return error as E;
}
