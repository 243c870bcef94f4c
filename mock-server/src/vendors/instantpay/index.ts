import { defineVendor } from '../../core/define-vendor.js';
import { drift } from './drift.js';
import { identities } from './identities.js';
import { admit } from './admission.js';
import { resultCodes } from './coverage.js';
import { coreErrors, errors } from './errors.js';
import { fixtures } from './fixtures.js';
import { leniencies } from './leniencies.js';
import { instantpayProviderStates } from './provider-states.js';
import { operations } from './routes.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { InstantpayStore } from './store.js';

/** Instantpay Contact Book: contacts, tags and persons (seed 000, docs/vendors/instantpay.md §1). */
export const instantpay = defineVendor({
  id: 'instantpay',
  title: 'Instantpay',
  pactProvider: 'instantpay-contacts',
  basePaths: ['/contacts'],
  contract: 'instantpay/openapi.yaml',
  settingsSchema: 'instantpay/settings.schema.json',
  defaultSettings: DEFAULT_SETTINGS,
  // JSON whatever the Content-Type: the seed's curl sends none, so curl labels it form-urlencoded (docs/vendors/instantpay.md I-2).
  bodyPolicy: { json: ['application/json'], otherTypes: 'json', missingType: 'json' },
  fixtures,
  createState: (init) => new InstantpayStore(init),
  dumpState: (store) => store.dump(),
  admit,
  operations,
  errors,
  coreErrors,
  drift,
  resultCodes,
  leniencies,
  providerStates: instantpayProviderStates,
  identities,
});
