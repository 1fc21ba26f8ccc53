/**
 * Store changes (issue 12, section 2): the writes that change the catalogue, the settings, the
 * staff, stock levels or the store's tills tell every till's screens, so they read them again
 * without polling.
 *
 * The one point they all pass is the audit log: every such change is audited (L1) inside its own
 * write transaction, so `AuditLog.record` hands each successful event to this follower, which
 * maps its action to topics (`changedTopics`) and announces them in that same transaction:
 * - on PostgreSQL with `pg_notify('kassa_changes', topic)`, which the server delivers to every
 *   listening till (this one's `ChangeListener` included) only when the transaction commits, and
 *   never when it (or the SAVEPOINT it ran in) rolls back (PostgreSQL documentation, NOTIFY).
 *   The calls ride the audit row's own `INSERT … RETURNING` (`returning`), not a statement of
 *   their own: on a server a write's cost is its round trips (docs/benchmarks.md). Identical
 *   notifications of one transaction are delivered once.
 *   Except `stock`: every sale, refund and void moves stock, and a transaction that notifies
 *   holds a lock on the whole server from its NOTIFY until after its commit (PostgreSQL's
 *   async.c, PreCommit_Notify: "Serialize writers … till after commit"), which would queue every
 *   till's sale commits one behind the other. So `stock` is announced after the commit, in a
 *   statement of its own, at most once per STOCK_ANNOUNCE_MS per till (`announceSoon`): the other
 *   tills' stock figures follow within about a second, and the sales never wait on one another;
 * - on SQLite, where one till owns the file, as a local event after the commit
 *   (`Database.afterCommit`, from `recorded`).
 * A write that is not audited, or audited under an action not mapped here, is not announced.
 * Either way each topic heard reaches the listeners through `heard`, one at a time and in order;
 * a topic heard again while it still waits for its turn is sent once. The core's settings cache
 * needs no reload here: on a server the router reads the settings again at every call
 * (`SettingsService.follow`), so the screens' reads that follow a topic find them fresh.
 */
import type { EntityManager } from 'typeorm';
import type { StoreChangeTopic } from '../../../shared/contract/store-changes';
import type { AuditFollower, AuditInput, AuditReturning } from '../audit/audit-log';
import type { Logger } from '../types';
import type { Database } from './database';
import { isPostgres } from './sql';

/** The PostgreSQL notification channel the tills of one store share. */
export const CHANGES_CHANNEL = 'kassa_changes';

/** On a server, the longest a committed stock change waits to be announced (see the top), ms. */
export const STOCK_ANNOUNCE_MS = 1_000;

/** Audit actions (shared/contract/audit.ts) that change one topic, by the start of the action. */
const BY_PREFIX: ReadonlyArray<readonly [string, StoreChangeTopic]> = [
  ['product.', 'catalogue'],
  ['category.', 'catalogue'],
  ['settings.', 'settings'],
  ['staff.', 'staff'],
  ['role.', 'staff'],
  // stock.adjust, stock.receive, stock.count_post, stock.reorder_level (exceptions below).
  ['stock.', 'stock'],
  // till.retire
  ['till.', 'tills'],
];

/** Exact actions: exceptions to BY_PREFIX, and changes audited under another domain's name. */
const BY_ACTION: ReadonlyMap<string, readonly StoreChangeTopic[]> = new Map<
  string,
  readonly StoreChangeTopic[]
>([
  // A test message changes nothing.
  ['settings.sms_test', []],
  // The Online Retail import writes products, categories and members.
  ['import.online_retail', ['catalogue', 'staff']],
  ['mail.settings_update', ['settings']],
  ['mail.settings_remove', ['settings']],
  ['backup.settings', ['settings']],
  ['contacts.policy_changed', ['settings']],
  ['printing.printer_save', ['settings']],
  ['printing.printer_delete', ['settings']],
  ['setup.create_admin', ['staff']],
  ['profile.update', ['staff']],
  ['contacts.change_email', ['staff']],
  // Every committed stock movement (stock/stock-ledger.ts): a sale takes its stock lines out, a
  // void gives them back, a refund restocks (or writes off, which announces harmlessly).
  ['sale.complete', ['stock']],
  ['sale.void', ['stock']],
  ['sale.refund', ['stock']],
  // A till joins the store (or its data is copied to a new server); a shift opens or closes.
  ['store_server.join', ['tills']],
  ['store_server.copy', ['tills']],
  ['shift.open', ['tills']],
  ['shift.close', ['tills']],
  // Opening or cancelling a count sheet moves no stock; only its post does (stock.count_post).
  ['stock.count_start', []],
  ['stock.count_cancel', []],
]);

/**
 * The topics an audited action (shared/contract/audit.ts) changes, in a fixed order: none for
 * most (sign-ins, exports, customers …), `stock` for every action that moves on-hand or a reorder
 * level (issue 12, section 2).
 */
export function changedTopics(action: string): readonly StoreChangeTopic[] {
  const exact = BY_ACTION.get(action);
  if (exact) return exact;
  const rule = BY_PREFIX.find(([prefix]) => action.startsWith(prefix));
  return rule ? [rule[1]] : [];
}

export type StoreChangeListener = (topic: StoreChangeTopic) => void;

export class StoreChanges implements AuditFollower {
  private readonly listeners = new Set<StoreChangeListener>();
  private readonly waiting = new Set<StoreChangeTopic>();
  private turn: Promise<void> = Promise.resolve();
  /** On a server: the `stock` announcement waiting for its moment (`announceSoon`), if any. */
  private stockAnnouncement: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    /** See STOCK_ANNOUNCE_MS. */
    private readonly stockAnnounceMs = STOCK_ANNOUNCE_MS,
  ) {}

  /**
   * Called by `AuditLog.record` before it inserts the event's row, on PostgreSQL only: the
   * `pg_notify` calls that announce the topics of a successful event (a failure or a refusal
   * changed nothing), as extra output columns of that row's `INSERT … RETURNING`, with `?`
   * placeholders and their values in order. The INSERT evaluates them once, for its one row, so
   * the announcement costs no round trip of its own. Null when there is nothing to announce.
   */
  returning(input: Pick<AuditInput, 'action' | 'outcome'>): AuditReturning | null {
    if (input.outcome !== 'success') return null;
    // `stock` is announced after the commit (`recorded`, see the top).
    const topics = changedTopics(input.action).filter((topic) => topic !== 'stock');
    if (topics.length === 0) return null;
    return {
      columns: topics.map(() => 'pg_notify(?, ?)').join(', '),
      params: topics.flatMap((topic) => [CHANGES_CHANNEL, topic]),
    };
  }

  /**
   * Called by `AuditLog.record` inside the event's write transaction, after its row: announces
   * the topics of a successful event once the transaction commits (nothing if it rolls back). On
   * SQLite in-process; on PostgreSQL `returning` sent them with the row, all but `stock`, which
   * waits for `announceSoon`.
   */
  async recorded(em: EntityManager, input: Pick<AuditInput, 'action' | 'outcome'>): Promise<void> {
    if (input.outcome !== 'success') return;
    const server = isPostgres(em);
    for (const topic of changedTopics(input.action)) {
      if (!server) this.db.afterCommit(() => this.heard(topic));
      else if (topic === 'stock') this.db.afterCommit(() => this.announceSoon());
    }
  }

  /**
   * On a server, after a commit that moved stock: `SELECT pg_notify` for `stock` once
   * `stockAnnounceMs` have passed, in its own short transaction, for every stock change committed
   * meanwhile. A failure (the server away) is logged; the next change announces again.
   */
  private announceSoon(): void {
    if (this.stockAnnouncement) return;
    this.stockAnnouncement = setTimeout(() => void this.announceStock(), this.stockAnnounceMs);
    this.stockAnnouncement.unref();
  }

  /** Sends the waiting `stock` announcement now, if there is one (and when the core closes). */
  async announceStock(): Promise<void> {
    if (!this.stockAnnouncement) return;
    clearTimeout(this.stockAnnouncement);
    this.stockAnnouncement = null;
    try {
      await this.db.manager.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'stock']);
    } catch (e) {
      this.logger.warn('stock change not announced', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }

  /** A committed change of `topic` (this till's, or another's through the server): tell them. */
  heard(topic: StoreChangeTopic): void {
    if (this.waiting.has(topic)) return;
    this.waiting.add(topic);
    this.turn = this.turn.then(() => {
      this.waiting.delete(topic);
      for (const listener of this.listeners) {
        try {
          listener(topic);
        } catch (e) {
          this.logger.error('store change listener threw', {
            error: e instanceof Error ? e.message : String(e),
          });
        }
      }
    });
  }

  /** Calls `listener` with each topic heard until the returned function runs. */
  subscribe(listener: StoreChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
