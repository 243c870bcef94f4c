import { ProviderStateRefusal, providerStates } from '../../core/provider-states.js';
import { generatedContact } from './generated-contact.js';
import type { IServiceSettings } from './settings.js';
import type { IServiceStore } from './store.js';

const state = providerStates<IServiceStore, IServiceSettings>();

/** iService's provider states with parameters (docs/provider-states.md). */
export const iserviceProviderStates = [
  state({
    name: 'an iService contact',
    description:
      "Contact `contactID` of the tenant with the given property values, email login and segments: the tenant's contact with that id (the properties listed replaced), or a new one generated as the fixtures' are, in some of the sandbox agent's segments.",
    params: {
      contactID: { type: 'integer', required: true, description: "The contact's contactID.", schema: { minimum: 1, maximum: 2147483647 } },
      properties: {
        type: 'object',
        default: {},
        description: 'Values by propertyID of the tenant\'s form (the fixtures\': "1" First Name, "2" Middle Initial, "3" Last Name, "4" Company, "5" Phone); "" clears one.',
        schema: { additionalProperties: { type: 'string', maxLength: 255 } },
      },
      email: { type: 'string', description: 'Its one login, of type Email (replacing its logins).', schema: { format: 'email', maxLength: 255 } },
      segments: {
        type: 'array',
        description: 'Its segment memberships (segmentIDs), replacing its own.',
        schema: { items: { type: 'string', pattern: '^[0-9]+$' }, uniqueItems: true },
      },
    },
    values: { contactID: "The contact's contactID." },
    setUp: (ctx, params) => {
      const directory = ctx.state.directory;
      const generated = directory.has(params.contactID) ? undefined : generatedContact(ctx.seed, params.contactID, directory.agentSegments());
      // Generated values for the fixtures' form: only those the tenant's own form has.
      const generatedValues = Object.fromEntries(Object.entries(generated?.values ?? {}).filter(([id]) => directory.definesProperty(id)));
      const email = params.email ?? generated?.email;
      const segments = params.segments ?? generated?.membership;
      const placed = directory.placeContact({
        contactID: params.contactID,
        properties: { ...generatedValues, ...(params.properties as Readonly<Record<string, string>>) },
        ...(email === undefined ? {} : { logins: [{ name: email, type: 'Email' }] }),
        ...(segments === undefined ? {} : { membership: segments.map(String) }),
      });
      if (placed.kind === 'refused') throw new ProviderStateRefusal(placed.reason);
      return { contactID: params.contactID };
    },
  }),
];
