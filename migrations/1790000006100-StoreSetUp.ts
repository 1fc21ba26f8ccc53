/**
 * Issue 8, item 8: the first run now sets up the store (name, address, VAT number, country,
 * currency, tax, time zone, receipt footer, locale) after the first admin, and the setting
 * `store_set_up` says it is done. A till that already has staff was set up before this step
 * existed: it is marked as set up, so its admins are not sent through the set-up again. New
 * settings need no rows: a missing row reads as its default (settings-service.ts).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoreSetUp1790000006100 implements MigrationInterface {
  name = 'StoreSetUp1790000006100';

  async up(q: QueryRunner): Promise<void> {
    // Portable SQL (SQLite and PostgreSQL); the time is UTC like every other stored time, and
    // made here (an ISO string, no user input), so it is written as a literal.
    const now = new Date().toISOString();
    await q.query(
      `INSERT INTO settings (key, value, updated_at)
       SELECT 'store_set_up', 'true', '${now}' WHERE EXISTS (SELECT 1 FROM staff)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM settings WHERE key = 'store_set_up'");
  }
}
