import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { DASHBOARD_PATH } from './dashboard-assets.js';
import type { HttpOutcome } from './http-outcome.js';
import { sandboxError, type SandboxErrorCode } from './sandbox-errors.js';

/** Who may call the admin API (decision 0031). */
export interface AdminAccess {
  /** When set, every admin call needs `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** Host names (without port) the admin API answers besides loopback names, IP literals and the bound address; `*` allows any. */
  readonly allowedHosts?: readonly string[] | undefined;
}

/** The sandbox error catalogue's codes this guard answers with. */
type GuardCode = Extract<SandboxErrorCode, 'forbidden_host' | 'forbidden_origin' | 'admin_unauthorized' | 'unsupported_media_type'>;

function refusal(code: GuardCode, message: string, headers: Record<string, string> = {}): HttpOutcome {
  const outcome = sandboxError(code, message);
  return { ...outcome, headers: { ...outcome.headers, ...headers } };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The admin API's gate: `check` returns the refusal (or undefined), `bind` adds an address the sandbox listens on to the allowed hosts. */
export interface AdminGuard {
  check(req: IncomingMessage): HttpOutcome | undefined;
  bind(address: string): void;
}

/**
 * Checks an admin request before its route runs: the Host (DNS rebinding),
 * the Origin (a web page driving the API from the user's browser), the
 * token, and that a write's body is declared as JSON (which a browser cannot
 * send cross-origin without a preflight the sandbox never allows).
 * The dashboard's static files need no token (see isDashboardFile).
 * Returns the refusal, or undefined to let the call through.
 */
export function createAdminGuard(access: AdminAccess): AdminGuard {
  // Both sides hashed: timingSafeEqual needs equal lengths, and the hash hides the token's length too.
  const expected = access.token === undefined || access.token === '' ? undefined : sha256(access.token);
  const allowed = new Set((access.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const bound = new Set<string>();
  const hostAllowed = (hostHeader: string): boolean => {
    const name = hostName(hostHeader);
    if (name === undefined) return false;
    return allowed.has('*') || isLoopbackName(name) || isIP(name) !== 0 || bound.has(name) || allowed.has(name);
  };
  return {
    bind: (address) => {
      if (address !== '0.0.0.0' && address !== '::') bound.add(address.toLowerCase());
    },
    check: (req) => {
      const host = req.headers.host;
      // No Host at all (HTTP/1.0 tools) cannot come from a browser, which always sends one.
      if (host !== undefined && !hostAllowed(host)) {
        return refusal(
          'forbidden_host',
          `The admin API does not answer for Host "${host}": only loopback names, IP addresses, the bound address and --allowed-hosts (DNS rebinding protection).`,
        );
      }
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== 'null' && !sameHost(origin, host)) {
        return refusal('forbidden_origin', `The admin API does not answer requests from the web origin ${origin}.`);
      }
      if (origin === 'null') return refusal('forbidden_origin', 'The admin API does not answer requests from an opaque web origin.');
      if (expected !== undefined && !isDashboardFile(req)) {
        const given = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '')?.[1];
        if (given === undefined || !timingSafeEqual(sha256(given), expected)) {
          return refusal('admin_unauthorized', 'The admin API needs Authorization: Bearer <token> (the --admin-token / SANDBOX_ADMIN_TOKEN the sandbox was started with).', {
            'WWW-Authenticate': 'Bearer realm="contact-sandbox admin"',
          });
        }
      }
      if (WRITES.has(req.method ?? '') && hasBody(req) && !isJson(req.headers['content-type'])) {
        return refusal('unsupported_media_type', `Admin requests with a body take only application/json, not ${JSON.stringify(req.headers['content-type'] ?? '(none)')}.`);
      }
      return undefined;
    },
  };
}

/**
 * A read of the dashboard's page or one of its files (decision 0612). They
 * hold no data and are the same in every install, and a browser opening a
 * page cannot send a bearer token: the page asks for the token and sends it
 * on every call it makes. The Host and Origin checks still apply.
 */
function isDashboardFile(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '';
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  return path === DASHBOARD_PATH || path === `${DASHBOARD_PATH}/` || (path.startsWith(`${DASHBOARD_PATH}/`) && !path.slice(DASHBOARD_PATH.length + 1).includes('/'));
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The host name of a Host header (`[::1]:4010` → `::1`), lowercased; undefined when it is not one. */
function hostName(host: string): string | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/.exec(host.trim());
  const name = match?.[1] ?? match?.[2];
  return name?.toLowerCase().replace(/\.$/, '');
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** True for addresses only this machine can reach (the warning for an open admin API is skipped for these). */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === 'localhost' || address === '::ffff:127.0.0.1';
}
