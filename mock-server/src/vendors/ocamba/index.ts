import { defineVendor } from '../../core/define-vendor.js';
import { drift } from './drift.js';
import { identities } from './identities.js';
import { admit } from './admission.js';
import { coreErrors, errors } from './errors.js';
import { fixtures } from './fixtures.js';
import { leniencies } from './leniencies.js';
import { ocambaProviderStates } from './provider-states.js';
import { operations } from './routes.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { OcambaStore } from './store.js';

/** Ocamba Hood v1 partner contacts (seed 003, docs/vendors/ocamba.md §4). */
export const ocamba = defineVendor({
  id: 'ocamba',
  title: 'Ocamba Hood',
  pactProvider: 'ocamba-hood',
  basePaths: ['/v1/hood', '/v2/ocamba'],
  contract: 'ocamba/openapi.yaml',
  settingsSchema: 'ocamba/settings.schema.json',
  defaultSettings: DEFAULT_SETTINGS,
  // A JSON body without a Content-Type is read as JSON; another declared type is refused (415).
  bodyPolicy: { json: ['application/json'], otherTypes: 'reject', missingType: 'json' },
  fixtures,
  createState: (init) => new OcambaStore(init),
  dumpState: (store) => store.dump(),
  admit,
  operations,
  errors,
  coreErrors,
  drift,
  leniencies,
  providerStates: ocambaProviderStates,
  identities,
});
