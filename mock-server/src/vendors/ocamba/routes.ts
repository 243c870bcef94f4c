import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall, OperationHandlers, TypedOperationCall } from '../../core/vendor-module.js';
import type { OcambaPrincipal } from './admission.js';
import { explainedError, shown, type Explanation } from '../../core/explain.js';
import { ocambaError } from './errors.js';
import type { Partner } from './fixtures.js';
import type { operations as Operations } from './generated/contract.js';
import type { OcambaSettings } from './settings.js';
import type { ContactPatch, OcambaStore, PartnerQuery, WriteResult } from './store.js';

type Call = OperationCall<OcambaStore, OcambaSettings, OcambaPrincipal>;

const JSON_TYPE = 'application/json';
const ok = (body: unknown, status = 200): HttpOutcome => ({ status, body, contentType: JSON_TYPE });
const noContent: HttpOutcome = { status: 204 };

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Why a handler refuses, for the journal (core/explain.ts). */
const REASONS = {
  NOT_FOUND: (call: Call): Explanation => ({
    rule: 'not-found',
    where: 'path',
    expected: "a partner (and contact) of the API key's account",
    got: call.request.path,
    source: 'docs/vendors/ocamba.md §4.2',
  }),
  BAD_REQUEST: (call: Call): Explanation => ({
    rule: 'contact.value-suits-type',
    where: 'body',
    expected: 'the merged contact to match Contact (its value suits its type)',
    got: shown(call.request.body),
    source: 'contracts/ocamba/openapi.yaml#/components/schemas/Contact',
  }),
} as const;

function fail(call: Call, code: keyof typeof REASONS): never {
  throw explainedError(ocambaError(code, call), REASONS[code](call));
}

function settle<T>(call: Call, result: WriteResult<T>): T {
  if (result.kind === 'not-found') fail(call, 'NOT_FOUND');
  if (result.kind === 'invalid') fail(call, 'BAD_REQUEST');
  return result.value;
}

/** `fields=a,b` keeps only those fields (it takes precedence over `view`). */
function project(fieldsParam: string | undefined, partner: Partner): Record<string, unknown> {
  const fields = list(fieldsParam);
  if (!fields) return partner;
  return Object.fromEntries(Object.entries(partner).filter(([key]) => fields.includes(key)));
}

function partnerQuery(call: TypedOperationCall<OcambaStore, OcambaSettings, OcambaPrincipal, Operations['listPartners']>): PartnerQuery {
  const { query } = call.request;
  const [page = 1, perPage = call.settings.defaultPageSize] = (list(query.page) ?? []).map(Number);
  const { q } = query;
  const status = list(query.status);
  const type = list(query.type);
  const sort = list(query.sort);
  return { page, perPage, ...(q === undefined ? {} : { q }), ...(status ? { status } : {}), ...(type ? { type } : {}), ...(sort ? { sort } : {}) };
}

/** Handlers keyed by the contract's operationIds (contracts/ocamba/openapi.yaml). */
export const operations: OperationHandlers<Operations, OcambaStore, OcambaSettings, OcambaPrincipal> = {
  listPartners: (call) => {
    const { total, items } = call.state.listPartners(call.principal.company, partnerQuery(call));
    return ok({ total, items: items.map((p) => project(call.request.query.fields, p)) });
  },

  getPartner: (call) => {
    const partner = call.state.partner(call.principal.company, call.request.params.id) ?? fail(call, 'NOT_FOUND');
    return ok({ total: 1, items: [project(call.request.query.fields, partner)] });
  },

  listPartnerContacts: (call) => {
    const contacts = call.state.contacts(call.principal.company, call.request.params.id) ?? fail(call, 'NOT_FOUND');
    return ok({ total: contacts.length, items: contacts });
  },

  getPartnerContact: (call) => {
    const contact = call.state.contact(call.principal.company, call.request.params.id, call.request.params.contact_id) ?? fail(call, 'NOT_FOUND');
    return ok({ total: 1, items: [contact] });
  },

  createPartnerContact: (call) => {
    // Unknown properties are ignored.
    const { type, value } = call.request.body;
    const contact = settle(call, call.state.createContact(call.principal.company, call.request.params.id, { type, value }));
    return ok(contact, 201);
  },

  updatePartnerContact: (call) => {
    // Validated against ContactUpdate by the pipeline; its generated type is `unknown` (openapi-typescript reads the
    // `anyOf` of `required` lists as untyped schemas), so the fields it may carry are named here.
    const { type, value } = call.request.body as ContactPatch;
    const patch: ContactPatch = { ...(type === undefined ? {} : { type }), ...(value === undefined ? {} : { value }) };
    settle(call, call.state.updateContact(call.principal.company, call.request.params.id, call.request.params.contact_id, patch));
    return noContent;
  },

  deletePartnerContact: (call) => {
    settle(call, call.state.deleteContact(call.principal.company, call.request.params.id, call.request.params.contact_id));
    return noContent;
  },

  // Admission already proved the key valid.
  validatePersonalApiKey: () => noContent,
};
