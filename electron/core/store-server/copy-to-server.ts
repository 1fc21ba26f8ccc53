/**
 * "Copy my data to the server" (issue 12, section 1): a till that has kept its data in its own
 * SQLite file moves it to a new store server in ONE server transaction, checked before it
 * commits. Every table both schemas have is copied row for row with its ids, in foreign-key
 * order, by PostgreSQL's bulk load, `COPY … FROM STDIN` (pg-copy-streams), ROWS_PER_COPY rows a
 * statement: about 2.6 times the rows a second of the multi-row INSERTs it replaced
 * (docs/benchmarks.md). In a table that refers to itself (a category's parent, a refund's sale or
 * line) each row comes after the row it names, which may have the higher id (a category moved
 * under one made after it). The server's sequences then continue after the copied ids. Before
 * the commit, each table's row count and the sum of each of its integer columns (money in minor
 * units, quantities, receipt numbers) are compared with the file's: any difference rolls the
 * whole copy back. Once committed, the copied tables are vacuumed (`settle`). The SQLite file
 * itself is not touched and stays as a backup.
 */
import type { Database as Sqlite } from 'better-sqlite3';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { AppError } from '../../../shared/errors';

/** What was copied and checked: tables, rows, and the sales total both sides agree on. */
export interface CopyReport {
  tables: number;
  rows: number;
  /** Sum of `sales.total` over every sale, in minor units, as read back from the server. */
  salesTotal: number;
}

/** Tables never copied: the server keeps its own migration history. */
const NOT_COPIED = new Set(['migrations']);
/** PostgreSQL's integer types, whose sums are compared. */
const INTEGER_TYPES = new Set(['integer', 'bigint', 'smallint']);
/**
 * Rows per COPY statement. The server checks a row's foreign keys at the end of its statement,
 * holding a queued check per key until then: one COPY of a whole 20-million-row table would hold
 * them all in memory (PostgreSQL manual, "Populating a Database").
 */
export const ROWS_PER_COPY = 10_000;
/** Rows per piece of text written to a COPY stream. */
const ROWS_PER_CHUNK = 500;

interface PgColumn {
  table: string;
  column: string;
  type: string;
}

/** A one-column foreign key of a table to itself: `column` names a row by its `references`. */
interface SelfReference {
  table: string;
  column: string;
  references: string;
}

/**
 * Copies `source` (the till's open SQLite connection, inside its write transaction so nothing
 * else writes meanwhile) into `target` (a migrated server holding no store yet); this till's row
 * (`till.id`) is then called `till.name` there, and the file's printers are its own. Errors:
 * CONFLICT when the server already holds staff, tills or history; COPY_MISMATCH when a table's
 * count or sums differ after the copy (nothing is committed); the server's own errors otherwise.
 */
export async function copyToServer(
  source: Sqlite,
  target: DataSource,
  till: { id: number; name: string },
): Promise<CopyReport> {
  const runner = target.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    const columns = await serverColumns(runner);
    const local = new Set(
      (
        source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
          name: string;
        }>
      ).map((r) => r.name),
    );
    const tables = (await foreignKeyOrder(runner, [...columns.keys()])).filter(
      (t) => local.has(t) && !NOT_COPIED.has(t),
    );
    await clearSeeds(runner, tables);
    // The server's columns of each table that the file has too: copied, then summed.
    const shared = new Map(tables.map((t) => [t, inBoth(source, t, columns.get(t)!)]));
    const selfRefs = await selfReferences(runner);
    let rows = 0;
    for (const table of tables)
      rows += await copyTable(
        source,
        client,
        table,
        shared.get(table)!,
        selfRefs.filter((r) => r.table === table),
      );
    for (const table of tables) await continueSequences(runner, table, columns.get(table)!);
    for (const table of tables) await verify(source, runner, table, shared.get(table)!);
    // The planner's statistics of the copied rows, committed with them: until autovacuum got to
    // them, every till would plan on the empty tables' (PostgreSQL manual, "Populating a
    // Database": run ANALYZE afterwards), in one statement. A role that does not own a table is
    // only warned.
    const copied = tables.map((table) => `"${table}"`).join(', ');
    await runner.query(`ANALYZE ${copied}`);
    await runner.query('UPDATE tills SET name = $1 WHERE id = $2', [till.name, till.id]);
    // Every printer of the file is this till's (printer-store.ts), even one saved while its
    // computer had another name: on the server each till has its own.
    await runner.query('UPDATE printers SET till_id = $1', [till.id]);
    const [{ total }] = (await runner.query(
      'SELECT COALESCE(SUM(total), 0) AS total FROM sales',
    )) as [{ total: string }];
    await runner.commitTransaction();
    await settle(runner, copied);
    return { tables: tables.length, rows, salesTotal: Number(total) };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * VACUUM of the copied tables (`copied`: their quoted names, comma-separated), once the copy
 * is committed (VACUUM runs in no transaction). Rows that one transaction loaded are not yet
 * marked visible to all: each first reader checks their transaction and marks them, writing the
 * page, and autovacuum comes to tables that grew by 20 % soon after, scanning them all while the
 * tills sell (PostgreSQL manual, "Routine Vacuuming": the visibility map and
 * `autovacuum_vacuum_insert_scale_factor`). Done here, in the copy's quiet hour, the tills start
 * on settled tables. It changes no row, so a failure (a lost connection after the commit) leaves
 * a copy that is complete, and autovacuum to do it later; a table the role does not own is
 * skipped with a warning, as ANALYZE's is.
 */
async function settle(runner: QueryRunner, copied: string): Promise<void> {
  try {
    await runner.query(`VACUUM ${copied}`);
  } catch {
    // Not needed for a correct copy; see above.
  }
}

/** The server's tables and their columns in order (the public schema). */
async function serverColumns(runner: QueryRunner): Promise<Map<string, PgColumn[]>> {
  const rows = (await runner.query(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type"
       FROM information_schema.columns WHERE table_schema = 'public'
      ORDER BY table_name, ordinal_position`,
  )) as PgColumn[];
  const byTable = new Map<string, PgColumn[]>();
  for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  return byTable;
}

/** `tables` ordered so every table comes after the tables its foreign keys point at. */
async function foreignKeyOrder(runner: QueryRunner, tables: string[]): Promise<string[]> {
  const edges = (await runner.query(
    `SELECT c.conrelid::regclass::text AS "from", c.confrelid::regclass::text AS "to"
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
  )) as Array<{ from: string; to: string }>;
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.from === t) visit(e.to, path);
    ordered.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return ordered.filter((t) => tables.includes(t));
}

/**
 * The server's one-column foreign keys from a table to itself (categories.parent_id,
 * sales.refund_of_id, sale_lines.refund_of_line_id). PostgreSQL checks them at the end of each
 * INSERT, so a row whose parent comes in a later INSERT of the copy is refused.
 */
async function selfReferences(runner: QueryRunner): Promise<SelfReference[]> {
  return (await runner.query(
    `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column", r.attname AS "references"
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.conrelid = c.confrelid AND cardinality(c.conkey) = 1`,
  )) as SelfReference[];
}

/**
 * Empties the tables the migrations seeded (built-in roles, default settings). The server must
 * hold no store: staff, tills or audit rows there are CONFLICT.
 */
async function clearSeeds(runner: QueryRunner, tables: string[]): Promise<void> {
  const [held] = (await runner.query(
    'SELECT (SELECT COUNT(*) FROM staff) + (SELECT COUNT(*) FROM tills) + (SELECT COUNT(*) FROM audit_events) AS n',
  )) as [{ n: string }];
  if (Number(held.n) > 0)
    throw new AppError(
      'CONFLICT',
      'That store server already holds a store. Copy to an empty database, or join it instead.',
    );
  for (const table of [...tables].reverse()) {
    const [seeded] = (await runner.query(`SELECT EXISTS (SELECT 1 FROM "${table}") AS seeded`)) as [
      { seeded: boolean },
    ];
    if (seeded.seeded) await runner.query(`DELETE FROM "${table}"`);
  }
}

/** The server's `columns` of `table` that the SQLite file's table has too, in server order. */
function inBoth(source: Sqlite, table: string, columns: PgColumn[]): PgColumn[] {
  const rows = source.prepare('SELECT name FROM pragma_table_info(?)').all(table);
  const present = new Set((rows as Array<{ name: string }>).map((c) => c.name));
  return columns.filter((c) => present.has(c.column));
}

/**
 * Copies every row of `table` (`copied`: its columns in both), ids included, in COPY statements
 * of ROWS_PER_COPY rows on `client` (the copy's transaction); with `selfRefs` (the table's
 * references to itself), each row after the rows it names, as the server checks a statement's
 * foreign keys when that statement ends. Answers the rows copied.
 */
async function copyTable(
  source: Sqlite,
  client: PoolClient,
  table: string,
  copied: PgColumn[],
  selfRefs: SelfReference[],
): Promise<number> {
  const names = copied.map((c) => `"${c.column}"`).join(', ');
  const at = (column: string) => copied.findIndex((c) => c.column === column);
  const refs = selfRefs.filter((r) => at(r.column) >= 0 && at(r.references) >= 0);
  // Every self-reference of the schema names the row's id, so one key serves them all; with
  // one, the rows come in that key's order (parentsFirst relies on it).
  const order = refs.length ? `"${refs[0]!.references}"` : 'rowid';
  const read = source.prepare(`SELECT ${names} FROM "${table}" ORDER BY ${order}`).raw(true);
  const rows = read.iterate() as Iterable<unknown[]>;
  const ordered = refs.length
    ? parentsFirst(
        rows,
        at(refs[0]!.references),
        refs.map((r) => at(r.column)),
      )
    : rows;
  const sql = `COPY "${table}" (${names}) FROM STDIN`;
  const iterator = ordered[Symbol.iterator]();
  let next = iterator.next();
  let count = 0;
  // The rows of one COPY statement, as text pieces of ROWS_PER_CHUNK rows.
  function* block(): Generator<string> {
    let piece = '';
    for (let n = 1; !next.done; n++) {
      piece += copyLine(next.value);
      count += 1;
      next = iterator.next();
      if (n === ROWS_PER_COPY) break;
      if (n % ROWS_PER_CHUNK === 0) {
        yield piece;
        piece = '';
      }
    }
    if (piece) yield piece;
  }
  try {
    while (!next.done) await pipeline(Readable.from(block()), client.query(copyFrom(sql)));
  } finally {
    iterator.return?.(); // a failed COPY leaves the file's statement free for the rollback
  }
  return count;
}

/**
 * `rows` (in ascending order of `key`, the index of the column their self-references name) in
 * that order, except that a row whose self-references (`refs`: the indexes of those columns) name
 * a row not given yet waits until that row has been given. Rows still waiting at the end (naming
 * a row that is not there, or a cycle) follow last, for the server's foreign key to judge. What
 * it keeps is the rows waiting, never every key given: a till's 22 million sale lines would
 * overflow a Set (at most 2^24 entries in V8), and a key below the row being read was read
 * already.
 */
function* parentsFirst(
  rows: Iterable<unknown[]>,
  key: number,
  refs: number[],
): Generator<unknown[]> {
  let last = -Infinity; // the key of the last row read
  const held = new Set<unknown>(); // keys of rows read and still waiting
  const waiting = new Map<unknown, unknown[][]>();
  const awaited = (row: unknown[]) =>
    refs
      .map((i) => row[i])
      .find((v) => v !== null && v !== row[key] && ((v as number) > last || held.has(v)));
  for (const first of rows) {
    last = first[key] as number;
    const ready = [first];
    for (let row = ready.pop(); row; row = ready.pop()) {
      const parent = awaited(row);
      if (parent !== undefined) {
        held.add(row[key]);
        const siblings = waiting.get(parent);
        if (siblings) siblings.push(row);
        else waiting.set(parent, [row]);
        continue;
      }
      held.delete(row[key]);
      yield row;
      ready.push(...(waiting.get(row[key]) ?? []));
      waiting.delete(row[key]);
    }
  }
  for (const rest of waiting.values()) yield* rest;
}

/**
 * One row in COPY's text format (PostgreSQL manual, COPY, "Text Format"): fields split by tabs,
 * `\\N` for NULL, and a backslash, newline, carriage return or tab inside a value escaped with a
 * backslash. A BLOB becomes bytea's hex form; SQLite's 0 and 1 are what a boolean column reads
 * as false and true.
 */
function copyLine(row: unknown[]): string {
  return `${row.map(copyField).join('\t')}\n`;
}

function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return String(value).replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!);
}

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Moves each serial or identity column's sequence past the copied ids. */
async function continueSequences(
  runner: QueryRunner,
  table: string,
  columns: PgColumn[],
): Promise<void> {
  for (const { column } of columns) {
    const [seq] = (await runner.query('SELECT pg_get_serial_sequence($1, $2) AS name', [
      `"${table}"`,
      column,
    ])) as [{ name: string | null }];
    if (!seq?.name) continue;
    await runner.query(
      `SELECT setval($1, COALESCE((SELECT MAX("${column}") FROM "${table}"), 0) + 1, false)`,
      [seq.name],
    );
  }
}

/**
 * COPY_MISMATCH unless `table` has the same count, and the same sums of its integer `columns`
 * (those in both), on both sides.
 */
async function verify(
  source: Sqlite,
  runner: QueryRunner,
  table: string,
  columns: PgColumn[],
): Promise<void> {
  const summed = columns.filter((c) => INTEGER_TYPES.has(c.type));
  const select = ['COUNT(*)', ...summed.map((c) => `COALESCE(SUM("${c.column}"), 0)`)]
    .map((e, i) => `${e} AS v${i}`)
    .join(', ');
  const here = Object.values(
    source.prepare(`SELECT ${select} FROM "${table}"`).safeIntegers(true).get() as object,
  ).map(String);
  const [there] = (await runner.query(`SELECT ${select} FROM "${table}"`)) as [object];
  const server = Object.values(there).map(String);
  if (here.join() !== server.join())
    throw new AppError(
      'COPY_MISMATCH',
      `The copy of ${table} does not match this till's data (count and sums ${here.join('/')} here, ${server.join('/')} on the server). Nothing was copied.`.slice(
        0,
        300,
      ),
    );
}
