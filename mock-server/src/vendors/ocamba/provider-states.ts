import { seededFaker } from '../../core/generate-entity.js';
import { ProviderStateRefusal, providerStates, type ProviderStateContext } from '../../core/provider-states.js';
import { deriveSeed } from '../../core/random.js';
import { generatedContact, type ContactType } from './contact-values.js';
import type { Contact, Partner } from './fixtures.js';
import type { OcambaSettings } from './settings.js';
import type { OcambaStore } from './store.js';

const state = providerStates<OcambaStore, OcambaSettings>();

const partnerId = {
  type: 'string',
  required: true,
  description:
    "The partner's id (digits). An existing partner of the sandbox account (key A's) is chosen; an id no account has becomes a new partner of it, made as the generated partners are. Another account's partner is refused.",
  schema: { $ref: '#/components/schemas/Partner/properties/id' },
} as const;

/** The partner a state puts records on; refused when another account holds the id. */
function partnerFor(ctx: ProviderStateContext<OcambaStore, OcambaSettings>, id: string): Partner {
  const company = ctx.state.sandboxCompany();
  const placed = ctx.state.placePartner(company, id);
  if ('owner' in placed) throw new ProviderStateRefusal(`partner ${id} belongs to account ${placed.owner}, not to the sandbox account ${company} (key A's)`);
  return placed.partner;
}

/** Contacts must satisfy the contract's Contact (a value that suits its type), as the vendor's own do. */
function checkedContact(ctx: ProviderStateContext<OcambaStore, OcambaSettings>, contact: Contact): Contact {
  const issues = ctx.contract.validateSchema('Contact', contact);
  if (issues.length > 0) throw new ProviderStateRefusal(`contact ${JSON.stringify(contact.value)} is not a valid ${contact.type} value (${issues[0]!.message})`);
  return contact;
}

/** Ocamba Hood's provider states with parameters (docs/provider-states.md). */
export const ocambaProviderStates = [
  state({
    name: 'a partner with contacts',
    description: "A partner of the sandbox account whose contact list is exactly `count` contacts, generated as the fixtures' are (values that suit their type).",
    params: {
      partnerId,
      count: { type: 'integer', default: 2, description: 'How many contacts the partner has (0 to 100); its other contacts are dropped.', schema: { minimum: 0, maximum: 100 } },
      type: { type: 'string', description: 'The type of every contact (default: drawn per contact).', schema: { $ref: '#/components/schemas/ContactType' } },
    },
    values: { partnerId: "The partner's id.", contactIds: 'The ids of its contacts, in list order.' },
    setUp: (ctx, params) => {
      const partner = partnerFor(ctx, params.partnerId);
      const faker = seededFaker(deriveSeed(ctx.seed, 'ocamba:state-contacts', partner.id));
      const contacts = Array.from({ length: params.count }, () => checkedContact(ctx, generatedContact(faker, params.type as ContactType | undefined)));
      ctx.state.replaceContacts(partner.id, contacts);
      return { partnerId: partner.id, contactIds: contacts.map((c) => c.id) };
    },
  }),
  state({
    name: 'an Ocamba partner contact',
    description: 'A contact with a given id, type and value on a partner of the sandbox account (added, or replacing the contact with that id).',
    params: {
      partnerId,
      contactId: { type: 'string', required: true, description: "The contact's id (a UUID).", schema: { $ref: '#/components/schemas/Contact/properties/id' } },
      type: { type: 'string', default: 'email', description: "The contact's type.", schema: { $ref: '#/components/schemas/ContactType' } },
      value: {
        type: 'string',
        description: "The contact's value; it must suit the type (an email address, digits for phones, …). Default: generated for the type.",
        schema: { $ref: '#/components/schemas/ContactValue' },
      },
    },
    values: { partnerId: "The partner's id.", contactId: "The contact's id." },
    setUp: (ctx, params) => {
      const partner = partnerFor(ctx, params.partnerId);
      const type = params.type as ContactType;
      const value = params.value ?? generatedContact(seededFaker(deriveSeed(ctx.seed, 'ocamba:state-contact', params.contactId)), type).value;
      const contact = checkedContact(ctx, { id: params.contactId, type, value });
      ctx.state.putContact(partner.id, contact);
      return { partnerId: partner.id, contactId: contact.id };
    },
  }),
];
