/**
 * A small typed client for iService's login and customer-info forms, written
 * as a careful integrator would: it logs in with `emailAddress` and `Password`
 * (as JSON, which the login form takes like form fields), keeps the session cookie (and echoes a CSRF token when the
 * tenant sets one), sends JSON to the customer-info form, and treats an answer
 * whose `errors` is not empty as a failure, whatever its HTTP status (iService
 * answers business errors with 200). Copy it, or import it from
 * `contact-sandbox/clients/iservice`.
 */
import type { components } from '../vendors/iservice/generated/contract.js';

type Schemas = components['schemas'];
export type IServiceLoggedIn = Schemas['LoggedIn'];
export type IServiceUser = Extract<IServiceLoggedIn, { isLoggedIn: true }>;
export type IServiceDetailsInput = Schemas['DetailsInput'];
export type IServiceContact = Omit<Schemas['DetailsResponse'], 'errors' | 'errorDetails'>;
export type IServiceSegmentId = Schemas['SegmentID'];

/** iService's envelope: both arrays are empty on success. */
export interface IServiceEnvelope {
  readonly errors: readonly string[];
  readonly errorDetails: readonly string[];
}

/** A failed call: `errors` not empty (usually with HTTP 200), or a non-2xx answer. */
export class IServiceApiError extends Error {
  constructor(
    readonly status: number,
    /** The envelope's user-facing messages (empty when the answer was not iService's envelope). */
    readonly errors: readonly string[],
    /** One line per problem. */
    readonly errorDetails: readonly string[],
  ) {
    super(`iService answered ${status}${errors.length ? `: ${errors.join(' ')}` : ''}`);
    this.name = 'IServiceApiError';
  }

  /** True for "You must be logged in." (HTTP 200 or 401 depending on the tenant). */
  get notLoggedIn(): boolean {
    return this.status === 401 || this.errors.includes('You must be logged in.');
  }
}

export interface IServiceClientOptions {
  /** The tenant, `https://example.iservicecrm.com`, or the sandbox's URL. */
  readonly baseUrl: string;
  /** A session id already held (from an earlier login); `login()` sets it otherwise. */
  readonly sessionId?: string;
  /** The session cookie's name (`SessionID` unless the tenant changed it). */
  readonly sessionCookieName?: string;
  readonly fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `X-Sandbox-Session`). */
  readonly headers?: Readonly<Record<string, string>>;
}

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const JSON_BODY = { 'Content-Type': 'application/json' } as const;

export class IServiceClient {
  /** The session cookie's value; set by `login()`, cleared by `logout()`. */
  sessionId: string | undefined;
  /** The CSRF token cookie, when the tenant sets one at login; echoed in X-XSRF-TOKEN. */
  csrfToken: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #cookieName: string;

  constructor(private readonly options: IServiceClientOptions) {
    this.#fetch = options.fetch ?? fetch;
    this.#cookieName = options.sessionCookieName ?? 'SessionID';
    this.sessionId = options.sessionId;
  }

  /** `api=login`; keeps the session cookie. A wrong password throws (`Invalid email address or password.`). */
  async login(emailAddress: string, password: string): Promise<IServiceUser> {
    const body = await this.#post<{ loggedIn: IServiceLoggedIn }>('/f/webapp-api-login?api=login', JSON_BODY, JSON.stringify({ emailAddress, Password: password }));
    if (!body.loggedIn.isLoggedIn) throw new IServiceApiError(200, ['Not logged in.'], ['The login answer reports isLoggedIn: false.']);
    return body.loggedIn;
  }

  /** `api=loggedin`: the current user and its rights, or `{isLoggedIn: false}`. */
  async loggedIn(): Promise<IServiceLoggedIn> {
    return (await this.#post<{ loggedIn: IServiceLoggedIn }>('/f/webapp-api-login?api=loggedin')).loggedIn;
  }

  /** `api=logout`: ends the session (succeeds without one too). */
  async logout(): Promise<void> {
    await this.#post('/f/webapp-api-login?api=logout');
    this.sessionId = undefined;
    this.csrfToken = undefined;
  }

  /** `api=setdetails`: replaces the listed properties, the logins (when `setLogins`) and, when given, the membership. */
  async setDetails(contactID: number, details: IServiceDetailsInput, membership?: readonly IServiceSegmentId[]): Promise<void> {
    await this.#custinfo('setdetails', { contactID, details, ...(membership === undefined ? {} : { membership }) });
  }

  /** `api=details`: a contact in the shape `setDetails` takes. */
  async details(contactID: number): Promise<IServiceContact> {
    const { contactID: id, details, membership } = await this.#custinfo<Schemas['DetailsResponse']>('details', { contactID });
    return { contactID: id, details, membership };
  }

  /** `api=newcontact` (agents only): the new contact's id (iService answers it as a string). */
  async newContact(details: IServiceDetailsInput, membership?: readonly IServiceSegmentId[]): Promise<number> {
    const body = await this.#custinfo<Schemas['NewContactResponse']>('newcontact', { details, ...(membership === undefined ? {} : { membership }) });
    return Number(body.contactID);
  }

  #custinfo<T>(api: string, body: object): Promise<T> {
    const headers: Record<string, string> = { ...JSON_BODY };
    if (this.csrfToken !== undefined) headers[CSRF_HEADER] = this.csrfToken;
    return this.#post<T>(`/f/webapp-api-custinfo?api=${api}`, headers, JSON.stringify(body));
  }

  async #post<T>(path: string, extra: Record<string, string> = {}, body?: string): Promise<T & IServiceEnvelope> {
    const headers: Record<string, string> = { ...this.options.headers, Accept: 'application/json', ...extra };
    if (this.sessionId !== undefined) headers['Cookie'] = `${this.#cookieName}=${this.sessionId}`;
    const res = await this.#fetch(`${this.options.baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
    this.#keepCookies(res.headers.getSetCookie());
    const envelope = parseEnvelope(await res.text());
    if (!res.ok || envelope === undefined || envelope.errors.length > 0) throw new IServiceApiError(res.status, envelope?.errors ?? [], envelope?.errorDetails ?? []);
    return envelope as T & IServiceEnvelope;
  }

  /** Session and CSRF cookies from Set-Cookie; an emptied session cookie (logout) forgets the session. */
  #keepCookies(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = decodeURIComponent(pair.slice(at + 1).trim());
      if (name === this.#cookieName) this.sessionId = value === '' ? undefined : value;
      else if (name === CSRF_COOKIE) this.csrfToken = value === '' ? undefined : value;
    }
  }
}

function parseEnvelope(text: string): (IServiceEnvelope & Record<string, unknown>) | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && Array.isArray((body as IServiceEnvelope).errors) && Array.isArray((body as IServiceEnvelope).errorDetails)
      ? (body as IServiceEnvelope & Record<string, unknown>)
      : undefined;
  } catch {
    // A proxy's HTML page, say: not iService's envelope.
    return undefined;
  }
}
