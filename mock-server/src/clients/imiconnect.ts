/**
 * A small typed client for IMIconnect (Webex Connect) customer profiles,
 * written as a careful integrator would: it sends the Client Profile Key in
 * `key` and JSON bodies as the seed's examples spell them (`Records`,
 * `customerId`, `Attributes`), and reads IMIconnect's envelope on every
 * answer: an error code travels as `response.code`, under the HTTP status
 * the vendor maps it to or under 200 (some tenants answer 200 to
 * everything), so the client looks at the body, not only at the status.
 * Copy it, or import it from `contact-sandbox/clients/imiconnect`.
 */
import type { components } from '../vendors/imiconnect/generated/contract.js';

export type ImiconnectAttributes = components['schemas']['Attributes'];
export type ImiconnectProfile = components['schemas']['ProfileRecord'];
export type ImiconnectProfileList = components['schemas']['ProfileList'];
export type ImiconnectProfileStatus = components['schemas']['ProfileStatus'];
export type ImiconnectQueued = components['schemas']['QueuedResponse']['response'];

/** One customer to create or update. */
export interface ImiconnectRecord {
  readonly customerId: string;
  readonly attributes: ImiconnectAttributes;
}

/** `0`: the master profile only (the vendor's default); `1`: with linked app profiles; `2`: the full profile. */
export type ShowInwardLinks = 0 | 1 | 2;

/** IMIconnect's error envelope, `{"response":{"code","description"}}`. */
export interface ImiconnectErrorBody {
  readonly response: { readonly code: string; readonly description: string };
}

/** An IMIconnect error: a 7xxx code in the envelope (whatever the HTTP status), or a non-2xx answer without one. */
export class ImiconnectApiError extends Error {
  constructor(
    readonly status: number,
    /** IMIconnect's code (`7001`, `7014`, …); undefined when the answer was not IMIconnect's envelope. */
    readonly code: string | undefined,
    readonly description: string | undefined,
  ) {
    super(`IMIconnect answered ${status}${code === undefined ? '' : ` ${code} ${description ?? ''}`.trimEnd()}`);
    this.name = 'ImiconnectApiError';
  }
}

export interface ImiconnectClientOptions {
  /** `https://api.imiconnect.io` (or the tenant's regional host), or the sandbox's URL. */
  readonly baseUrl: string;
  /** The tenant's Client Profile Key. */
  readonly key: string;
  readonly fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `X-Sandbox-Session`). */
  readonly headers?: Readonly<Record<string, string>>;
}

const PROFILES_V2 = '/resources/v2/customerprofile';
const PROFILES_V1 = '/resources/v1/customerprofile';

export class ImiconnectClient {
  readonly #fetch: typeof fetch;

  constructor(private readonly options: ImiconnectClientOptions) {
    this.#fetch = options.fetch ?? fetch;
  }

  /** Update Customer Profile: queued; read each record's outcome with `getProfileStatus(transid)`. */
  updateProfile(records: readonly ImiconnectRecord[]): Promise<ImiconnectQueued> {
    return this.#queued('PUT', PROFILES_V2, batch(records));
  }

  /** Create Customer Profile: queued; 7015 (409) at once when every customer already exists. */
  createProfile(records: readonly ImiconnectRecord[]): Promise<ImiconnectQueued> {
    return this.#queued('POST', PROFILES_V2, batch(records));
  }

  /** Get Customer Profile (`/resources/v2`). */
  async getProfile(customerId: string, showInwardLinks?: ShowInwardLinks): Promise<ImiconnectProfile> {
    return one(await this.#profiles(`${PROFILES_V2}/${encodeURIComponent(customerId)}`, [], showInwardLinks));
  }

  /** Get Customer Profile on the path of the vendor's example (`/resources/v1`). */
  async getProfileV1(customerId: string, showInwardLinks?: ShowInwardLinks): Promise<ImiconnectProfile> {
    return one(await this.#profiles(`${PROFILES_V1}/${encodeURIComponent(customerId)}`, [], showInwardLinks));
  }

  /** Get Customer Profiles: the customers found, in the order asked; 7014 (404) when none is. */
  async getProfiles(customerIds: readonly string[], showInwardLinks?: ShowInwardLinks): Promise<ImiconnectProfile[]> {
    return (await this.#profiles(PROFILES_V1, customerIds, showInwardLinks)).Records;
  }

  /** Delete Customer Profile (`/resources/v2`): queued; 7203 (404) at once for an unknown customer. */
  deleteProfile(customerId: string): Promise<ImiconnectQueued> {
    return this.#queued('DELETE', `${PROFILES_V2}/${encodeURIComponent(customerId)}`);
  }

  /** Delete Customer Profile on the path of the vendor's example (`/resources/v1`). */
  deleteProfileV1(customerId: string): Promise<ImiconnectQueued> {
    return this.#queued('DELETE', `${PROFILES_V1}/${encodeURIComponent(customerId)}`);
  }

  /** Delete Customer Profiles: one queued transaction for all of them. */
  deleteProfiles(customerIds: readonly string[]): Promise<ImiconnectQueued> {
    return this.#queued('DELETE', `${PROFILES_V1}?${customerIdQuery(customerIds)}`);
  }

  /** Get Profile Status: 1000 SUCCESS, or 1002 Partial success with each failed record's code; 7600 (404) while still queued. */
  getProfileStatus(transid: string): Promise<ImiconnectProfileStatus> {
    return this.#json('GET', `/resources/v2/profile/status/${encodeURIComponent(transid)}`);
  }

  #queued(method: string, path: string, body?: unknown): Promise<ImiconnectQueued> {
    return this.#json<{ response: ImiconnectQueued }>(method, path, body).then((answer) => answer.response);
  }

  #profiles(path: string, customerIds: readonly string[], showInwardLinks: ShowInwardLinks | undefined): Promise<ImiconnectProfileList> {
    const query = [customerIds.length ? customerIdQuery(customerIds) : '', showInwardLinks === undefined ? '' : `showinwardlinks=${showInwardLinks}`].filter(Boolean).join('&');
    return this.#json('GET', query ? `${path}?${query}` : path);
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { ...this.options.headers, key: this.options.key, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.#fetch(`${this.options.baseUrl.replace(/\/$/, '')}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    const parsed = parse(text);
    // An error envelope is an error whatever the status: with "always 200" it arrives as HTTP 200.
    const envelope = errorEnvelope(parsed);
    if (envelope) throw new ImiconnectApiError(res.status, envelope.response.code, envelope.response.description);
    if (!res.ok || parsed === undefined) throw new ImiconnectApiError(res.status, undefined, undefined);
    return parsed as T;
  }
}

/** The body as the seed's examples spell it. */
function batch(records: readonly ImiconnectRecord[]): unknown {
  if (records.length === 0) throw new Error('IMIconnect needs at least one record');
  return { Records: records.map((r) => ({ customerId: r.customerId, Attributes: r.attributes })) };
}

/** `customerId=1&customerId=2`, as the vendor's example repeats the parameter. */
function customerIdQuery(customerIds: readonly string[]): string {
  if (customerIds.length === 0) throw new Error('IMIconnect needs at least one customerId');
  return customerIds.map((id) => `customerId=${encodeURIComponent(id)}`).join('&');
}

function one(list: ImiconnectProfileList): ImiconnectProfile {
  const record = list.Records[0];
  if (record === undefined) throw new Error('IMIconnect answered no record');
  return record;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A gateway's HTML page, say: not IMIconnect's envelope.
    return undefined;
  }
}

/** IMIconnect's error envelope: a `response` with a code but no transid (a Queued answer has one). */
function errorEnvelope(body: unknown): ImiconnectErrorBody | undefined {
  if (typeof body !== 'object' || body === null || !('response' in body)) return undefined;
  const response = (body as { response: unknown }).response;
  if (typeof response !== 'object' || response === null || 'transid' in response) return undefined;
  const { code, description } = response as Record<string, unknown>;
  return typeof code === 'string' && typeof description === 'string' ? { response: { code, description } } : undefined;
}
