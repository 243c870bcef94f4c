import type { ImiconnectErrorCode } from './errors.js';

/** The three queued operations. */
export type ProfileJobKind = 'create' | 'update' | 'delete';

/** What a scenario may change (schema: contracts/imiconnect/settings.schema.json). */
export interface ImiconnectSettings {
  readonly batchLimit: number;
  readonly queueDelayMs: number;
  readonly queuedCode: '1001' | '1000';
  readonly httpStatus: {
    readonly alwaysOk: boolean;
    /** Every 7xxx code the emulation answers has its HTTP status here. */
    readonly byCode: Readonly<Record<ImiconnectErrorCode, number>>;
  };
  /** Replaces every tenant's own allow-list when not null. */
  readonly allowedIps: readonly string[] | null;
  readonly rejectWhenEveryRecordFails: Readonly<Record<ProfileJobKind, boolean>>;
  readonly unknownTransactionCode: '7600' | '7003' | '7014';
  /** Finished transactions the status API remembers per session; older ones answer as unknown. */
  readonly keepFinished: number;
}

/**
 * docs/vendors/imiconnect.md §2 defaults: 100 records per batch (M-3), queue processed at once
 * (§2.5), 1001 Queued (M-1), the suggested HTTP mapping of §2.2 (7600, which
 * §2.2 leaves out, is a 404 like the other "not found" codes), 7014 only in
 * the status results (M-11) but 7015/7203 at once when every record fails
 * (§2.8 item 12), and 7600 for unknown transids (§2.4).
 */
export const DEFAULT_SETTINGS: ImiconnectSettings = {
  batchLimit: 100,
  queueDelayMs: 0,
  queuedCode: '1001',
  httpStatus: {
    alwaysOk: false,
    byCode: {
      '7000': 400,
      '7001': 401,
      '7002': 401,
      '7003': 400,
      '7006': 500,
      '7010': 403,
      '7011': 400,
      '7012': 400,
      '7014': 404,
      '7015': 409,
      '7203': 404,
      '7208': 403,
      '7600': 404,
    },
  },
  allowedIps: null,
  rejectWhenEveryRecordFails: { create: true, update: false, delete: true },
  unknownTransactionCode: '7600',
  keepFinished: 10_000,
};
