/** The `staff_pins` rows (issue 9, section 5), read and written inside the caller's transaction. */
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';

/** Clears a member's wrong-PIN count and any disable: their password sign-in just succeeded. */
export async function reenablePin(em: EntityManager, staffId: number): Promise<void> {
  await run(
    em,
    'UPDATE staff_pins SET failed_count = 0, disabled_at = NULL WHERE staff_id = ? AND (failed_count <> 0 OR disabled_at IS NOT NULL)',
    [staffId],
  );
}
