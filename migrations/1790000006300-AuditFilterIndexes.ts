/**
 * L1, issue 8 item 16: the audit screen filters by action, outcome, terminal and business days,
 * newest first. One index per filter (SQLite and PostgreSQL both keep the row id in a secondary
 * index, so an equality filter still walks newest first without a sort); the actor already has
 * IDX_audit_events_actor.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES = [
  ['IDX_audit_events_action', 'action'],
  ['IDX_audit_events_outcome', 'outcome'],
  ['IDX_audit_events_terminal', 'terminal'],
  ['IDX_audit_events_at', 'at'],
] as const;

export class AuditFilterIndexes1790000006300 implements MigrationInterface {
  name = 'AuditFilterIndexes1790000006300';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, column] of INDEXES)
      await q.query(`CREATE INDEX "${name}" ON "audit_events" ("${column}")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await q.query(`DROP INDEX "${name}"`);
  }
}
