/**
 * One audit event (L1). Append-only: triggers abort UPDATE and DELETE, and each row carries the
 * SHA-256 of the previous row's hash and its own content (L2). No foreign keys: the log outlives
 * whatever it talks about.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_actor', ['actorId'])
@Index('IDX_audit_events_target', ['targetType', 'targetId'])
@Index('IDX_audit_events_action', ['action'])
@Index('IDX_audit_events_outcome', ['outcome'])
@Index('IDX_audit_events_terminal', ['terminal'])
@Index('IDX_audit_events_at', ['at'])
@Index('IDX_audit_events_chain_id', ['chain', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** UTC. */
  @Column({ type: 'varchar', length: 24 })
  at: string;

  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 80, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 64 })
  terminal: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  detail: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /**
   * The chain the row links into (issue 12): 1 on a SQLite till; the writing till's `tills.id` on
   * a store server. Not covered by the hash (migration 1790000011000).
   */
  @Column({ type: 'integer', default: 1 })
  chain: number;
}
