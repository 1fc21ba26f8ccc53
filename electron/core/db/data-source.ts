/**
 * Opens the SQLite database through TypeORM over better-sqlite3, with the D1 pragmas, the
 * migrations listed in migrations/index.ts, and `synchronize` off for good (D3).
 */
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import type { ServerTls } from '../types';
import { applyPragmas } from './pragmas';

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
 * A PostgreSQL DataSource with the same entities and migrations, for stores whose tills share one
 * server. `url` is a postgres:// connection string; `tls` maps libpq's sslmode onto node's TLS
 * options (ServerTls; default `disable`, the throwaway test servers). Connecting gives up after
 * SERVER_CONNECT_TIMEOUT_MS; SERVER_IDLE_CONNECTIONS stay open while idle, with TCP keepalive so
 * that a server gone away is noticed on them. Each session starts with SERVER_RANDOM_PAGE_COST.
 */
export function createPostgresDataSource(
  url: string,
  tls: ServerTls = { mode: 'disable' },
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    ssl: pgSsl(tls),
    connectTimeoutMS: SERVER_CONNECT_TIMEOUT_MS,
    extra: {
      min: SERVER_IDLE_CONNECTIONS,
      keepAlive: true,
      options: `-c random_page_cost=${SERVER_RANDOM_PAGE_COST}`,
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
