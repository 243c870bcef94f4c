import type { StateInit } from '../../core/vendor-module.js';
import { ContactDirectory } from './directory.js';
import type { IServiceFixtures, User } from './fixtures.js';
import { LoginSessions, type LoginSession, type Resumed } from './login-sessions.js';
import type { IServiceSettings } from './settings.js';

export type SessionState = { readonly kind: 'active'; readonly session: LoginSession; readonly user: User } | Exclude<Resumed, { kind: 'active' }>;

/** One sandbox session's iService tenant: its contacts and users, and who is logged in. */
export class IServiceStore {
  readonly directory: ContactDirectory;
  readonly sessions: LoginSessions;

  constructor(init: StateInit<IServiceSettings, IServiceFixtures>) {
    this.directory = new ContactDirectory(init.fixtures, (key, build) => init.shared(key, build));
    this.sessions = new LoginSessions(init.random);
  }

  /** Logs a user in with an email login and password; undefined when they do not match. */
  login(emailAddress: string, password: string, now: number): { readonly session: LoginSession; readonly user: User } | undefined {
    const found = this.directory.authenticate(emailAddress, password);
    return found && { session: this.sessions.start(found.user.contactID, found.login, now), user: found.user };
  }

  /**
   * The session a cookie names, under the settings in force for this request
   * (so a per-request scenario can change the idle limit or add preset
   * sessions). A preset session is started by its first request.
   */
  resume(id: string, now: number, settings: IServiceSettings): SessionState {
    const preset = settings.presetSessions[id];
    if (preset !== undefined && !this.sessions.known(id)) {
      const found = this.directory.userByLogin(preset);
      if (found) this.sessions.start(found.user.contactID, found.login, now, id);
    }
    const resumed = this.sessions.resume(id, now, settings.sessionIdleMinutes);
    if (resumed.kind !== 'active') return resumed;
    const user = this.directory.user(resumed.session.contactID);
    // A user is never removed, so a live session always has one; treat the impossible as logged out.
    return user ? { kind: 'active', session: resumed.session, user } : { kind: 'ended', reason: { kind: 'logged-out' } };
  }

  dump(): unknown {
    return {
      ...this.directory.dump(),
      loginSessions: this.sessions.list().map((s) => ({ id: s.id, contactID: s.contactID, emailAddress: s.emailAddress, lastActivity: new Date(s.lastActivity).toISOString() })),
    };
  }
}
