/**
 * One one-time code sent to a member (issue 9, sections 4 and 6); see the migration
 * 1790000007200-VerifiedContacts for the columns' rules. The code itself is never stored.
 */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** What a code proves: an e-mail address, a phone number, or the right to set a new password. */
export type CodePurpose = 'email' | 'phone' | 'password_reset';

@Entity({ name: 'verification_codes' })
@Index('IDX_verification_codes_staff', ['staffId', 'purpose', 'createdAt'])
export class VerificationCodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @ManyToOne('StaffEntity', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_verification_codes_staff' })
  staff?: unknown;

  @Column({ type: 'varchar', length: 16 })
  purpose: CodePurpose;

  /** The address the code was sent to; a code for an address since changed is dead. */
  @Column({ type: 'varchar', length: 254 })
  target: string;

  /** HMAC-SHA-256 (hex) of the code; null for phone codes, which the SMS provider checks. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64, nullable: true })
  codeHash: string | null;

  @Column({ name: 'provider_request_id', type: 'varchar', length: 128, nullable: true })
  providerRequestId: string | null;

  /** Wrong tries so far; the code dies at MAX_ATTEMPTS. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt: string;

  /** UTC; set when used, replaced by a newer code, or out of tries. */
  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt: string | null;
}
