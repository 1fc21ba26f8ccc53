/**
 * Which engine the core tests run on (issue 12, section 4: "the whole core suite on both
 * engines"). `KASSA_TEST_ENGINE=postgres` (the `node-pg` project in vitest.config.ts) makes every
 * `makeTestCore` a core on a store server instead of a SQLite file:
 * - one throwaway PostgreSQL per test worker (tests/helpers/postgres.ts), started on first use and
 *   stopped when the worker exits;
 * - a database migrated once per worker, `kassa_template`; each test core gets a database holding
 *   exactly its rows: a copy of it (`CREATE DATABASE … TEMPLATE`, PostgreSQL docs "Template
 *   Databases"), as the SQLite tests get a copy of a migrated file (migrated-template.ts), or one
 *   an earlier core handed back, put back to the template's rows (`releaseStoreDatabase`).
 *
 * Why reuse: a copy and its drop cost the machine about 200 ms of CPU (WAL-logging 9.7 MB of
 * catalogue and tables, two new connections, the drop's checkpoint), and the node-pg run is
 * CPU-bound on CI's two cores. With reuse the node-pg project alone took 123 s instead of 189 s,
 * and 220 s of CPU instead of 336 s (4 Dec 2026, 272 cores).
 */
import pgDriver, { type Client } from 'pg';
import { createPostgresDataSource } from '../../electron/core/db/data-source';
import { migrateStoreServer } from '../../electron/core/db/server-migrations';
import { findPostgres, startPostgres, type PgServer } from './postgres';

export type TestEngine = 'sqlite' | 'postgres';

/** The engine this test process runs the core on. */
export const TEST_ENGINE: TestEngine =
  process.env.KASSA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let server: Promise<PgServer> | undefined;
let template: Promise<TemplateState> | undefined;
let admin: Promise<Client> | undefined;
let made = 0;

/** What a database handed back must match, and the statement that puts its rows back. */
interface TemplateState {
  /** Tables, columns, grants, triggers and their state, functions, schemas (FINGERPRINT_SQL). */
  fingerprint: string;
  /** Empties every table, inserts the template's rows, and sets each sequence as it was. */
  putBack: string;
}

/** Databases put back to the template's rows, each with the connection that did it. */
const spare: Array<{ name: string; client: Client }> = [];
/** The open connection to each database a core holds, by name (for writes beside the core). */
const beside = new Map<string, Client>();

/**
 * The schema of the public tables, their grants and triggers (enabled or not), the functions and
 * the schemas: a test that changed any of them (a trigger dropped to tamper, a function added)
 * hands back a database that is dropped rather than reused.
 */
const FINGERPRINT_SQL = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS f FROM (
  SELECT 'r ' || relname || ' ' || relkind::text || ' ' || coalesce(relacl::text, '')
    FROM pg_class WHERE relnamespace = 'public'::regnamespace
  UNION ALL SELECT 'a ' || c.relname || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
      || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT 'c ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 't ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
    FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'p ' || oid::regprocedure::text || ' ' || md5(prosrc)
    FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT 'n ' || nspname FROM pg_namespace
  UNION ALL SELECT 'e ' || extname FROM pg_extension
) s(x)`;

/** The rows `sql` answers on `client` (pg.d.ts types a query's answer as unknown). */
async function rowsOf<T>(client: Client, sql: string): Promise<T[]> {
  return ((await client.query(sql)) as { rows: T[] }).rows;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** `text` as an SQL string literal (its quotes doubled), for SQLite and PostgreSQL alike. */
export const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A plain connection to `url`, open. */
async function connect(url: string): Promise<Client> {
  const client = new pgDriver.Client({ connectionString: url });
  // Ended with the server when the worker exits; an error there is nobody's to handle.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** This worker's connection to the server's `postgres` database, for CREATE and DROP DATABASE. */
function adminClient(srv: PgServer): Promise<Client> {
  admin ??= connect(srv.url);
  return admin;
}

/**
 * The put-back statement for the database `client` is on (the template, just migrated): every
 * public table emptied, the rows it holds now inserted again (json_populate_recordset), each
 * sequence set to where it is now. Triggers, the guard ones included, do not fire: the session
 * runs as a replica (`session_replication_role`, the test server's superuser may set it).
 */
async function putBackSql(client: Client): Promise<string> {
  const tables = (
    await rowsOf<{ name: string }>(
      client,
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    )
  ).map((r) => quoteIdent(r.name));
  const parts = ['BEGIN', 'SET LOCAL session_replication_role = replica'];
  parts.push(...tables.map((t) => `DELETE FROM ${t}`));
  for (const t of tables) {
    const rows = (
      await rowsOf<{ j: string | null }>(client, `SELECT json_agg(x)::text AS j FROM ${t} x`)
    )[0]!.j;
    if (rows !== null)
      parts.push(
        `INSERT INTO ${t} SELECT * FROM json_populate_recordset(NULL::${t}, ${quoteLiteral(rows)})`,
      );
  }
  const sequences = await rowsOf<{ name: string; start: string; last: string | null }>(
    client,
    "SELECT format('%I.%I', schemaname, sequencename) AS name, start_value AS start, last_value AS last FROM pg_sequences WHERE schemaname = 'public'",
  );
  if (sequences.length > 0)
    parts.push(
      'SELECT ' +
        sequences
          .map((q) =>
            q.last === null
              ? `setval(${quoteLiteral(q.name)}, ${q.start}, false)`
              : `setval(${quoteLiteral(q.name)}, ${q.last}, true)`,
          )
          .join(', '),
    );
  parts.push('COMMIT');
  return parts.join(';\n');
}

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
function migratedTemplate(pg: PgServer): Promise<TemplateState> {
  template ??= (async () => {
    await (await adminClient(pg)).query('CREATE DATABASE kassa_template');
    const ds = createPostgresDataSource(urlOf(pg, 'kassa_template'));
    await ds.initialize();
    try {
      await migrateStoreServer(ds);
    } finally {
      await ds.destroy();
    }
    // A template copies only while nobody is connected to it: this connection ends here.
    const client = await connect(urlOf(pg, 'kassa_template'));
    try {
      const fingerprint = (await rowsOf<{ f: string }>(client, FINGERPRINT_SQL))[0]!.f;
      return { fingerprint, putBack: await putBackSql(client) };
    } finally {
      await client.end();
    }
  })();
  return template;
}

/**
 * A migrated and otherwise empty store database on this worker's server, holding exactly the
 * template's rows (so no till, staff or key); answers its postgres:// URL. One handed back clean
 * is taken first, else a new copy of the template is made.
 */
export async function freshStoreDatabase(): Promise<string> {
  const pg = await workerServer();
  await migratedTemplate(pg);
  const reused = spare.pop();
  if (reused) {
    beside.set(reused.name, reused.client);
    return urlOf(pg, reused.name);
  }
  const name = `core_${process.pid}_${++made}`;
  // WAL_LOG (PostgreSQL 15's default, said here on purpose): about 50 ms for this small database,
  // where FILE_COPY's two checkpoints took 400-500 ms.
  await (
    await adminClient(pg)
  ).query(`CREATE DATABASE ${name} TEMPLATE kassa_template STRATEGY WAL_LOG`);
  beside.set(name, await connect(urlOf(pg, name)));
  return urlOf(pg, name);
}

/** Runs `sql` on the store database at `url` (one from freshStoreDatabase) beside its core. */
export async function writeStoreDatabase(url: string, sql: string): Promise<void> {
  const client = beside.get(new URL(url).pathname.slice(1));
  if (!client) throw new Error(`${url} is not a test core's store database`);
  await client.query(sql);
}

/**
 * Whether `client` is the only connection on its database, waiting up to `waitMs` for the
 * backends of a core just closed to exit (they linger for a few milliseconds under load).
 * Another connection after that means a core still open on it (every core on a server holds its
 * LISTEN connection) or one a test left: reused, it would read and write the next test's rows
 * (a print queue taking its jobs).
 */
async function aloneOn(client: Client, waitMs = 1_000): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    const [row] = await rowsOf<{ n: number }>(
      client,
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (row!.n === 0) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Hands back the database at `url` once its core is closed. Unless another connection is still on
 * it or its schema differs from the template's (FINGERPRINT_SQL), it is put back to the
 * template's rows for the next core; otherwise, or if that fails, it is dropped, ending those
 * connections.
 */
export async function releaseStoreDatabase(url: string): Promise<void> {
  const pg = await workerServer();
  const state = await migratedTemplate(pg);
  const name = new URL(url).pathname.slice(1);
  const client = beside.get(name);
  beside.delete(name);
  if (client) {
    try {
      const alone = await aloneOn(client);
      const same = (await rowsOf<{ f: string }>(client, FINGERPRINT_SQL))[0]!.f;
      if (alone && same === state.fingerprint) {
        await client.query(state.putBack);
        spare.push({ name, client });
        return;
      }
    } catch {
      await client.query('ROLLBACK').catch(() => undefined);
    }
    await client.end().catch(() => undefined);
  }
  await (await adminClient(pg)).query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * True on the PostgreSQL run: for `it.skipIf(ON_POSTGRES)` on the few tests of SQLite's own
 * machinery inside otherwise shared files (a query plan, a migration redone on a file); each
 * such test says why beside it.
 */
export const ON_POSTGRES = TEST_ENGINE === 'postgres';
