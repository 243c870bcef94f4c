import type { OperationHandler, OperationHandlers } from '../../core/vendor-module.js';
import type { IServicePrincipal } from './admission.js';
import { CUSTINFO_FORM } from './custinfo-form.js';
import type { operations as Operations } from './generated/contract.js';
import { apiOf, FORM_APIS } from './forms.js';
import { LOGIN_FORM } from './login-form.js';
import type { IServiceSettings } from './settings.js';
import type { IServiceStore } from './store.js';

type Handler = OperationHandler<IServiceStore, IServiceSettings, IServicePrincipal>;

/** One handler per form, dispatching on `?api=` (already checked against the form's enum by the contract). */
function dispatch<Api extends string>(apis: readonly Api[], table: Readonly<Record<Api, Handler>>): Handler {
  return (call) => {
    const api = apiOf(call.request.query);
    const handler = apis.find((a) => a === api);
    if (handler === undefined) throw new Error(`iservice: ${call.operationId} has no api ${api}`);
    return table[handler](call);
  };
}

/** Handlers keyed by the contract's operationIds (contracts/iservice/openapi.yaml). */
export const operations: OperationHandlers<Operations, IServiceStore, IServiceSettings, IServicePrincipal> = {
  webappApiLogin: dispatch(FORM_APIS.webappApiLogin, LOGIN_FORM),
  webappApiCustinfo: dispatch(FORM_APIS.webappApiCustinfo, CUSTINFO_FORM),
};
