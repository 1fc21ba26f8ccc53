/**
 * M2: the permission `sales.discountOverride` (a discount above the store's limit, or a price
 * typed for an open-price product), granted to the built-in Manager and Admin roles. The first
 * migration's seed is frozen, so the grant is a migration of its own.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const PERMISSION = 'sales.discountOverride';
const DESCRIPTION =
  'Give a discount above the store limit, or type the price of an open-price product';
const ROLES = ['admin', 'manager'];

export class DiscountOverride1790000003100 implements MigrationInterface {
  name = 'DiscountOverride1790000003100';

  async up(q: QueryRunner): Promise<void> {
    const p = q.connection.driver.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
    await q.query(`INSERT INTO permissions (id, description) VALUES (${p[0]}, ${p[1]})`, [
      PERMISSION,
      DESCRIPTION,
    ]);
    for (const role of ROLES)
      await q.query(
        `INSERT INTO role_permissions (role_id, permission_id) VALUES (${p[0]}, ${p[1]})`,
        [role, PERMISSION],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM role_permissions WHERE permission_id = '${PERMISSION}'`);
    await q.query(`DELETE FROM permissions WHERE id = '${PERMISSION}'`);
  }
}
