import type { ServerResponse } from 'node:http';
import { DEFAULT_SESSION } from './session.js';

/** An Express response: `locals` is where the session middleware leaves the session id for admin handlers. */
type WithLocals = ServerResponse & { locals?: Record<string, unknown> };

/** The session an admin request belongs to, set by the session middleware (default when none was named). */
export function sessionIdOf(res: ServerResponse): string {
  const id: unknown = (res as WithLocals).locals?.['sandboxSession'];
  return typeof id === 'string' ? id : DEFAULT_SESSION;
}

/** Only for responses that came through Express (admin requests), which have `locals`. */
export function setSessionId(res: ServerResponse, id: string): void {
  const locals = (res as WithLocals).locals;
  if (locals) locals['sandboxSession'] = id;
}
