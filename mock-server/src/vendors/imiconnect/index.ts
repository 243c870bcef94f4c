import { defineVendor } from '../../core/define-vendor.js';
import { drift } from './drift.js';
import { identities } from './identities.js';
import { admit } from './admission.js';
import { resultCodes } from './coverage.js';
import { coreErrors, errors } from './errors.js';
import { fixtures } from './fixtures.js';
import { leniencies } from './leniencies.js';
import { imiconnectProviderStates } from './provider-states.js';
import { operations } from './routes.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { ImiconnectStore } from './store.js';

/** IMIconnect (Webex Connect) customer-profile API (seed 001, docs/vendors/imiconnect.md §2). */
export const imiconnect = defineVendor({
  id: 'imiconnect',
  title: 'IMIconnect (Webex Connect)',
  pactProvider: 'imiconnect-profile',
  basePaths: ['/resources/v1', '/resources/v2'],
  contract: 'imiconnect/openapi.yaml',
  settingsSchema: 'imiconnect/settings.schema.json',
  defaultSettings: DEFAULT_SETTINGS,
  // The pages list `content-type: application/json`; a body under another (or no) type is still read as JSON,
  // so a client that forgets the header gets 7000 only if the body is not JSON (docs/decisions/0202-imiconnect-requests.md).
  bodyPolicy: { json: ['application/json'], otherTypes: 'json', missingType: 'json' },
  fixtures,
  createState: (init) => new ImiconnectStore(init),
  dumpState: (store) => store.dump(),
  admit,
  operations,
  errors,
  coreErrors,
  drift,
  resultCodes,
  leniencies,
  providerStates: imiconnectProviderStates,
  identities,
});
