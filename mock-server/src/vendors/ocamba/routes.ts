import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall, OperationHandler } from '../../core/vendor-module.js';
import type { OcambaPrincipal } from './admission.js';
import { ocambaError, type OcambaErrorCode } from './errors.js';
import type { Contact, Partner } from './fixtures.js';
import type { OcambaSettings } from './settings.js';
import type { ContactPatch, OcambaStore, PartnerQuery, WriteResult } from './store.js';

type Call = OperationCall<OcambaStore, OcambaSettings, OcambaPrincipal>;
type Handler = OperationHandler<OcambaStore, OcambaSettings, OcambaPrincipal>;

const JSON_TYPE = 'application/json';
const ok = (body: unknown, status = 200): HttpOutcome => ({ status, body, contentType: JSON_TYPE });
const noContent: HttpOutcome = { status: 204 };

const param = (call: Call, name: string): string => String(call.request.params[name]);
const query = (call: Call, name: string): string | undefined => {
  const value = call.request.query[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
};
const list = (value: string | undefined): string[] | undefined => value?.split(',').map((s) => s.trim()).filter(Boolean);

function fail(call: Call, code: OcambaErrorCode): never {
  throw ocambaError(code, call);
}

function settle<T>(call: Call, result: WriteResult<T>): T {
  if (result.kind === 'not-found') fail(call, 'NOT_FOUND');
  if (result.kind === 'invalid') fail(call, 'BAD_REQUEST');
  return result.value;
}

/** `fields=a,b` keeps only those fields (it takes precedence over `view`). */
function project(call: Call, partner: Partner): Record<string, unknown> {
  const fields = list(query(call, 'fields'));
  if (!fields) return partner;
  return Object.fromEntries(Object.entries(partner).filter(([key]) => fields.includes(key)));
}

function partnerQuery(call: Call): PartnerQuery {
  const [page = 1, perPage = call.settings.defaultPageSize] = (list(query(call, 'page')) ?? []).map(Number);
  const q = query(call, 'q');
  const status = list(query(call, 'status'));
  const type = list(query(call, 'type'));
  const sort = list(query(call, 'sort'));
  return { page, perPage, ...(q === undefined ? {} : { q }), ...(status ? { status } : {}), ...(type ? { type } : {}), ...(sort ? { sort } : {}) };
}

/** Handlers keyed by the contract's operationIds (contracts/ocamba/openapi.yaml). */
export const operations: Record<string, Handler> = {
  listPartners: (call) => {
    const { total, items } = call.state.listPartners(call.principal.company, partnerQuery(call));
    return ok({ total, items: items.map((p) => project(call, p)) });
  },

  getPartner: (call) => {
    const partner = call.state.partner(call.principal.company, param(call, 'id')) ?? fail(call, 'NOT_FOUND');
    return ok({ total: 1, items: [project(call, partner)] });
  },

  listPartnerContacts: (call) => {
    const contacts = call.state.contacts(call.principal.company, param(call, 'id')) ?? fail(call, 'NOT_FOUND');
    return ok({ total: contacts.length, items: contacts });
  },

  getPartnerContact: (call) => {
    const contact = call.state.contact(call.principal.company, param(call, 'id'), param(call, 'contact_id')) ?? fail(call, 'NOT_FOUND');
    return ok({ total: 1, items: [contact] });
  },

  createPartnerContact: (call) => {
    // Validated against ContactCreate by the pipeline; unknown properties are ignored.
    const { type, value } = call.request.body as Required<Pick<Contact, 'type' | 'value'>>;
    const contact = settle(call, call.state.createContact(call.principal.company, param(call, 'id'), { type, value }));
    return ok(contact, 201);
  },

  updatePartnerContact: (call) => {
    // Validated against ContactUpdate by the pipeline.
    const { type, value } = call.request.body as ContactPatch;
    const patch: ContactPatch = { ...(type === undefined ? {} : { type }), ...(value === undefined ? {} : { value }) };
    settle(call, call.state.updateContact(call.principal.company, param(call, 'id'), param(call, 'contact_id'), patch));
    return noContent;
  },

  deletePartnerContact: (call) => {
    settle(call, call.state.deleteContact(call.principal.company, param(call, 'id'), param(call, 'contact_id')));
    return noContent;
  },

  // Admission already proved the key valid.
  validatePersonalApiKey: () => noContent,
};
