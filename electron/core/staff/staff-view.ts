/** Maps a staff row to the view the renderer may see: never the hash, never the temp-password state. */
import type { StaffView } from '../../../shared/contract/staff';
import { BUILT_IN_ROLES } from '../../../shared/permissions';
import type { StaffEntity } from './staff.entity';

export function roleName(roleId: string): string {
  return BUILT_IN_ROLES.find((r) => r.id === roleId)?.name ?? roleId;
}

export function toStaffView(s: StaffEntity): StaffView {
  return {
    id: s.id,
    username: s.username,
    email: s.email,
    displayName: s.displayName,
    status: s.status,
    rejected: Boolean(s.rejected),
    role: s.roleId,
    roleName: roleName(s.roleId),
    mustChangePassword: Boolean(s.mustChangePassword),
    failedLoginCount: s.failedLoginCount,
    lockedUntil: s.lockedUntil,
    lastLoginAt: s.lastLoginAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    emailVerifiedAt: s.emailVerifiedAt ?? null,
    phoneVerifiedAt: s.phoneVerifiedAt ?? null,
  };
}
