/** A till (register, terminal): one computer running Kassa, with its own gapless receipt numbers. */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'tills' })
@Index('UQ_tills_name', ['name'], { unique: true })
export class TillEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The receipt number the next sale on this till gets; advanced inside the sale's transaction. */
  @Column({ name: 'next_receipt_no', type: 'integer' })
  nextReceiptNo: number;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /**
   * On a store server, the till's X25519 public key (base64) that the store key is wrapped to
   * (secrets/store-key.ts, migration 1790000018000); null on SQLite and until the till publishes it.
   */
  @Column({ name: 'public_key', type: 'varchar', length: 64, nullable: true })
  publicKey: string | null;

  /**
   * On a store server, when the till was last running (UTC; its start, then every minute:
   * till-service.ts `markSeen`, migration 1790000019000); null on SQLite and until then.
   */
  @Column({ name: 'last_seen_at', type: 'varchar', length: 24, nullable: true })
  lastSeenAt: string | null;

  /** On a store server, when the till last closed cleanly (UTC); null while it runs. */
  @Column({ name: 'stopped_at', type: 'varchar', length: 24, nullable: true })
  stoppedAt: string | null;

  /**
   * On a store server, when an admin retired the till (UTC; `storeServer:retireTill`, migration
   * 1790000020000): it opens there no more. Null while in service.
   */
  @Column({ name: 'retired_at', type: 'varchar', length: 24, nullable: true })
  retiredAt: string | null;

  /** The staff id of the admin who retired the till; null while in service. */
  @Column({ name: 'retired_by', type: 'integer', nullable: true })
  retiredBy: number | null;
}
