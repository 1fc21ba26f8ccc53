/**
 * `run(…, { reusePlan: true })` on a store server (db/sql.ts): a named prepared statement per
 * connection, against the throwaway server of tests/helpers/postgres.ts.
 * - It answers exactly as the unnamed statement does, for SELECT, INSERT and UPDATE … RETURNING.
 * - The server holds it once per connection, plans its first five runs, then reuses one generic
 *   plan (`pg_prepared_statements`, PostgreSQL 14+).
 * - Two texts never share a name; a failure is the driver's error, wrapped as TypeORM wraps it,
 *   and the statement still runs afterwards, also when its first Parse failed in a broken
 *   transaction.
 * - A connection that dies takes its statements with it: the next one prepares them again.
 * - Past NAMED_STATEMENT_LIMIT texts, statements run unnamed, so the server's memory is bounded.
 */
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import { NAMED_STATEMENT_LIMIT, portable, run } from '../../electron/core/db/sql';
import { isUniqueViolation } from '../../electron/core/db/storage-errors';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';

const bin = findPostgres();

interface Prepared {
  name: string;
  statement: string;
  generic_plans: string;
  custom_plans: string;
}

/** The named statements the connection of `em` holds. */
const preparedOn = (em: EntityManager) =>
  run<Prepared>(
    em,
    'SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name',
  );

const INSERT = 'INSERT INTO items (name, qty) VALUES (?, ?)';
const BUMP = 'UPDATE items SET qty = qty + ? WHERE id = ? RETURNING id, qty';
const READ = 'SELECT id, name, qty FROM items WHERE id = ?';

describe.skipIf(!bin)('statements that reuse their plan on a store server', () => {
  let pg: PgServer;
  let url: string;
  let ds: DataSource;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
    url = await createDatabase(pg, 'prepared');
    await sqlOn(url, 'CREATE TABLE items (id serial PRIMARY KEY, name text UNIQUE, qty int)');
    ds = createPostgresDataSource(url);
    await ds.initialize();
  }, 60_000);
  afterAll(async () => {
    await ds?.destroy();
    pg?.stop();
  });
  beforeEach(() => sqlOn(url, 'TRUNCATE items RESTART IDENTITY'));
  const reuse = { reusePlan: true };

  it('answers as the unnamed statement, and is planned generically after five runs', async () => {
    await ds.transaction(async (em) => {
      for (let i = 1; i <= 12; i++) {
        expect(await run(em, INSERT, [`item ${i}`, i], reuse)).toEqual([]);
        expect(await run(em, BUMP, [10, i], reuse)).toEqual([{ id: i, qty: i + 10 }]);
      }
      for (let i = 1; i <= 12; i++)
        expect(await run(em, READ, [i], reuse)).toEqual(await run(em, READ, [i]));
      const held = await preparedOn(em);
      // One statement per text on this connection, each run 12 times: planned for its values
      // five times, then from the one generic plan.
      expect(held.map((p) => p.statement).sort()).toEqual(
        [INSERT, BUMP, READ].map((sql) => portable(em, sql)).sort(),
      );
      for (const p of held) expect([p.custom_plans, p.generic_plans]).toEqual(['5', '7']);
      expect(new Set(held.map((p) => p.name)).size).toBe(3);
    });
  });

  it('fails as TypeORM fails, and runs again after, even when its first Parse failed', async () => {
    await run(ds.manager, INSERT, ['mug', 1], reuse);
    const duplicate = await run(ds.manager, INSERT, ['mug', 2], reuse).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(duplicate)).toBe(true);
    // A text this connection has never prepared, first sent in a transaction that has failed:
    // the server refuses its Parse (25P02), so the next transaction must prepare it again.
    const fresh = 'SELECT qty FROM items WHERE name = ? AND qty >= 0';
    await ds
      .transaction(async (em) => {
        await run(em, 'SELECT 1 / 0 AS n').catch(() => undefined);
        const refused = await run(em, fresh, ['mug'], reuse).catch((e: unknown) => e);
        expect((refused as QueryFailedError).driverError).toMatchObject({ code: '25P02' });
      })
      .catch(() => undefined);
    expect(await run(ds.manager, fresh, ['mug'], reuse)).toEqual([{ qty: 1 }]);
    expect(await run(ds.manager, INSERT, ['cup', 3], reuse)).toEqual([]);
  });

  it('is prepared again on the connection that replaces one the server ended', async () => {
    await run(ds.manager, INSERT, ['mug', 1], reuse);
    const before = await ds.transaction(async (em) => {
      expect(await run(em, READ, [1], reuse)).toEqual([{ id: 1, name: 'mug', qty: 1 }]);
      return run<{ pid: number }>(em, 'SELECT pg_backend_pid() AS pid');
    });
    await sqlOn(
      url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = 'prepared' AND pid <> pg_backend_pid()`,
    );
    // The pool drops each ended connection once it notices; until then a call may meet one.
    let rows: unknown[] | undefined;
    for (let i = 0; i < 50 && !rows; i++)
      rows = await run(ds.manager, READ, [1], reuse).catch(() => undefined);
    expect(rows).toEqual([{ id: 1, name: 'mug', qty: 1 }]);
    await ds.transaction(async (em) => {
      const [now] = await run<{ pid: number }>(em, 'SELECT pg_backend_pid() AS pid');
      expect(now!.pid).not.toBe(before[0]!.pid);
      expect(await run(em, READ, [1], reuse)).toEqual([{ id: 1, name: 'mug', qty: 1 }]);
      expect((await preparedOn(em)).map((p) => p.statement)).toContain(portable(em, READ));
    });
  });

  it('runs statements unnamed past the limit, so a connection holds a bounded number', async () => {
    await ds.transaction(async (em) => {
      const past = NAMED_STATEMENT_LIMIT + 5;
      for (let i = 0; i < past; i++)
        expect(await run(em, `SELECT ?::int + ${i} AS n`, [1], reuse)).toEqual([{ n: i + 1 }]);
      const held = await preparedOn(em);
      expect(held.length).toBeLessThanOrEqual(NAMED_STATEMENT_LIMIT);
      expect(held.map((p) => p.statement)).not.toContain(`SELECT $1::int + ${past - 1} AS n`);
    });
  });
});
