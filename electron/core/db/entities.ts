/** Every entity the DataSource knows, in one list. */
import { AuditEventEntity } from '../audit/audit-event.entity';
import { SettingEntity } from '../settings/setting.entity';
import { PermissionEntity, RoleEntity, RolePermissionEntity } from '../staff/role.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TillEntity } from '../tills/till.entity';
import { ProductEntity } from '../products/product.entity';
import { CustomerEntity } from '../customers/customer.entity';
import {
  ParkedSaleEntity,
  SaleEntity,
  SaleLineEntity,
  SaleTenderEntity,
  SaleVoidEntity,
} from '../sales/sale.entity';
import { TillCartEntity } from '../carts/till-cart.entity';
import { StaffPinEntity } from '../pin/staff-pin.entity';
import { VerificationCodeEntity } from '../contacts/verification-code.entity';
import { CategoryEntity } from '../categories/category.entity';

export const ENTITIES = [
  RoleEntity,
  PermissionEntity,
  RolePermissionEntity,
  StaffEntity,
  AuditEventEntity,
  SettingEntity,
  TillEntity,
  ProductEntity,
  CustomerEntity,
  SaleEntity,
  SaleLineEntity,
  SaleTenderEntity,
  SaleVoidEntity,
  ParkedSaleEntity,
  TillCartEntity,
  StaffPinEntity,
  VerificationCodeEntity,
  CategoryEntity,
];
