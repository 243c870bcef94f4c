import type { IncomingMessage } from 'node:http';
import { Router as ExpressRouter, type NextFunction, type Request, type Response } from 'express';
import { closesConnection, isRawBodyError, parseBody, type BodyPolicy } from '../body.js';
import type { Contract } from '../contract.js';
import type { HttpOutcome } from '../http-outcome.js';
import { sessionIdOf } from '../request-context.js';
import { writeOutcome } from '../respond.js';
import type { Session } from '../session.js';
import { sandboxError } from '../vendor-dispatch.js';
import { adminRoutes, type AdminDeps } from './admin-handlers.js';

const ADMIN_BODY: BodyPolicy = { json: ['application/json'], otherTypes: 'json', missingType: 'json' };

/** What an admin handler gets: the caller's session and the validated request parts. */
export interface AdminCall {
  readonly session: Session;
  readonly body: unknown;
  readonly query: Record<string, unknown>;
  readonly params: Record<string, unknown>;
}

export type AdminHandler = (call: AdminCall) => HttpOutcome;

export interface AdminRoute {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly operationId: string;
  readonly handle: AdminHandler;
}

/**
 * The admin API under `/__admin`. Every request is checked against
 * `contracts/admin.openapi.yaml` before its handler runs, and every answer is
 * JSON, including errors and unknown admin paths.
 */
export function createAdminRouter(deps: AdminDeps & { readonly contract: Contract; readonly readRawBody: (req: IncomingMessage) => Promise<Buffer | undefined> }): ExpressRouter {
  const router = ExpressRouter();
  const routes = adminRoutes(deps);
  for (const route of routes) {
    router[route.method](`/__admin${route.path}`, async (req: Request, res: Response) => {
      const session = deps.sessions.get(sessionIdOf(res));
      const send = (outcome: HttpOutcome) => writeOutcome(res, outcome, session.clock.httpDate());
      let raw: Buffer | undefined;
      try {
        raw = await deps.readRawBody(req);
      } catch (error) {
        if (isRawBodyError(error) && closesConnection(error)) res.shouldKeepAlive = false;
        return send(sandboxError(400, 'unreadable_body', 'The request body could not be read (too large or aborted).'));
      }
      const parsed = parseBody(raw, req.headers['content-type'], ADMIN_BODY);
      if (parsed.kind !== 'ok') return send(sandboxError(400, 'invalid_json', 'The request body is not valid JSON.'));
      const params: Record<string, unknown> = { ...req.params };
      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      const issues = deps.contract.validateRequest(route.operationId, { params, query, headers: {}, body: parsed.body });
      if (issues.length > 0) {
        const described = issues.map((i) => `${i.location}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);
        return send(sandboxError(400, 'invalid_request', `Invalid ${route.operationId} request.`, { issues: described }));
      }
      try {
        send(route.handle({ session, body: parsed.body, query, params }));
      } catch (error) {
        deps.log.error({ err: error, operation: route.operationId }, 'admin handler failed');
        send(sandboxError(500, 'internal', 'The admin request failed; see the sandbox log.'));
      }
    });
  }
  // Express decodes path parameters before a handler runs: a malformed escape (`/state/%zz`) arrives here as a URIError.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof URIError)) return next(error);
    const session = deps.sessions.get(sessionIdOf(res));
    writeOutcome(res, badPercentEncoding(req.path), session.clock.httpDate());
  });
  router.use((req: Request, res: Response) => {
    const session = deps.sessions.get(sessionIdOf(res));
    const known = routes.map((r) => `${r.method.toUpperCase()} /__admin${r.path}`);
    writeOutcome(res, sandboxError(404, 'no_admin_route', `No admin endpoint ${req.method} ${req.path}`, { known }), session.clock.httpDate());
  });
  return router;
}

/** The answer to a path that is not valid percent-encoding (`%zz`, a lone `%`, a broken UTF-8 sequence). */
function badPercentEncoding(path: string) {
  return sandboxError(400, 'invalid_path', `The path ${JSON.stringify(path)} is not valid percent-encoding (a "%" must start a %XX escape of UTF-8).`);
}
