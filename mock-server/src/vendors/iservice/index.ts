import { defineVendor } from '../../core/define-vendor.js';
import { drift } from './drift.js';
import { identities } from './identities.js';
import { admit } from './admission.js';
import { resultCodes } from './coverage.js';
import { coreErrors, errors } from './errors.js';
import { fixtures } from './fixtures.js';
import { leniencies } from './leniencies.js';
import { iserviceProviderStates } from './provider-states.js';
import { operations } from './routes.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { IServiceStore } from './store.js';

/** iService (One-to-One Service.com): the login and customer-info forms (seed 004, docs/vendors/iservice.md §5). */
export const iservice = defineVendor({
  id: 'iservice',
  title: 'iService',
  pactProvider: 'iservice-custinfo',
  // Every API form lives under /f/ (https://www.iservice.info/guides/api/api-overview.html).
  basePaths: ['/f'],
  contract: 'iservice/openapi.yaml',
  settingsSchema: 'iservice/settings.schema.json',
  defaultSettings: DEFAULT_SETTINGS,
  // The forms read their body whatever its declared type: a body that is not JSON is a malformed request (200 with errors), not a 415.
  bodyPolicy: { json: ['application/json'], otherTypes: 'json', missingType: 'json', whitespace: 'unicode' },
  // Login takes the form fields a public script posts (emailAddress, Password), or the same as JSON.
  bodyPolicies: { webappApiLogin: { json: ['application/json'], form: ['application/x-www-form-urlencoded'], otherTypes: 'json', missingType: 'json', whitespace: 'unicode' } },
  fixtures,
  createState: (init) => new IServiceStore(init),
  dumpState: (store) => store.dump(),
  admit,
  operations,
  errors,
  coreErrors,
  drift,
  resultCodes,
  leniencies,
  providerStates: iserviceProviderStates,
  identities,
});
