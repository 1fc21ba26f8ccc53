/**
 * The tills of a store server, for Settings → Store server (issue 12): each till's name, when it
 * was last running, whether it holds the store key and its open shift, so an admin can tell a
 * till that is selling from one switched off, or one whose computer died with its shift open.
 * A running till records itself in `tills.last_seen_at` at its start and every minute (`seen`),
 * and `tills.stopped_at` when it closes cleanly (`stopped`).
 */
import type { StoreTillSummary } from '../../../shared/contract/store-server';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { SessionStaff } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { markSeen, SEEN_EVERY_MS, tillRunning } from '../tills/till-service';
import type { Clock, Logger } from '../types';

export interface StoreTillsDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** This till's row in `tills`. */
  tillId: number;
  /** False on the till's own SQLite file: there is no store to list. */
  onServer: boolean;
  /** Told when this till finds, at a record, that an admin retired it meanwhile. */
  onRetired?: () => void;
}

interface TillRow {
  id: number | string;
  name: string;
  last_seen_at: string | null;
  stopped_at: string | null;
  retired_at: string | null;
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
   * `storeServer:tills`: this till first, then the others by name, retired ones last; times in
   * UTC. Errors: CONFLICT on a till that keeps its data in its own file.
   */
  async list(): Promise<{ items: StoreTillSummary[] }> {
    if (!this.d.onServer)
      throw new AppError('CONFLICT', 'This till keeps its data on this computer: it has no store.');
    const rows = await run<TillRow>(
      this.d.db.manager,
      `SELECT t.id, t.name, t.last_seen_at, t.stopped_at, t.retired_at,
         CASE WHEN EXISTS (SELECT 1 FROM store_keys k WHERE k.till_id = t.id) THEN 1 ELSE 0 END
           AS store_key,
         sh.id AS shift_id, sh.opened_at, st.display_name AS opened_by
       FROM tills t
       LEFT JOIN shifts sh ON sh.till_id = t.id AND sh.status = 'open'
       LEFT JOIN staff st ON st.id = sh.opened_by
       ORDER BY t.retired_at IS NOT NULL, t.name, t.id`,
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
        retiredAt: r.retired_at,
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
   * `storeServer:retireTill`: retires till `tillId` of the store, one that died, was replaced or
   * was lost. It opens on the server no more (core start-up: `tillRetirement`; a till running
   * finds out at its next record, `seen`), and its share of the store key goes with its public
   * key, so no till wraps the key for it again (secrets/store-key.ts). Its row, sales, Z reports
   * and audit chain stay. A till recording itself at that moment (`markSeen`) either commits
   * first, and this SERIALIZABLE write is retried and finds it running, or waits for this one and
   * finds itself retired.
   * Errors, nothing written: CONFLICT on a till with its own file, for this till, a till running
   * or already retired, or one with a shift open (close it first: `shifts:close`); NOT_FOUND.
   * Audited (`till.retire`). Answers the till's name and when (UTC).
   */
  async retire(tillId: number, actor: SessionStaff): Promise<{ name: string; retiredAt: string }> {
    if (!this.d.onServer)
      throw new AppError('CONFLICT', 'This till keeps its data on this computer: it has no store.');
    if (tillId === this.d.tillId)
      throw new AppError('CONFLICT', 'A till cannot retire itself: retire it from another till.');
    return this.d.db.write(async (em) => {
      const [till] = await run<{
        name: string;
        last_seen_at: string | null;
        stopped_at: string | null;
        retired_at: string | null;
        shift_id: number | string | null;
      }>(
        em,
        `SELECT t.name, t.last_seen_at, t.stopped_at, t.retired_at,
           (SELECT sh.id FROM shifts sh WHERE sh.till_id = t.id AND sh.status = 'open' LIMIT 1)
             AS shift_id
         FROM tills t WHERE t.id = ?`,
        [tillId],
      );
      if (!till) throw new AppError('NOT_FOUND', 'There is no such till in this store.');
      if (till.retired_at !== null)
        throw new AppError('CONFLICT', `${till.name} is already retired.`);
      const now = this.d.clock.now();
      if (tillRunning(till, now.getTime()))
        throw new AppError(
          'CONFLICT',
          `${till.name} is running: switch it off first, or wait until it shows as off.`,
        );
      if (till.shift_id !== null)
        throw new AppError(
          'CONFLICT',
          `${till.name} has a shift open: close its shift first, so its drawer is counted.`,
        );
      const retiredAt = now.toISOString();
      await run(
        em,
        'UPDATE tills SET retired_at = ?, retired_by = ?, public_key = NULL WHERE id = ?',
        [retiredAt, actor.id, tillId],
      );
      await run(em, 'DELETE FROM store_keys WHERE till_id = ?', [tillId]);
      await this.d.audit.record(em, {
        action: 'till.retire',
        outcome: 'success',
        actorId: actor.id,
        actorName: actor.username,
        targetType: 'till',
        targetId: till.name,
        detail: `retired ${till.name} (till ${tillId}); its share of the store key removed`,
      });
      return { name: till.name, retiredAt };
    });
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
   * since the last record; the core's 5 s timer and its start call it. A till an admin retired
   * meanwhile (`retire`) records nothing and tells `onRetired`. Never throws: a server away is the
   * till's own warning's business (db.probe).
   */
  async seen(): Promise<void> {
    if (!this.d.onServer || performance.now() - this.lastRecord < SEEN_EVERY_MS) return;
    this.lastRecord = performance.now();
    try {
      if (!(await markSeen(this.d.db, this.d.clock, this.d.tillId))) this.d.onRetired?.();
    } catch (e) {
      this.lastRecord = -Infinity;
      this.d.logger.warn('till: not recorded as seen', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}
