import type { Random } from '../../core/random.js';

/** A logged-in session: what the session cookie names. */
export interface LoginSession {
  readonly id: string;
  readonly contactID: number;
  /** The login the user logged in with. */
  readonly emailAddress: string;
  /** Echoed in a header when the CSRF check is on. */
  readonly csrfToken: string;
  lastActivity: number;
}

/** Why a cookie does not name a live session (an idle limit as it was when the session ended). */
export type EndReason = { readonly kind: 'expired'; readonly idleMinutes: number } | { readonly kind: 'logged-out' };

export type Resumed = { readonly kind: 'active'; readonly session: LoginSession } | { readonly kind: 'ended'; readonly reason: EndReason } | { readonly kind: 'unknown' };

/**
 * The login sessions of one sandbox session. "iService keeps track of actions
 * used by the session ID, and will automatically log the user out when there
 * have not been any actions taken ... for a specified time frame"
 * (https://www.iservice.info/guides/api/login-api.html): every request with a
 * live session counts as activity, on the sandbox session's virtual clock.
 */
export class LoginSessions {
  readonly #active = new Map<string, LoginSession>();
  /** Ended sessions, so that a refused request can say why (the vendor would only say "not logged in"). */
  readonly #ended = new Map<string, EndReason>();

  constructor(private readonly random: Random) {}

  /** A new session with a fresh id (32 hex characters from the seeded generator). */
  start(contactID: number, emailAddress: string, now: number, id: string = this.random.hex(32)): LoginSession {
    const session: LoginSession = { id, contactID, emailAddress, csrfToken: this.random.hex(32), lastActivity: now };
    this.#active.set(id, session);
    this.#ended.delete(id);
    return session;
  }

  /** Whether `id` was ever a session here (a preset one is only started once). */
  known(id: string): boolean {
    return this.#active.has(id) || this.#ended.has(id);
  }

  /** The live session `id` names, after ending it if it was idle for `idleMinutes` or more; a live one counts this request as activity. */
  resume(id: string, now: number, idleMinutes: number): Resumed {
    const session = this.#active.get(id);
    if (!session) {
      const reason = this.#ended.get(id);
      return reason === undefined ? { kind: 'unknown' } : { kind: 'ended', reason };
    }
    if (now - session.lastActivity >= idleMinutes * 60_000) {
      const reason = { kind: 'expired', idleMinutes } as const;
      this.end(id, reason);
      return { kind: 'ended', reason };
    }
    session.lastActivity = now;
    return { kind: 'active', session };
  }

  end(id: string, reason: EndReason): void {
    if (this.#active.delete(id)) this.#ended.set(id, reason);
  }

  list(): readonly LoginSession[] {
    return [...this.#active.values()];
  }
}
