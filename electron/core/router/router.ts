/**
 * The IPC router: the one door into the core. For every call, in this order:
 *   1. channel exists in the contract (UNKNOWN_CHANNEL);
 *   2. sender is the app's own origin and top frame (E5; FORBIDDEN_SENDER, audited);
 *   3. safe mode lets only `app:status` and its restore through (D5; SAFE_MODE); a till whose
 *      store server has not answered since start-up only `app:status` (SERVER_UNREACHABLE);
 *   4. the window's session: live (UNAUTHENTICATED), not expired (SESSION_EXPIRED), idle-locked by
 *      the settings as stored now (on a store server they are read again first, issue 12);
 *   then, for a `writes` channel inside ONE write transaction (`db.write`, A8, D8), otherwise
 *   directly:
 *   5. the session follows its staff row, read now from the database: a member who is gone,
 *      disabled, or whose sessions were ended on any till is signed out (UNAUTHENTICATED); the
 *      role's current permissions apply (A8);
 *   6. not idle-locked unless the channel allows it (SESSION_LOCKED), no pending forced password
 *      change unless allowed (PASSWORD_CHANGE_REQUIRED), no pending 2FA enrolment required by the
 *      role unless allowed (TWO_FACTOR_ENROLMENT_REQUIRED), and the contact the store's "verified
 *      before access" policy asks for is verified unless the channel only serves verifying
 *      (VERIFICATION_REQUIRED; read from the staff row and the policy at this call, so a
 *      verification, a changed address or a new policy on any till applies at once; on a store
 *      server the policy comes from the settings rows step 4 read, not a second read)
 *      (S1, S2, R1, issue 9 sections 1 and 4);
 *   7. permission (A7; FORBIDDEN, audited), then re-authentication for sensitive channels (S3;
 *      REAUTH_REQUIRED);
 *   8. strict input schema (F1; VALIDATION_FAILED with field paths, audited without values);
 *   9. the handler, whose output is checked against the output schema (no extra keys, so no hash
 *      or secret can leak).
 * A typed refusal (an AppError) inside a write transaction still commits what the handler's own
 * writes recorded (a failed sign-in's count and audit row); anything unexpected rolls it all back.
 * It always resolves to a Result. No exception, stack trace or SQL text crosses it.
 */
import { channels, isChannelName, type ChannelName } from '../../../shared/contract';
import { isDisplayChannel } from '../../../shared/contract/display';
import { AppError, err, ok, type Result } from '../../../shared/errors';
import { BUSY_MESSAGE, lockWaitExpired, SERVER_UNREACHABLE_MESSAGE } from '../db/storage-errors';
import type { AuditInput } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { readStaffAccess, STAFF_ROW_SHARE, type StaffAccess } from '../auth/staff-access';
import { unmetContact, verificationMessage } from '../verification/verification-policy';
import type { EntityManager } from 'typeorm';
import type { Handlers } from '../handler-types';
import type { Services } from '../services';
import type { Caller, Logger } from '../types';
import { ArrivalOrder } from './arrival-order';

export interface RouterDeps {
  services: Services;
  handlers: Handlers;
  appOrigin: string;
  logger: Logger;
}

type AnyHandler = (
  input: unknown,
  ctx: { caller: Caller; session: Session | undefined },
) => unknown;

/** What safe mode still answers (D5): the status, and the restore it offers. */
const SAFE_MODE_CHANNELS: ReadonlySet<string> = new Set([
  'app:status',
  'backups:safeModeList',
  'backups:safeModeRestore',
]);

/** A member's access as the call's settings statement read it (`SettingsService.follow`). */
interface ReadAccess {
  staffId: number;
  access: StaffAccess | null;
}

export function createRouter({ services, handlers, appOrigin, logger }: RouterDeps) {
  const { sessions, db } = services;
  const arrivals = new ArrivalOrder();
  /** Whether the database is open, so a refusal can be audited. */
  const open = () =>
    !services.safeMode() && !services.awaitingServer() && services.retired() === null;

  async function audit(input: AuditInput): Promise<void> {
    try {
      await db.write((em) => services.audit.record(em, input));
    } catch (e) {
      logger.error('audit write failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  function actorOf(session: Session | undefined) {
    return session ? { actorId: session.staff.id, actorName: session.staff.username } : {};
  }

  /**
   * Steps 5-7 against the staff row as `em` sees it (or as `read` already read it for this
   * member, in the call's settings statement): the refusal to answer, or null to go on.
   * Refusals of permission are audited.
   */
  async function gate(
    channel: ChannelName,
    session: Session | undefined,
    em: EntityManager,
    read?: ReadAccess,
  ): Promise<Result<never> | null> {
    const def = channels[channel];
    if (session) {
      const access =
        read?.staffId === session.staff.id
          ? read.access
          : await readStaffAccess(em, session.staff.id, db.beganWith(em, STAFF_ROW_SHARE));
      if (!sessions.follow(session, access)) session = undefined;
      else
        session.verificationRequired = unmetContact(
          await services.verificationPolicy.inForce(em, services.settings.followedRows()),
          access!,
        );
    }
    if (def.access === 'public') return null;
    if (!session) return err('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
    if (session.locked && !def.allowWhenLocked)
      return err('SESSION_LOCKED', 'The till is locked. Enter your password to unlock it.');
    if (session.mustChangePassword && !def.allowWhenPasswordChangeRequired)
      return err('PASSWORD_CHANGE_REQUIRED', 'Choose a new password to continue.');
    if (session.twoFactorEnrolmentRequired && !def.allowWhenTwoFactorEnrolmentRequired)
      return err(
        'TWO_FACTOR_ENROLMENT_REQUIRED',
        'Your role requires two-factor sign-in. Set it up to continue.',
      );
    if (session.verificationRequired && !def.allowWhenUnverified)
      return err('VERIFICATION_REQUIRED', verificationMessage(session.verificationRequired));
    if (def.access !== 'authenticated' && !session.permissions.has(def.access)) {
      await audit({
        ...actorOf(session),
        action: 'authz.denied',
        outcome: 'denied',
        targetType: 'channel',
        targetId: channel,
        detail: `needs ${def.access}`,
      });
      return err('FORBIDDEN', 'You do not have permission to do this.');
    }
    if (def.reauth && !sessions.recentlyReauthenticated(session))
      return err('REAUTH_REQUIRED', 'Enter your password again to continue.');
    return null;
  }

  /** Steps 5-9: inside the write transaction for `writes` channels. */
  async function checkAndRun(
    channel: ChannelName,
    payload: unknown,
    caller: Caller,
    session: Session | undefined,
    read?: ReadAccess,
  ): Promise<Result<unknown>> {
    const def = channels[channel];
    const refused = await gate(channel, session, db.manager, read);
    if (refused) return refused;
    if (session && !sessions.isLive(session.id)) session = undefined;
    if (session && def.access !== 'public' && def.activity !== false) sessions.touch(session);

    const parsed = def.input.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((i) => ({
        path: i.path.map(String).join('.').slice(0, 100) || '(input)',
        message: i.message.slice(0, 200),
      }));
      await audit({
        ...actorOf(session),
        action: 'ipc.validation_failed',
        outcome: 'denied',
        targetType: 'channel',
        targetId: channel,
        detail: issues.map((i) => i.path).join(', '),
      });
      return err('VALIDATION_FAILED', 'Some fields need attention.', issues);
    }

    const handler = () => (handlers[channel] as AnyHandler)(parsed.data, { caller, session });
    let data: unknown;
    try {
      // A bulk import commits in its own transaction: the same gate runs again inside it (A8).
      data = await (def.bulk
        ? db.guarded(recheck(channel, session), async () => handler())
        : handler());
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() };
      throw e;
    }
    const out = def.output.safeParse(data);
    if (!out.success) {
      logger.error('handler output failed its schema', {
        channel,
        issues: out.error.issues.map((i) => i.path.join('.')),
      });
      throw new Error(`output of ${channel} failed its schema`);
    }
    return ok(out.data);
  }

  /** The gate again, inside a bulk import's own write transaction; a refusal aborts it. */
  function recheck(channel: ChannelName, session: Session | undefined) {
    return async (em: EntityManager) => {
      const refused = await gate(channel, session, em);
      if (refused && !refused.ok) throw new AppError(refused.error.code, refused.error.message);
    };
  }

  async function route(
    channel: unknown,
    payload: unknown,
    caller: Caller,
  ): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return err('UNKNOWN_CHANNEL', 'This action is not available.');
    const def = channels[channel];

    if (!isTrustedSender(caller, appOrigin)) {
      if (open())
        await audit({
          action: 'ipc.forbidden_sender',
          outcome: 'denied',
          targetType: 'channel',
          targetId: channel,
          detail: `origin ${String(caller?.origin).slice(0, 200)}`,
        });
      return err('FORBIDDEN_SENDER', 'This request did not come from the Kassa window.');
    }

    // The customer display window reads its view and nothing else; nobody else reads that view
    // (issue 10, section 4: a read-only window on the same origin, E5).
    if ((caller.display === true) !== isDisplayChannel(channel)) {
      if (open())
        await audit({
          action: 'ipc.forbidden_sender',
          outcome: 'denied',
          targetType: 'channel',
          targetId: channel,
          detail:
            caller.display === true ? 'from the customer display' : 'not the customer display',
        });
      return err('FORBIDDEN_SENDER', 'This request did not come from the Kassa window.');
    }

    if (services.safeMode() && !SAFE_MODE_CHANNELS.has(channel)) {
      return err(
        'SAFE_MODE',
        'The database failed its integrity check. Kassa is in safe mode and cannot take sales until it is restored.',
      );
    }
    if ((services.awaitingServer() || db.serverSilent) && channel !== 'app:status')
      return err('SERVER_UNREACHABLE', SERVER_UNREACHABLE_MESSAGE);
    if (services.retired() && channel !== 'app:status')
      return err(
        'TILL_RETIRED',
        'An admin retired this till from the store: it can no longer sign in or sell.',
      );

    // On a store server, settings another till changed apply from this call on (issue 12): the
    // idle lock below, and whatever the handler reads from them. That read is a round trip, and
    // round trips end in any order, so each call then waits for the calls that arrived before it
    // to have gone on (`arrivals`): calls still reach the write queue in the order they arrived,
    // as on SQLite, where nothing here is awaited.
    // Only app:status gets here while the server is silent: it answers from memory, waiting on
    // neither the server nor the calls before it that are waiting on the server.
    if (!services.settings.shared || db.serverSilent)
      return afterSettings(def, channel, payload, caller);
    const turn = arrivals.next();
    try {
      // A call that is not a write reads its member's access in the same statement (A8): a write
      // reads it inside its transaction, after the lock that orders it with staff changes.
      const staffId =
        def.writes && !def.bulk ? undefined : sessions.forWindow(caller.windowId)?.staff.id;
      const access = await services.settings.follow(staffId);
      await turn.ready;
      return afterSettings(
        def,
        channel,
        payload,
        caller,
        staffId === undefined || access === undefined ? undefined : { staffId, access },
      );
    } finally {
      turn.done();
    }
  }

  /**
   * Steps 4 on: the session, then the checks and the handler (inside a write for `writes`). Up to
   * `db.write` nothing here awaits, so a write is queued in the same turn as the call goes on.
   */
  async function afterSettings(
    def: (typeof channels)[ChannelName],
    channel: ChannelName,
    payload: unknown,
    caller: Caller,
    read?: ReadAccess,
  ): Promise<Result<unknown>> {
    let session = sessions.forWindow(caller.windowId);
    if (session && sessions.refresh(session) === 'expired') {
      session = undefined;
      if (def.access !== 'public')
        return err(
          'SESSION_EXPIRED',
          'Your session has ended after 12 hours. Please sign in again.',
        );
    }
    if (def.access !== 'public' && !session) return err('UNAUTHENTICATED', 'Please sign in.');

    // A member's write takes the staff lock the gate needs (A8) with its START TRANSACTION.
    return def.writes && !def.bulk
      ? db.write(
          () => checkAndRun(channel, payload, caller, session),
          def.contended ? 'readCommitted' : 'serializable',
          session ? STAFF_ROW_SHARE : null,
        )
      : checkAndRun(channel, payload, caller, session, read);
  }

  /** Core.invoke: never rejects. */
  return async function invoke(
    channel: string,
    payload: unknown,
    caller: Caller,
  ): Promise<Result<unknown>> {
    try {
      return await route(channel, payload, caller);
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() };
      // A read that met a store server going away (issue 12, section 3).
      const unreachable = db.markUnreachable(e);
      if (unreachable) return { ok: false, error: unreachable.toBody() };
      // A call that waited past the store server's lock limit; a write's transaction rolled back.
      if (lockWaitExpired(e)) return err('BUSY', BUSY_MESSAGE);
      logger.error('unexpected error in channel handler', {
        channel: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel,
        error: e instanceof Error ? e.message : String(e),
      });
      return err('INTERNAL', 'Something went wrong. The details were logged.');
    }
  };
}

/** E5: only the app's own origin, only the top frame. */
export function isTrustedSender(caller: Caller | undefined, appOrigin: string): boolean {
  return (
    typeof caller === 'object' &&
    caller !== null &&
    caller.origin === appOrigin &&
    caller.isTopFrame === true &&
    Number.isInteger(caller.windowId)
  );
}
