import type { IncomingMessage } from 'node:http';
import { Router as ExpressRouter, type NextFunction, type Request, type Response } from 'express';
import { closesConnection, isRawBodyError, parseBody, type BodyPolicy } from '../body.js';
import type { Contract } from '../contract.js';
import type { HttpOutcome } from '../http-outcome.js';
import { answerNow, proceed, runPipeline } from '../pipeline.js';
import { sessionIdOf } from '../request-context.js';
import { writeOutcome } from '../respond.js';
import { REQUEST_TIMEOUT_MESSAGE, sandboxError } from '../sandbox-errors.js';
import { adminRoutes } from './admin-routes.js';
import type { AdminCall, AdminDeps, AdminRoute, AdminTakeover } from './admin-types.js';

const ADMIN_BODY: BodyPolicy = { json: ['application/json'], otherTypes: 'json', missingType: 'json' };

export interface AdminRouterDeps extends AdminDeps {
  readonly contract: Contract;
  readonly readRawBody: (req: IncomingMessage) => Promise<Buffer | undefined>;
}

/**
 * The admin API under `/__admin`. Every request is checked against
 * `contracts/admin.openapi.yaml` before its handler runs, and every answer is
 * JSON, including errors and unknown admin paths, except the dashboard's
 * files and the event stream, which its handler takes over.
 */
export function createAdminRouter(deps: AdminRouterDeps): ExpressRouter {
  const router = ExpressRouter();
  const routes = adminRoutes(deps);
  for (const route of routes) {
    router[route.method](`/__admin${route.path}`, async (req: Request, res: Response) => {
      const session = deps.sessions.get(sessionIdOf(res));
      const outcome = await runPipeline<AdminCall, HttpOutcome | AdminTakeover>({
        parse: async () => {
          let raw: Buffer | undefined;
          try {
            raw = await deps.readRawBody(req);
          } catch (error) {
            if (isRawBodyError(error) && closesConnection(error)) res.shouldKeepAlive = false;
            if (isRawBodyError(error) && error.kind === 'timed-out') return answerNow(sandboxError('request_timeout', REQUEST_TIMEOUT_MESSAGE));
            return answerNow(sandboxError('unreadable_body', 'The request body could not be read (too large or aborted).'));
          }
          const parsed = parseBody(raw, req.headers['content-type'], ADMIN_BODY);
          if (parsed.kind !== 'ok') return answerNow(sandboxError('invalid_json', 'The request body is not valid JSON.'));
          return proceed({ session, body: parsed.body, params: { ...req.params }, query: { ...(req.query as Record<string, unknown>) } });
        },
        validate: (call) => validate(deps.contract, route, call),
        handle: route.handle,
        fail: (error) => {
          deps.log.error({ err: error, operation: route.operationId }, 'admin handler failed');
          return sandboxError('internal', 'The admin request failed; see the sandbox log.');
        },
      });
      if ('takeover' in outcome) outcome.takeover(res, session.clock.httpDate());
      else writeOutcome(res, outcome, session.clock.httpDate());
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
    writeOutcome(res, sandboxError('no_admin_route', `No admin endpoint ${req.method} ${req.path}`, { known }), session.clock.httpDate());
  });
  return router;
}

/** Validation coerces `params` and `query` in place, so the handler sees the contract's types. */
function validate(contract: Contract, route: AdminRoute, call: AdminCall): HttpOutcome | undefined {
  const issues = contract.validateRequest(route.operationId, { params: call.params, query: call.query, headers: {}, body: call.body });
  if (issues.length === 0) return undefined;
  const described = issues.map((i) => `${i.location}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);
  return sandboxError('invalid_request', `Invalid ${route.operationId} request.`, { issues: described });
}

/** The answer to a path that is not valid percent-encoding (`%zz`, a lone `%`, a broken UTF-8 sequence). */
function badPercentEncoding(path: string) {
  return sandboxError('invalid_path', `The path ${JSON.stringify(path)} is not valid percent-encoding (a "%" must start a %XX escape of UTF-8).`);
}
