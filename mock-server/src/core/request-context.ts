import type { Response } from 'express';
import { DEFAULT_SESSION } from './session.js';

/** The session a request belongs to, set by the session middleware. */
export function sessionIdOf(res: Response): string {
  const id: unknown = res.locals['sandboxSession'];
  return typeof id === 'string' ? id : DEFAULT_SESSION;
}

export function setSessionId(res: Response, id: string): void {
  res.locals['sandboxSession'] = id;
}
