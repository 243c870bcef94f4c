/**
 * `Version` is SQL Server's rowversion: a database-wide 8-byte counter that
 * moves on with every write, serialised by Json.NET as base64 (docs/vendors/loyaltii.md §3.4,
 * L-3). Clients may send any byte[] (base64 or an array of bytes); it matches
 * only when the bytes are exactly the stored ones.
 */

export const ROWVERSION_BYTES = 8;

export function encodeRowVersion(counter: bigint): string {
  const bytes = Buffer.alloc(ROWVERSION_BYTES);
  bytes.writeBigUInt64BE(counter);
  return bytes.toString('base64');
}

/** The counter behind a stored Version (fixtures hold 8-byte values). */
export function decodeRowVersion(version: string): bigint {
  const bytes = Buffer.from(version, 'base64');
  if (bytes.length !== ROWVERSION_BYTES) throw new Error(`rowversion ${version} is not ${ROWVERSION_BYTES} bytes`);
  return bytes.readBigUInt64BE();
}

/** A client's byte[] as Json.NET reads it (already checked against the contract's Base64Bytes). */
export function bytesOf(value: string | readonly number[]): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.from(value);
}

export function sameVersion(sent: Buffer, stored: string): boolean {
  return sent.equals(Buffer.from(stored, 'base64'));
}
