import type { FixtureFiles } from './fixture-files.js';

/**
 * What the generic tests and tools need to know about a vendor, declared in
 * its own folder (`vendors/<id>/testing.ts`, exported as `testing`, loaded by
 * `vendors/testing.ts`). Only tests and the fixture generator use it; the build
 * leaves it out.
 */
export interface VendorTesting {
  /** Headers that get a request past the vendor's admission in `session` (drift tests reach every operation with them). */
  admittedHeaders(baseUrl: string, session: string): Promise<Record<string, string>>;
  /** Catalogue codes no operation declares: the vendor answers them only at route level (unknown path, wrong method). */
  readonly routeLevelErrors: readonly string[];
  /** Declared response statuses the reference pact cannot cover (say where they are tested instead). */
  readonly notInPacts: readonly number[];
  /** Writes the vendor's committed fixture sets (`npm run fixtures:generate`). */
  generateFixtures(): FixtureFiles;
}
