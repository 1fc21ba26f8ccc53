/**
 * Portability: the same migrations run on a real PostgreSQL server with zero schema drift, the
 * append-only triggers hold there too, and the staff queries work. Runs wherever PostgreSQL is
 * installed (CI installs it); elsewhere it skips and says why.
 */
import { AuditLog } from '../../electron/core/audit/audit-log';
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import { StaffEntity } from '../../electron/core/staff/staff.entity';
import { MIGRATIONS } from '../../migrations';
import { FakeClock } from '../helpers/core';
import { findPostgres, startPostgres, type PgServer } from '../helpers/postgres';

const bin = findPostgres();
if (!bin)
  console.warn(
    'PostgreSQL is not installed (apt-get install postgresql): skipping the PostgreSQL portability tests.',
  );

describe.skipIf(!bin)('PostgreSQL portability', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => pg?.stop());

  it('runs every migration with zero drift, keeps audit_events append-only, and serves staff queries', async () => {
    const ds = createPostgresDataSource(pg.url);
    await ds.initialize();
    const ran = await ds.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);

    const roles = await ds.query(
      'SELECT role_id, COUNT(*)::int AS n FROM role_permissions GROUP BY role_id ORDER BY role_id',
    );
    expect(roles).toEqual([
      { role_id: 'admin', n: 11 },
      { role_id: 'cashier', n: 2 },
      { role_id: 'manager', n: 8 },
    ]);

    const now = '2026-11-23T09:00:00.000Z';
    await ds.getRepository(StaffEntity).insert({
      username: 'ada',
      email: 'ada@shop.test',
      displayName: 'Ada',
      passwordHash: 'sha256-bcrypt:x',
      status: 'active',
      rejected: false,
      roleId: 'admin',
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const found = await ds
      .getRepository(StaffEntity)
      .findOne({ where: [{ username: 'ada' }, { email: 'ada' }] });
    expect(found).toMatchObject({ id: 1, rejected: false, mustChangePassword: false });

    const audit = new AuditLog(new FakeClock(), 'till-pg');
    await ds.transaction((em) =>
      audit.record(em, { action: 'test.event', outcome: 'success', actorId: 1, actorName: 'ada' }),
    );
    expect(await audit.verifyChain(ds.manager)).toEqual({ ok: true, rows: 1 });
    await expect(ds.query("UPDATE audit_events SET outcome = 'denied'")).rejects.toThrow(
      /append-only/,
    );
    await expect(ds.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await ds.destroy();
  });
});
