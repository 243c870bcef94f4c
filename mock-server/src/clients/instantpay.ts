/**
 * A small typed client for Instantpay's Contact Book (contacts, tags, contact
 * persons), written as a careful integrator would: it sends the four
 * `X-Ipay-*` headers on every call (`X-Ipay-Auth-Code: 1` once), JSON bodies
 * with `Content-Type: application/json` — also on GET and DELETE, as the
 * vendor's samples do, which is why it speaks `node:http` rather than `fetch`
 * (fetch refuses a GET body) — and reads Instantpay's envelope: `TXN` gives
 * `data`, any other `statuscode` (under HTTP 200 or an error status) throws an
 * `InstantpayApiError`. `TUP` means "under process, not done yet".
 * Copy it, or import it from `contact-sandbox/clients/instantpay`.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { components } from '../vendors/instantpay/generated/contract.js';

type Schemas = components['schemas'];
export type InstantpayContact = Schemas['Contact'];
/** A contact as Add Contact answers it (no `tagId`). */
export type InstantpayAddedContact = Schemas['AddedContact'];
export type InstantpayTag = Schemas['Tag'];
/** A tag as List Tag answers it. */
export type InstantpayListedTag = Schemas['ListedTag'];
export type InstantpayPerson = Schemas['Person'];
export type InstantpayEnvironment = Schemas['Envelope']['environment'];
/** Instantpay's failure statuscodes (any outcome but `TXN`). */
export type InstantpayFailureCode = NonNullable<Schemas['FailureEnvelope']['statuscode']>;

export interface NewContact {
  readonly name: string;
  readonly email: string;
  /** 10 digits, without the calling code. */
  readonly mobile: string;
  readonly companyName?: string;
  /** At least one tag id. */
  readonly tagIds: readonly string[];
}
/** Update Contact replaces name, email, mobile and the tags; `companyName` cannot change. */
export interface ContactUpdate extends Omit<NewContact, 'companyName'> {
  readonly contactId: string;
}
export interface TagInput {
  readonly name: string;
  /** `#RRGGBB`. */
  readonly hexColorCode: string;
}
export interface PersonInput {
  /** The contact's `_id`. */
  readonly gcId: string;
  readonly contactPersonName: string;
  readonly email: string;
  readonly mobile: string;
  readonly description: string;
}

/** Instantpay's envelope, common to all its answers. */
export interface InstantpayEnvelope<T = unknown> {
  readonly statuscode: string;
  readonly actcode: string | null;
  readonly status: string;
  readonly data: T;
  readonly timestamp: string;
  readonly ipay_uuid: string;
  readonly orderid: string | null;
  readonly environment: InstantpayEnvironment;
  readonly internalCode: null;
}

/** What every answer says about itself: which board answered, when (IST), and its id for Instantpay's support. */
export interface InstantpayAnswerInfo {
  readonly environment: InstantpayEnvironment;
  readonly ipayUuid: string;
  readonly timestamp: string;
}

/** Any answer but `TXN`: a failure code in the envelope (HTTP 200 by default), or a non-2xx answer. */
export class InstantpayApiError extends Error {
  constructor(
    readonly httpStatus: number,
    /** The envelope, when the answer carried one (a gateway's page does not). */
    readonly envelope: InstantpayEnvelope<null> | undefined,
  ) {
    super(`Instantpay answered ${envelope ? `${envelope.statuscode} "${envelope.status}"` : 'without an envelope'} (HTTP ${httpStatus})`);
    this.name = 'InstantpayApiError';
  }

  /** `IAC`, `RPI`, `ERR`, ...; undefined without an envelope. */
  get statuscode(): InstantpayFailureCode | undefined {
    return this.envelope?.statuscode as InstantpayFailureCode | undefined;
  }

  /** `TUP` "Transaction Under Process": the write is not applied yet; do not repeat it blindly. */
  get pending(): boolean {
    return this.statuscode === 'TUP';
  }
}

export interface InstantpayClientOptions {
  /** `https://api.instantpay.in`, or the sandbox's URL. Test and live credentials share the host. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The end customer's IP address (v4 or v6). */
  readonly endpointIp: string;
  /** Extra headers on every request (e.g. `X-Sandbox-Session`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export class InstantpayClient {
  /** What the last enveloped answer (success or failure) said about itself. */
  lastAnswer: InstantpayAnswerInfo | undefined;

  constructor(private readonly options: InstantpayClientOptions) {}

  listContacts(): Promise<InstantpayContact[]> {
    return this.#call('GET', '/contacts/profile');
  }

  addContact(contact: NewContact): Promise<InstantpayAddedContact> {
    const { tagIds, ...fields } = contact;
    return this.#call('POST', '/contacts/profile', { ...fields, tagDetails: tagDetails(tagIds) });
  }

  /** The contact as it is now. An unknown contact or tag fails with `ERR` "No Record Found". */
  updateContact(update: ContactUpdate): Promise<InstantpayContact> {
    const { contactId, name, email, mobile, tagIds } = update;
    return this.#call('PATCH', '/contacts/profile', { contactId, name, email, mobile, tagDetails: tagDetails(tagIds) });
  }

  /** Deletes the contact and its persons. */
  async deleteContact(contactId: string): Promise<void> {
    await this.#call('DELETE', '/contacts/profile', { contactId });
  }

  listTags(): Promise<InstantpayListedTag[]> {
    return this.#call('GET', '/contacts/tag');
  }

  addTag(tag: TagInput): Promise<InstantpayTag> {
    return this.#call('POST', '/contacts/tag', { name: tag.name, hexColorCode: tag.hexColorCode });
  }

  /** Instantpay answers the number of records changed, not the tag. */
  async updateTag(tagId: string, tag: TagInput): Promise<void> {
    await this.#call('PATCH', '/contacts/tag', { tagId, name: tag.name, hexColorCode: tag.hexColorCode });
  }

  /** Deletes the tag and takes it off its contacts. */
  async deleteTag(tagId: string): Promise<void> {
    await this.#call('DELETE', '/contacts/tag', { tagId });
  }

  /** The persons of one contact (the contact id travels in a GET body). */
  listPersons(gcId: string): Promise<InstantpayPerson[]> {
    return this.#call('GET', '/contacts/person', { gcId });
  }

  addPerson(person: PersonInput): Promise<InstantpayPerson> {
    return this.#call('POST', '/contacts/person', personBody(person));
  }

  updatePerson(personId: string, person: PersonInput): Promise<InstantpayPerson> {
    return this.#call('PATCH', '/contacts/person', { personId, ...personBody(person) });
  }

  async deletePerson(gcId: string, personId: string): Promise<void> {
    await this.#call('DELETE', '/contacts/person', { gcId, personId });
  }

  async #call<T>(method: string, path: string, body?: object): Promise<T> {
    const { status, text } = await this.#send(method, path, body);
    const envelope = parseEnvelope(text);
    if (envelope) this.lastAnswer = { environment: envelope.environment, ipayUuid: envelope.ipay_uuid, timestamp: envelope.timestamp };
    if (status >= 200 && status < 300 && envelope?.statuscode === 'TXN') return envelope.data as T;
    throw new InstantpayApiError(status, envelope as InstantpayEnvelope<null> | undefined);
  }

  #send(method: string, path: string, body?: object): Promise<{ status: number; text: string }> {
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, '')}${path}`);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...this.options.headers,
      'X-Ipay-Auth-Code': '1',
      'X-Ipay-Client-Id': this.options.clientId,
      'X-Ipay-Client-Secret': this.options.clientSecret,
      'X-Ipay-Endpoint-Ip': this.options.endpointIp,
      Accept: 'application/json',
      ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
    };
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function tagDetails(tagIds: readonly string[]): { tagId: string }[] {
  if (tagIds.length === 0) throw new Error('Instantpay needs at least one tag id');
  return tagIds.map((tagId) => ({ tagId }));
}

function personBody(p: PersonInput): PersonInput {
  return { gcId: p.gcId, contactPersonName: p.contactPersonName, email: p.email, mobile: p.mobile, description: p.description };
}

function parseEnvelope(text: string): InstantpayEnvelope | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && 'statuscode' in body && 'status' in body && 'environment' in body ? (body as InstantpayEnvelope) : undefined;
  } catch {
    // A gateway's HTML page, say: not Instantpay's envelope.
    return undefined;
  }
}
