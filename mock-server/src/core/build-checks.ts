import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILED_DIR } from './schema-document.js';

/** Where the build lists the start-up checks it ran and passed (mock-server/src/build/check-fixtures.ts). */
export const BUILD_CHECKS_FILE = join(COMPILED_DIR, 'startup.checked.json');

/**
 * The scenario and settings checks `npm run build` already passed, by key
 * (decision 0034, as for fixtures). A key covers the checked bytes and all
 * they were checked against, so a scenario, schema, contract or fixture set
 * changed since the build no longer matches and is checked again. Skipping
 * them spares every start the validators (and their code) for files that have
 * not changed; the build passes an empty list and records what passed.
 */
export class BuildChecks {
  readonly #passedByBuild: ReadonlySet<string>;
  readonly #passedNow = new Set<string>();

  private constructor(passedByBuild: ReadonlySet<string>) {
    this.#passedByBuild = passedByBuild;
  }

  /** The build's list, or an empty one (no build, or one from before this step existed). */
  static read(file = BUILD_CHECKS_FILE): BuildChecks {
    if (!existsSync(file)) return new BuildChecks(new Set());
    const keys = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return new BuildChecks(new Set(Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []));
  }

  /** Nothing skipped: what the build itself starts from. */
  static none(): BuildChecks {
    return new BuildChecks(new Set());
  }

  /** True when the build passed this very check. */
  passedByBuild(key: string): boolean {
    return this.#passedByBuild.has(key);
  }

  /** Notes a check that ran and passed here. */
  passed(key: string): void {
    this.#passedNow.add(key);
  }

  /** The checks that ran and passed here, sorted (what the build writes). */
  get passedNow(): readonly string[] {
    return [...this.#passedNow].sort();
  }
}

/** A check's key: a hash of everything the check's outcome depends on. */
export function checkKey(...parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The hash a key uses for a file's bytes. */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
