/** A staff member: someone who signs in on this till. See shared/contract/staff.ts for the view sent to the renderer. */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffStatus } from '../../../shared/contract/common';
import type { RoleId } from '../../../shared/permissions';
import type { RoleEntity } from './role.entity';

@Entity({ name: 'staff' })
@Index('UQ_staff_username', ['username'], { unique: true })
@Index('UQ_staff_email', ['email'], { unique: true })
@Index('IDX_staff_status', ['status'])
export class StaffEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Stored lower-case, so uniqueness is case-insensitive on every engine. */
  @Column({ type: 'varchar', length: 32 })
  username: string;

  /** Stored lower-case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName: string;

  /** `<scheme>:<hash>`; see auth/password-hasher.ts. Never leaves the main process. */
  @Column({ name: 'password_hash', type: 'varchar', length: 160 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: StaffStatus;

  /** True when an admin declined the access request; status is then `disabled`. */
  @Column({ type: 'boolean' })
  rejected: boolean;

  @Column({ name: 'role_id', type: 'varchar', length: 32 })
  roleId: RoleId;

  @ManyToOne('RoleEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'FK_staff_role' })
  role?: RoleEntity;

  @Column({ name: 'must_change_password', type: 'boolean' })
  mustChangePassword: boolean;

  /** UTC; when set, the current password is temporary and stops working at this time (R1). */
  @Column({ name: 'temp_password_expires_at', type: 'varchar', length: 24, nullable: true })
  tempPasswordExpiresAt: string | null;

  @Column({ name: 'failed_login_count', type: 'integer' })
  failedLoginCount: number;

  /** UTC. */
  @Column({ name: 'locked_until', type: 'varchar', length: 24, nullable: true })
  lockedUntil: string | null;

  /** UTC. */
  @Column({ name: 'last_login_at', type: 'varchar', length: 24, nullable: true })
  lastLoginAt: string | null;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;

  /**
   * A8: bumped by every change that must end the member's sessions on every till (disable, role
   * change, password change or reset, end sessions). Sessions started in an older epoch are dead.
   */
  @Column({ name: 'session_epoch', type: 'integer', default: 0 })
  sessionEpoch: number;

  /** UTC; when the member proved they read this e-mail address; null once it changes (issue 9). */
  @Column({ name: 'email_verified_at', type: 'varchar', length: 24, nullable: true })
  emailVerifiedAt: string | null;

  /** UTC; when the member proved they hold this phone number; null once it changes (issue 9). */
  @Column({ name: 'phone_verified_at', type: 'varchar', length: 24, nullable: true })
  phoneVerifiedAt: string | null;
  /** The member's own phone (profile, issue 9): E.164 when it parses (shared/phone.ts), or null. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;
  /**
   * A request for access that must verify this contact before an admin sees it ('email' or
   * 'phone'; issue 9, section 4); null once verified, and for every other member.
   */
  @Column({ name: 'awaiting_verification', type: 'varchar', length: 8, nullable: true })
  awaitingVerification: 'email' | 'phone' | null;
}
