/**
 * L1: the key for the digests that stand in for unknown sign-in identifiers in the audit log
 * (electron/core/auth/identifier-digest.ts): 256 random bits, one per database, created here so a
 * failed sign-in changes no setting.
 */
import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditIdentifierKey1790000005100 implements MigrationInterface {
  name = 'AuditIdentifierKey1790000005100';

  async up(q: QueryRunner): Promise<void> {
    const placeholders = q.connection.driver.options.type === 'postgres' ? '$1, $2, $3' : '?, ?, ?';
    await q.query(`INSERT INTO settings (key, value, updated_at) VALUES (${placeholders})`, [
      'audit_identifier_key',
      randomBytes(32).toString('hex'),
      new Date().toISOString(),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM settings WHERE key = 'audit_identifier_key'");
  }
}
