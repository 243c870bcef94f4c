import { defineVendor } from '../../core/define-vendor.js';
import { drift } from './drift.js';
import { identities } from './identities.js';
import { admit } from './admission.js';
import { coreErrors, errors } from './errors.js';
import { fixtures } from './fixtures.js';
import { leniencies } from './leniencies.js';
import { loyaltiiProviderStates } from './provider-states.js';
import { operations } from './routes.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { LoyaltiiStore } from './store.js';

/** Loyaltii's ASP.NET Web API 2 contacts resource (seed 002, docs/vendors/loyaltii.md §3). */
export const loyaltii = defineVendor({
  id: 'loyaltii',
  title: 'Loyaltii',
  pactProvider: 'loyaltii-contacts',
  basePaths: ['/api/v1'],
  // ASP.NET routing ignores case: /API/V1/contacts/17 is the same resource.
  caseSensitivePaths: false,
  contract: 'loyaltii/openapi.yaml',
  settingsSchema: 'loyaltii/settings.schema.json',
  defaultSettings: DEFAULT_SETTINGS,
  // The help page's request formats; anything else (or a body without Content-Type) is Web API's 415.
  bodyPolicy: { json: ['application/json', 'text/json'], form: ['application/x-www-form-urlencoded'], otherTypes: 'reject', missingType: 'reject', whitespace: 'unicode' },
  fixtures,
  createState: (init) => new LoyaltiiStore(init),
  dumpState: (store) => store.dump(),
  admit,
  operations,
  errors,
  coreErrors,
  drift,
  leniencies,
  providerStates: loyaltiiProviderStates,
  identities,
});
