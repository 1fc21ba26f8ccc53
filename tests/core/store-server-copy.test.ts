/**
 * Issue 12, section 1: "copy my data to the server". A till that sold on its own SQLite file
 * moves everything to an empty store server and carries on there:
 * - counts and totals agree (the report's, the file's, and the server's), the admin signs in with
 *   the same password, the next receipt number follows the last copied one, and the moved audit
 *   chain verifies link by link on the server;
 * - the SQLite file is left as it was, a backup;
 * - a server that already holds a store is refused (CONFLICT) and keeps what it had;
 * - a copy that does not check out (a server-side trigger drops one product row, a fault made on
 *   purpose) is COPY_MISMATCH, and the server is left without any of the till's rows; so is one
 *   the server cuts short (a trigger refuses a sale line), and the till then sells on its file;
 * - a category tree whose parents have higher ids than their children (moved under a category
 *   made after them) arrives whole: parents are copied before their children;
 * - text with the characters COPY's text format escapes (tab, newline, carriage return,
 *   backslash, and a literal `\N`), an empty text beside a NULL, and a bytea logo arrive as they
 *   were.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  callerFor,
  resultCode,
  tempDir,
  turnOffShiftRequirement,
  turnOffTwoFactorPolicy,
  writeBesideCore,
} from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { ROWS_PER_COPY } from '../../electron/core/store-server/copy-to-server';
import { createMug, mugSale, tillIn, type StoreTill } from '../helpers/store-server';
import { quoteLiteral } from '../helpers/test-engine';
import { joinedSearchText } from '../../migrations/1790000016000-CustomerSearchJoinedText';

const bin = findPostgres();

describe.skipIf(!bin)('copy my data to the server (issue 12, section 1)', () => {
  let pg: PgServer;
  let n = 0;
  const fresh = async () => {
    n += 1;
    const name = `copy_${n}`;
    return { name, url: await createDatabase(pg, name) };
  };
  const to = (database: string) => ({
    host: '127.0.0.1',
    port: pg.port,
    database,
    user: 'kassa',
    password: 'unused with trust',
    tls: 'disable' as const,
  });

  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => pg?.stop());

  /** A till on its own file with an admin, ten sales of 1..10 mugs and one refund. */
  async function soloTill(): Promise<{ till: StoreTill; file: string }> {
    const till = await tillIn(tempDir(), 'solo');
    const file = join(till.dir, 'till.sqlite');
    await turnOffTwoFactorPolicy(file);
    await till.must('setup:createAdmin', ADMIN);
    await turnOffShiftRequirement(file);
    const mug = await createMug(till);
    const sales = [];
    for (let q = 1; q <= 10; q += 1) sales.push(await till.must('sales:checkout', mugSale(mug, q)));
    const first = sales[0]!;
    await till.must('sales:refund', {
      saleId: first.id,
      refundId: randomUUID(),
      lines: [{ lineId: first.lines[0].id, quantity: 1 }],
      tender: 'cash',
      reason: 'Chipped',
    });
    return { till, file };
  }

  /** The rows `sql` reads from the SQLite file itself. */
  function rowsOf(file: string, sql: string): unknown[] {
    const db = new Sqlite(file, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }

  /** JSON.stringify's replacer: a BLOB (a Buffer, or its JSON form) as lower-case hex. */
  function bytesAsHex(this: unknown, _key: string, value: unknown): unknown {
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer')
      return Buffer.from((value as { data: number[] }).data).toString('hex');
    return value;
  }

  /** Row counts of a few tables and the sales total, read from the SQLite file itself. */
  function fileFigures(file: string) {
    const db = new Sqlite(file, { readonly: true });
    try {
      const one = (sql: string) => Number((db.prepare(sql).get() as { v: number }).v);
      return {
        sales: one('SELECT COUNT(*) AS v FROM sales'),
        lines: one('SELECT COUNT(*) AS v FROM sale_lines'),
        audit: one('SELECT COUNT(*) AS v FROM audit_events'),
        total: one('SELECT SUM(total) AS v FROM sales'),
      };
    } finally {
      db.close();
    }
  }

  /**
   * A migrated server database holding no store (a probe till joins it, then its rows go, as
   * superuser with the guard triggers off), with `sql` run on it afterwards: a fault on purpose.
   */
  async function emptiedServer(sql: string): Promise<{ name: string; url: string }> {
    const server = await fresh();
    const probe = await tillIn(tempDir(), `probe-${server.name}`);
    await probe.must('storeServer:join', { connection: to(server.name), tillName: 'x' });
    await probe.close();
    await sqlOn(
      server.url,
      `SET session_replication_role = replica;
       DELETE FROM audit_events; DELETE FROM audit_seal; DELETE FROM tills;
       ${sql}`,
    );
    return server;
  }

  /**
   * Asks `till` to copy its data to `server`, which must not take it: answers the error code,
   * once the server is seen holding no sale and no staff and the till still on its own file.
   */
  async function refusedCopy(till: StoreTill, server: { name: string; url: string }) {
    const r = await till.invoke(
      'storeServer:copy',
      { connection: to(server.name), tillName: 'Till 1' },
      callerFor(1),
    );
    const [left] = await sqlOn(
      server.url,
      'SELECT (SELECT COUNT(*) FROM sales)::int AS sales, (SELECT COUNT(*) FROM staff)::int AS staff',
    );
    expect(left).toEqual({ sales: 0, staff: 0 });
    expect((await till.must('app:status')).database).toBe('local');
    return resultCode(r);
  }

  /** Adds `count` archived categories ("Old 1", …) to the till's file. */
  function oldCategories(file: string, count: number): Promise<void> {
    return writeBesideCore(
      file,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
       INSERT INTO categories (name, name_key, parent_id, created_at, updated_at, archived_at)
       SELECT 'Old ' || i, 'old ' || i, NULL, '2026-01-01T00:00:00.000Z',
              '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z' FROM n`,
    );
  }

  it('moves every row, checked, and the till sells on from where it was', async () => {
    const { till, file } = await soloTill();
    try {
      const before = fileFigures(file);
      const { name, url } = await fresh();
      const report = await till.must('storeServer:copy', {
        connection: to(name),
        tillName: 'Till 1',
      });
      expect(report).toMatchObject({ tillName: 'Till 1', salesTotal: before.total });
      expect(report.tables).toBeGreaterThan(30);
      const [server] = await sqlOn(
        url,
        `SELECT (SELECT COUNT(*) FROM sales)::int AS sales, (SELECT COUNT(*) FROM sale_lines)::int AS lines,
                (SELECT SUM(total) FROM sales)::int AS total, (SELECT name FROM tills WHERE id = 1) AS till`,
      );
      expect(server).toEqual({
        sales: before.sales,
        lines: before.lines,
        total: before.total,
        till: 'Till 1',
      });
      // The planner knows the rows (ANALYZE): an unanalysed table's reltuples is -1.
      const planned = await sqlOn(
        url,
        `SELECT relname, reltuples::int AS n FROM pg_class
          WHERE relname IN ('sales', 'sale_lines') ORDER BY relname`,
      );
      expect(planned).toEqual([
        { relname: 'sale_lines', n: before.lines },
        { relname: 'sales', n: before.sales },
      ]);
      // Settled after the commit (VACUUM), so the tills' first reads do not mark every row.
      const vacuumed = await sqlOn(
        url,
        `SELECT relname, last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables
          WHERE relname IN ('sales', 'sale_lines', 'customers') ORDER BY relname`,
      );
      expect(vacuumed).toEqual([
        { relname: 'customers', vacuumed: true },
        { relname: 'sale_lines', vacuumed: true },
        { relname: 'sales', vacuumed: true },
      ]);
      // The file is untouched, except for what the copy's own audit row added before it reopened.
      expect(fileFigures(file)).toMatchObject({ sales: before.sales, total: before.total });

      expect(await till.must('app:status')).toMatchObject({
        database: 'server',
        terminalName: 'Till 1',
        safeMode: false,
      });
      await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      const mug = (await till.must('products:list', { search: 'MUG' })).items[0].id;
      const next = await till.must('sales:checkout', mugSale(mug));
      const last = Math.max(
        ...(
          await sqlOn(url, 'SELECT receipt_no FROM sales WHERE id < (SELECT MAX(id) FROM sales)')
        ).map((r) => Number(r.receipt_no)),
      );
      expect(next.receiptNo).toBe(last + 1);
      const check = await till.checkIntegrity();
      expect(check.auditChain.state).toBe('ok');
      const audit = await sqlOn(
        url,
        "SELECT action FROM audit_events WHERE action = 'store_server.copy'",
      );
      expect(audit).toHaveLength(1);
    } finally {
      await till.close();
    }
  }, 90_000);

  it('copies a category tree whose parents were made after their children', async () => {
    const { till, file } = await soloTill();
    try {
      // Tea (id 1), then Crisps and Salted under it (ids 2 and 3), then enough archived
      // categories to fill the copy's first COPY of categories, then Hot drinks, Drinks and
      // Snacks; then moved, so a parent has a higher id than its child and lands in a later COPY:
      // Drinks > Hot drinks > Tea, and Snacks > Crisps > Salted, where Salted's parent comes
      // before it but waits too.
      const tea = (await till.must('categories:create', { name: 'Tea', parentId: null })).id;
      const crisps = (await till.must('categories:create', { name: 'Crisps', parentId: null })).id;
      await till.must('categories:create', { name: 'Salted', parentId: crisps });
      const filler = ROWS_PER_COPY;
      await oldCategories(file, filler);
      const hot = (await till.must('categories:create', { name: 'Hot drinks', parentId: null })).id;
      const drinks = (await till.must('categories:create', { name: 'Drinks', parentId: null })).id;
      const snacks = (await till.must('categories:create', { name: 'Snacks', parentId: null })).id;
      await till.must('categories:update', { id: hot, name: 'Hot drinks', parentId: drinks });
      await till.must('categories:update', { id: tea, name: 'Tea', parentId: hot });
      await till.must('categories:update', { id: crisps, name: 'Crisps', parentId: snacks });
      expect(hot).toBeGreaterThan(filler);
      await till.must('products:create', {
        sku: 'TEA',
        name: 'Tea',
        price: 300,
        taxRateBps: 2000,
        categoryId: tea,
      });
      const local = (await till.must('categories:list', {})).items;
      expect(local.map((c: { path: string[] }) => c.path.join(' > '))).toEqual([
        'Drinks',
        'Drinks > Hot drinks',
        'Drinks > Hot drinks > Tea',
        'Snacks',
        'Snacks > Crisps',
        'Snacks > Crisps > Salted',
      ]);
      const localRows = rowsOf(file, 'SELECT id, parent_id FROM categories ORDER BY id');

      const { name, url } = await fresh();
      await till.must('storeServer:copy', { connection: to(name), tillName: 'Till 1' });
      expect((await till.must('app:status')).database).toBe('server');
      await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      expect((await till.must('categories:list', {})).items).toEqual(local);
      expect(await sqlOn(url, 'SELECT id, parent_id FROM categories ORDER BY id')).toEqual(
        localRows,
      );
    } finally {
      await till.close();
    }
  }, 90_000);

  it('text with the characters COPY escapes, an empty text, NULL and a bytea logo arrive as they were', async () => {
    const { till, file } = await soloTill();
    try {
      const awkward = [
        'tab\there',
        'two\nlines',
        'carriage\rreturn',
        'back\\slash \\. and \\\\ two',
        '\\N',
        'N',
        '',
        'ünïcødé ✓ 🧾 \u202e',
        '\t\n\r\\',
      ];
      const customers = awkward.map((notes, i) => ({ name: `Customer ${i}`, notes }));
      for (const c of customers) await till.must('customers:create', { name: c.name });
      for (const c of customers)
        await writeBesideCore(
          file,
          `UPDATE customers SET notes = ${quoteLiteral(c.notes)} WHERE name = ${quoteLiteral(c.name)}`,
        );
      await writeBesideCore(
        file,
        `UPDATE customers SET notes = NULL, email = '' WHERE name = 'Customer 5'`,
      );
      await writeBesideCore(
        file,
        `INSERT INTO printers (name, connection, paper_width, codepage, auto_print, cash_drawer,
           is_default, created_at, updated_at, receipt_header, receipt_footer, logo)
         VALUES ('Front\tdesk', '{"kind":"network","host":"127.0.0.1","port":9100}', 80, 'cp858',
           1, 0, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Thanks!\nSee you',
           '', X'00FF5C0A090D4E5C')`,
      );
      const query = (sql: string) =>
        rowsOf(file, sql).map((r) => JSON.parse(JSON.stringify(r, bytesAsHex)));
      const customersHere = query('SELECT id, name, email, notes FROM customers ORDER BY id');
      const printersHere = query(
        'SELECT id, name, auto_print AS "autoPrint", cash_drawer AS "cashDrawer", receipt_header AS header, receipt_footer AS footer, logo FROM printers ORDER BY id',
      );
      expect(customersHere.map((c: { notes: string | null }) => c.notes)).toContain('\\N');

      const { name, url } = await fresh();
      await till.must('storeServer:copy', { connection: to(name), tillName: 'Till 1' });
      const server = (sql: string) =>
        sqlOn(url, sql).then((rows) => rows.map((r) => JSON.parse(JSON.stringify(r, bytesAsHex))));
      expect(await server('SELECT id, name, email, notes FROM customers ORDER BY id')).toEqual(
        customersHere,
      );
      // The server's trigger filled the joined search text of every copied row (1790000016000).
      expect(
        await server(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE search_joined =
             ${joinedSearchText('search_text')})::int AS joined FROM customers`,
        ),
      ).toEqual([{ n: awkward.length, joined: awkward.length }]);
      expect(
        await server(
          `SELECT id, name, auto_print::int AS "autoPrint", cash_drawer::int AS "cashDrawer",
                  receipt_header AS header, receipt_footer AS footer, logo FROM printers ORDER BY id`,
        ),
      ).toEqual(printersHere);
      expect(printersHere[0].logo).toBe('00ff5c0a090d4e5c');
      // The file's printer (saved with no till) is the copying till's on the server, where each
      // till has its own (1790000017000).
      expect(
        await server(
          `SELECT p.name, t.name AS till FROM printers p JOIN tills t ON t.id = p.till_id`,
        ),
      ).toEqual([{ name: 'Front\tdesk', till: 'Till 1' }]);
    } finally {
      await till.close();
    }
  }, 90_000);

  it('refuses a server that holds a store, and one whose copy does not check out or is cut short', async () => {
    const { till, file } = await soloTill();
    try {
      const held = await fresh();
      const other = await tillIn(tempDir(), 'other');
      await other.must('storeServer:join', { connection: to(held.name), tillName: 'Other' });
      await other.close();
      const refused = await till.invoke(
        'storeServer:copy',
        { connection: to(held.name), tillName: 'Till 1' },
        callerFor(1),
      );
      expect(resultCode(refused)).toBe('CONFLICT');
      expect(await sqlOn(held.url, 'SELECT name FROM tills')).toEqual([{ name: 'Other' }]);

      // A fault on purpose: the server silently drops one product on the way in, and no foreign
      // key would notice the missing product, so only the check can.
      const faulty = await emptiedServer(
        `DO $$ DECLARE r record; BEGIN
           FOR r IN SELECT conname, conrelid::regclass AS t FROM pg_constraint
                     WHERE contype = 'f' AND confrelid = 'products'::regclass LOOP
             EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname);
           END LOOP;
         END $$;
         CREATE FUNCTION drop_mug() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql;
         CREATE TRIGGER drop_mug BEFORE INSERT ON products FOR EACH ROW
           WHEN (NEW.sku = 'MUG') EXECUTE FUNCTION drop_mug();`,
      );
      expect(await refusedCopy(till, faulty)).toBe('COPY_MISMATCH');
      expect(fileFigures(file).sales).toBe(11);

      // The server refuses a row in the first COPY of a table that needs two: nothing stays
      // there, and the till's file is free again (its read of the table was let go), so the till
      // sells on.
      await oldCategories(file, ROWS_PER_COPY + 10);
      const refusing = await emptiedServer(
        `CREATE FUNCTION refuse_old() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql;
         CREATE TRIGGER refuse_old BEFORE INSERT ON categories FOR EACH ROW
           WHEN (NEW.name = 'Old 7') EXECUTE FUNCTION refuse_old();`,
      );
      expect(await refusedCopy(till, refusing)).toBe('INTERNAL');
      const mug = (await till.must('products:list', { search: 'MUG' })).items[0].id;
      expect((await till.must('sales:checkout', mugSale(mug))).receiptNo).toBe(12); // the refund was 11
      expect(fileFigures(file).sales).toBe(12);
    } finally {
      await till.close();
    }
  }, 90_000);
});
