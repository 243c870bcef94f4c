import type { Contract } from '../../core/contract.js';
import { ProviderStateRefusal, providerStates } from '../../core/provider-states.js';
import type { Contact } from './fixtures.js';
import { objectIdSeconds, recordTime } from './formats.js';
import { generatedContactFields } from './generated-contact.js';
import type { InstantpaySettings } from './settings.js';
import type { InstantpayStore } from './store.js';

const state = providerStates<InstantpayStore, InstantpaySettings>();

/** Instantpay's provider states with parameters (docs/provider-states.md). */
export const instantpayProviderStates = [
  state({
    name: 'an Instantpay contact',
    description:
      "Contact `contactId` in an account's contact book with the given values: the account's contact with that id, or a new one generated as the fixtures' are, created at the time its ObjectId carries.",
    params: {
      contactId: {
        type: 'string',
        required: true,
        description: "The contact's ObjectId (24 hex digits; the first 8 are its creation time).",
        schema: { $ref: '#/components/schemas/ObjectId' },
      },
      name: { type: 'string', description: 'Its name.', schema: { $ref: '#/components/schemas/Name' } },
      email: { type: 'string', description: 'Its email.', schema: { $ref: '#/components/schemas/Email' } },
      mobile: { type: 'string', description: 'Its mobile number (10 digits).', schema: { $ref: '#/components/schemas/Mobile' } },
      companyName: { type: 'string', description: 'Its company name.', schema: { maxLength: 255 } },
      tagIds: {
        type: 'array',
        description: "Its tags: ObjectIds of the account's tags. Default: the contact's own, or (for a new one) the account's first tag.",
        schema: { items: { $ref: '#/components/schemas/ObjectId' } },
      },
      account: {
        type: 'string',
        default: 'sandbox',
        description: 'Whose contact book: `sandbox` (the sandbox client id/secret pair) or `live` (the live pair).',
        schema: { enum: ['sandbox', 'live'] },
      },
    },
    values: { contactId: "The contact's ObjectId.", userId: "Its account's userId." },
    setUp: (ctx, params) => {
      const account = ctx.state.accountIn(params.account === 'live' ? 'LIVE' : 'SANDBOX');
      if (account === undefined) throw new ProviderStateRefusal(`the fixtures have no ${params.account} account`);
      const current = ctx.state.contact(account.userId, params.contactId);
      const created = recordTime(objectIdSeconds(params.contactId) * 1000);
      const base: Contact = current ?? newContact(ctx.contract, ctx.seed, params.contactId, account.userId, created, ctx.state.tags(account.userId)[0]?._id);
      const contact: Contact = {
        ...base,
        ...(params.name === undefined ? {} : { name: params.name }),
        ...(params.email === undefined ? {} : { email: params.email }),
        ...(params.mobile === undefined ? {} : { mobile: params.mobile }),
        ...(params.companyName === undefined ? {} : { companyName: params.companyName }),
        ...(params.tagIds === undefined ? {} : { tagId: params.tagIds.map(String) }),
        // A changed contact was updated now; a new one has never been.
        updated_at: current === undefined ? created : recordTime(ctx.clock.now()),
      };
      const placed = ctx.state.placeContact(contact);
      if (placed.kind === 'refused') throw new ProviderStateRefusal(placed.reason);
      return { contactId: contact._id, userId: contact.userId };
    },
  }),
];

/** A new contact: its values made as the fixture generator makes them, created when its ObjectId says. */
function newContact(contract: Contract, seed: number, id: string, userId: number, created: string, tag: string | undefined): Contact {
  return { _id: id, userId, ...generatedContactFields(contract, seed, `state:${id}`), tagId: tag === undefined ? [] : [tag], updated_at: created, created_at: created };
}
