/**
 * A small typed client for Ocamba Hood partner contacts, written as a careful
 * integrator would: it sends what Ocamba requires (Bearer key, JSON bodies),
 * never reads a body from a 204 (the vendor's own JS sample does, and throws),
 * surfaces the documented error envelope, and keeps the rate-limit headers.
 * Copy it, or import it from `contact-sandbox/clients/ocamba`.
 */
import type { components } from '../vendors/ocamba/generated/contract.js';

export type OcambaContact = Pick<components['schemas']['Contact'], 'id' | 'type' | 'value'>;
export type OcambaContactType = components['schemas']['ContactType'];
export type OcambaPartner = components['schemas']['Partner'];
export interface OcambaList<T> {
  readonly total: number;
  readonly items: readonly T[];
}

/** Ocamba's error envelope (`message` is absent on 500). */
export interface OcambaErrorBody {
  readonly code: number;
  readonly title: string;
  readonly message?: string;
  readonly trace_id: string;
}

export interface OcambaRateLimit {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly reset: number;
}

/** A non-2xx answer from Ocamba. */
export class OcambaApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: OcambaErrorBody | undefined,
    /** Seconds to wait on 429; -1 means the parallel-request cap was hit (retry when a request completes). */
    readonly retryAfter: number | undefined,
  ) {
    super(`Ocamba answered ${status}${body ? `: ${body.title} ${body.message ?? ''}`.trimEnd() : ''}`);
    this.name = 'OcambaApiError';
  }
}

export interface OcambaClientOptions {
  /** `https://api.ocamba.com`, or the sandbox's URL. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `X-Sandbox-Session`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PartnerQuery {
  readonly page?: number;
  readonly perPage?: number;
  readonly sort?: readonly string[];
  readonly q?: string;
  readonly fields?: readonly string[];
  readonly status?: readonly OcambaPartner['status'][];
}

export class OcambaClient {
  /** The X-RateLimit-* headers of the last allowed answer. */
  lastRateLimit: OcambaRateLimit | undefined;
  readonly #fetch: typeof fetch;

  constructor(private readonly options: OcambaClientOptions) {
    this.#fetch = options.fetch ?? fetch;
  }

  listPartners(query: PartnerQuery = {}): Promise<OcambaList<OcambaPartner>> {
    const params = new URLSearchParams();
    if (query.page !== undefined) params.set('page', query.perPage === undefined ? String(query.page) : `${query.page},${query.perPage}`);
    if (query.sort?.length) params.set('sort', query.sort.join(','));
    if (query.q !== undefined) params.set('q', query.q);
    if (query.fields?.length) params.set('fields', query.fields.join(','));
    if (query.status?.length) params.set('status', query.status.join(','));
    const search = params.size ? `?${params.toString()}` : '';
    return this.#json('GET', `/v1/hood/partners${search}`);
  }

  async getPartner(partnerId: string): Promise<OcambaPartner> {
    const list = await this.#json<OcambaList<OcambaPartner>>('GET', `/v1/hood/partners/${encodeURIComponent(partnerId)}`);
    return first(list);
  }

  listContacts(partnerId: string): Promise<OcambaList<OcambaContact>> {
    return this.#json('GET', `${contacts(partnerId)}`);
  }

  async getContact(partnerId: string, contactId: string): Promise<OcambaContact> {
    return first(await this.#json<OcambaList<OcambaContact>>('GET', `${contacts(partnerId)}/${encodeURIComponent(contactId)}`));
  }

  createContact(partnerId: string, contact: { type: OcambaContactType; value: string }): Promise<OcambaContact> {
    return this.#json('POST', contacts(partnerId), { type: contact.type, value: contact.value });
  }

  /** Changes the fields given; Ocamba answers 204 with no body. */
  async updateContact(partnerId: string, contactId: string, patch: { type?: OcambaContactType; value?: string }): Promise<void> {
    if (patch.type === undefined && patch.value === undefined) throw new Error('updateContact needs a type or a value');
    await this.#send('PATCH', `${contacts(partnerId)}/${encodeURIComponent(contactId)}`, patch);
  }

  async deleteContact(partnerId: string, contactId: string): Promise<void> {
    await this.#send('DELETE', `${contacts(partnerId)}/${encodeURIComponent(contactId)}`);
  }

  /** True when the key is valid now; false on 401. */
  async validateKey(): Promise<boolean> {
    try {
      await this.#send('POST', '/v2/ocamba/personal-api-keys/validate');
      return true;
    } catch (error) {
      if (error instanceof OcambaApiError && error.status === 401) return false;
      throw error;
    }
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#send(method, path, body);
    return (await res.json()) as T;
  }

  async #send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { ...this.options.headers, Authorization: `Bearer ${this.options.apiKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.#fetch(`${this.options.baseUrl.replace(/\/$/, '')}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (res.ok) {
      const limit = res.headers.get('X-RateLimit-Limit');
      if (limit !== null)
        this.lastRateLimit = { limit: Number(limit), remaining: Number(res.headers.get('X-RateLimit-Remaining')), reset: Number(res.headers.get('X-RateLimit-Reset')) };
      return res;
    }
    const text = await res.text();
    const retryAfter = res.headers.get('Retry-After');
    throw new OcambaApiError(res.status, parseError(text), retryAfter === null ? undefined : Number(retryAfter));
  }
}

function contacts(partnerId: string): string {
  return `/v1/hood/partners/${encodeURIComponent(partnerId)}/contacts`;
}

function first<T>(list: OcambaList<T>): T {
  const item = list.items[0];
  if (item === undefined) throw new Error('Ocamba answered an empty list');
  return item;
}

function parseError(text: string): OcambaErrorBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && 'code' in body && 'title' in body ? (body as OcambaErrorBody) : undefined;
  } catch {
    // A gateway's HTML page, say: not Ocamba's envelope.
    return undefined;
  }
}
