import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall, OperationHandlers } from '../../core/vendor-module.js';
import { explainedError } from '../../core/explain.js';
import { describeCode, imiconnectError, JSON_TYPE, type ImiconnectErrorCode } from './errors.js';
import { reasonFor } from './reasons.js';
import type { ProfileRecord, Tenant } from './fixtures.js';
import type { components, operations as Operations } from './generated/contract.js';
import { readBatch } from './records.js';
import type { ImiconnectSettings } from './settings.js';
import type { ImiconnectStore } from './store.js';

type Call = OperationCall<ImiconnectStore, ImiconnectSettings, Tenant>;

const ok = (body: unknown): HttpOutcome => ({ status: 200, body, contentType: JSON_TYPE });

function fail(call: Call, code: ImiconnectErrorCode, got?: string, where?: string): never {
  throw explainedError(imiconnectError(code, call), reasonFor(code, call, got, where));
}

/** Where a read or delete took its customer ids from: the path (one) or the query (several). */
const idsFrom = (call: Call) => (call.request.params['customerid'] === undefined ? 'query:customerId' : 'path:customerid');

/** `{"response":{"code":"1001","description":"Queued","transid":…}}`, the seed's answer (code per M-1). */
function queued(call: Call, transid: string): HttpOutcome {
  return ok({ response: { code: call.settings.queuedCode, description: 'Queued', transid } });
}

/** `customerId=1&customerId=2`: a repeated parameter arrives as an array. */
function customerIdsOf(value: components['parameters']['customerIds']): string[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * A create or update: refused whole over the batch limit (7012); at once
 * with 7015/7014 when every record would fail and the setting says so
 * (docs/vendors/imiconnect.md M-11); otherwise queued, each record's outcome in Get Profile Status.
 */
function writeBatch(call: Call, kind: 'create' | 'update'): HttpOutcome {
  const records = readBatch(call.request.body);
  if (records.length > call.settings.batchLimit) fail(call, '7012', `${records.length} records`);
  const fails = (customerId: string) => call.state.exists(call.principal, customerId) === (kind === 'create');
  if (call.settings.rejectWhenEveryRecordFails[kind] && records.every((r) => fails(r.customerId))) fail(call, kind === 'create' ? '7015' : '7014');
  return queued(call, call.state.enqueue(call.principal, { kind, records }, call.settings.queueDelayMs));
}

/** A delete of one or several customers: one transaction, 7203 at once when none is known (the delete page's code, M-8). */
function deleteBatch(call: Call, customerIds: readonly string[]): HttpOutcome {
  if (customerIds.length > call.settings.batchLimit) fail(call, '7012', `${customerIds.length} customer ids`);
  if (call.settings.rejectWhenEveryRecordFails.delete && customerIds.every((id) => !call.state.exists(call.principal, id)))
    fail(call, '7203', customerIds.join(', '), idsFrom(call));
  return queued(call, call.state.enqueue(call.principal, { kind: 'delete', customerIds }, call.settings.queueDelayMs));
}

/**
 * Get Profile: `{Status:0, Description:"success", code:"1000", transid, Records}`
 * (docs/vendors/imiconnect.md §2.6). `showinwardlinks` 0 leaves out the app profiles linked to
 * the customer; 1 and 2 include them. No customer found answers 7014.
 */
function profiles(call: Call, customerIds: readonly string[], showInwardLinks: number | undefined): HttpOutcome {
  const found = call.state.profiles(call.principal, customerIds);
  if (found.length === 0) fail(call, '7014', customerIds.join(', '), idsFrom(call));
  const withLinks = (showInwardLinks ?? 0) > 0;
  const records = found.map((p): ProfileRecord => ({ Attributes: p.Attributes, InwardLinks: withLinks ? p.InwardLinks : [], OutwardLinks: p.OutwardLinks }));
  return ok({ Status: 0, Description: 'success', code: '1000', transid: call.random.uuid(), Records: records });
}

/**
 * Get Profile Status, in the key order of the vendor's example: 1000
 * SUCCESS when every record succeeded, otherwise 1002 Partial success, each
 * failed record with its own code and message (docs/vendors/imiconnect.md §2.5).
 */
function status(call: Call, transid: string): HttpOutcome {
  const done = call.state.transaction(call.principal, transid) ?? fail(call, call.settings.unknownTransactionCode);
  const results = done.results.map((r) => ({ code: r.code, customerId: r.customerId, description: r.code === '1000' ? 'SUCCESS' : describeCode(r.code, call.settings) }));
  const failures = results.filter((r) => r.code !== '1000').length;
  const allOk = failures === 0;
  return ok({
    TotalCount: results.length,
    code: allOk ? '1000' : '1002',
    FailureCount: failures,
    Results: results,
    transid,
    description: allOk ? 'SUCCESS' : 'Partial success',
    SuccessCount: results.length - failures,
  });
}

/** Handlers keyed by the contract's operationIds (contracts/imiconnect/openapi.yaml). */
export const operations: OperationHandlers<Operations, ImiconnectStore, ImiconnectSettings, Tenant> = {
  updateProfile: (call) => writeBatch(call, 'update'),
  createProfile: (call) => writeBatch(call, 'create'),
  getProfile: (call) => profiles(call, [call.request.params.customerid], call.request.query.showinwardlinks),
  getProfileV1: (call) => profiles(call, [call.request.params.customerid], call.request.query.showinwardlinks),
  getProfiles: (call) => profiles(call, customerIdsOf(call.request.query.customerId), call.request.query.showinwardlinks),
  deleteProfile: (call) => deleteBatch(call, [call.request.params.customerid]),
  deleteProfileV1: (call) => deleteBatch(call, [call.request.params.customerid]),
  deleteProfiles: (call) => deleteBatch(call, [...new Set(customerIdsOf(call.request.query.customerId))]),
  getProfileStatus: (call) => status(call, call.request.params.transid),
};
