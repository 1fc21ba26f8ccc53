/**
 * A store server with a synchronous standby (`synchronous_standby_names`, docs/deployment.md "A
 * streaming replica for failover") answers a COMMIT only once a standby has confirmed it. While
 * no standby is connected it holds every COMMIT, for as long as that lasts: the sale is committed
 * on the server but not acknowledged, and nothing on the till said why (PostgreSQL documentation,
 * "Synchronous Replication": "each commit of a write transaction will wait until confirmation is
 * received that the commit has been written to the write-ahead log on disk of both the primary
 * and standby server").
 *
 * The till must not cancel such a wait: the transaction has committed on the server already, and
 * a cancelled wait only stops waiting for the standby (the server then warns that the transaction
 * "has already committed locally, but might not have been replicated to the standby"). So it says why instead (issue 12, section
 * 3: "says so at once, plainly"). Each COMMIT on the server is watched: once it has waited
 * `checkMs`, the till asks the server what its session waits for, and if that is the standby
 * (`wait_event = 'SyncRep'` in `pg_stat_activity`, which a role may read for its own sessions),
 * `waitingSince` gives when that COMMIT began until it, and every other watched COMMIT, has
 * ended. The sale then completes as usual.
 */
import type { Logger } from '../types';

/** How long a COMMIT may take before the till asks why, in ms: a COMMIT takes a few ms. */
export const REPLICA_CHECK_MS = 1_500;

/** What app:status says meanwhile (the screens say it in the store's language). */
export const REPLICA_WAIT_MESSAGE =
  "The store server holds this till's sale until its standby server confirms it, and the standby does not answer. The sale completes once it does, or once the store's admin turns that confirmation off.";

/** The question: whether the server session `pid` waits for a synchronous standby. */
export const SYNC_REP_WAIT_SQL =
  "SELECT 1 AS waits FROM pg_stat_activity WHERE pid = $1 AND wait_event = 'SyncRep'";

interface Watched {
  /** When the COMMIT was sent, UTC ISO-8601. */
  since: string;
  /** Whether the server said it waits for the standby. */
  held: boolean;
  timer: ReturnType<typeof setInterval>;
}

export class ReplicaWait {
  private readonly watched = new Set<Watched>();
  private reported = false;

  /**
   * `ask(sql, params)`: a read on the store server (the pool's, not the COMMIT's own connection);
   * `checkMs`: REPLICA_CHECK_MS by default.
   */
  constructor(
    private readonly ask: (sql: string, params: unknown[]) => Promise<unknown[]>,
    private readonly logger: Logger,
    private readonly checkMs = REPLICA_CHECK_MS,
  ) {}

  /**
   * Starts watching a COMMIT sent on the server session `pid` (the connection's backend process
   * id); the answer ends the watch and must be called once the COMMIT has answered or failed.
   */
  watch(pid: number): () => void {
    const watched: Watched = {
      since: new Date().toISOString(),
      held: false,
      timer: setInterval(() => void this.check(watched, pid), this.checkMs),
    };
    watched.timer.unref?.();
    this.watched.add(watched);
    return () => {
      clearInterval(watched.timer);
      this.watched.delete(watched);
      if (this.reported && this.waitingSince === null) {
        this.reported = false;
        this.logger.info('store server: the standby confirmed the held commit');
      }
    };
  }

  /** When the oldest COMMIT still held for a standby was sent (UTC ISO-8601), or null. */
  get waitingSince(): string | null {
    let since: string | null = null;
    for (const w of this.watched)
      if (w.held && (since === null || w.since < since)) since = w.since;
    return since;
  }

  private async check(watched: Watched, pid: number): Promise<void> {
    let held: boolean;
    try {
      held = (await this.ask(SYNC_REP_WAIT_SQL, [pid])).length > 0;
    } catch {
      return; // the server is away: that outage is said by its own warning
    }
    if (!this.watched.has(watched)) return;
    watched.held = held;
    if (held && !this.reported) {
      this.reported = true;
      this.logger.warn('store server holds a commit for its synchronous standby', {
        since: watched.since,
      });
    }
  }
}
