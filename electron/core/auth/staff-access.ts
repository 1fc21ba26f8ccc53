/**
 * A8: what the staff row says a member may do right now, read inside the caller's transaction.
 * Sessions follow the staff row: the router reads this on every call of a signed-in member (inside
 * the write transaction for `writes` channels), so a role change, disable, password change or
 * "end sessions" made on any till sharing the database takes effect at the member's next call;
 * so does a verified or changed contact (issue 9, section 4).
 */
import type { EntityManager } from 'typeorm';
import { ALL_PERMISSIONS, type Permission, type RoleId } from '../../../shared/permissions';
import type { FirstLock } from '../db/database';
import { isPostgres, run } from '../db/sql';

export interface StaffAccess {
  status: string;
  roleId: RoleId;
  /** The role's name now (an admin may rename it). */
  roleName: string;
  /** See StaffEntity.sessionEpoch. */
  sessionEpoch: number;
  permissions: Permission[];
  /** UTC; null = not verified (issue 9, section 4: the "verified before access" gate). */
  emailVerifiedAt: string | null;
  phoneVerifiedAt: string | null;
}

const KNOWN = new Set<string>(ALL_PERMISSIONS);

/**
 * The lock every write of a signed-in member takes first on a store server (issue 12, A8): it
 * waits for a session-changing write in progress on any till ({@link holdMemberWrites}).
 */
export const STAFF_ROW_SHARE = 'LOCK TABLE staff IN ROW SHARE MODE' satisfies FirstLock;

/**
 * The member's status, role, session epoch, permissions and verified times; null when the row is
 * gone.
 *
 * Inside a store-server transaction it first takes `staff`'s ROW SHARE lock ({@link
 * STAFF_ROW_SHARE}), held until the transaction ends (issue 12, A8; see {@link
 * holdMemberWrites}), unless `locked` says the transaction took it already: the router's write
 * takes it with its START TRANSACTION (`Database.write`'s `firstLock`). Either way the lock comes
 * before the transaction's snapshot, and the row read after it is the one a session-changing
 * write on any till left.
 */
export async function readStaffAccess(
  em: EntityManager,
  staffId: number,
  locked = false,
): Promise<StaffAccess | null> {
  if (!locked && inServerTransaction(em)) await em.query(STAFF_ROW_SHARE);
  return accessFrom(
    await run<StaffAccessRow>(
      em,
      `SELECT ${STAFF_ACCESS_COLUMNS} ${STAFF_ACCESS_FROM}`,
      [staffId],
      { reusePlan: true },
    ),
  );
}

/** One row of the access read: the member's, once per permission of their role. */
export interface StaffAccessRow {
  status: string;
  role_id: string;
  role_name: string;
  session_epoch: number | string;
  permission_id: string | null;
  email_verified_at: string | null;
  phone_verified_at: string | null;
}

/** The access read's columns, named as in {@link StaffAccessRow}. */
export const STAFF_ACCESS_COLUMNS = `s.status, s.role_id, r.name AS role_name, s.session_epoch,
  rp.permission_id, s.email_verified_at, s.phone_verified_at`;

/** The access read's tables and its one parameter, the member's id. */
export const STAFF_ACCESS_FROM = `FROM staff s JOIN roles r ON r.id = s.role_id
  LEFT JOIN role_permissions rp ON rp.role_id = s.role_id WHERE s.id = ?`;

/** The member's access from the rows of {@link STAFF_ACCESS_FROM}; null when there are none. */
export function accessFrom(rows: readonly StaffAccessRow[]): StaffAccess | null {
  const first = rows[0];
  if (!first) return null;
  return {
    status: first.status,
    roleId: first.role_id,
    roleName: first.role_name,
    sessionEpoch: Number(first.session_epoch),
    permissions: rows
      .map((r) => r.permission_id)
      .filter((p): p is Permission => p !== null && KNOWN.has(p)),
    emailVerifiedAt: first.email_verified_at ?? null,
    phoneVerifiedAt: first.phone_verified_at ?? null,
  };
}

/** True inside a PostgreSQL transaction: the store server several tills share (issue 12). */
function inServerTransaction(em: EntityManager): boolean {
  return isPostgres(em) && em.queryRunner?.isTransactionActive === true;
}

/**
 * Issue 12, A8: on a store server, makes the caller's transaction (a disable, a new role, a new
 * session epoch, an edited or deleted role) wait for every member write already let through on
 * any till, and every member write arriving meanwhile wait for it: `LOCK TABLE staff IN EXCLUSIVE
 * MODE` until the transaction ends. It conflicts with the ROW SHARE lock every write takes first
 * (`readStaffAccess`) and with other writes to `staff`, not with plain reads; PostgreSQL grants
 * table locks in the order asked, so neither side starves (a row lock would: share-lockers
 * overlapping on a busy shop's rows kept a login's UPDATE waiting). So no write of a member
 * commits after the change that ends their session or narrows their rights. Two such changes at
 * once may deadlock; the server aborts one and `Database.write` retries it. Nothing on SQLite,
 * which has one writer at a time.
 */
export async function holdMemberWrites(em: EntityManager): Promise<void> {
  if (inServerTransaction(em)) await em.query('LOCK TABLE staff IN EXCLUSIVE MODE');
}

/**
 * Ends every session of a member on every till: bumps `session_epoch` inside the caller's
 * transaction (after {@link holdMemberWrites}) and answers the new epoch (for the one session the
 * caller may keep).
 */
export async function bumpSessionEpoch(em: EntityManager, staffId: number): Promise<number> {
  await holdMemberWrites(em);
  const rows = await run<{ session_epoch: number | string }>(
    em,
    'UPDATE staff SET session_epoch = session_epoch + 1 WHERE id = ? RETURNING session_epoch',
    [staffId],
  );
  return Number(rows[0]?.session_epoch ?? 0);
}
