import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall, OperationHandlers } from '../../core/vendor-module.js';
import type { InstantpayPrincipal } from './admission.js';
import type { components, operations as Operations } from './generated/contract.js';
import { envelope } from './envelope.js';
import { explainedError } from '../../core/explain.js';
import { instantpayError, NO_RECORD } from './errors.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore, Outcome } from './store.js';
import { addedContact, addedTag, listedContact, listedPerson, listedTag, updatedContact, writtenPerson } from './views.js';

type Call = OperationCall<InstantpayStore, InstantpaySettings, InstantpayPrincipal>;
type Schemas = components['schemas'];

/** A `TXN` answer in the account's environment (docs/vendors/instantpay.md §1.1: keyed on the credentials). */
function txn(call: Call, status: string, data: unknown): HttpOutcome {
  return envelope(call, { statuscode: 'TXN', status, data }, call.principal.account.environment);
}

/** An unknown id anywhere in the request: `ERR` "No Record Found" (docs/vendors/instantpay.md §1.5, suggested). */
function settle<T>(call: Call, outcome: Outcome<T>): T {
  if (outcome.kind === 'no-record') {
    throw explainedError(instantpayError('ERR', call, NO_RECORD), {
      rule: 'not-found',
      where: 'body',
      expected: "ids of the account's own records",
      got: 'an id no record of the account has',
      source: 'docs/vendors/instantpay.md §1.5',
    });
  }
  return outcome.value;
}

const userOf = (call: Call) => call.principal.account.userId;

/** The tags a contact gets: those sent, in order, each once (docs/vendors/instantpay.md I-4, I-9). */
const tagIds = (details: Schemas['TagDetails']) => [...new Set(details.map((d) => d.tagId))];

/** Handlers keyed by the contract's operationIds (contracts/instantpay/openapi.yaml). Success texts are the vendor samples' (docs/vendors/instantpay.md §1.7). */
export const operations: OperationHandlers<Operations, InstantpayStore, InstantpaySettings, InstantpayPrincipal> = {
  listContacts: (call) => txn(call, 'Transaction Successful', call.state.contacts(userOf(call)).map(listedContact)),

  addContact: (call) => {
    const { name, email, mobile, companyName, tagDetails } = call.request.body;
    const input = { name, email, mobile, ...(companyName === undefined ? {} : { companyName }), tagIds: tagIds(tagDetails) };
    return txn(call, 'Contact Added Successfully', addedContact(settle(call, call.state.addContact(userOf(call), input))));
  },

  updateContact: (call) => {
    const { contactId, name, email, mobile, tagDetails } = call.request.body;
    const contact = settle(call, call.state.updateContact(userOf(call), contactId, { name, email, mobile, tagIds: tagIds(tagDetails) }));
    return txn(call, 'Contact Updated Successfully', updatedContact(contact));
  },

  deleteContact: (call) => {
    settle(call, call.state.deleteContact(userOf(call), call.request.body.contactId));
    return txn(call, 'Contact Deleted successfully', null);
  },

  listTags: (call) => txn(call, 'Transaction Successful', call.state.tags(userOf(call)).map(listedTag)),

  addTag: (call) => {
    const { name, hexColorCode } = call.request.body;
    return txn(call, 'Tag Added Successfully', addedTag(settle(call, call.state.addTag(userOf(call), { name, hexColorCode }))));
  },

  // The vendor answers the number of records changed, not the tag (/data-update-tag).
  updateTag: (call) => {
    const { tagId, name, hexColorCode } = call.request.body;
    settle(call, call.state.updateTag(userOf(call), tagId, { name, hexColorCode }));
    return txn(call, 'Tag Updated Successfully', 1);
  },

  deleteTag: (call) => {
    settle(call, call.state.deleteTag(userOf(call), call.request.body.tagId));
    return txn(call, 'Tag Deleted successfully', null);
  },

  listPersons: (call) => {
    const persons = settle(call, call.state.persons(userOf(call), call.request.body.gcId));
    return txn(call, 'Transaction Successful', persons.map(listedPerson));
  },

  addPerson: (call) => txn(call, 'Contact Person Added Successfully', writtenPerson(settle(call, call.state.addPerson(userOf(call), call.request.body)))),

  updatePerson: (call) => {
    const { personId, ...input } = call.request.body;
    return txn(call, 'Contact Person Updated Successfully', writtenPerson(settle(call, call.state.updatePerson(userOf(call), personId, input))));
  },

  deletePerson: (call) => {
    const { gcId, personId } = call.request.body;
    settle(call, call.state.deletePerson(userOf(call), gcId, personId));
    return txn(call, 'Person Deleted successfully', null);
  },
};
