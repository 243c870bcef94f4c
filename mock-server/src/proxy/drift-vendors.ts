import type { Logger } from 'pino';
import { Router } from '../core/router.js';
import type { PreparedVendor, VendorModule } from '../core/vendor-module.js';
import { compareAnswers } from './compare.js';
import type { Difference, RecordedAnswer } from './exchange.js';

/** The vendors a proxy or a replay compares answers for: their contracts, their routes and their drift profiles. */
export class DriftVendors {
  readonly #vendors: ReadonlyMap<string, PreparedVendor>;
  readonly #router: Router;

  constructor(modules: readonly VendorModule[], dirs: { readonly contractsDir: string; readonly fixturesDir: string }, log: Logger) {
    const prepared = modules.map((module) => module.prepare({ ...dirs, log }));
    this.#vendors = new Map(prepared.map((v) => [v.module.id, v]));
    this.#router = new Router(prepared);
  }

  module(id: string): VendorModule | undefined {
    return this.#vendors.get(id)?.module;
  }

  /** The vendor that owns a path (by its base paths) and the contract operation the request matches, if any. */
  route(method: string, path: string): { readonly vendor: string; readonly operation: string | null } | undefined {
    const match = this.#router.resolve(method, path);
    if (match.kind === 'no-vendor') return undefined;
    return { vendor: match.vendor, operation: match.kind === 'operation' ? match.operation.operationId : null };
  }

  compare(vendor: string, operation: string | null, real: RecordedAnswer, sandbox: RecordedAnswer): Difference[] {
    const prepared = this.#vendors.get(vendor);
    if (!prepared) throw new Error(`no vendor ${vendor}`);
    return compareAnswers({ contract: prepared.contract, operation, profile: prepared.module.drift }, real, sandbox);
  }
}
