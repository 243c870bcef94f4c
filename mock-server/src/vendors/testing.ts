import type { VendorTesting } from '../core/vendor-testing.js';
import { VENDORS } from './index.js';

/**
 * A vendor's testing facts, from its own folder (`<id>/testing.ts`). Only tests
 * and the fixture generator call this; the build leaves these modules out, so
 * they are loaded by path, for each vendor `index.ts` lists.
 */
export async function vendorTesting(vendor: string): Promise<VendorTesting> {
  // Run from the sources (vitest, tsx): the file is `testing.ts`; a variable path is opaque to the bundler, so it is a URL.
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const module = (await import(/* @vite-ignore */ new URL(`./${vendor}/testing${extension}`, import.meta.url).href)) as { testing: VendorTesting };
  return module.testing;
}

/** The testing facts of every vendor in `index.ts`, by id, in its order. */
export async function allVendorTesting(): Promise<ReadonlyMap<string, VendorTesting>> {
  return new Map(await Promise.all(VENDORS.map(async (v) => [v.id, await vendorTesting(v.id)] as const)));
}
