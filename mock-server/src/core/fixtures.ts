import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkKey } from './build-checks.js';
import type { Contract } from './contract.js';

/**
 * One fixture set's files, read once: a set loaded on first use is loaded from the bytes its
 * start-up saw (and hashed), not from whatever the directory holds by then (decision 0032).
 */
export class FixtureFiles {
  readonly #files: ReadonlyMap<string, Buffer>;

  private constructor(
    /** The set's directory (`fixtures/<vendor>/<set>`), for messages. */
    readonly dir: string,
    files: ReadonlyMap<string, Buffer>,
  ) {
    this.#files = files;
  }

  /** Every file under `dir` (a symbolic link counts as the file it points to), by its path relative to `dir`. */
  static read(dir: string): FixtureFiles {
    const names = readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
      .filter(({ entry, path }) => entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile() === true))
      .map(({ path }) => relative(dir, path))
      .sort();
    return new FixtureFiles(dir, new Map(names.map((name) => [name, readFileSync(join(dir, name))])));
  }

  /** A hash of every file, names and bytes, in a fixed order. */
  get hash(): string {
    return checkKey(...[...this.#files].flatMap(([name, bytes]) => [name, bytes]));
  }

  has(file: string): boolean {
    return this.#files.has(file);
  }

  /** Where `file` is, for messages. */
  path(file: string): string {
    return join(this.dir, file);
  }

  /** `file` parsed as JSON, naming the file in any error. */
  json(file: string): unknown {
    const bytes = this.#files.get(file);
    if (bytes === undefined) throw new Error(`fixture ${this.path(file)}: no such file`);
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch (error) {
      throw new Error(`fixture ${this.path(file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Checks every item against a contract schema, so fixtures can never hold
 * something the vendor could not have answered. Throws naming file, index and field.
 * Items the build checked against the same contract are not checked again (Contract.checkFixtures).
 */
export function validateFixtures<T>(contract: Contract, schemaName: string, items: unknown, where: string): T[] {
  if (!Array.isArray(items)) throw new Error(`fixture ${where}: expected an array of ${schemaName}`);
  const issues = contract.checkFixtures(schemaName, items) ?? [];
  const problems = issues.flatMap((list, index) => list.map((issue) => `${where}[${index}]${issue.path.map((p) => `.${p}`).join('')}: ${issue.message}`));
  if (problems.length > 0) throw new Error(`invalid fixtures (${contract.id} ${schemaName}):\n  ${problems.join('\n  ')}`);
  // Each item was just validated against the contract schema T stands for.
  return items as T[];
}
