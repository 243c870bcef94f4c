import type { HttpOutcome } from '../../core/http-outcome.js';
import type { OperationCall } from '../../core/vendor-module.js';
import type { IServicePrincipal } from './admission.js';
import type { ContactInput, Outcome } from './directory.js';
import { issueDetails, JSON_TYPE, renderFailures, renderIServiceError } from './errors.js';
import type { User } from './fixtures.js';
import type { CustinfoApi } from './forms.js';
import type { IServiceSettings } from './settings.js';
import type { IServiceStore } from './store.js';

type Call = OperationCall<IServiceStore, IServiceSettings, IServicePrincipal>;

/** Each API's body schema in contracts/iservice/openapi.yaml (the form's operation only says "an object"). */
const BODY_SCHEMAS: Readonly<Record<CustinfoApi, string>> = {
  setdetails: 'SetDetailsRequest',
  details: 'DetailsRequest',
  newcontact: 'NewContactRequest',
};

type Checked<T> = { readonly kind: 'ok'; readonly body: T } | { readonly kind: 'invalid'; readonly outcome: HttpOutcome };

/** The body, checked against the API's own schema; every problem is reported. */
function body<T>(call: Call, api: CustinfoApi): Checked<T> {
  const raw = call.request.body;
  if (raw === undefined) return { kind: 'invalid', outcome: renderIServiceError('INVALID_REQUEST', call, 'body: request body is required') };
  const issues = call.contract.validateSchema(BODY_SCHEMAS[api], raw);
  // Validated against the contract schema T stands for.
  return issues.length > 0 ? { kind: 'invalid', outcome: renderFailures(issueDetails(issues), call) } : { kind: 'ok', body: raw as T };
}

function settle<T>(call: Call, outcome: Outcome<T>, render: (value: T) => object): HttpOutcome {
  if (outcome.kind === 'failed') return renderFailures(outcome.failures, call);
  return { status: 200, contentType: JSON_TYPE, body: { errors: [], errorDetails: [], ...render(outcome.value) } };
}

/** Admission let only logged-in users through to this form. */
function userOf(call: Call): User {
  if (call.principal.kind !== 'user') throw new Error('iservice: customer-info call without a logged-in user');
  return call.principal.user;
}

/**
 * `POST /f/webapp-api-custinfo?api=…` (https://www.iservice.info/guides/api/customer-info.html).
 * contactID may come as a number (seed 004) or a numeric string (docs/vendors/iservice.md S-4).
 */
export const CUSTINFO_FORM: Readonly<Record<CustinfoApi, (call: Call) => HttpOutcome>> = {
  // Seed 004: the answer is only the two arrays, with no echo of the saved data (docs/vendors/iservice.md S-7).
  setdetails: (call) => {
    const checked = body<ContactInput & { contactID: number | string }>(call, 'setdetails');
    if (checked.kind === 'invalid') return checked.outcome;
    return settle(call, call.state.directory.setDetails(userOf(call), Number(checked.body.contactID), checked.body), () => ({}));
  },

  // Not documented in detail: the suggested shape mirrors the setdetails input (docs/vendors/iservice.md section 5.3).
  details: (call) => {
    const checked = body<{ contactID: number | string }>(call, 'details');
    if (checked.kind === 'invalid') return checked.outcome;
    return settle(call, call.state.directory.details(userOf(call), Number(checked.body.contactID)), (view) => view);
  },

  // "The response provides the ID of the contact that was created", typed String.
  newcontact: (call) => {
    const checked = body<ContactInput>(call, 'newcontact');
    if (checked.kind === 'invalid') return checked.outcome;
    return settle(call, call.state.directory.newContact(userOf(call), checked.body), (contactID) => ({ contactID: String(contactID) }));
  },
};
