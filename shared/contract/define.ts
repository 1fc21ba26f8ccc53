/**
 * `defineChannel` declares one IPC channel: its strict input schema, output schema, the permission
 * it needs and when it may be called. Every channel is declared once, in `shared/contract/`, and the
 * preload, the main router, the renderer client and `docs/ipc.md` are all derived from it.
 */
import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * Who may call a channel:
 * - `public`: no session needed (set-up, sign-in, request access);
 * - `authenticated`: any live session;
 * - a Permission: a live session whose role grants it (A7).
 */
export type Access = 'public' | 'authenticated' | Permission;

export interface ChannelDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  /** One line for docs/ipc.md. */
  summary: string;
  input: I;
  output: O;
  access: A;
  /** May be called while the session is idle-locked (S2). */
  allowWhenLocked?: boolean;
  /** May be called while the member must change a temporary password (R1). */
  allowWhenPasswordChangeRequired?: boolean;
  /**
   * May be called by a member whose role requires 2FA and who has not enrolled yet: after the
   * password such a session can only enrol (issue 9 section 1; TWO_FACTOR_ENROLMENT_REQUIRED).
   */
  allowWhenTwoFactorEnrolmentRequired?: boolean;
  /**
   * May be called by a member who has not verified the contact the store's "verified before
   * access" policy asks for: such a session can only verify (send a code, enter it, change the
   * address) (issue 9 section 4; VERIFICATION_REQUIRED).
   */
  allowWhenUnverified?: boolean;
  /**
   * Needs the password entered within the last 5 minutes (S3): every channel that moves money out,
   * creates or changes staff, changes rights or changes settings. The router answers
   * REAUTH_REQUIRED; the renderer client asks for the password and retries once.
   */
  reauth?: boolean;
  /**
   * Writes to the database (A8, D8): the router runs the whole call inside ONE write transaction
   * (`db.write`, BEGIN IMMEDIATE) and re-reads the actor's status and permissions from the staff
   * row inside it before the handler runs, so a demotion or disable committed just before is
   * honoured.
   */
  writes?: boolean;
  /**
   * A bulk import (F3) among the `writes` channels: it reads and checks its file OUTSIDE any write
   * transaction (a dry run never holds the write lock), and its commit opens its own write
   * transaction, inside which the router re-checks the actor's status and permission first (A8).
   */
  bulk?: boolean;
  /**
   * A `writes` channel every till calls at once in a busy store (the sale itself). On a store
   * server (issue 12) its transaction runs at READ COMMITTED instead of SERIALIZABLE: rows two
   * tills' sales both change (a product's on-hand) are waited for, not aborted and retried, and
   * its read-then-write rules take explicit row locks (`lockForUpdate`, db/sql.ts). No effect on
   * SQLite, where one till writes at a time.
   */
  contended?: boolean;
  /**
   * Counts as user activity for the idle lock (S2). Default true; polling channels (status,
   * session) set false so a screen that polls cannot keep a till unlocked.
   */
  activity?: boolean;
  /**
   * The channel itself takes the member's password (sign-in, unlock, re-authentication): the
   * renderer client never answers its REAUTH_REQUIRED with the re-authentication dialog, which
   * would loop.
   */
  takesPassword?: boolean;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType, A extends Access>(
  def: ChannelDefinition<I, O, A>,
): ChannelDefinition<I, O, A> {
  return def;
}
