/**
 * Issue 9, section 2: roles become data an admin edits. Roles get
 * - `locked` (default false): the built-in Admin role, which always holds every permission and
 *   can be neither edited nor deleted; Manager and Cashier stay ordinary, editable rows;
 * - `created_at`/`updated_at` (UTC ISO text, like every other table);
 * - a unique index on LOWER(name), so two roles can never share a name whatever their case.
 * Staff keep their `role_id`: the seeded ids (admin, manager, cashier) are unchanged. Admin is
 * given any permission it lacks, so "every permission" holds from this migration on; a later
 * migration that adds a permission must grant it to locked roles too.
 * SQLite adds the columns in place (no table rebuild); PostgreSQL through the Table API.
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const EPOCH = '1970-01-01T00:00:00.000Z';

export class EditableRoles1790000007100 implements MigrationInterface {
  name = 'EditableRoles1790000007100';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    if (pg) {
      await q.addColumns('roles', [
        new TableColumn({ name: 'locked', type: 'boolean', default: false }),
        new TableColumn({
          name: 'created_at',
          type: 'varchar',
          length: '24',
          default: `'${EPOCH}'`,
        }),
        new TableColumn({
          name: 'updated_at',
          type: 'varchar',
          length: '24',
          default: `'${EPOCH}'`,
        }),
      ]);
    } else {
      await q.query('ALTER TABLE "roles" ADD COLUMN "locked" boolean NOT NULL DEFAULT (0)');
      for (const column of ['created_at', 'updated_at'])
        await q.query(
          `ALTER TABLE "roles" ADD COLUMN "${column}" varchar(24) NOT NULL DEFAULT '${EPOCH}'`,
        );
    }
    const now = new Date().toISOString();
    await q.query(
      `UPDATE "roles" SET "locked" = (CASE WHEN "id" = 'admin' THEN TRUE ELSE FALSE END), "created_at" = ${pg ? '$1' : '?'}, "updated_at" = ${pg ? '$2' : '?'}`,
      [now, now],
    );
    await q.query(
      `INSERT INTO "role_permissions" ("role_id", "permission_id")
       SELECT 'admin', p."id" FROM "permissions" p
        WHERE NOT EXISTS (SELECT 1 FROM "role_permissions" rp
                           WHERE rp."role_id" = 'admin' AND rp."permission_id" = p."id")`,
    );
    await q.query('CREATE UNIQUE INDEX "UQ_roles_name" ON "roles" (LOWER("name"))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "UQ_roles_name"');
    for (const column of ['updated_at', 'created_at', 'locked'])
      await q.dropColumn('roles', column);
  }
}
