/** Maps a staff row to the view the renderer may see: never the hash, never the temp-password state. */
import type { StaffView } from '../../../shared/contract/staff';
import type { StaffEntity } from './staff.entity';

/** `roleNames`: role id → the role's name now (roles/role-queries.ts `roleNames`). */
export function toStaffView(s: StaffEntity, roleNames: ReadonlyMap<string, string>): StaffView {
  return {
    id: s.id,
    username: s.username,
    email: s.email,
    displayName: s.displayName,
    status: s.status,
    rejected: Boolean(s.rejected),
    role: s.roleId,
    roleName: roleNames.get(s.roleId) ?? s.roleId,
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
