/**
 * Raw views of the test core's database (either engine, test-engine.ts) for "nothing changed" assertions: every table's rows except the
 * append-only audit log, and the audit rows added after a given id.
 */
import type Database from 'better-sqlite3';
import { hashAuditRow, type AuditRowRecord } from '../../electron/core/audit/audit-log';
import { BOOKKEEPING_TABLES } from './fuzz-oracle';
import { TEST_ENGINE } from './test-engine';

export type AuditRow = AuditRowRecord;

/** Prepared statements per connection: the fuzz snapshots the file twice per call. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Every user table in the database (including the migrations table), sorted by name. */
export function tableNames(db: Database.Database): string[] {
  const rows = stmt(
    db,
    TEST_ENGINE === 'postgres'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  ).all() as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/**
 * Every row of every table except `except` (the audit log and its bookkeeping), as one comparable value: `{ table: [row JSON, …] }`
 * with rows sorted, so equal contents compare equal whatever the physical order.
 */
export function snapshotTables(
  db: Database.Database,
  except: readonly string[] = ['audit_events', ...BOOKKEEPING_TABLES],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of tableNames(db)) {
    if (except.includes(t)) continue;
    const rows = stmt(db, `SELECT * FROM "${t.replace(/"/g, '""')}"`).all();
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

export function auditMaxId(db: Database.Database): number {
  return (stmt(db, 'SELECT COALESCE(MAX(id), 0) AS m FROM audit_events').get() as { m: number }).m;
}

export function auditRowsAfter(db: Database.Database, id: number): AuditRow[] {
  return stmt(db, 'SELECT * FROM audit_events WHERE id > ? ORDER BY id').all(id) as AuditRow[];
}

export function integrityCheck(db: Database.Database): string {
  return (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
    .map((r) => r.integrity_check)
    .join('; ');
}

/** L3: no CR, LF, other control characters or bidi overrides in any stored audit value. */
export const UNENCODED_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * L2: does the stored row still hash to its stored hash? Recomputed from the values as SQLite
 * gives them back, the way the start-up verifier does.
 */
export function auditRowVerifies(row: AuditRow): boolean {
  return (
    hashAuditRow({
      prevHash: row.prev_hash,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      terminal: row.terminal,
      outcome: row.outcome,
      detail: row.detail,
    }) === row.hash
  );
}
