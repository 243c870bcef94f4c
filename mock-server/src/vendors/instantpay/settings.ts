import type { InstantpayErrorCode } from './errors.js';

/** What a scenario may change (schema: contracts/instantpay/settings.schema.json). */
export interface InstantpaySettings {
  /** HTTP status per failure statuscode: 200, or a 4xx/5xx. */
  readonly httpStatus: Readonly<Record<InstantpayErrorCode, number>>;
  readonly ipayUuid: {
    /** The three digits after `h` (a node id, docs/vendors/instantpay.md §1.6). */
    readonly node: string;
    /** Append `-` + 12 alphanumerics, as some samples from December 2023 on do. */
    readonly suffix: boolean;
  };
}

/**
 * Every business outcome travels in the envelope with HTTP 200: third-party
 * recordings of ERR, OUI, SPD and RNF answers were all stored with code 200
 * (docs/vendors/instantpay.md §1.4). The `h006` node is the suggested format of docs/vendors/instantpay.md (§1.6).
 */
export const DEFAULT_SETTINGS: InstantpaySettings = {
  httpStatus: { TUP: 200, IAC: 200, UAD: 200, RPI: 200, ERR: 200, ISE: 200, IPE: 200, SPD: 200, SPE: 200, SNA: 200 },
  ipayUuid: { node: '006', suffix: false },
};
