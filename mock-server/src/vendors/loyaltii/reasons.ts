import { shown, type Explanation } from '../../core/explain.js';
import type { ConflictReason } from './store.js';

const BEHAVIOURS = 'docs/vendors/loyaltii.md §3.3';

/** Why Loyaltii answers 409 (docs/vendors/loyaltii.md §3.3), for the journal (core/explain.ts). */
export function conflictReason(reason: ConflictReason, body: unknown): Explanation {
  const field = (name: string): unknown => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined);
  switch (reason) {
    case 'stale-version':
      return { rule: 'concurrency', where: '/Version', expected: 'the Version last read (ReadContactDto.Version)', got: shown(field('Version')), source: BEHAVIOURS };
    case 'unknown-store':
      return { rule: 'unknown-store', where: '/PreferredStoreId', expected: "a store of the caller's account", got: shown(field('PreferredStoreId')), source: BEHAVIOURS };
    case 'duplicate-email':
      return { rule: 'unique-within-account', where: '/Email', expected: 'an Email no other contact of the account holds', got: shown(field('Email')), source: BEHAVIOURS };
    case 'duplicate-phone':
      return { rule: 'unique-within-account', where: '/Phone', expected: 'a Phone no other contact of the account holds', got: shown(field('Phone')), source: BEHAVIOURS };
  }
}

export const NOT_FOUND_REASON = (path: string): Explanation => ({
  rule: 'not-found',
  where: 'path',
  expected: "a contact of the caller's account",
  got: path,
  source: BEHAVIOURS,
});
