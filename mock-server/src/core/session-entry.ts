import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminGuard } from './admin-guard.js';
import { VOLUME_DEFAULTS } from './config.js';
import { setSessionId } from './request-context.js';
import { writeOutcome } from './respond.js';
import { sandboxError } from './sandbox-errors.js';
import { isValidSessionId, type Session, type SessionRegistry } from './session.js';

const SESSION_PREFIX = /^\/__session\/([^/?]+)(\/[^?]*)?(\?.*)?$/;

/** The admin API's own paths (after any `/__session/<id>` prefix). */
function isAdminPath(url: string): boolean {
  return url === '/__admin' || url.startsWith('/__admin/') || url.startsWith('/__admin?');
}

/**
 * Whether a request is for the admin API, as the entry below decides it: the
 * sandbox hands only those to Express (its router, `req.params`, `req.query`),
 * and serves vendor requests without it (docs/decisions/0034-request-path-cost.md).
 */
export function isAdminRequest(url: string): boolean {
  if (!url.startsWith('/__session/')) return isAdminPath(url);
  const prefixed = SESSION_PREFIX.exec(url);
  return prefixed !== null && isAdminPath(`${prefixed[2] ?? '/'}${prefixed[3] ?? ''}`);
}

/** Handles a request that has its session; admin requests reach it through Express, so they carry Express's request and response. */
export type EntryHandler = (req: IncomingMessage, res: ServerResponse, session: Session, next: (error?: unknown) => void) => void;

/**
 * The one entry point: resolves the session (`/__session/<id>/` prefix, else
 * `X-Sandbox-Session`), then hands the request to the admin API or to a
 * vendor. It needs nothing Express adds to a request, so the same function
 * serves as Express middleware and on the vendor path that bypasses Express.
 */
export function createSessionEntry(
  sessions: SessionRegistry,
  adminGuard: AdminGuard,
  admin: EntryHandler,
  dispatch: (req: IncomingMessage, res: ServerResponse, session: Session) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown, session?: Session) => void) => void {
  return (req, res, next) => {
    const url = req.url ?? '/';
    // The regex runs only on prefixed URLs: most requests name their session in the header, or none.
    const prefixed = url.startsWith('/__session/') ? SESSION_PREFIX.exec(url) : null;
    const header = req.headers['x-sandbox-session'];
    let id: string | undefined;
    try {
      id = prefixed ? decodeURIComponent(prefixed[1]!) : typeof header === 'string' ? header : undefined;
    } catch {
      writeOutcome(
        res,
        sandboxError(
          'invalid_session',
          `The session id in ${JSON.stringify(`/__session/${prefixed![1]!}/`)} is not valid percent-encoding; session ids are 1-128 characters of A-Z a-z 0-9 . _ : -.`,
        ),
        sessions.get().clock.httpDate(),
      );
      return;
    }
    if (prefixed) req.url = `${prefixed[2] ?? '/'}${prefixed[3] ?? ''}`;
    if (id !== undefined && !isValidSessionId(id)) {
      writeOutcome(res, sandboxError('invalid_session', `Session ids are 1-128 characters of A-Z a-z 0-9 . _ : -; got "${id}".`), sessions.get().clock.httpDate());
      return;
    }
    const entered = sessions.enter(id);
    if (!entered) {
      writeOutcome(res, sessionLimitError(sessions.maxSessions), sessions.get().clock.httpDate());
      return;
    }
    const path = req.url!;
    if (isAdminPath(path)) {
      // 'close' comes once the answer is written or the client went away: the session is idle again.
      res.once('close', entered.done);
      if (id !== undefined) setSessionId(res, id);
      // The admin guard (decision 0031) runs before any admin route.
      const refused = adminGuard.check(req);
      if (refused) writeOutcome(res, refused, sessions.get().clock.httpDate());
      else admin(req, res, entered.session, next);
    } else {
      // Dispatch settles once the answer is written (or the client went away): no 'close' listener needed per request.
      dispatch(req, res, entered.session).then(entered.done, (error: unknown) => {
        next(error, entered.session);
        entered.done();
      });
    }
  };
}

/** Every session is busy: the client should retry shortly (docs/decisions/0050-session-cost-and-limit.md). */
function sessionLimitError(max: number) {
  const error = sandboxError('session_limit', `The sandbox holds its maximum of ${max} sessions and each has a request in flight; retry shortly, or raise --max-sessions.`);
  return { ...error, headers: { ...error.headers, 'Retry-After': String(VOLUME_DEFAULTS.sessionLimitRetryAfterS) } };
}
