/**
 * Opens the SQLite database through TypeORM over better-sqlite3, with the D1 pragmas, the
 * migrations listed in migrations/index.ts, and `synchronize` off for good (D3).
 */
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import type { ServerTls } from '../types';
import { applyPragmas, REQUIRED_PRAGMAS } from './pragmas';
import type { ServerSockets } from './server-sockets';

export interface OpenDatabaseOptions {
  databasePath: string;
  /** A better-sqlite3 binary built for the running runtime (Electron); see docs/native-modules.md. */
  nativeBinding?: string;
  /**
   * Called with the raw connection after the D1 pragmas, before anything else runs on it. For
   * diagnostics and fault tests only (e.g. `PRAGMA max_page_count` to make the disk "fill up").
   */
  prepareDatabase?: (db: import('better-sqlite3').Database) => void;
}

export function createSqliteDataSource(options: OpenDatabaseOptions): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: options.databasePath,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: import('better-sqlite3').Database) => {
      applyPragmas(db);
      options.prepareDatabase?.(db);
    },
  });
}

/**
 * How long a new connection to the store server may take, in ms (and a call's wait for a free
 * pooled one). Without it a server whose host does not answer holds a till's start-up for the
 * operating system's TCP timeout, minutes; with it the till says the server is unreachable.
 */
export const SERVER_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connections to the store server a till keeps open however long it is idle. node-postgres's
 * pool closes every connection idle for 10 s, so a till whose cashier paused that long opened a
 * new one for the next scan or search: a TCP (and TLS) handshake, and a server process that has
 * yet to fill its caches and map the shared buffers it reads. At 1M sales, on loopback without
 * TLS, a customer search then a transactions page, every 11 s, took 10.7 and 6.8 ms (medians of
 * 9) with a new connection each time, and 8.8 and 5.8 ms on kept ones. Two: the cashier's calls
 * and a background job (the print queue) beside them. A burst above two still closes its extra
 * connections after 10 s, so with its LISTEN connection (change-listener.ts) a till keeps three,
 * and eight tills 24 of the server's default 100 (docs/deployment.md).
 */
export const SERVER_IDLE_CONNECTIONS = 2;

/**
 * The planner's cost of a page read out of order, for the till's sessions on the store server
 * (PostgreSQL's default is 4, for spinning disks). A store's working set is in memory or on an SSD,
 * where 1.1 is the usual setting (PostgreSQL documentation, 20.7.2 "Planner Cost Constants"). With
 * 4, the day summary found a 5,000-sale day's tenders by reading all 1M and hashing them (670 ms
 * cold; the bench's median summary 136 ms) instead of by 5,000 index lookups (17 ms cold).
 */
export const SERVER_RANDOM_PAGE_COST = 1.1;

/**
 * How long a till's statement on the store server waits for a lock another session holds, in ms
 * (PostgreSQL's `lock_timeout`): D8's busy timeout, as on a till's own file (pragmas.ts). Past it
 * the write answers BUSY and nothing of it is saved (storage-errors.ts, SQLSTATE 55P03). Without
 * it a sale waited as long as the lock was held, however long that was.
 */
export const SERVER_LOCK_WAIT_MS = REQUIRED_PRAGMAS.busy_timeout;

/**
 * How long the store server lets a till's session sit in an open transaction with no statement
 * under way, in ms (`idle_in_transaction_session_timeout`). Past it the server ends the session
 * and rolls its transaction back, which releases its locks. No Kassa write waits for a person or
 * for another program inside its transaction: between two of its statements the till runs its
 * own code, for milliseconds, or checks a password at a sign-in (bcrypt at cost 12, a quarter of
 * a second here). A session idle that long is a till that froze, or lost its power or its network,
 * in mid-sale. Without this limit the rows it had locked (the products it sold, the staff table's
 * share lock) would hold up every other till that needs them for as long as the server takes to
 * notice the lost connection: over two hours with Linux's TCP keepalive defaults. With it, a till
 * that waits on such a session's rows answers BUSY for at most 15 s (three lock waits), then
 * sells again. (PostgreSQL documentation, 20.11.1 "Statement Behavior".)
 */
export const SERVER_IDLE_IN_TRANSACTION_MS = 15_000;

/** What a till's sessions on the store server are set up with; tests shorten the two waits. */
export interface ServerSession {
  /** The till's name, shown as the sessions' `application_name` in `pg_stat_activity`. */
  till?: string;
  /** Default SERVER_LOCK_WAIT_MS. */
  lockWaitMs?: number;
  /** Default SERVER_IDLE_IN_TRANSACTION_MS. */
  idleInTransactionMs?: number;
  /** Where the connections' sockets are kept, so the till can drop them (server-sockets.ts). */
  sockets?: ServerSockets;
}

/**
 * The `application_name` of a till's sessions: "kassa: " and the till's name, in the printable
 * ASCII the server keeps (it shows any other character as "?"), within its 63 bytes.
 */
export function sessionName(till: string | undefined): string {
  const name = till ? `kassa: ${till}` : 'kassa';
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 63);
}

/**
 * A PostgreSQL DataSource with the same entities and migrations, for stores whose tills share one
 * server. `url` is a postgres:// connection string; `tls` maps libpq's sslmode onto node's TLS
 * options (ServerTls; default `disable`, the throwaway test servers). Connecting gives up after
 * SERVER_CONNECT_TIMEOUT_MS; SERVER_IDLE_CONNECTIONS stay open while idle, with TCP keepalive so
 * that a server gone away is noticed on them. Each session starts with SERVER_RANDOM_PAGE_COST,
 * `session`'s lock wait and idle-in-transaction limit, and the till's name.
 */
export function createPostgresDataSource(
  url: string,
  tls: ServerTls = { mode: 'disable' },
  session: ServerSession = {},
): DataSource {
  const settings = {
    random_page_cost: SERVER_RANDOM_PAGE_COST,
    lock_timeout: session.lockWaitMs ?? SERVER_LOCK_WAIT_MS,
    idle_in_transaction_session_timeout:
      session.idleInTransactionMs ?? SERVER_IDLE_IN_TRANSACTION_MS,
  };
  return new DataSource({
    type: 'postgres',
    url,
    ssl: pgSsl(tls),
    connectTimeoutMS: SERVER_CONNECT_TIMEOUT_MS,
    applicationName: sessionName(session.till),
    extra: {
      min: SERVER_IDLE_CONNECTIONS,
      keepAlive: true,
      ...(session.sockets ? { stream: session.sockets.stream } : {}),
      options: Object.entries(settings)
        .map(([name, value]) => `-c ${name}=${value}`)
        .join(' '),
    },
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });
}

/** node-postgres's `ssl` for a ServerTls: verify-full checks the chain and the host name. */
export function pgSsl(tls: ServerTls): false | { rejectUnauthorized: boolean; ca?: string } {
  if (tls.mode === 'disable') return false;
  if (tls.mode === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ca: tls.ca };
}
