/**
 * Issue 10, section 2: receipt printers and the persistent print queue.
 * - `printers`: one row per printer of this database's tills. `connection` is the JSON of the
 *   contract's printerConnectionSchema (network host/port, OS queue name, or driver device name);
 *   `paper_width` 58 or 80 (mm); `codepage` the encoder's name or `auto`; `is_default` marks the
 *   receipt printer (at most one, kept so by printer-store.ts).
 * - `print_jobs`: one row per print. `payload` holds the bytes as they go to the printer (ESC/POS,
 *   or UTF-8 text for driver printers), built when the job is queued, so a restart resends exactly
 *   what was queued. `status` queued → printing → printed | failed; `attempts`, `error` (the last
 *   one) and `next_retry_at` (UTC; null = wait for a manual retry) drive the retries.
 * Portable: the TypeORM Table API.
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

export class PrintQueue1790000008200 implements MigrationInterface {
  name = 'PrintQueue1790000008200';

  async up(q: QueryRunner): Promise<void> {
    const blob = q.connection.driver.options.type === 'postgres' ? 'bytea' : 'blob';
    await q.createTable(
      new Table({
        name: 'printers',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '60' },
          { name: 'connection', type: 'varchar', length: '600' },
          { name: 'paper_width', type: 'integer' },
          { name: 'codepage', type: 'varchar', length: '24' },
          { name: 'auto_print', type: 'boolean', default: false },
          { name: 'cash_drawer', type: 'boolean', default: false },
          { name: 'is_default', type: 'boolean', default: false },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'print_jobs',
        columns: [
          id,
          { name: 'printer_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'sale_id', type: 'integer', isNullable: true },
          { name: 'label', type: 'varchar', length: '120' },
          { name: 'format', type: 'varchar', length: '8' },
          { name: 'payload', type: blob },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'error', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
          { name: 'next_retry_at', type: 'varchar', length: '24', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_print_jobs_printer',
            columnNames: ['printer_id'],
            referencedTableName: 'printers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_print_jobs_status',
            columnNames: ['status', 'printer_id', 'id'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('print_jobs');
    await q.dropTable('printers');
  }
}
