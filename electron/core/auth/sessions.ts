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
  /** The role requires 2FA and the member has not enrolled: the session can only enrol. */
  twoFactorEnrolmentRequired: boolean;
  /**
   * The contact the store's "verified before access" policy asks for and the member has not
   * verified (issue 9, section 4), or null: then the session can only verify. Set at sign-in and
   * again by the router at every call, from the staff row and the policy read then.
   */
  verificationRequired: 'email' | 'phone' | 'either' | null;
  /**
   * When the full password sign-in this session descends from happened (issue 9, section 5): a
   * PIN switch keeps it, so a PIN never stretches the 12-hour limit (S2).
   */
  passwordAt: Date;
}

/** A member's last full password sign-in on this till (in memory: a restart needs the password). */
export interface PasswordSignIn {
  staff: SessionStaff;
  at: Date;
  /** The staff row's session epoch then; a newer one (sessions ended, password changed) voids it. */
  epoch: number;
}

export type SessionState = 'active' | 'locked' | 'expired';

export class SessionManager {
  private readonly byId = new Map<string, Session>();
  private readonly byWindow = new Map<number, string>();
  /** Password sign-ins on this till, by staff id (issue 9, section 5: who may switch in by PIN). */
  private readonly signIns = new Map<number, PasswordSignIn>();

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
    twoFactorEnrolmentRequired = false,
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
      twoFactorEnrolmentRequired,
      verificationRequired: null,
      passwordAt: now,
    };
    this.byId.set(session.id, session);
    this.byWindow.set(windowId, session.id);
    // Only a full sign-in may later be resumed by PIN: not one that must still change its
    // temporary password or enrol in 2FA first.
    if (!mustChangePassword && !twoFactorEnrolmentRequired)
      this.signIns.set(staff.id, { staff, at: now, epoch });
    return session;
  }

  /**
   * Issue 9, section 5: a session resumed with a PIN on `windowId`, from the member's password
   * sign-in `from`: it ends when that sign-in's 12 hours end (S2), and it is NOT re-authenticated
   * (S3: a sensitive action asks for the password). Any earlier session of the window ends.
   */
  resumeWithPin(
    windowId: number,
    from: PasswordSignIn,
    permissions: Iterable<Permission>,
  ): Session {
    this.endForWindow(windowId);
    const now = this.clock.now();
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      windowId,
      staff: from.staff,
      permissions: new Set(permissions),
      epoch: from.epoch,
      createdAt: from.at,
      lastActivityAt: now,
      expiresAt: new Date(from.at.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000),
      reauthAt: new Date(0),
      locked: false,
      mustChangePassword: false,
      twoFactorEnrolmentRequired: false,
      verificationRequired: null,
      passwordAt: from.at,
    };
    this.byId.set(session.id, session);
    this.byWindow.set(windowId, session.id);
    return session;
  }

  /**
   * Issue 9, section 5: unlocks with a PIN. Like `rotate` (a new id, S1) but the time of the last
   * password entry stays as it was, and re-authentication is spent (S3).
   */
  unlockWithPin(session: Session): Session {
    const reauthAt = new Date(0);
    this.rotate(session);
    session.reauthAt = reauthAt;
    return session;
  }

  /**
   * The password sign-ins on this till whose 12 hours have not run out (S2), newest first; older
   * ones are forgotten.
   */
  recentSignIns(): PasswordSignIn[] {
    const now = this.clock.now().getTime();
    for (const [id, s] of this.signIns)
      if (now >= s.at.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000) this.signIns.delete(id);
    return [...this.signIns.values()].sort((a, b) => b.at.getTime() - a.at.getTime());
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
   * otherwise takes the row's role, its name and its permissions (an edited role applies at once).
   */
  follow(session: Session, row: StaffAccess | null): boolean {
    if (!row || row.status !== 'active' || row.sessionEpoch !== session.epoch) {
      this.end(session.id);
      return false;
    }
    session.permissions = new Set(row.permissions);
    if (session.staff.role !== row.roleId || session.staff.roleName !== row.roleName)
      session.staff = { ...session.staff, role: row.roleId, roleName: row.roleName };
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
