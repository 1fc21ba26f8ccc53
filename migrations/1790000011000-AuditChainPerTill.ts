/**
 * Issue 12, section 2: one audit chain per till (docs/architecture.md, "Audit chains").
 *
 * - `audit_events.chain`: the chain a row belongs to. A SQLite till has one chain, 1: every row it
 *   ever wrote, and the seal it always had (`audit_seal` id 1). On a store server each till appends
 *   to the chain numbered by its `tills.id` and seals it with its own key in `audit_seal` row
 *   `id = chain`, so no store-wide chain head serialises the tills' writes.
 * - `IDX_audit_events_chain_id`: a chain's head (its highest id) in one index probe, and a chain
 *   read in id order for verification.
 *
 * The hash does not cover `chain`: rows keep their hashes, and a row moved to another chain would
 * break both chains' links. Plain SQL: TypeORM's SQLite addColumn rebuilds the table, which would
 * drop its append-only triggers; `ADD COLUMN … DEFAULT` rewrites nothing on either engine.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChainPerTill1790000011000 implements MigrationInterface {
  name = 'AuditChainPerTill1790000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_events ADD COLUMN chain integer NOT NULL DEFAULT 1');
    await q.query('CREATE INDEX "IDX_audit_events_chain_id" ON audit_events (chain, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_audit_events_chain_id"');
    await q.query('ALTER TABLE audit_events DROP COLUMN chain');
  }
}
