/**
 * Issue 10, section 1: the permissions of the till's day. `shifts.close` (blind count and Z
 * report) goes to Admin, Manager and Cashier; `cash.manage` (paid in / paid out) and
 * `cash.noSale` (open the drawer without a sale) to Admin and Manager; `backups.manage` (backups
 * and restore, D4/D5) to Admin only. Roles are editable data (issue 9), so a grant only reaches a
 * seeded role that still exists: `INSERT ... SELECT` from `roles` never fails on a deleted one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const GRANTS: ReadonlyArray<{ id: string; description: string; roles: readonly string[] }> = [
  {
    id: 'shifts.close',
    description: 'Close a shift with a counted drawer and produce its Z report',
    roles: ['admin', 'manager', 'cashier'],
  },
  {
    id: 'cash.manage',
    description: 'Pay cash into or out of the drawer during a shift',
    roles: ['admin', 'manager'],
  },
  {
    id: 'cash.noSale',
    description: 'Open the cash drawer without a sale',
    roles: ['admin', 'manager'],
  },
  {
    id: 'backups.manage',
    description: 'Make backups, change where they go, and restore the database from one',
    roles: ['admin'],
  },
];

export class CashPermissions1790000008000 implements MigrationInterface {
  name = 'CashPermissions1790000008000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const [a, b] = pg ? ['$1', '$2'] : ['?', '?'];
    for (const grant of GRANTS) {
      await q.query(`INSERT INTO permissions (id, description) VALUES (${a}, ${b})`, [
        grant.id,
        grant.description,
      ]);
      for (const role of grant.roles)
        await q.query(
          `INSERT INTO role_permissions (role_id, permission_id)
           SELECT id, ${a} FROM roles WHERE id = ${b}`,
          [grant.id, role],
        );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const grant of GRANTS) {
      await q.query(`DELETE FROM role_permissions WHERE permission_id = '${grant.id}'`);
      await q.query(`DELETE FROM permissions WHERE id = '${grant.id}'`);
    }
  }
}
