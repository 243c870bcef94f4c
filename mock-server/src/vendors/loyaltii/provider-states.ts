import { ProviderStateRefusal, providerStates } from '../../core/provider-states.js';
import type { StoredContact } from './fixtures.js';
import type { LoyaltiiSettings } from './settings.js';
import type { LoyaltiiStore } from './store.js';

const state = providerStates<LoyaltiiStore, LoyaltiiSettings>();

/** What a new contact of a state leaves unset: the generator draws these null or not, and a pact pins null. */
const UNSET = {
  RegistrationStoreId: null,
  PreferredStoreId: null,
  ContactCompanyId: null,
  LimitMailsPermanently: false,
  LimitMailsTemporarilyUntil: null,
  LatestPermissionSource: null,
} as const satisfies Partial<StoredContact>;
const field = (name: string, description: string) => ({ type: 'string', description, schema: { $ref: `#/components/schemas/ContactProperties/properties/${name}` } }) as const;

/** Loyaltii's provider states with parameters (docs/provider-states.md). */
export const loyaltiiProviderStates = [
  state({
    name: 'a Loyaltii contact',
    description:
      "Contact `id` of the sandbox account (the Bearer token's) with the given Version and fields: the account's contact with that id, or one generated as the fixtures' are with no store, company, mail limit or permission source (so its shape does not depend on the seed). Saved as the database would: LastModified now, Email and Phone unique within the account.",
    params: {
      id: { type: 'integer', required: true, description: "The contact's Id.", schema: { $ref: '#/components/schemas/ContactProperties/properties/Id', minimum: 1 } },
      version: {
        type: 'string',
        description: 'Its Version: an 8-byte rowversion in base64 (e.g. AAAAAAAAB9E=), which a PUT or PATCH must then send. Default: the next rowversion of the database.',
        schema: { $ref: '#/components/schemas/RowVersion', pattern: '^[A-Za-z0-9+/]{10}[AEIMQUYcgkosw048]=$' },
      },
      email: field('Email', 'Its Email.'),
      phone: field('Phone', 'Its Phone.'),
      phoneCountryCode: field('PhoneCountryCode', 'Its PhoneCountryCode.'),
      firstName: field('FirstName', 'Its FirstName.'),
      lastName: field('LastName', 'Its LastName.'),
      secret: { type: 'string', description: 'Its Secret (32 hex digits), for GET /api/v1/Contacts?secret=.', schema: { pattern: '^[0-9a-f]{32}$' } },
    },
    values: { id: "The contact's Id.", version: 'Its Version (what a PUT or PATCH must send).', secret: 'Its Secret.' },
    setUp: (ctx, params) => {
      const changes: Partial<StoredContact> = {
        ...(params.email === undefined ? {} : { Email: params.email }),
        ...(params.phone === undefined ? {} : { Phone: params.phone }),
        ...(params.phoneCountryCode === undefined ? {} : { PhoneCountryCode: params.phoneCountryCode }),
        ...(params.firstName === undefined ? {} : { FirstName: params.firstName }),
        ...(params.lastName === undefined ? {} : { LastName: params.lastName }),
        ...(params.secret === undefined ? {} : { Secret: params.secret }),
      };
      const placed = ctx.state.placeContact(ctx.state.sandboxAccount(), params.id, changes, params.version, ctx.settings, UNSET);
      if (placed.kind !== 'ok') throw new ProviderStateRefusal(placed.kind === 'refused' ? placed.reason : `contact ${params.id} could not be saved`);
      return { id: placed.contact.Id, version: placed.contact.Version, secret: placed.contact.Secret };
    },
  }),
];
