/**
 * The "Imported" pseudo-member: the staff member every imported sale is credited to, so that the
 * day summary's "by staff" and a receipt's "served by" never name the admin who ran the import
 * as the one who sold (issue 8, item 17).
 *
 * It is a staff row nobody can sign in as or manage:
 * - its username and email hold capitals, which no real member's can (the contract lower-cases
 *   both, and sign-in looks them up lower-cased), so it never collides with a person and is never
 *   found by a sign-in;
 * - it is `disabled`, with a password hash of no known scheme, which never verifies (A1);
 * - the staff service hides it from the list and answers NOT_FOUND to any action on it.
 * It is created by the first import that needs it, inside that import's transaction.
 */
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';

/** The pseudo-member's username; see the module comment for why it has capitals. */
export const IMPORTED_STAFF_USERNAME = 'Imported';
/** Its email (RFC 2606 `.invalid`: no mail can ever go there). */
export const IMPORTED_STAFF_EMAIL = 'Imported@kassa.invalid';
/** The name the screens show. */
export const IMPORTED_STAFF_NAME = 'Imported';

/** True for the pseudo-member's row. */
export function isImportedMember(username: string): boolean {
  return username === IMPORTED_STAFF_USERNAME;
}

/**
 * The pseudo-member's id, created in `em`'s transaction if missing. `now` is UTC ISO. It never
 * signs in (disabled, no password); its role is Cashier while that role exists (roles are data
 * an admin may delete, issue 9 section 2), else any ordinary role.
 */
export async function importedMemberId(em: EntityManager, now: string): Promise<number> {
  const found = await run<{ id: number }>(em, 'SELECT id FROM staff WHERE username = ?', [
    IMPORTED_STAFF_USERNAME,
  ]);
  if (found[0]) return Number(found[0].id);
  const made = await run<{ id: number }>(
    em,
    `INSERT INTO staff (username, email, display_name, password_hash, status, rejected, role_id,
       must_change_password, temp_password_expires_at, failed_login_count, locked_until,
       last_login_at, created_at, updated_at)
     VALUES (?, ?, ?, 'none:', 'disabled', ?,
       COALESCE((SELECT id FROM roles WHERE id = 'cashier'),
                (SELECT id FROM roles ORDER BY locked, id LIMIT 1)),
       ?, NULL, 0, NULL, NULL, ?, ?)
     RETURNING id`,
    [IMPORTED_STAFF_USERNAME, IMPORTED_STAFF_EMAIL, IMPORTED_STAFF_NAME, false, false, now, now],
  );
  return Number(made[0]!.id);
}
