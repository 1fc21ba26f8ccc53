/**
 * The signed-in member's own profile (issue 9, section 3). Every method takes the caller's session
 * and acts on `session.staff.id` only, so no member can read or change another's details,
 * sign-ins or sessions through it.
 *
 * A change of e-mail or phone must be verified again (section 4): `update` reports which of the
 * two changed to `onContactChanged`, inside the same write transaction, for the verification
 * service to clear its verified-at time.
 */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import {
  PROFILE_SIGN_INS,
  type OpenSessionView,
  type ProfileView,
  type SignInView,
} from '../../../shared/contract/profile';
import { normalisePhone } from '../../../shared/phone';
import type { AuditLog } from '../audit/audit-log';
import { bumpSessionEpoch } from '../auth/staff-access';
import type { Session, SessionManager } from '../auth/sessions';
import { readStoreCountry } from '../customers/store-country';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { StaffEntity } from '../staff/staff.entity';
import { assertUnique } from '../staff/uniqueness';
import type { Clock } from '../types';

export interface ProfileChanges {
  displayName?: string;
  email?: string;
  /** '' removes the phone. */
  phone?: string;
}

/** Called inside the update's transaction with the contacts whose value changed. */
export type ContactChangedHook = (
  em: EntityManager,
  staffId: number,
  changed: { email: boolean; phone: boolean },
) => Promise<void>;

const SIGN_IN_ACTIONS = ['auth.login', 'auth.lockout'];

function view(s: StaffEntity): ProfileView {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    email: s.email,
    phone: s.phone ?? null,
  };
}

export class ProfileService {
  /** Set by the contact-verification service; nothing to clear until it exists. */
  onContactChanged: ContactChangedHook = async () => undefined;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly sessions: SessionManager,
    private readonly clock: Clock,
    /** This till's name, for the sessions it lists. */
    private readonly terminal: string,
  ) {}

  async get(me: Session): Promise<ProfileView> {
    return view(await this.row(this.db.manager, me.staff.id));
  }

  /**
   * Changes the caller's own details; values equal to the stored ones are not changes. The phone
   * is stored in E.164 read in the store's country, like customers' (shared/phone.ts).
   * Errors: CONFLICT with an `email` issue when another member has the e-mail.
   */
  async update(me: Session, input: ProfileChanges): Promise<ProfileView> {
    return this.db.write(async (em) => {
      const row = await this.row(em, me.staff.id);
      const next = {
        displayName: input.displayName ?? row.displayName,
        email: input.email ?? row.email,
        phone:
          input.phone === undefined
            ? (row.phone ?? null)
            : input.phone === ''
              ? null
              : normalisePhone(input.phone, await readStoreCountry(em)).stored,
      };
      const changed = (['displayName', 'email', 'phone'] as const).filter(
        (k) => next[k] !== (row[k] ?? null),
      );
      if (changed.length === 0) return view(row);
      if (changed.includes('email')) await assertUnique(em, { email: next.email }, row.id);
      await em
        .getRepository(StaffEntity)
        .update({ id: row.id }, { ...next, updatedAt: this.clock.now().toISOString() });
      await this.audit.record(em, {
        action: 'profile.update',
        outcome: 'success',
        actorId: me.staff.id,
        actorName: me.staff.username,
        targetType: 'staff',
        targetId: row.id,
        detail: changed
          .map((k) => `${k}: ${String(row[k] ?? '')} -> ${String(next[k] ?? '')}`)
          .join('; '),
      });
      if (changed.includes('email') || changed.includes('phone'))
        await this.onContactChanged(em, row.id, {
          email: changed.includes('email'),
          phone: changed.includes('phone'),
        });
      if (changed.includes('displayName')) me.staff.displayName = next.displayName;
      return view(await this.row(em, row.id));
    });
  }

  /** The caller's most recent sign-in attempts (audit rows they are the actor of), newest first. */
  async signIns(me: Session): Promise<SignInView[]> {
    const rows = await run<{ at: string; terminal: string; outcome: string; action: string }>(
      this.db.manager,
      `SELECT at, terminal, outcome, action FROM audit_events
       WHERE actor_id = ? AND action IN (${SIGN_IN_ACTIONS.map(() => '?').join(', ')})
       ORDER BY id DESC LIMIT ${PROFILE_SIGN_INS}`,
      [me.staff.id, ...SIGN_IN_ACTIONS],
    );
    return rows.map((r) => ({
      at: r.at,
      terminal: r.terminal,
      outcome: r.outcome as SignInView['outcome'],
      action: r.action,
    }));
  }

  /** The caller's live sessions on this till, the current one first. */
  openSessions(me: Session): OpenSessionView[] {
    return this.sessions
      .forStaff(me.staff.id)
      .map((s) => ({
        current: s.id === me.id,
        terminal: this.terminal,
        startedAt: s.createdAt.toISOString(),
        lastActivityAt: s.lastActivityAt.toISOString(),
        locked: s.locked,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current));
  }

  /**
   * Ends every other session of the caller: on this till at once, and on every till sharing the
   * file at its next call (A8, the session epoch), while this session keeps the new epoch.
   */
  async endOtherSessions(me: Session): Promise<{ endedHere: number }> {
    const { epoch, endedHere } = await this.db.write(async (em) => {
      const bumped = await bumpSessionEpoch(em, me.staff.id);
      const n = this.sessions.forStaff(me.staff.id).filter((s) => s.id !== me.id).length;
      await this.audit.record(em, {
        action: 'profile.end_other_sessions',
        outcome: 'success',
        actorId: me.staff.id,
        actorName: me.staff.username,
        targetType: 'staff',
        targetId: me.staff.id,
        detail: `${n} on this till; every other till at its next call`,
      });
      return { epoch: bumped, endedHere: n };
    });
    me.epoch = epoch;
    this.sessions.endForStaff(me.staff.id, me.id);
    return { endedHere };
  }

  private async row(em: EntityManager, id: number): Promise<StaffEntity> {
    const row = await em.getRepository(StaffEntity).findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', 'Your account no longer exists.');
    return row;
  }
}
