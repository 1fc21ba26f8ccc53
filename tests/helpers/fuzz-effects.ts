/**
 * The table-level diff of the fuzz's handler stream (F4): a cheap digest of every table, and the
 * check that a call changed only what the oracle's Effect allows (row counts, which tables, the
 * audit actions, and that each audit row still verifies, L1-L3).
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ADMIN } from './core';
import { auditRowsAfter, auditRowVerifies, UNENCODED_CONTROL } from './fuzz-db';
import { ANY, ANY_DELTA, BOOKKEEPING_TABLES, type Effect } from './fuzz-oracle';

export interface TableState {
  count: number;
  digest: string;
}

/** Per connection: each table's digest query, built once from its columns. */
const digestQueries = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function digestQueriesOf(db: Database.Database): Map<string, Database.Statement> {
  let m = digestQueries.get(db);
  if (m) return m;
  m = new Map();
  const all = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as Array<{ name: string; sql: string | null }>;
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  for (const { name } of all) {
    if (name === 'audit_events' || BOOKKEEPING_TABLES.includes(name)) continue;
    if (virtual.some((v) => name.startsWith(`${v}_`))) continue;
    const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
    const cols = (
      db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{
        name: string;
      }>
    ).map((c) => `quote(${q(c.name)})`);
    // SQLite builds the text; JavaScript only hashes it (much cheaper than row objects).
    m.set(
      name,
      db.prepare(
        `SELECT COUNT(*) AS count, group_concat(${cols.join(" || ',' || ")}, char(10)) AS body
         FROM (SELECT * FROM ${q(name)} ORDER BY rowid)`,
      ),
    );
  }
  digestQueries.set(db, m);
  return m;
}

/** Per connection: the states last read, and the data_version they were read at. */
const lastStates = new WeakMap<
  Database.Database,
  { version: number; states: Record<string, TableState> }
>();

/**
 * Row count and a digest of the rows of every table except the audit log (checked row by row),
 * its bookkeeping (BOOKKEEPING_TABLES) and the shadow tables behind a full-text index (its
 * virtual table is compared instead).
 */
export function tableStates(db: Database.Database): Record<string, TableState> {
  // Read again only when another connection (the core's) has committed since the last read:
  // SQLite's data_version changes exactly then. Read-only calls then cost no digest at all.
  const version = db.pragma('data_version', { simple: true }) as number;
  const last = lastStates.get(db);
  if (last?.version === version) return last.states;
  const out: Record<string, TableState> = {};
  for (const [name, stmt] of digestQueriesOf(db)) {
    const r = stmt.get() as { count: number; body: string | null };
    out[name] = {
      count: r.count,
      digest: createHash('sha1')
        .update(r.body ?? '')
        .digest('hex'),
    };
  }
  lastStates.set(db, { version, states: out });
  return out;
}

/** The tables whose rows differ between two states. */
export function changedTables(
  before: Record<string, TableState>,
  after: Record<string, TableState>,
): Set<string> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...names].filter((n) => before[n]?.digest !== after[n]?.digest));
}

/** How `after` differs from `before` against what the oracle allows: a list of problems. */
export function effectProblems(
  before: Record<string, TableState>,
  after: Record<string, TableState>,
  expected: Effect,
): string[] {
  const problems: string[] = [];
  const rows = expected.rows ?? {};
  const touched = new Set(expected.touched ?? []);
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[table] ?? { count: 0, digest: '' };
    const a = after[table] ?? { count: 0, digest: '' };
    const delta = a.count - b.count;
    if (table in rows) {
      const want = rows[table]!;
      if (want === ANY_DELTA) continue;
      if (want === ANY ? delta < 0 : delta !== want)
        problems.push(`${table}: ${delta} rows, expected ${want === ANY ? '≥ 0' : want}`);
    } else if (touched.has(table)) {
      if (delta !== 0) problems.push(`${table}: ${delta} rows, expected the same count`);
    } else if (a.digest !== b.digest) {
      problems.push(`${table}: changed (${delta} rows), expected untouched`);
    }
  }
  return problems;
}

/** Do `actions` follow `want`, where an entry ending in `?` may be left out? */
function sameActions(actions: readonly string[], want: readonly string[]): boolean {
  let i = 0;
  for (const w of want) {
    const optional = w.endsWith('?');
    const name = optional ? w.slice(0, -1) : w;
    if (actions[i] === name) i += 1;
    else if (!optional) return false;
  }
  return i === actions.length;
}

/** The audit rows a call added: their actions, and any row that breaks L2 or L3. */
export function auditProblems(db: Database.Database, since: number, expected: Effect): string[] {
  const added = auditRowsAfter(db, since);
  const problems: string[] = [];
  const actions = added.map((r) => r.action);
  const want = expected.audit ?? [];
  const matches = Array.isArray(want)
    ? sameActions(actions, want)
    : 'action' in want &&
      actions.every((a) => a === want.action) &&
      actions.length >= want.min &&
      actions.length <= want.max;
  if (!matches)
    problems.push(`audit rows ${JSON.stringify(actions)}, expected ${JSON.stringify(want)}`);
  for (const r of added) {
    if (!auditRowVerifies(r)) problems.push(`audit row ${r.id} does not hash to its hash (L2)`);
    for (const v of Object.values(r))
      if (typeof v === 'string' && UNENCODED_CONTROL.test(v))
        problems.push(`audit row ${r.id} holds an unencoded control character (L3)`);
    if (typeof r.detail === 'string' && r.detail.includes(ADMIN.password))
      problems.push(`audit row ${r.id} holds a password (L1)`);
  }
  return problems;
}
