import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from './contract.js';

/** Reads `<dir>/<file>` as JSON, naming the file in any error. */
export function readFixtureFile(dir: string, file: string): unknown {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`fixture ${path}: ${error instanceof Error ? error.message : String(error)}`);
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
