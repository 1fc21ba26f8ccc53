/**
 * First schema: roles and permissions (seeded), staff, the append-only audit log, and settings.
 * Portable: written with TypeORM's Table API so it runs on SQLite and PostgreSQL; only the
 * append-only triggers (L2) differ by engine. Times are ISO-8601 UTC text (see core/db/time.ts).
 * The seed below is a frozen copy: later permission changes need a new migration.
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const utc = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

const PERMISSIONS: Array<[string, string]> = [
  ['staff.view', 'See the staff list'],
  ['staff.manage', 'Create, edit, disable, delete staff and reset their passwords'],
  ['staff.approve', 'Approve or reject access requests'],
  ['settings.manage', 'Change till settings such as the idle lock'],
  ['audit.view', 'Read the audit log'],
  ['sales.create', 'Ring up sales'],
  ['sales.void', 'Void a sale the same day'],
  ['sales.refund', 'Refund an earlier sale'],
  ['products.manage', 'Create and edit products'],
  ['customers.manage', 'Create and edit customers'],
  ['reports.view', 'See reports'],
];
const ROLES: Array<[string, string, string[]]> = [
  ['admin', 'Admin', PERMISSIONS.map(([p]) => p)],
  [
    'manager',
    'Manager',
    [
      'staff.view',
      'audit.view',
      'sales.create',
      'sales.void',
      'sales.refund',
      'products.manage',
      'customers.manage',
      'reports.view',
    ],
  ],
  ['cashier', 'Cashier', ['sales.create', 'customers.manage']],
];

export class InitialStaffAuthAudit1764000000000 implements MigrationInterface {
  name = 'InitialStaffAuthAudit1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'roles',
        columns: [{ ...text('id', 32), isPrimary: true }, text('name', 64)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'permissions',
        columns: [{ ...text('id', 64), isPrimary: true }, text('description', 200)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_permissions',
        columns: [
          { ...text('role_id', 32), isPrimary: true },
          { ...text('permission_id', 64), isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: 'IDX_role_permissions_permission',
            columnNames: ['permission_id'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_role_permissions_role',
            columnNames: ['role_id'],
            referencedTableName: 'roles',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_role_permissions_permission',
            columnNames: ['permission_id'],
            referencedTableName: 'permissions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff',
        columns: [
          id,
          text('username', 32),
          text('email', 254),
          text('display_name', 80),
          text('password_hash', 160),
          text('status', 16),
          { name: 'rejected', type: 'boolean' },
          text('role_id', 32),
          { name: 'must_change_password', type: 'boolean' },
          utc('temp_password_expires_at', true),
          { name: 'failed_login_count', type: 'integer' },
          utc('locked_until', true),
          utc('last_login_at', true),
          utc('created_at'),
          utc('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_staff_username', columnNames: ['username'], isUnique: true }),
          new TableIndex({ name: 'UQ_staff_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'IDX_staff_status', columnNames: ['status'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_staff_role',
            columnNames: ['role_id'],
            referencedTableName: 'roles',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id,
          utc('at'),
          { name: 'actor_id', type: 'integer', isNullable: true },
          text('actor_name', 80, true),
          text('action', 64),
          text('target_type', 32, true),
          text('target_id', 64, true),
          text('terminal', 64),
          text('outcome', 16),
          text('detail', 1000, true),
          text('prev_hash', 64),
          text('hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_events_actor', columnNames: ['actor_id'] }),
          new TableIndex({
            name: 'IDX_audit_events_target',
            columnNames: ['target_type', 'target_id'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'settings',
        columns: [{ ...text('key', 64), isPrimary: true }, text('value', 1000), utc('updated_at')],
      }),
    );

    await this.appendOnly(q, 'audit_events');

    for (const [pid, description] of PERMISSIONS) {
      await q.query(
        'INSERT INTO permissions (id, description) VALUES ($1, $2)'.replace(/\$\d/g, this.param(q)),
        [pid, description],
      );
    }
    for (const [rid, name, perms] of ROLES) {
      await q.query(
        'INSERT INTO roles (id, name) VALUES ($1, $2)'.replace(/\$\d/g, this.param(q)),
        [rid, name],
      );
      for (const p of perms) {
        await q.query(
          'INSERT INTO role_permissions (role_id, permission_id) VALUES ($1, $2)'.replace(
            /\$\d/g,
            this.param(q),
          ),
          [rid, p],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'settings',
      'audit_events',
      'staff',
      'role_permissions',
      'permissions',
      'roles',
    ])
      await q.dropTable(t, true);
  }

  /** Placeholder style: `$n` on PostgreSQL, `?` on SQLite. Returns a replacer for `$n`. */
  private param(q: QueryRunner): (m: string) => string {
    return q.connection.driver.options.type === 'postgres' ? (m) => m : () => '?';
  }

  /** L2/D6: triggers that abort UPDATE and DELETE on a table. */
  private async appendOnly(q: QueryRunner, table: string): Promise<void> {
    if (q.connection.driver.options.type === 'postgres') {
      await q.query(
        `CREATE OR REPLACE FUNCTION kassa_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kassa_append_only()`,
      );
      return;
    }
    await q.query(
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
    await q.query(
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
  }
}
