import { isObject } from '../../core/contract.js';
import type { components } from './generated/contract.js';

export type AttributeValue = components['schemas']['AttributeValue'];
type RecordInput = components['schemas']['ProfileRecordInput'];

/** One record of a create or update, with the keys in their canonical spelling. */
export interface ProfileInput {
  readonly customerId: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** The records array of a batch body, in either documented spelling (docs/vendors/imiconnect.md M-4). */
function recordsOf(body: unknown): unknown[] | undefined {
  if (!isObject(body)) return undefined;
  const records = body['Records'] ?? body['records'];
  return Array.isArray(records) ? records : undefined;
}

/** How many records a body holds, whether or not they are valid (for the 7012 check, made before any other). */
export function batchSize(body: unknown): number | undefined {
  return recordsOf(body)?.length;
}

/**
 * The records of a body the contract has validated (ProfileBatch). The
 * examples' spelling (`customerId`, `Attributes`) wins over the table's
 * (`customerid`, `attributes`) when a record has both (docs/vendors/imiconnect.md M-4).
 */
export function readBatch(body: unknown): ProfileInput[] {
  return (recordsOf(body) ?? []).map((raw) => {
    const record = raw as RecordInput;
    const customerId = record.customerId ?? record.customerid;
    const attributes = record.Attributes ?? record.attributes;
    if (customerId === undefined || attributes === undefined) throw new Error('imiconnect: record not validated against ProfileRecordInput');
    return { customerId, attributes: attributes as Record<string, AttributeValue> };
  });
}
