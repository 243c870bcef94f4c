import { isObject } from '../../core/contract.js';
import { bodyTypeLeniency, trailingSlashLeniency, type Leniency } from '../../core/leniency.js';
import type { RequestContext } from '../../core/vendor-module.js';
import { coreErrors, renderIServiceError } from './errors.js';
import { apiOf } from './forms.js';
import type { IServiceSettings } from './settings.js';
import type { IServiceStore } from './store.js';

type Ctx = RequestContext<IServiceStore, IServiceSettings>;

/** The body of a customer-info call to one of `apis`, when it is an object. */
function custinfoBody(ctx: Ctx, apis: readonly string[]): Record<string, unknown> | undefined {
  const body = ctx.request.body;
  return isObject(body) && apis.includes(apiOf(ctx.request.query)) ? body : undefined;
}

/**
 * Where the iService emulation accepts more than seed 004 and the iService
 * guides promise (docs/leniencies.md). Strict mode answers what iService
 * answers for a body it cannot use: HTTP 200 with `errors`, "Invalid request."
 * with the problem in `errorDetails` (docs/decisions/0401-iservice-errors.md).
 */
export const leniencies: readonly Leniency<IServiceStore, IServiceSettings>[] = [
  bodyTypeLeniency({
    id: 'iservice/content-type',
    description: 'A body without Content-Type, or under another type, is read as JSON (login also takes form fields).',
    source: 'the guides state none; the observed client posts "Content-Type: application/json" (docs/vendors/iservice.md §5.1, S-6)',
    strict: '"The request could not be read.", HTTP 200',
    documented: ['application/json'],
    refuse: (ctx) => coreErrors.malformedBody(ctx, 'not declared as JSON'),
  }),
  {
    kind: 'request',
    id: 'iservice/contactid-string',
    description: 'contactID is also read from a numeric string ("466").',
    source: 'seed 004, request parameters: contactID "Number", the example 466 (docs/vendors/iservice.md S-4)',
    strict: '"Invalid request.", errorDetails "contactID: must be number", HTTP 200',
    operations: ['webappApiCustinfo'],
    detect: (ctx) => {
      const contactID = custinfoBody(ctx, ['setdetails', 'details'])?.['contactID'];
      if (typeof contactID !== 'string') return undefined;
      return { where: '/contactID', message: `contactID was sent as the string "${contactID.slice(0, 20)}"; the vendor documents a number` };
    },
    refuse: (ctx) => renderIServiceError('INVALID_REQUEST', ctx, 'contactID: must be number'),
  },
  {
    kind: 'request',
    id: 'iservice/membership-absent',
    description: 'setdetails without membership leaves the membership unchanged.',
    source: 'seed 004: "the form includes all values on the page in the payload including segment membership"; every example sends it (docs/vendors/iservice.md §5.2)',
    strict: '"Invalid request.", errorDetails "body: must have required property \'membership\'", HTTP 200',
    operations: ['webappApiCustinfo'],
    detect: (ctx) => {
      const body = custinfoBody(ctx, ['setdetails']);
      if (body === undefined || body['membership'] !== undefined) return undefined;
      return { where: '/membership', message: 'setdetails sent no membership (kept as it was); the web form always sends it' };
    },
    refuse: (ctx) => renderIServiceError('INVALID_REQUEST', ctx, "body: must have required property 'membership'"),
  },
  {
    kind: 'request',
    id: 'iservice/logins-absent',
    description: 'setdetails without details.setLogins or details.logins leaves the logins unchanged.',
    source: 'seed 004: the form sends all values on the page; its example sends setLogins and logins (docs/vendors/iservice.md §5.2)',
    strict: '"Invalid request.", errorDetails "details: must have required property \'logins\'" (or \'setLogins\'), HTTP 200',
    operations: ['webappApiCustinfo'],
    detect: (ctx) => {
      const details = custinfoBody(ctx, ['setdetails'])?.['details'];
      if (!isObject(details)) return undefined;
      const missing = ['setLogins', 'logins'].find((key) => details[key] === undefined);
      if (missing === undefined) return undefined;
      return { where: `/details/${missing}`, message: `setdetails sent no details.${missing} (logins kept as they were); the web form always sends it` };
    },
    refuse: (ctx, finding) => renderIServiceError('INVALID_REQUEST', ctx, `details: must have required property '${finding.where.slice('/details/'.length)}'`),
  },
  trailingSlashLeniency({
    id: 'iservice/trailing-slash',
    source: 'the guides: forms at "/f/webapp-api-custinfo" and "/f/webapp-api-login" without a trailing "/" (docs/vendors/iservice.md §5.1)',
    strict: '"Unknown form.", HTTP 404',
    refuse: (ctx) => coreErrors.routeNotFound(ctx),
  }),
];
