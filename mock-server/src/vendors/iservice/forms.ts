/**
 * iService groups its API into forms (`/f/webapp-api-<form>`) and picks the
 * endpoint with `?api=` (https://www.iservice.info/guides/api/api-overview.html).
 * Each form is one contract operation; these are the APIs each one serves
 * (docs/decisions/0400-iservice-forms-and-api-dispatch.md).
 */
export const FORM_APIS = {
  webappApiLogin: ['login', 'loggedin', 'logout'],
  webappApiCustinfo: ['setdetails', 'details', 'newcontact'],
} as const;

export type FormId = keyof typeof FORM_APIS;
export type LoginApi = (typeof FORM_APIS)['webappApiLogin'][number];
export type CustinfoApi = (typeof FORM_APIS)['webappApiCustinfo'][number];

/** The `api` query value, once the contract has checked it against the form's enum. */
export function apiOf(query: Readonly<Record<string, unknown>>): string {
  const api = query['api'];
  return typeof api === 'string' ? api : '';
}

export function isForm(operationId: string): operationId is FormId {
  return operationId in FORM_APIS;
}
