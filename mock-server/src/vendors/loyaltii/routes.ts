import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall, OperationHandlers } from '../../core/vendor-module.js';
import type { LoyaltiiPrincipal } from './admission.js';
import { bulkChanges, bulkDtoOf, bulkWithDates, dtoOf, patchChanges, updateChanges, withDates } from './dto.js';
import { explained } from '../../core/explain.js';
import { renderLoyaltiiError } from './errors.js';
import { conflictReason, NOT_FOUND_REASON } from './reasons.js';
import type { operations as Operations } from './generated/contract.js';
import { BODY_PARAMETERS } from './model-state.js';
import { bytesOf } from './rowversion.js';
import type { LoyaltiiSettings } from './settings.js';
import type { LoyaltiiStore, WriteResult } from './store.js';
import { requestUri, webApiAnswer } from './web-api.js';

type Call = OperationCall<LoyaltiiStore, LoyaltiiSettings, LoyaltiiPrincipal>;

const answer = (call: Call, status: number, body?: unknown, headers?: Readonly<Record<string, string>>): HttpOutcome => webApiAnswer(call.request.headers, status, body, headers);

/** A query parameter's text; Web API binds query names case-insensitively (`?Secret=` is `secret`). */
function queryText(call: Call, name: string): string | undefined {
  const key = Object.keys(call.request.query).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : call.request.query[key];
  const text: unknown = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === null ? undefined : String(text);
}

/** The body as its JSON DTO, dates in round-trip format (Json.NET's and the form binder's reading of it). */
function bodyDto(call: Call): Record<string, unknown> {
  const parameter = BODY_PARAMETERS[call.operationId] ?? 'value';
  return withDates(dtoOf(call.request.body, call.request.bodyFormat), parameter, call.settings.utcOffset, call.request.headers);
}

const notFound = (call: Call): HttpOutcome => explained(renderLoyaltiiError('NOT_FOUND', call), NOT_FOUND_REASON(call.request.path));

/** PUT/PATCH outcomes: the contact; `NotFound()` without a body; 409 with the current contact (PUT page). */
function settle(call: Call, result: WriteResult): HttpOutcome {
  switch (result.kind) {
    case 'ok':
      return answer(call, 200, result.contact);
    case 'not-found':
      return notFound(call);
    case 'conflict':
      return explained(renderLoyaltiiError('CONFLICT', call, { conflictWith: { contact: result.current } }), conflictReason(result.reason, call.request.body));
  }
}

/** The Version a PUT/PATCH sent (required by the contract, so present and well-formed here). */
function versionOf(dto: Record<string, unknown>): Buffer {
  const version = dto['Version'];
  return bytesOf(typeof version === 'string' || Array.isArray(version) ? (version as string | number[]) : '');
}

/** Handlers keyed by the contract's operationIds (contracts/loyaltii/openapi.yaml). */
export const operations: OperationHandlers<Operations, LoyaltiiStore, LoyaltiiSettings, LoyaltiiPrincipal> = {
  getContact: (call) => {
    const contact = call.state.contact(call.principal.account, call.request.params.id);
    return contact ? answer(call, 200, contact) : notFound(call);
  },

  getContactBySecret: (call) => {
    // `ip` feeds the vendor's brute-force protection, which it does not describe; the sandbox accepts and ignores it.
    const contact = call.state.contactBySecret(call.principal.account, queryText(call, 'secret') ?? '');
    return contact ? answer(call, 200, contact) : notFound(call);
  },

  getRegistrations: (call) => {
    const { timespan } = call.request.query;
    const source = queryText(call, 'source');
    const ip = queryText(call, 'ip');
    return answer(
      call,
      200,
      call.state.registrations(call.principal.account, {
        ...(typeof timespan === 'number' ? { sinceMs: call.clock.now() - timespan * 60_000 } : {}),
        ...(source === undefined || source === '' ? {} : { source }),
        ...(ip === undefined || ip === '' ? {} : { ip }),
      }),
    );
  },

  patchContact: (call) => {
    const dto = bodyDto(call);
    return settle(call, call.state.write(call.principal.account, call.request.params.id, versionOf(dto), patchChanges(dto), call.settings));
  },

  updateContact: (call) => {
    const dto = bodyDto(call);
    return settle(call, call.state.write(call.principal.account, call.request.params.id, versionOf(dto), updateChanges(dto), call.settings));
  },

  createContact: (call) => {
    const dto = bodyDto(call);
    const ip = typeof dto['RegistrationIp'] === 'string' ? dto['RegistrationIp'] : call.request.clientIp.length <= 16 ? call.request.clientIp : '';
    const result = call.state.create(
      call.principal.account,
      {
        RegistrationDateTime: typeof dto['RegistrationDateTime'] === 'string' ? dto['RegistrationDateTime'] : null,
        RegistrationSource: String(dto['RegistrationSource']),
        RegistrationIp: ip,
        RegistrationStoreId: typeof dto['RegistrationStoreId'] === 'number' ? dto['RegistrationStoreId'] : null,
        changes: updateChanges(dto),
      },
      call.settings,
    );
    if (result.kind === 'conflict') return explained(renderLoyaltiiError('CONFLICT', call, { conflictWith: 'none' }), conflictReason(result.reason, call.request.body));
    return answer(call, 201, result.contact, { Location: requestUri(call.request.headers, `/api/v1/Contacts/${result.contact.Id}`) });
  },

  patchContacts: (call) => {
    const dto = bulkWithDates(bulkDtoOf(call.request.body, call.request.bodyFormat), call.settings.utcOffset, call.request.headers);
    const result = call.state.patchMany(call.principal.account, dto.Keys ?? [], bulkChanges(dto.Fields), call.settings);
    if (result.kind === 'conflict') return explained(renderLoyaltiiError('CONFLICT', call, { conflictWith: 'none' }), conflictReason(result.reason, call.request.body));
    return answer(call, 200, { Updated: result.updated, NotFound: result.notFound });
  },
};
