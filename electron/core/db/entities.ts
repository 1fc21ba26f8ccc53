/** Every entity the DataSource knows, in one list. */
import { AuditEventEntity } from '../audit/audit-event.entity';
import { SettingEntity } from '../settings/setting.entity';
import { PermissionEntity, RoleEntity, RolePermissionEntity } from '../staff/role.entity';
import { StaffEntity } from '../staff/staff.entity';

export const ENTITIES = [
  RoleEntity,
  PermissionEntity,
  RolePermissionEntity,
  StaffEntity,
  AuditEventEntity,
  SettingEntity,
];
