/**
 * Issue 12: each till has its own receipt printer and cash drawer. On a store server the tills
 * share one `printers` table, so every till used the store's one default printer: a cash sale on
 * till 2 printed its receipt and opened the drawer of till 1's printer, and any till's print
 * worker sent any till's jobs, even to a printer only another till can reach (an OS queue or a
 * USB driver printer).
 *
 * - `printers.till_id`: the till (`tills.id`) whose printer it is. A till lists, uses, changes and
 *   deletes only its own, and its worker sends only their jobs (electron/core/printing/).
 * - The printers already there go to the lowest till id: on a SQLite file that is its one till;
 *   on a store server, its first till (any other till's admin adds that till's printer again).
 * - `IDX_printers_till_id`: a till's printers, and its jobs by printer, from the index.
 *
 * No foreign key: tills are never deleted, and SQLite cannot drop a column that one names, so
 * `down` stays a plain DROP COLUMN. Plain SQL: TypeORM's SQLite addColumn rebuilds the table;
 * `ADD COLUMN` with no default rewrites nothing on either engine.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrintersPerTill1790000017000 implements MigrationInterface {
  name = 'PrintersPerTill1790000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE printers ADD COLUMN till_id integer');
    await q.query('UPDATE printers SET till_id = (SELECT MIN(id) FROM tills)');
    await q.query('CREATE INDEX "IDX_printers_till_id" ON printers (till_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_printers_till_id"');
    await q.query('ALTER TABLE printers DROP COLUMN till_id');
  }
}
