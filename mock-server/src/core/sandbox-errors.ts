import type { HttpOutcome } from './http-outcome.js';
import { JSON_CONTENT_TYPE } from './respond.js';

/**
 * Every error the sandbox itself (not a vendor) answers with: code → status.
 * One code, one meaning, one status; `contracts/admin.openapi.yaml` declares
 * the same table (`x-sandbox-errors`), and a test holds the two together.
 * See docs/decisions/0014-sandbox-error-catalogue.md.
 */
export const SANDBOX_ERRORS = {
  /** The session id (header or `/__session/<id>/` prefix) is not a valid id. */
  invalid_session: 400,
  /** `X-Sandbox-Scenario` names no scenario (a request header, so a 400, not a missing resource). */
  invalid_scenario_header: 400,
  /** No mounted vendor owns the path. */
  no_route: 404,
  /** No admin endpoint at this method and path. */
  no_admin_route: 404,
  /** An admin path segment is not valid percent-encoding. */
  invalid_path: 400,
  /** The admin request body could not be read (too large, aborted). */
  unreadable_body: 400,
  /** The admin request body is not JSON. */
  invalid_json: 400,
  /** The admin request breaks its contract. */
  invalid_request: 400,
  /** An admin request names a scenario that does not exist. */
  unknown_scenario: 404,
  /** An admin request names a vendor that is not mounted. */
  unknown_vendor: 404,
  /** An admin request names a session that does not exist. */
  unknown_session: 404,
  /** A Pact state change names a state no scenario or vendor answers (Pact's state-change protocol wants a 4xx failure). */
  unknown_provider_state: 400,
  /** A Pact state change's parameters are not the state's: an unknown or missing one, a wrong type, or values the vendor cannot honour (decision 0517). */
  invalid_provider_state_params: 400,
  /** Setting or advancing the clock would leave the range it may show. */
  clock_out_of_range: 400,
  /** Every session is busy and the sandbox holds its maximum of them (`Retry-After` says when to retry). */
  session_limit: 503,
  /** The sandbox was started with an admin token and the call lacks `Authorization: Bearer <token>` (decision 0031). */
  admin_unauthorized: 401,
  /** An admin call names a Host that is not loopback, an IP address, the bound address or one of `--allowed-hosts` (DNS rebinding). */
  forbidden_host: 403,
  /** An admin call comes from a foreign or opaque web Origin. */
  forbidden_origin: 403,
  /** An admin write carries a body that is not `application/json`. */
  unsupported_media_type: 415,
  /** The request is not valid HTTP/1.1 (answered on the raw connection, decision 0030). */
  malformed_http: 400,
  /** The request head is larger than the sandbox accepts. */
  headers_too_large: 431,
  /** The chunk extensions of the request body are larger than the sandbox accepts. */
  chunk_extensions_too_large: 413,
  /** The request did not arrive within `--headers-timeout` / `--request-timeout`. */
  request_timeout: 408,
  /** `GET /__admin/drift` on a sandbox that no drift proxy runs (decision 0600). */
  not_proxying: 404,
  /** `GET /__admin/ui` on a sandbox whose dashboard was never built (a source checkout without `npm run build`). */
  dashboard_not_built: 503,
  /** `GET /__admin/events` while every event stream the sandbox keeps is open (`Retry-After` says when to retry; decision 0611). */
  event_streams_full: 503,
  /** The sandbox failed; its log says why. */
  internal: 500,
  /** Answered by the balancer of a replicated deployment (deploy/nginx.conf), not by a sandbox: the replica holding the session cannot be reached (decision 0620). */
  replica_unavailable: 502,
} as const satisfies Readonly<Record<string, number>>;

export type SandboxErrorCode = keyof typeof SANDBOX_ERRORS;

/** The message of `request_timeout`, whether the server answers a slow head or a handler a slow body. */
export const REQUEST_TIMEOUT_MESSAGE = 'The request did not arrive in time (--headers-timeout, --request-timeout).';

/** Answers from the sandbox itself share one JSON shape; the status comes from the catalogue. */
export function sandboxError(code: SandboxErrorCode, message: string, extra: Readonly<Record<string, unknown>> = {}): HttpOutcome {
  return { status: SANDBOX_ERRORS[code], contentType: JSON_CONTENT_TYPE, headers: { 'X-Sandbox-Error': code }, body: { error: { code, message, ...extra } } };
}
