/**
 * D9 tamper evidence:
 *
 * - SQLite: a BEFORE INSERT trigger on each immutable table (audit_events, sales, sale_lines,
 *   sale_tenders, sale_voids) refuses a row whose key already exists, so `INSERT OR REPLACE`
 *   cannot rewrite history past the UPDATE/DELETE triggers (see core/db/required-triggers.ts).
 *   PostgreSQL has no REPLACE; its ON CONFLICT DO UPDATE already fires the append-only triggers.
 * - `audit_seal`: one row (id 1) holding the audit chain's head (last id, its hash, the row count)
 *   and an HMAC over them keyed from the data-protection key in the OS keychain (L2, D9). It is
 *   rewritten in the same transaction as every audit row (core/audit/chain-seal.ts), so a crash
 *   never leaves it behind the chain.
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { noReplaceTriggerName, noReplaceTriggerSql } from '../electron/core/db/required-triggers';

/** Frozen copy of the keys at this migration (later tables get their own migration). */
const KEYS: Record<string, string[][]> = {
  audit_events: [['id']],
  sales: [['id'], ['uuid'], ['till_id', 'receipt_no'], ['source', 'external_ref']],
  sale_lines: [['id'], ['sale_id', 'line_no']],
  sale_tenders: [['id']],
  sale_voids: [['sale_id']],
};

export class NoReplaceAndAuditSeal1790000001000 implements MigrationInterface {
  name = 'NoReplaceAndAuditSeal1790000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_seal',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'last_id', type: 'integer' },
          { name: 'last_hash', type: 'varchar', length: '64' },
          { name: 'row_count', type: 'bigint' },
          { name: 'key_id', type: 'varchar', length: '16' },
          { name: 'mac', type: 'varchar', length: '64' },
          { name: 'sealed_at', type: 'varchar', length: '24' },
        ],
      }),
    );
    if (q.connection.driver.options.type === 'postgres') return;
    for (const [table, keys] of Object.entries(KEYS))
      await q.query(noReplaceTriggerSql(table, keys));
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.driver.options.type !== 'postgres')
      for (const table of Object.keys(KEYS))
        await q.query(`DROP TRIGGER IF EXISTS ${noReplaceTriggerName(table)}`);
    await q.dropTable('audit_seal', true);
  }
}
