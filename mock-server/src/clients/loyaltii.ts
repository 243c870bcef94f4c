/**
 * A small typed client for Loyaltii contacts (`/api/v1/Contacts`, ASP.NET Web
 * API 2), written as a careful integrator would: it sends the credentials the
 * account uses (Bearer by default, Basic where Loyaltii is set up for it), JSON
 * bodies with their Content-Type, asks for JSON, passes the contact's Version
 * on every PUT/PATCH, and reads Web API's answers: `{"Message"}` errors,
 * `ModelState` on 400, the current contact on 409, empty 404s.
 * Copy it, or import it from `contact-sandbox/clients/loyaltii`.
 */
import type { components } from '../vendors/loyaltii/generated/contract.js';

type Schemas = components['schemas'];
export type LoyaltiiContact = Schemas['ReadContactDto'];
export type LoyaltiiRegisteredContact = Schemas['ReadRegisteredContactDto'];
export type LoyaltiiCreateContact = Schemas['CreateContactDto'];
/** Every field is replaced (absent = null), except NewPassword; Version must be the one last read. */
export type LoyaltiiUpdateContact = Schemas['UpdateContactDto'] & { Version: string };
/** Only the fields given change; Version must be the one last read. */
export type LoyaltiiPatchContact = Schemas['PatchContactDto'] & { Version: string };
export type LoyaltiiContactFields = Schemas['ContactFieldValues'];
export type LoyaltiiPatchContactsResult = Schemas['PatchContactsResultDto'];

export interface LoyaltiiCreated {
  readonly contact: LoyaltiiContact;
  /** The absolute URI of the new contact (`Location`). */
  readonly location: string;
}

/** A non-2xx answer from Loyaltii. */
export class LoyaltiiApiError extends Error {
  constructor(
    readonly status: number,
    /** Web API's `HttpError` Message (absent on the empty 404 and 409 answers). */
    readonly errorMessage: string | undefined,
    /** 400: every problem of the request, keyed like `patchContactDto.FirstName`. */
    readonly modelState: Readonly<Record<string, readonly string[]>> | undefined,
    /** 409 on PUT/PATCH by id: the contact as it now is (retry with its Version). */
    readonly current: LoyaltiiContact | undefined,
    /** 401: the scheme Loyaltii expects (`WWW-Authenticate`). */
    readonly challenge: string | undefined,
  ) {
    super(`Loyaltii answered ${status}${errorMessage === undefined ? '' : `: ${errorMessage}`}`);
    this.name = 'LoyaltiiApiError';
  }
}

export type LoyaltiiCredentials = { readonly bearer: string } | { readonly basic: { readonly user: string; readonly password: string } };

export interface LoyaltiiClientOptions {
  /** `https://api.loyaltii.com`, or the sandbox's URL. */
  readonly baseUrl: string;
  readonly credentials: LoyaltiiCredentials;
  readonly fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `X-Sandbox-Session`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RegistrationQuery {
  /** Registered within the last N minutes. */
  readonly timespan?: number;
  readonly source?: string;
  readonly ip?: string;
}

const CONTACTS = '/api/v1/Contacts';

export class LoyaltiiClient {
  readonly #fetch: typeof fetch;

  constructor(private readonly options: LoyaltiiClientOptions) {
    this.#fetch = options.fetch ?? fetch;
  }

  getContact(id: number): Promise<LoyaltiiContact> {
    return this.#json('GET', contact(id));
  }

  /** `ip` (the end user's address) feeds Loyaltii's brute-force protection. */
  getContactBySecret(secret: string, ip?: string): Promise<LoyaltiiContact> {
    const params = new URLSearchParams({ secret });
    if (ip !== undefined) params.set('ip', ip);
    return this.#json('GET', `${CONTACTS}?${params.toString()}`);
  }

  /** Contacts registered by timespan, source and/or ip (filters combine); `[]` when none. */
  getRegistrations(query: RegistrationQuery = {}): Promise<LoyaltiiRegisteredContact[]> {
    const params = new URLSearchParams();
    if (query.timespan !== undefined) params.set('timespan', String(query.timespan));
    if (query.source !== undefined) params.set('source', query.source);
    if (query.ip !== undefined) params.set('ip', query.ip);
    return this.#json('GET', `${CONTACTS}/Registration${params.size ? `?${params.toString()}` : ''}`);
  }

  /** 201 with the new contact and its Location; an empty 409 when the Email/Phone is taken or the store unknown. */
  async createContact(dto: LoyaltiiCreateContact): Promise<LoyaltiiCreated> {
    const res = await this.#send('POST', CONTACTS, dto);
    return { contact: (await res.json()) as LoyaltiiContact, location: res.headers.get('Location') ?? '' };
  }

  /** Replaces the contact; 409 (with `current`) when someone saved it since `dto.Version` was read. */
  updateContact(id: number, dto: LoyaltiiUpdateContact): Promise<LoyaltiiContact> {
    return this.#json('PUT', contact(id), dto);
  }

  /** Changes the non-null fields (`""` clears Email, Phone, PhoneCountryCode); 409 (with `current`) on a stale Version. */
  patchContact(id: number, dto: LoyaltiiPatchContact): Promise<LoyaltiiContact> {
    return this.#json('PATCH', contact(id), dto);
  }

  /** Sets `fields` on the contacts with these ids, atomically; unknown ids come back in NotFound. */
  patchContacts(ids: readonly (number | string)[], fields: LoyaltiiContactFields): Promise<LoyaltiiPatchContactsResult> {
    return this.#json('PATCH', CONTACTS, { KeyType: 'Id', Keys: ids.map(String), Fields: fields });
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#send(method, path, body);
    return (await res.json()) as T;
  }

  async #send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { ...this.options.headers, Authorization: authorization(this.options.credentials), Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.#fetch(`${this.options.baseUrl.replace(/\/$/, '')}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (res.ok) return res;
    const parsed = parse(await res.text());
    const message = typeof parsed?.['Message'] === 'string' ? parsed['Message'] : undefined;
    const modelState = res.status === 400 && isRecord(parsed?.['ModelState']) ? (parsed['ModelState'] as Record<string, string[]>) : undefined;
    const current = res.status === 409 && parsed !== undefined && 'Version' in parsed ? (parsed as unknown as LoyaltiiContact) : undefined;
    throw new LoyaltiiApiError(res.status, message, modelState, current, res.headers.get('WWW-Authenticate') ?? undefined);
  }
}

function contact(id: number): string {
  return `${CONTACTS}/${encodeURIComponent(String(id))}`;
}

function authorization(credentials: LoyaltiiCredentials): string {
  if ('bearer' in credentials) return `Bearer ${credentials.bearer}`;
  const bytes = new TextEncoder().encode(`${credentials.basic.user}:${credentials.basic.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body of an error, or undefined when there is none (404, 409 on POST) or it is not JSON (a proxy's page). */
function parse(text: string): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  try {
    const body = JSON.parse(text) as unknown;
    return isRecord(body) ? body : undefined;
  } catch {
    return undefined;
  }
}
