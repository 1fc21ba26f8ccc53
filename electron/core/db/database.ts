/**
 * The core's handle on the database: the TypeORM DataSource plus the single write queue.
 *
 * `write(fn)` runs `fn` in ONE transaction, after every write queued before it (D2). On SQLite the
 * transaction is driven through better-sqlite3's own handle, not TypeORM's, because TypeORM loses
 * track of it when a COMMIT fails (issue 7: its ROLLBACK then fails too, `transaction()` swallows
 * that, and every later write became a SAVEPOINT inside a transaction that never committed):
 *   - it begins IMMEDIATE, so the busy timeout applies and a write never fails half-way on a lock
 *     (D8); the wait for another connection's lock is sliced so the event loop keeps turning;
 *   - a failed statement or COMMIT is rolled back, and the connection is checked to be outside any
 *     transaction after every write; a surprise is logged and fails the write (D7);
 *   - storage failures answer `STORAGE_FAILED`, a lock held past the timeout `BUSY`, and the
 *     database remembers the failure (`storageFault`) until a later write commits (D7).
 * A `write` called inside another (a service called by a handler the router already runs in a
 * write, A8) joins it as a SAVEPOINT: its own work is still all-or-nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventEmitter } from 'node:events';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../types';
import { rawSqlite } from './raw-sqlite';
import { ReplicaWait } from './replica-wait';
import type { ServerSockets } from './server-sockets';
import { REQUIRED_PRAGMAS } from './pragmas';
import {
  BUSY_MESSAGE,
  classifyStorageError,
  retryablePgCode,
  SERVER_UNREACHABLE_MESSAGE,
  serverUnreachable,
  STORAGE_FAILED_MESSAGE,
  toStorageAppError,
} from './storage-errors';
import { WriteQueue } from './write-queue';

/** How long one attempt to take the write lock may block the event loop, in ms. */
const LOCK_SLICE_MS = 20;
/** PostgreSQL: attempts of one write that the server aborts (serialization failure, deadlock). */
export const PG_ATTEMPTS = 8;
/** PostgreSQL: the longest pause before the second attempt, in ms (it grows with each attempt). */
const PG_RETRY_PAUSE_MS = 10;

/** A write transaction's isolation on PostgreSQL (see `Database.write`). */
export type Isolation = 'serializable' | 'readCommitted';

/**
 * PostgreSQL: a `LOCK TABLE` statement a write transaction takes before anything else, sent with
 * its START TRANSACTION in one round trip (a simple query may hold several statements; PostgreSQL
 * documentation, 55.2.2 "Simple Query"). Nothing on SQLite, whose write lock covers every table.
 * `Database.beganWith` tells the code inside the transaction that the lock is held.
 */
export type FirstLock = `LOCK TABLE ${string} IN ${string} MODE`;

/** The last storage failure, until a write commits again (D7). `at` is UTC ISO-8601. */
export interface StorageFault {
  code: 'STORAGE_FAILED' | 'SERVER_UNREACHABLE';
  message: string;
  at: string;
}

interface WriteContext {
  em: EntityManager;
  /** Nested writes of one transaction run one at a time, each as a SAVEPOINT. */
  nested: Promise<unknown>;
  depth: number;
  run(sql: string): Promise<void>;
  /** The lock the transaction took with its START TRANSACTION (PostgreSQL), if any. */
  firstLock: FirstLock | null;
  /**
   * Whether a nested write that succeeded releases its SAVEPOINT at once (SQLite, where it costs
   * nothing), or leaves it to the COMMIT, which releases every savepoint still open (PostgreSQL,
   * where RELEASE is a round trip; PostgreSQL documentation, RELEASE SAVEPOINT and COMMIT).
   */
  releaseAtOnce: boolean;
  /** Called once the transaction has committed (`afterCommit`); dropped when it rolls back. */
  committed: Array<() => void>;
}

const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export class Database {
  readonly queue = new WriteQueue();
  private readonly context = new AsyncLocalStorage<WriteContext>();
  /** A check every top-level write transaction of one call runs first (bulk imports, A8). */
  private readonly guards = new AsyncLocalStorage<(em: EntityManager) => Promise<void>>();
  private fault: StorageFault | null = null;
  /** See `markSilent`. */
  private silent = false;
  /** Busy timeout for taking the write lock, in ms (D1's busy_timeout). */
  lockTimeoutMs: number = REQUIRED_PRAGMAS.busy_timeout;
  /** On a store server: which COMMIT waits for a synchronous standby (replica-wait.ts). */
  private readonly replica: ReplicaWait | null;

  /**
   * `sockets`: on a store server, those of `dataSource`'s connections (createPostgresDataSource),
   * which `markSilent` drops.
   */
  constructor(
    readonly dataSource: DataSource,
    private readonly logger: Logger = silentLogger,
    private readonly sockets: ServerSockets | null = null,
  ) {
    this.replica =
      dataSource.options.type === 'postgres'
        ? new ReplicaWait((sql, params) => dataSource.query(sql, params), logger)
        : null;
  }

  /**
   * For reads. Inside a write (a handler the router runs in one, A8) it is that write's own
   * transaction, so a read sees what the write has done so far: on PostgreSQL another pooled
   * connection would not see it until the commit (a refund read back inside the refund's channel
   * was NOT_FOUND). On SQLite there is one connection either way.
   */
  get manager(): EntityManager {
    return this.context.getStore()?.em ?? this.dataSource.manager;
  }

  /** The last storage failure, or null once a write has committed since (D7). */
  get storageFault(): StorageFault | null {
    return this.fault;
  }

  /**
   * On a store server: since when (UTC ISO-8601) a COMMIT of this till has been held by the server
   * for its synchronous standby, while it still is; else null (replica-wait.ts).
   */
  get replicaWaitSince(): string | null {
    return this.replica?.waitingSince ?? null;
  }

  /**
   * Calls `fn` once the current write transaction commits, or at once outside a write; never
   * when the transaction (or the SAVEPOINT it was registered in) rolls back. For effects outside
   * the database that must follow only what was saved (store changes on SQLite, issue 12). A throw
   * from `fn` is logged and does not fail the write.
   */
  afterCommit(fn: () => void): void {
    const ctx = this.context.getStore();
    if (ctx) ctx.committed.push(fn);
    else this.runCommitted([fn]);
  }

  private runCommitted(fns: ReadonlyArray<() => void>): void {
    for (const fn of fns) {
      try {
        fn();
      } catch (e) {
        this.logger.error('after-commit callback failed', { error: describe(e) });
      }
    }
  }

  /** True while the calling code runs inside `write` (used by the router's A8 checks). */
  get inWrite(): boolean {
    return this.context.getStore() !== undefined;
  }

  /**
   * Runs `fn` in one transaction through the write queue; resolves after the commit.
   * Errors: `fn`'s own error (after a rollback); AppError `STORAGE_FAILED` (disk full, I/O error,
   * read-only file: D7); AppError `BUSY` (another connection held the write lock past the busy
   * timeout: D8); AppError `SERVER_UNREACHABLE` (a store server lost, or silent at the write's
   * turn). Nothing of `fn` is written when it rejects.
   * `isolation` and `firstLock` matter on PostgreSQL only (a nested write joins its outer
   * transaction): `serializable` by default; `readCommitted` for a contended write
   * (ChannelDefinition.contended) whose read-then-write rules lock their rows themselves.
   * `firstLock` is taken with START TRANSACTION, in the same round trip (see FirstLock).
   */
  write<T>(
    fn: (em: EntityManager) => Promise<T>,
    isolation: Isolation = 'serializable',
    firstLock: FirstLock | null = null,
  ): Promise<T> {
    const current = this.context.getStore();
    if (current) return this.savepoint(current, fn);
    return this.queue.run(() => {
      if (this.dataSource.options.type === 'better-sqlite3') return this.sqliteTransaction(fn);
      // Queued before the server went silent: refused at its turn, as the router refuses a call
      // made since, rather than wait for a connection to a server that does not answer.
      if (this.silent)
        return Promise.reject(new AppError('SERVER_UNREACHABLE', SERVER_UNREACHABLE_MESSAGE));
      return this.runnerTransaction(fn, isolation, firstLock);
    });
  }

  /**
   * True when `em` is the transaction of a write that took `lock` with its START TRANSACTION
   * (`write`'s `firstLock`), so it holds that lock until it ends and need not ask again.
   */
  beganWith(em: EntityManager, lock: FirstLock): boolean {
    const ctx = this.context.getStore();
    return ctx !== undefined && ctx.em === em && ctx.firstLock === lock;
  }

  /**
   * Runs `fn`, and makes every top-level write transaction it starts run `guard` first, inside
   * that transaction. A guard that throws rolls the transaction back with its error (A8).
   */
  guarded<T>(guard: (em: EntityManager) => Promise<void>, fn: () => Promise<T>): Promise<T> {
    return this.guards.run(guard, fn);
  }

  /** `fn` after the call's guard, if any, inside the transaction just begun. */
  private async guardedBody<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>) {
    const guard = this.guards.getStore();
    if (guard) await guard(em);
    return fn(em);
  }

  async close(): Promise<void> {
    await this.queue.drain();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async sqliteTransaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const raw = rawSqlite(this.dataSource);
    const runner = this.dataSource.createQueryRunner();
    this.ensureIdle(raw, runner, 'before a write');
    try {
      await this.beginImmediate(raw);
    } catch (e) {
      throw this.failed(e);
    }
    setRunnerActive(runner, true);
    const ctx: WriteContext = {
      em: runner.manager,
      nested: Promise.resolve(),
      depth: 0,
      run: async (sql) => void raw.exec(sql),
      firstLock: null,
      releaseAtOnce: true,
      committed: [],
    };
    try {
      const result = await this.context.run(ctx, () => this.guardedBody(ctx.em, fn));
      if (!raw.inTransaction) {
        // SQLite rolled the transaction back itself (a full disk or I/O error inside a step the
        // code caught): nothing of it may be reported as saved.
        this.logger.error('transaction was rolled back under a write');
        throw new AppError('STORAGE_FAILED', STORAGE_FAILED_MESSAGE);
      }
      raw.exec('COMMIT');
      setRunnerActive(runner, false);
      this.ensureIdle(raw, runner, 'after COMMIT', true);
      if (this.fault) this.logger.info('storage writable again', { since: this.fault.at });
      this.fault = null;
      this.runCommitted(ctx.committed);
      return result;
    } catch (e) {
      if (raw.inTransaction) {
        try {
          raw.exec('ROLLBACK');
        } catch (rollbackError) {
          this.logger.error('ROLLBACK failed', { error: describe(rollbackError) });
        }
      }
      setRunnerActive(runner, false);
      this.ensureIdle(raw, runner, 'after a failed write');
      throw this.failed(e);
    } finally {
      setRunnerActive(runner, false);
    }
  }

  /**
   * PostgreSQL: TypeORM's own query runner, one per transaction, at SERIALIZABLE. Several tills
   * write to one server, and serializable transactions keep every rule a single till keeps (the
   * gapless receipt number, the refund cap, one linear audit chain) without a lock per rule: the
   * server aborts one of two transactions that could not have run one after the other
   * (PostgreSQL documentation, 13.2.3 "Serializable Isolation Level"). Such an abort, or a
   * deadlock, rolls back everything `fn` wrote, so `fn` runs again in a new transaction, at most
   * PG_ATTEMPTS times in all, after a short random pause; so `fn` must keep its effects inside
   * the transaction, as every service's write does. Errors: AppError `BUSY` when every attempt
   * was aborted; otherwise as `write`.
   */
  private async runnerTransaction<T>(
    fn: (em: EntityManager) => Promise<T>,
    isolation: Isolation,
    firstLock: FirstLock | null,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runnerAttempt(fn, isolation, firstLock);
      } catch (e) {
        const code = retryablePgCode(e);
        if (!code) throw this.failed(e);
        if (attempt >= PG_ATTEMPTS) {
          this.logger.warn('write gave up: every attempt was aborted', { attempts: attempt, code });
          throw new AppError('BUSY', BUSY_MESSAGE);
        }
        this.logger.warn('write retried: aborted by the server', { attempt, code });
        await new Promise((r) => setTimeout(r, Math.random() * PG_RETRY_PAUSE_MS * attempt));
      }
    }
  }

  /** One attempt of `runnerTransaction`: its own connection, transaction and rollback. */
  private async runnerAttempt<T>(
    fn: (em: EntityManager) => Promise<T>,
    isolation: Isolation,
    firstLock: FirstLock | null,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    // The connection's own error, if it dies under the attempt: the server ended the session (an
    // idle-in-transaction limit, 25P03; a shutdown) or the network dropped it. TypeORM then
    // releases the runner, so the attempt's next statement fails with "Query runner already
    // released", which says nothing of why; the connection's error is what the attempt answers.
    let lost: unknown = null;
    const connection = (
      runner as unknown as { databaseConnection?: EventEmitter & { processID?: number | null } }
    ).databaseConnection;
    const onLost = (e: unknown) => {
      lost ??= e;
    };
    connection?.on('error', onLost);
    const ctx: WriteContext = {
      em: runner.manager,
      nested: Promise.resolve(),
      depth: 0,
      run: async (sql) => void (await runner.query(sql)),
      firstLock,
      releaseAtOnce: false,
      committed: [],
    };
    try {
      // One statement, where TypeORM's startTransaction sends two (START TRANSACTION, then SET
      // TRANSACTION ISOLATION LEVEL): a round trip fewer for every write (PostgreSQL
      // documentation, START TRANSACTION); the first lock rides with it, as a second statement of
      // the same simple query. The runner is told it is in a transaction first, so a lock that
      // fails (the transaction then aborted) is rolled back below, not left on the connection.
      setRunnerActive(runner, true);
      const start = `START TRANSACTION ISOLATION LEVEL ${isolation === 'readCommitted' ? 'READ COMMITTED' : 'SERIALIZABLE'}`;
      await runner.query(firstLock ? `${start}; ${firstLock}` : start);
      const result = await this.context.run(ctx, () => this.guardedBody(ctx.em, fn));
      const pid = connection?.processID;
      const watched = pid && this.replica ? this.replica.watch(pid) : null;
      try {
        await runner.query('COMMIT');
      } finally {
        watched?.();
      }
      setRunnerActive(runner, false);
      this.fault = null;
      this.silent = false;
      this.runCommitted(ctx.committed);
      return result;
    } catch (e) {
      // A failed COMMIT has ended the transaction already; ROLLBACK then only warns.
      if (runner.isTransactionActive && !lost)
        await runner.query('ROLLBACK').catch(() => undefined);
      throw lost ?? e;
    } finally {
      connection?.removeListener('error', onLost);
      setRunnerActive(runner, false);
      await runner.release();
    }
  }

  /**
   * A write inside a write: a SAVEPOINT of the outer transaction, one at a time. One that fails
   * is rolled back to its savepoint, and the outer transaction goes on. On PostgreSQL one that
   * succeeds keeps its savepoint open until the COMMIT (`releaseAtOnce`): what it wrote still
   * commits or rolls back with the outer transaction, and a later nested write of the same depth
   * names a savepoint of its own, which `ROLLBACK TO` then finds first (the newest of a name).
   */
  private savepoint<T>(ctx: WriteContext, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const job = async () => {
      ctx.depth += 1;
      const name = `kassa_sp_${ctx.depth}`;
      const registered = ctx.committed.length;
      await ctx.run(`SAVEPOINT ${name}`);
      try {
        const result = await fn(ctx.em);
        if (ctx.releaseAtOnce) await ctx.run(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (e) {
        // After a storage error SQLite may already have rolled the whole transaction back, and
        // the savepoint with it: the original error is what the caller must see.
        ctx.committed.length = registered;
        try {
          await ctx.run(`ROLLBACK TO SAVEPOINT ${name}`);
          await ctx.run(`RELEASE SAVEPOINT ${name}`);
        } catch (rollbackError) {
          this.logger.warn('savepoint rollback failed', { error: describe(rollbackError) });
        }
        throw e;
      } finally {
        ctx.depth -= 1;
      }
    };
    const result = ctx.nested.then(job, job);
    ctx.nested = result.catch(() => undefined);
    return result;
  }

  /**
   * BEGIN IMMEDIATE takes the write lock before the first read, so SQLite's busy handler applies
   * (D8). Each attempt may block at most LOCK_SLICE_MS; between attempts the event loop runs.
   * Errors: SQLITE_BUSY once `lockTimeoutMs` has passed.
   */
  private async beginImmediate(raw: import('better-sqlite3').Database): Promise<void> {
    const deadline = Date.now() + this.lockTimeoutMs;
    raw.pragma(`busy_timeout = ${LOCK_SLICE_MS}`);
    try {
      for (;;) {
        try {
          raw.exec('BEGIN IMMEDIATE');
          return;
        } catch (e) {
          if (classifyStorageError(e) !== 'busy' || Date.now() >= deadline) throw e;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    } finally {
      raw.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
    }
  }

  /**
   * D7: the connection must be outside any transaction between writes. A transaction still open
   * here is a bug or a failed COMMIT that SQLite did not roll back: log it, roll it back, and
   * (when `failWrite`) fail the write that left it.
   */
  private ensureIdle(
    raw: import('better-sqlite3').Database,
    runner: QueryRunner,
    when: string,
    failWrite = false,
  ): void {
    if (!raw.inTransaction && !runner.isTransactionActive) return;
    this.logger.error('database connection was inside a transaction', { when });
    try {
      if (raw.inTransaction) raw.exec('ROLLBACK');
    } catch (e) {
      this.logger.error('ROLLBACK of a stray transaction failed', { error: describe(e) });
    }
    setRunnerActive(runner, false);
    if (failWrite) throw new AppError('STORAGE_FAILED', STORAGE_FAILED_MESSAGE);
  }

  /**
   * SERVER_UNREACHABLE for a call that met a store server going away, remembered as the till's
   * fault since the first such failure, until a write commits or `probe` reaches the server
   * (issue 12, section 3); undefined for any other error.
   */
  markUnreachable(e: unknown): AppError | undefined {
    if (e instanceof AppError || !serverUnreachable(e)) return undefined;
    this.enterUnreachable(describe(e));
    return new AppError('SERVER_UNREACHABLE', SERVER_UNREACHABLE_MESSAGE);
  }

  /** Makes SERVER_UNREACHABLE the till's fault, logging `why` once per outage. */
  private enterUnreachable(why: string): void {
    if (this.fault?.code === 'SERVER_UNREACHABLE') return;
    this.logger.error('store server unreachable', { error: why });
    this.fault = {
      code: 'SERVER_UNREACHABLE',
      message: SERVER_UNREACHABLE_MESSAGE,
      at: new Date().toISOString(),
    };
  }

  /**
   * The store server stopped answering without closing its connections (change-listener.ts): the
   * till's fault from now, as for an unreachable server, and `serverSilent` until `probe` gets an
   * answer. Meanwhile the router answers every call but `app:status` SERVER_UNREACHABLE at once,
   * rather than leave it waiting on the server, so the till says so (issue 12, section 3). Its
   * connections are dropped (server-sockets.ts): the calls still waiting on them fail as
   * SERVER_UNREACHABLE, and the rounds' asks reach whatever answers at the server's address.
   */
  markSilent(): void {
    this.enterUnreachable('no answer to SELECT 1');
    this.silent = true;
    const dropped = this.sockets?.dropAll() ?? 0;
    if (dropped > 0) this.logger.warn('store server connections dropped', { dropped });
  }

  /** True from `markSilent` until the store server answers again (`probe`, or a commit). */
  get serverSilent(): boolean {
    return this.silent;
  }

  /**
   * While the store server is unreachable: asks it `SELECT 1` and clears the fault when it
   * answers. Called by the core's timer (every few seconds), so the till's warning goes as soon
   * as the server is back, not at the next sale. Never rejects.
   */
  async probe(): Promise<void> {
    if (this.fault?.code !== 'SERVER_UNREACHABLE' && !this.silent) return;
    try {
      await this.dataSource.query('SELECT 1');
      this.fault = null;
      this.silent = false;
    } catch {
      // still away
    }
  }

  /**
   * Maps a failed write to its typed error and remembers a storage failure (D7) or an unreachable
   * store server (issue 12).
   */
  private failed(e: unknown): unknown {
    const unreachable = this.markUnreachable(e);
    if (unreachable) return unreachable;
    const mapped = toStorageAppError(e);
    if (
      mapped instanceof AppError &&
      mapped.code === 'STORAGE_FAILED' &&
      !(e instanceof AppError)
    ) {
      this.logger.error('write failed: storage', { error: describe(e) });
      this.fault = {
        code: 'STORAGE_FAILED',
        message: mapped.message,
        at: new Date().toISOString(),
      };
    } else if (mapped instanceof AppError && mapped.code === 'STORAGE_FAILED') {
      this.fault ??= {
        code: 'STORAGE_FAILED',
        message: mapped.message,
        at: new Date().toISOString(),
      };
    }
    return mapped;
  }
}

/** TypeORM's save() starts its own transaction unless its runner says one is open. */
function setRunnerActive(runner: QueryRunner, active: boolean): void {
  (runner as { isTransactionActive: boolean }).isTransactionActive = active;
}

function describe(e: unknown): string {
  return e instanceof Error
    ? `${(e as { code?: string }).code ?? e.name}: ${e.message}`
    : String(e);
}
