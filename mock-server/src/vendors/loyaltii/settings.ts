/** What a scenario may change (schema: contracts/loyaltii/settings.schema.json). */
export interface LoyaltiiSettings {
  readonly auth: { readonly scheme: 'Bearer' | 'Basic' };
  /** `+HH:MM` / `-HH:MM`: the server's offset for the DateTimeOffsets it writes (docs/vendors/loyaltii.md §3.4). */
  readonly utcOffset: string;
  /** The next N PUT/PATCH calls on a contact meet a concurrent edit (scenario loyaltii/concurrent-edit). */
  readonly concurrentEdits: number;
  /** Every Email/Phone a write sets counts as taken (scenarios loyaltii/duplicate-email, loyaltii/duplicate-phone). */
  readonly duplicates: { readonly email: boolean; readonly phone: boolean };
}

/**
 * Bearer, as docs/vendors/loyaltii.md §3.2 suggests; `+00:00`, the offset of the seed's own
 * samples (docs/decisions/0302-loyaltii-dates.md).
 */
export const DEFAULT_SETTINGS: LoyaltiiSettings = {
  auth: { scheme: 'Bearer' },
  utcOffset: '+00:00',
  concurrentEdits: 0,
  duplicates: { email: false, phone: false },
};
