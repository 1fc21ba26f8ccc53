/**
 * Which engine the core tests run on (issue 12, section 4: "the whole core suite on both
 * engines"). `KASSA_TEST_ENGINE=postgres` (the `node-pg` project in vitest.config.ts) makes every
 * `makeTestCore` a core on a store server instead of a SQLite file:
 * - one throwaway PostgreSQL per test worker (tests/helpers/postgres.ts), started on first use and
 *   stopped when the worker exits;
 * - a database migrated once per worker, `kassa_template`; each test core gets its own copy of it
 *   (`CREATE DATABASE … TEMPLATE`, PostgreSQL docs "Template Databases"), as the SQLite tests get a
 *   copy of a migrated file (migrated-template.ts).
 */
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import { migrateStoreServer } from '../../electron/core/db/server-migrations';
import { findPostgres, sqlOn, startPostgres, type PgServer } from './postgres';

export type TestEngine = 'sqlite' | 'postgres';

/** The engine this test process runs the core on. */
export const TEST_ENGINE: TestEngine =
  process.env.KASSA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let server: Promise<PgServer> | undefined;
let template: Promise<void> | undefined;
let made = 0;

/** This worker's server, started on first use and stopped when the worker exits. */
function workerServer(): Promise<PgServer> {
  server ??= (async () => {
    const bin = findPostgres();
    if (!bin) throw new Error('KASSA_TEST_ENGINE=postgres needs PostgreSQL (apt: postgresql)');
    const pg = await startPostgres(bin);
    process.once('exit', () => pg.stop());
    return pg;
  })();
  return server;
}

const urlOf = (pg: PgServer, name: string) => pg.url.replace(/\/postgres$/, `/${name}`);

/** `kassa_template` on this worker's server, migrated once (the first call makes it). */
function migratedTemplate(pg: PgServer): Promise<void> {
  template ??= (async () => {
    await sqlOn(pg.url, 'CREATE DATABASE kassa_template');
    const ds = createPostgresDataSource(urlOf(pg, 'kassa_template'));
    await ds.initialize();
    try {
      await migrateStoreServer(ds);
    } finally {
      await ds.destroy();
    }
  })();
  return template;
}

/**
 * A new, migrated and otherwise empty store database on this worker's server; answers its
 * postgres:// URL. The copy is byte for byte the template's, so it holds no till, staff or key.
 */
export async function freshStoreDatabase(): Promise<string> {
  const pg = await workerServer();
  await migratedTemplate(pg);
  const name = `core_${process.pid}_${++made}`;
  // WAL_LOG (PostgreSQL 15's default, said here on purpose): about 50 ms for this small database,
  // where FILE_COPY's two checkpoints took 400-500 ms.
  await sqlOn(pg.url, `CREATE DATABASE ${name} TEMPLATE kassa_template STRATEGY WAL_LOG`);
  return urlOf(pg, name);
}

/** Drops the database at `url` (a test core's, once it is closed). */
export async function dropStoreDatabase(url: string): Promise<void> {
  const pg = await workerServer();
  const name = new URL(url).pathname.slice(1);
  await sqlOn(pg.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * True on the PostgreSQL run: for `it.skipIf(ON_POSTGRES)` on the few tests of SQLite's own
 * machinery inside otherwise shared files (a query plan, a migration redone on a file); each
 * such test says why beside it.
 */
export const ON_POSTGRES = TEST_ENGINE === 'postgres';
