/**
 * Store changes (issue 12, section 2): the writes that change the catalogue, the settings or the
 * staff tell every till's screens, so they read them again without polling.
 *
 * The one point they all pass is the audit log: every such change is audited (L1) inside its own
 * write transaction, so `AuditLog.record` hands each successful event to `recorded`, which maps
 * its action to topics (`changedTopics`) and announces them in that same transaction:
 * - on PostgreSQL with `pg_notify('kassa_changes', topic)`, which the server delivers to every
 *   listening till (this one's `ChangeListener` included) only when the transaction commits, and
 *   never when it (or the SAVEPOINT it ran in) rolls back (PostgreSQL documentation, NOTIFY);
 * - on SQLite, where one till owns the file, as a local event after the commit
 *   (`Database.afterCommit`).
 * A write that is not audited, or audited under an action not mapped here, is not announced.
 * Either way each topic heard reaches the listeners through `heard`, one at a time and in order;
 * a topic heard again while it still waits for its turn is sent once. The core's settings cache
 * needs no reload here: on a server the router reads the settings again at every call
 * (`SettingsService.follow`), so the screens' reads that follow a topic find them fresh.
 */
import type { EntityManager } from 'typeorm';
import type { StoreChangeTopic } from '../../../shared/contract/store-changes';
import type { AuditInput } from '../audit/audit-log';
import type { Logger } from '../types';
import type { Database } from './database';
import { isPostgres } from './sql';

/** The PostgreSQL notification channel the tills of one store share. */
export const CHANGES_CHANNEL = 'kassa_changes';

/** Audit actions (shared/contract/audit.ts) that change one topic, by the start of the action. */
const BY_PREFIX: ReadonlyArray<readonly [string, StoreChangeTopic]> = [
  ['product.', 'catalogue'],
  ['category.', 'catalogue'],
  ['settings.', 'settings'],
  ['staff.', 'staff'],
  ['role.', 'staff'],
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
]);

/** The topics an audited action changes (none for most: sales, sign-ins, exports …). */
export function changedTopics(action: string): readonly StoreChangeTopic[] {
  const exact = BY_ACTION.get(action);
  if (exact) return exact;
  const rule = BY_PREFIX.find(([prefix]) => action.startsWith(prefix));
  return rule ? [rule[1]] : [];
}

export type StoreChangeListener = (topic: StoreChangeTopic) => void;

export class StoreChanges {
  private readonly listeners = new Set<StoreChangeListener>();
  private readonly waiting = new Set<StoreChangeTopic>();
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  /**
   * Called by `AuditLog.record` inside the event's write transaction: announces the topics of a
   * successful event (a failure or a refusal changed nothing).
   */
  async recorded(em: EntityManager, input: Pick<AuditInput, 'action' | 'outcome'>): Promise<void> {
    if (input.outcome !== 'success') return;
    for (const topic of changedTopics(input.action)) {
      if (isPostgres(em)) await em.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, topic]);
      else this.db.afterCommit(() => this.heard(topic));
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
