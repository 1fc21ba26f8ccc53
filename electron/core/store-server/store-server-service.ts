/**
 * Joining a store server, and changing the connection later (issue 12, section 1). A join tests
 * the connection, migrates the server if this is its first till (under the advisory lock of
 * db/server-migrations.ts), claims the till's name in `tills` (unique: a second till with the
 * same name is refused), writes the till's store server file with the password sealed, and asks
 * createCore to reopen the till on the server. Nothing is written anywhere until the test passed.
 */
import type { AuditInput } from '../audit/audit-log';
import { AppError } from '../../../shared/errors';
import type {
  ConnectionTest,
  ServerConnection,
  storeServerConnectionSchema,
} from '../../../shared/contract/store-server';
import type { z } from 'zod';
import { createPostgresDataSource } from '../db/data-source';
import type { Database } from '../db/database';
import { migrateStoreServer } from '../db/server-migrations';
import { isUniqueViolation } from '../db/storage-errors';
import type { SessionStaff } from '../auth/sessions';
import type { Clock, SecretStore } from '../types';
import { type JoinedServer, writeStoreServerFile } from './connection-file';
import { copyToServer, type CopyReport } from './copy-to-server';
import { rawSqlite } from '../db/raw-sqlite';
import { connectionUrl, serverTls, testConnection } from './connection-test';

/** Closes the core and boots it again from the till's store server file; `note` is audited there. */
export type RequestReopen = (note: AuditInput) => void;

export interface StoreServerDeps {
  db: Database;
  clock: Clock;
  secretStore: SecretStore;
  /** The till's store server file (connection-file.ts). */
  file: string;
  /** The server this core runs on, or null on the till's own SQLite file. */
  joined: JoinedServer | null;
  /** Absent outside createCore: joins and changes are then refused with CONFLICT. */
  requestReopen?: RequestReopen;
  /**
   * Called once a join is saved: on the server this till appends to a new audit chain of its
   * own, so the set-up marker must forget the seal (and any break) of its first-run SQLite
   * chain; else the first start there finds "the seal removed" and reports it for good (L2).
   */
  startNewChain?: () => void;
  /** This till's row in `tills` (its audit chain on a server is numbered by it). */
  till: { id: number; name: string };
}

const PROBLEM_TEXT: Record<Exclude<ConnectionTest, { ok: true }>['problem'], string> = {
  unreachable: 'Nothing answered at that host and port',
  authentication: 'The server refused that user or password',
  tls: 'The secure connection (TLS) could not be set up',
  database: 'That database does not exist on the server',
  version: 'The server runs a PostgreSQL older than 14',
};

export class StoreServerService {
  constructor(private readonly d: StoreServerDeps) {}

  /** First run only (SETUP_ALREADY_DONE once staff exist): what a connection attempt found. */
  async test(connection: ServerConnection): Promise<ConnectionTest> {
    await this.assertFirstRun();
    return testConnection(connection);
  }

  /**
   * First run only: joins the server of `connection` as `tillName` and reopens the till there.
   * Errors: SETUP_ALREADY_DONE, STORE_SERVER_REFUSED (with what failed), TILL_NAME_TAKEN,
   * KEYCHAIN_UNAVAILABLE (the password cannot be sealed; nothing is written).
   */
  async join(connection: ServerConnection, tillName: string): Promise<{ tillName: string }> {
    await this.assertFirstRun();
    const reopen = this.reopener();
    await this.assertReachable(connection);
    await this.onServer(connection, async (ds) => {
      await migrateStoreServer(ds);
      await ds
        .query('INSERT INTO tills (name, next_receipt_no, created_at) VALUES ($1, 1, $2)', [
          tillName,
          this.d.clock.now().toISOString(),
        ])
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          throw new AppError(
            'TILL_NAME_TAKEN',
            `Another till of this store is already called “${tillName}”. Choose another name.`,
          );
        });
    });
    await writeStoreServerFile(this.d.file, this.d.secretStore, connection, tillName);
    this.d.startNewChain?.();
    reopen({
      action: 'store_server.join',
      outcome: 'success',
      targetType: 'till',
      targetId: tillName,
      detail: `joined ${connection.host}:${connection.port}/${connection.database} as ${connection.user} (TLS ${connection.tls})`,
    });
    return { tillName };
  }

  /** Where this till's data is, never the password. */
  connection(): z.infer<typeof storeServerConnectionSchema> {
    const j = this.d.joined;
    if (!j) return { kind: 'local' };
    const { host, port, database, user, tls } = j.connection;
    return { kind: 'server', host, port, database, user, tls, tillName: j.tillName };
  }

  /**
   * An admin's new connection for this till's server (after re-authentication, S3): tested, the
   * till's name found there, then saved and the till reopened on it. Errors: CONFLICT on a till
   * with its own SQLite file, STORE_SERVER_REFUSED, NOT_FOUND (no till of this name on that
   * server: it holds another store's data, or none), KEYCHAIN_UNAVAILABLE.
   */
  async change(connection: ServerConnection, actor: SessionStaff): Promise<{ tillName: string }> {
    const joined = this.d.joined;
    if (!joined)
      throw new AppError(
        'CONFLICT',
        'This till keeps its data on this computer. Moving it to a store server is a separate step.',
      );
    const reopen = this.reopener();
    await this.assertReachable(connection);
    const found = await this.onServer(connection, async (ds) => {
      // An empty database has no tills table at all: that is "not this store" too.
      const [table] = (await ds.query("SELECT to_regclass('public.tills') AS t")) as Array<{
        t: string | null;
      }>;
      if (!table?.t) return false;
      const rows = (await ds.query('SELECT 1 FROM tills WHERE name = $1', [
        joined.tillName,
      ])) as unknown[];
      return rows.length === 1;
    });
    if (!found)
      throw new AppError(
        'NOT_FOUND',
        `That server has no till called “${joined.tillName}”: it does not hold this store's data.`,
      );
    await writeStoreServerFile(this.d.file, this.d.secretStore, connection, joined.tillName);
    reopen({
      action: 'store_server.change',
      outcome: 'success',
      actorId: actor.id,
      actorName: actor.username,
      targetType: 'till',
      targetId: joined.tillName,
      detail: `now ${connection.host}:${connection.port}/${connection.database} as ${connection.user} (TLS ${connection.tls})`,
    });
    return { tillName: joined.tillName };
  }

  /**
   * "Copy my data to the server" (re-authenticated admin; the router holds this till's write
   * transaction, so nothing else writes meanwhile): the server of `connection`, migrated if new,
   * receives all of this till's data in one checked transaction, under the till name `tillName`;
   * then the till reopens there. The SQLite file stays as it is, as a backup. Errors: CONFLICT (a
   * till already on a server, or a server that holds a store), STORE_SERVER_REFUSED,
   * TILL_NAME_TAKEN never (the server is empty), COPY_MISMATCH (nothing committed).
   */
  async copy(
    connection: ServerConnection,
    tillName: string,
    actor: SessionStaff,
  ): Promise<CopyReport & { tillName: string }> {
    if (this.d.joined) throw new AppError('CONFLICT', 'This till is already on a store server.');
    // On a server a till's audit chain is numbered by its till row; a SQLite till's is chain 1.
    if (this.d.till.id !== 1)
      throw new AppError(
        'CONFLICT',
        "This till's history was kept under more than one till name; it cannot be moved here.",
      );
    const reopen = this.reopener();
    await this.assertReachable(connection);
    const source = rawSqlite(this.d.db.dataSource);
    const report = await this.onServer(connection, async (ds) => {
      await migrateStoreServer(ds);
      return copyToServer(source, ds, { id: this.d.till.id, name: tillName });
    });
    await writeStoreServerFile(this.d.file, this.d.secretStore, connection, tillName);
    reopen({
      action: 'store_server.copy',
      outcome: 'success',
      actorId: actor.id,
      actorName: actor.username,
      targetType: 'till',
      targetId: tillName,
      detail: `copied ${report.rows} rows in ${report.tables} tables to ${connection.host}:${connection.port}/${connection.database}; sales total ${report.salesTotal}`,
    });
    return { ...report, tillName };
  }

  private async assertFirstRun(): Promise<void> {
    const staff = (await this.d.db.manager.query('SELECT 1 FROM staff LIMIT 1')) as unknown[];
    if (staff.length > 0)
      throw new AppError(
        'SETUP_ALREADY_DONE',
        'This till is set up. An admin changes its store server in Settings.',
      );
  }

  private reopener(): RequestReopen {
    if (!this.d.requestReopen)
      throw new AppError('CONFLICT', 'This core cannot reopen on another database.');
    return this.d.requestReopen;
  }

  private async assertReachable(connection: ServerConnection): Promise<void> {
    const test = await testConnection(connection);
    if (!test.ok)
      throw new AppError(
        'STORE_SERVER_REFUSED',
        `${PROBLEM_TEXT[test.problem]}: ${test.detail}`.slice(0, 300),
      );
  }

  /** Runs `fn` on a data source of its own on the server of `connection`, then closes it. */
  private async onServer<T>(
    connection: ServerConnection,
    fn: (ds: import('typeorm').DataSource) => Promise<T>,
  ): Promise<T> {
    const ds = createPostgresDataSource(connectionUrl(connection), serverTls(connection));
    await ds.initialize();
    try {
      return await fn(ds);
    } finally {
      await ds.destroy();
    }
  }
}
