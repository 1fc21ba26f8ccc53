/**
 * The cart in progress on one till (issue 8, item 4): one row per till, replaced as the cashier
 * rings items up. Not money (no prices, no totals), so it may be updated and deleted; completed
 * sales and parked carts keep their own rules.
 */
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@Entity({ name: 'till_carts' })
export class TillCartEntity {
  @PrimaryColumn({ name: 'till_id', type: 'integer' })
  tillId: number;

  @ManyToOne('TillEntity', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'till_id', foreignKeyConstraintName: 'FK_till_carts_till' })
  till?: unknown;

  /** The member who rang the cart up; null while it is empty. */
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @ManyToOne('StaffEntity', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_till_carts_staff' })
  staff?: unknown;

  /** The cart as JSON (shared/contract/carts.ts draftCartSchema); re-validated when read. */
  @Column({ type: 'varchar', length: 20000 })
  cart: string;

  /** Grows by one with every change (optimistic concurrency between windows). */
  @Column({ type: 'integer' })
  version: number;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
