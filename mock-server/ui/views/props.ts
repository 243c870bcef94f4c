import type { LiveEvents } from '../live.js';
import type { SessionInfo, VendorInfo } from '../types.js';

/** What every view gets from the page. */
export interface ViewProps {
  /** The session the page acts on (the header's picker). */
  readonly session: string;
  readonly setSession: (id: string) => void;
  readonly sessions: readonly SessionInfo[];
  readonly refreshSessions: () => void;
  readonly vendors: readonly VendorInfo[];
  readonly live: LiveEvents;
  /** What follows the view in the address (`#/vendors/<id>`). */
  readonly arg: string | undefined;
}
