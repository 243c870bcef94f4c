/**
 * Instantpay's failure statuscodes this emulation can answer, with the vendor's
 * own text for each (https://developers.instantpay.in/reference/error-codes;
 * docs/vendors/instantpay.md §1.4). `TXN` (success) is not a failure and is not listed. Specific
 * situations answer a more precise `status` text under the same code (a
 * Laravel-style validation message under RPI, "No Record Found" under ERR).
 */
export const FAILURE_TEXTS = {
  TUP: 'Transaction Under Process',
  IAC: 'Invalid Dealer Credentials',
  UAD: 'User Access Denied',
  RPI: 'Request Parameters are Invalid or Incomplete',
  ERR: 'Provider Failure',
  ISE: 'System Error',
  IPE: 'Internal Processing Error',
  SPD: 'Service Provider Downtime',
  SPE: 'Service Provider Error',
  SNA: 'Service not available',
} as const;

export type FailureCode = keyof typeof FAILURE_TEXTS;

export const FAILURE_CODES = Object.keys(FAILURE_TEXTS) as FailureCode[];
