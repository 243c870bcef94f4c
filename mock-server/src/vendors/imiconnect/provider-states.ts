import { generateEntity } from '../../core/generate-entity.js';
import { providerStates } from '../../core/provider-states.js';
import type { AttributeValue } from './records.js';
import type { ImiconnectSettings } from './settings.js';
import type { ImiconnectStore } from './store.js';

const state = providerStates<ImiconnectStore, ImiconnectSettings>();

/** IMIconnect's provider states with parameters (docs/provider-states.md). */
export const imiconnectProviderStates = [
  state({
    name: 'an IMIconnect profile',
    description:
      "The master profile of `customerId` in the sandbox tenant (the sandbox key's) with the given attributes, as a processed create or update leaves it: an existing profile's attributes are added or replaced by name; a new one gets generated msisdn, email and name (as the fixtures' are), the attributes given, customerId and the channel flags.",
    params: {
      customerId: { type: 'string', required: true, description: "The customer's id (the vendor's examples are digits).", schema: { $ref: '#/components/schemas/CustomerId' } },
      attributes: {
        type: 'object',
        default: {},
        description: 'Attributes by name (scalars; `email` an address, `msisdn` a phone number), stored as strings.',
        schema: { $ref: '#/components/schemas/Attributes' },
      },
    },
    values: { customerId: "The customer's id." },
    setUp: (ctx, params) => {
      const tenant = ctx.state.sandboxTenant();
      const given = params.attributes as Readonly<Record<string, AttributeValue>>;
      const exists = ctx.state.profiles(tenant, [params.customerId]).length > 0;
      const attributes = exists ? given : { ...generatedAttributes(ctx.contract, ctx.seed, params.customerId), ...given };
      ctx.state.placeProfile(tenant, { customerId: params.customerId, attributes });
      return { customerId: params.customerId };
    },
  }),
];

/** msisdn, email and name as the fixture generator makes them (the contract's Attributes, faker hints, the seed and the id). */
function generatedAttributes(contract: Parameters<typeof generateEntity>[0], seed: number, customerId: string): Record<string, string> {
  const generated = generateEntity(contract, 'Attributes', seed, customerId) as { email: string; msisdn: string; name: string };
  return { msisdn: generated.msisdn, email: generated.email.toLowerCase(), name: generated.name.toLowerCase() };
}
