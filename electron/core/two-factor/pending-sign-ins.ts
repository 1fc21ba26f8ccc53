/**
 * Sign-ins waiting for their second factor: after the right password `auth:login` remembers,
 * per window, which member is waiting for a code and until when (5 minutes). No session exists
 * until `twoFactor:signIn` accepts a code. Kept in main-process memory only, like sessions (S1).
 */
import type { Clock } from '../types';

/** How long the code step may take after the password. */
export const SECOND_FACTOR_MINUTES = 5;

export interface PendingSignIn {
  staffId: number;
  /** The password step used a temporary password (R1): consumed when the code is accepted. */
  temporary: boolean;
  until: Date;
}

export class PendingSignIns {
  private readonly byWindow = new Map<number, PendingSignIn>();

  constructor(private readonly clock: Clock) {}

  /** Remembers the member waiting on `windowId`, replacing any earlier one. */
  start(windowId: number, staffId: number, temporary: boolean): PendingSignIn {
    const pending = {
      staffId,
      temporary,
      until: new Date(this.clock.now().getTime() + SECOND_FACTOR_MINUTES * 60_000),
    };
    this.byWindow.set(windowId, pending);
    return pending;
  }

  /** The sign-in waiting on `windowId`, or null (none, or its 5 minutes are over). */
  get(windowId: number): PendingSignIn | null {
    const pending = this.byWindow.get(windowId);
    if (!pending) return null;
    if (this.clock.now().getTime() >= pending.until.getTime()) {
      this.byWindow.delete(windowId);
      return null;
    }
    return pending;
  }

  end(windowId: number): void {
    this.byWindow.delete(windowId);
  }

  /** Ends every waiting sign-in of a member (lockout, 2FA reset). */
  endForStaff(staffId: number): void {
    for (const [w, p] of this.byWindow) if (p.staffId === staffId) this.byWindow.delete(w);
  }
}
