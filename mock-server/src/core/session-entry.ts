import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AdminGuard } from './admin-guard.js';
import { VOLUME_DEFAULTS } from './config.js';
import { setSessionId } from './request-context.js';
import { writeOutcome } from './respond.js';
import { sandboxError } from './sandbox-errors.js';
import { isValidSessionId, type SessionRegistry } from './session.js';

const SESSION_PREFIX = /^\/__session\/([^/?]+)(\/[^?]*)?(\?.*)?$/;

/**
 * The one entry point: resolves the session (`/__session/<id>/` prefix, else
 * `X-Sandbox-Session`), then hands the request to the admin API or to a
 * vendor (fewer Express layers on every request).
 */
export function createSessionEntry(
  sessions: SessionRegistry,
  adminGuard: AdminGuard,
  admin: RequestHandler,
  dispatch: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const prefixed = SESSION_PREFIX.exec(req.url);
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
    if (id !== undefined) setSessionId(res, id);
    const entered = sessions.enter(id);
    if (!entered) {
      writeOutcome(res, sessionLimitError(sessions.maxSessions), sessions.get().clock.httpDate());
      return;
    }
    // 'close' comes once the answer is written or the client went away: the session is idle again.
    res.once('close', entered.done);
    if (req.url === '/__admin' || req.url.startsWith('/__admin/') || req.url.startsWith('/__admin?')) {
      // The admin guard (decision 0031) runs before any admin route.
      const refused = adminGuard.check(req);
      if (refused) writeOutcome(res, refused, sessions.get().clock.httpDate());
      else void admin(req, res, next);
    } else dispatch(req, res).catch(next);
  };
}

/** Every session is busy: the client should retry shortly (docs/decisions/0050-session-cost-and-limit.md). */
function sessionLimitError(max: number) {
  const error = sandboxError('session_limit', `The sandbox holds its maximum of ${max} sessions and each has a request in flight; retry shortly, or raise --max-sessions.`);
  return { ...error, headers: { ...error.headers, 'Retry-After': String(VOLUME_DEFAULTS.sessionLimitRetryAfterS) } };
}
