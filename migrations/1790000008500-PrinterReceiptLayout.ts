/**
 * Issue 10, section 2 (settings): what a printer prints around the receipt.
 * - `receipt_header`, `receipt_footer`: up to 4 lines each ("\n" between lines), each line at most
 *   the paper's columns (32 on 58 mm, 48 on 80 mm), checked by the contract. Empty = none.
 * - `logo`: a 1-bit binary PBM image (Netpbm P4: rows of bytes, most significant bit first,
 *   1 = black, the row layout of ESC/POS GS v 0), at most 576 × 255 dots; null = no logo.
 * Plain ALTER TABLE (portable; TypeORM's addColumn would rebuild the table on SQLite), each only
 * when missing.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrinterReceiptLayout1790000008500 implements MigrationInterface {
  name = 'PrinterReceiptLayout1790000008500';

  async up(q: QueryRunner): Promise<void> {
    const blob = q.connection.driver.options.type === 'postgres' ? 'bytea' : 'blob';
    const columns = [
      ['receipt_header', "varchar(400) NOT NULL DEFAULT ''"],
      ['receipt_footer', "varchar(400) NOT NULL DEFAULT ''"],
      ['logo', `${blob} NULL`],
    ] as const;
    for (const [column, type] of columns)
      if (!(await q.hasColumn('printers', column)))
        await q.query(`ALTER TABLE printers ADD COLUMN ${column} ${type}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['receipt_header', 'receipt_footer', 'logo'])
      await q.query(`ALTER TABLE printers DROP COLUMN ${column}`);
  }
}
