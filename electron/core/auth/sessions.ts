/**
 * Sessions (S1-S3). A session lives only in main-process memory, keyed by a 128-bit id from a
 * CSPRNG, and bound to the window that signed in; the renderer never sees the id. It idle-locks
 * after the till's idle minutes (1..15, default 5) and ends 12 hours after sign-in (PCI DSS 8.2.8,
 * ASVS 4 3.3.2). Both are measured here with the core's clock.
 */
import { randomBytes } from 'node:crypto';
import type { Permission, RoleId } from '../../../shared/permissions';
import type { Clock } from '../types';
import type { StaffAccess } from './staff-access';

export const SESSION_ABSOLUTE_HOURS = 12;
/** Sensitive actions need the password within this many minutes (S3). */
export const REAUTH_WINDOW_MINUTES = 5;
/**
 * R1: a forced password change within this many minutes of the sign-in that started the
 * must-change session needs only the new password: the member has just typed the temporary one.
 */
export const FORCED_CHANGE_GRACE_MINUTES = 10;

export interface SessionStaff {
  id: number;
  username: string;
  displayName: string;
  role: RoleId;
  roleName: string;
}

export interface Session {
  /** 32 hex characters = 128 bits. */
  id: string;
  windowId: number;
  staff: SessionStaff;
  /** Re-read from the staff row at every call (A8). */
  permissions: ReadonlySet<Permission>;
  /** The staff row's `session_epoch` when the session started; a newer one ends it (A8). */
  epoch: number;
  createdAt: Date;
  lastActivityAt: Date;
  expiresAt: Date;
  /** When the password was last entered (login, unlock, re-authentication). */
  reauthAt: Date;
  locked: boolean;
  mustChangePassword: boolean;
}

export type SessionState = 'active' | 'locked' | 'expired';

export class SessionManager {
  private readonly byId = new Map<string, Session>();
  private readonly byWindow = new Map<number, string>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMinutes: () => number,
  ) {}

  /** S1: a new id for every login; any earlier session of the window ends. */
  start(
    windowId: number,
    staff: SessionStaff,
    permissions: Iterable<Permission>,
    mustChangePassword: boolean,
    epoch: number,
  ): Session {
    this.endForWindow(windowId);
    const now = this.clock.now();
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      windowId,
      staff,
      permissions: new Set(permissions),
      epoch,
      createdAt: now,
      lastActivityAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000),
      reauthAt: now,
      locked: false,
      mustChangePassword,
    };
    this.byId.set(session.id, session);
    this.byWindow.set(windowId, session.id);
    return session;
  }

  forWindow(windowId: number): Session | undefined {
    const id = this.byWindow.get(windowId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * Brings the session's state up to date with the clock: expired sessions are ended (S2),
   * idle ones are locked (S2).
   */
  refresh(session: Session): SessionState {
    const now = this.clock.now().getTime();
    if (now >= session.expiresAt.getTime()) {
      this.end(session.id);
      return 'expired';
    }
    if (!session.locked && now - session.lastActivityAt.getTime() >= this.idleMinutes() * 60_000)
      session.locked = true;
    return session.locked ? 'locked' : 'active';
  }

  /**
   * A8: brings a session in line with its staff row. Returns false (and ends the session) when
   * the row is gone, the member is no longer active, or the row's session epoch has moved on;
   * otherwise takes the row's role and permissions.
   */
  follow(session: Session, row: StaffAccess | null, roleName: (id: RoleId) => string): boolean {
    if (!row || row.status !== 'active' || row.sessionEpoch !== session.epoch) {
      this.end(session.id);
      return false;
    }
    session.permissions = new Set(row.permissions);
    if (session.staff.role !== row.roleId)
      session.staff = { ...session.staff, role: row.roleId, roleName: roleName(row.roleId) };
    return true;
  }

  touch(session: Session): void {
    if (!session.locked) session.lastActivityAt = this.clock.now();
  }

  lock(session: Session): void {
    session.locked = true;
  }

  /**
   * S1: after the password was entered again (unlock, re-authentication, password change), the
   * session gets a new id; the old one is dead.
   */
  rotate(session: Session): Session {
    this.byId.delete(session.id);
    const now = this.clock.now();
    session.id = randomBytes(16).toString('hex');
    session.locked = false;
    session.lastActivityAt = now;
    session.reauthAt = now;
    this.byId.set(session.id, session);
    this.byWindow.set(session.windowId, session.id);
    return session;
  }

  recentlyReauthenticated(session: Session): boolean {
    return this.clock.now().getTime() - session.reauthAt.getTime() < REAUTH_WINDOW_MINUTES * 60_000;
  }

  /**
   * R1: until when (UTC) a password change may skip the current password: only in a session that
   * started with a forced change still pending, and only for {@link FORCED_CHANGE_GRACE_MINUTES}
   * after its sign-in (`createdAt`; unlocking or re-authenticating does not extend it). Null
   * otherwise, and once the time has passed.
   */
  forcedChangeGraceUntil(session: Session): Date | null {
    if (!session.mustChangePassword) return null;
    const until = new Date(session.createdAt.getTime() + FORCED_CHANGE_GRACE_MINUTES * 60_000);
    return this.clock.now().getTime() < until.getTime() ? until : null;
  }

  idleLocksAt(session: Session): Date {
    return new Date(session.lastActivityAt.getTime() + this.idleMinutes() * 60_000);
  }

  isLive(id: string): boolean {
    return this.byId.has(id);
  }

  end(id: string): void {
    const s = this.byId.get(id);
    if (!s) return;
    this.byId.delete(id);
    if (this.byWindow.get(s.windowId) === id) this.byWindow.delete(s.windowId);
  }

  endForWindow(windowId: number): void {
    const id = this.byWindow.get(windowId);
    if (id !== undefined) this.end(id);
  }

  /** The live sessions of a member on this till (the profile's "open sessions"), oldest first. */
  forStaff(staffId: number): Session[] {
    return [...this.byId.values()].filter((s) => s.staff.id === staffId);
  }

  /** S3: ends every session of a member, optionally keeping one. Returns how many ended. */
  endForStaff(staffId: number, keepId?: string): number {
    let n = 0;
    for (const s of [...this.byId.values()]) {
      if (s.staff.id === staffId && s.id !== keepId) {
        this.end(s.id);
        n += 1;
      }
    }
    return n;
  }
}
