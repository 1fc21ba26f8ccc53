/** A member's till PIN (issue 9, section 5); see migrations/1790000007300-StaffPins.ts. */
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

@Entity({ name: 'staff_pins' })
export class StaffPinEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @OneToOne('StaffEntity', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_staff_pins_staff' })
  staff?: unknown;

  /** `pin-bcrypt:<bcrypt hash>` (its own random salt). Never leaves the main process. */
  @Column({ name: 'pin_hash', type: 'varchar', length: 100 })
  pinHash: string;

  /** Wrong PINs in a row; at MAX_PIN_FAILURES the PIN is disabled. */
  @Column({ name: 'failed_count', type: 'integer', default: 0 })
  failedCount: number;

  /** UTC; set when the PIN was disabled, cleared by the member's next password sign-in. */
  @Column({ name: 'disabled_at', type: 'varchar', length: 24, nullable: true })
  disabledAt: string | null;

  /** UTC; when the PIN was set. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
