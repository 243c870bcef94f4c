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
  /** One request per declared leniency (keyed by its id) that relies on it and on nothing else (test/integration/core/leniencies.test.ts). */
  readonly leniencyCases: Readonly<Record<string, LeniencyCase>>;
  /** One case per declared provider state with parameters, keyed by its name (test/integration/core/provider-states.test.ts). */
  readonly providerStateCases: Readonly<Record<string, ProviderStateCase>>;
}

/** Parameters of one provider state, and a read through the vendor's own API that shows the records they made. */
export interface ProviderStateCase {
  readonly params: Readonly<Record<string, unknown>>;
  /** Sent with `admittedHeaders` (the `headers` given here win). */
  readonly read: { readonly method: string; readonly path: string; readonly headers?: Readonly<Record<string, string>>; readonly body?: unknown };
  /** The read's answer once the state is set up: the status, and a body it contains (objects by their keys, arrays by some element each); before it, the answer does not contain it. */
  readonly answer: { readonly status: number; readonly body: unknown };
}

/** A request relying on one leniency, and how it is answered with and without strict mode. */
export interface LeniencyCase {
  readonly method: string;
  /** With the query, if any. */
  readonly path: string;
  /** Sent besides `admittedHeaders` (a name given here, in any case, replaces one of those; null leaves it out); a list is sent as several lines. */
  readonly headers?: Readonly<Record<string, string | readonly string[] | null>>;
  /** The body exactly as sent: a string as it is, anything else as JSON text. */
  readonly body?: unknown;
  /** The finding's `where`. */
  readonly where: string;
  /** The answer without strict mode (`body` matched as a subset). */
  readonly lenient: { readonly status: number; readonly body?: unknown };
  /** Strict mode's answer: the vendor's refusal (`body` matched as a subset). */
  readonly strict: { readonly status: number; readonly body: unknown };
}
