/**
 * The tills of a store server, for Settings → Store server (issue 12): each till's name, when it
 * was last running, whether it holds the store key and its open shift, so an admin can tell a
 * till that is selling from one switched off, or one whose computer died with its shift open.
 * A running till records itself in `tills.last_seen_at` at its start and every minute (`seen`),
 * and `tills.stopped_at` when it closes cleanly (`stopped`).
 */
import type { StoreTillSummary } from '../../../shared/contract/store-server';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { markSeen, SEEN_EVERY_MS, tillRunning } from '../tills/till-service';
import type { Clock, Logger } from '../types';

export interface StoreTillsDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** This till's row in `tills`. */
  tillId: number;
  /** False on the till's own SQLite file: there is no store to list. */
  onServer: boolean;
}

interface TillRow {
  id: number | string;
  name: string;
  last_seen_at: string | null;
  stopped_at: string | null;
  store_key: number | string | boolean;
  shift_id: number | string | null;
  opened_at: string | null;
  opened_by: string | null;
}

export class StoreTills {
  /** performance.now() of the last record; -Infinity before the first. */
  private lastRecord = -Infinity;

  constructor(private readonly d: StoreTillsDeps) {}

  /**
   * `storeServer:tills`: this till first, then the others by name; times in UTC. Errors: CONFLICT
   * on a till that keeps its data in its own file.
   */
  async list(): Promise<{ items: StoreTillSummary[] }> {
    if (!this.d.onServer)
      throw new AppError('CONFLICT', 'This till keeps its data on this computer: it has no store.');
    const rows = await run<TillRow>(
      this.d.db.manager,
      `SELECT t.id, t.name, t.last_seen_at, t.stopped_at,
         CASE WHEN EXISTS (SELECT 1 FROM store_keys k WHERE k.till_id = t.id) THEN 1 ELSE 0 END
           AS store_key,
         sh.id AS shift_id, sh.opened_at, st.display_name AS opened_by
       FROM tills t
       LEFT JOIN shifts sh ON sh.till_id = t.id AND sh.status = 'open'
       LEFT JOIN staff st ON st.id = sh.opened_by
       ORDER BY t.name, t.id`,
    );
    const now = this.d.clock.now().getTime();
    const items = rows.map((r): StoreTillSummary => {
      const thisTill = Number(r.id) === this.d.tillId;
      return {
        id: Number(r.id),
        name: r.name,
        thisTill,
        running: thisTill || tillRunning(r, now),
        lastSeenAt: r.last_seen_at,
        storeKey: Number(r.store_key) === 1,
        openShift:
          r.shift_id === null || r.opened_at === null
            ? null
            : { id: Number(r.shift_id), openedAt: r.opened_at, openedBy: r.opened_by ?? '' },
      };
    });
    return { items: [...items.filter((t) => t.thisTill), ...items.filter((t) => !t.thisTill)] };
  }

  /**
   * On a server, records that this till closes now (`markSeen`, stopping), unless the server is away
   * (the till then shows as off once its last record is old). Never throws.
   */
  async stopped(): Promise<void> {
    if (!this.d.onServer || this.d.db.storageFault) return;
    try {
      await markSeen(this.d.db, this.d.clock, this.d.tillId, true);
    } catch (e) {
      this.d.logger.warn('till: not recorded as stopped', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }

  /**
   * On a server, records that this till is running (`markSeen`) when SEEN_EVERY_MS have passed
   * since the last record; the core's 5 s timer and its start call it. Never throws: a server
   * away is the till's own warning's business (db.probe).
   */
  async seen(): Promise<void> {
    if (!this.d.onServer || performance.now() - this.lastRecord < SEEN_EVERY_MS) return;
    this.lastRecord = performance.now();
    try {
      await markSeen(this.d.db, this.d.clock, this.d.tillId);
    } catch (e) {
      this.lastRecord = -Infinity;
      this.d.logger.warn('till: not recorded as seen', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}
