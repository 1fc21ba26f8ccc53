/**
 * Issue 8, items 8 and 17, on the Online Retail importer: who imported sales are credited to, the
 * imported customers' "customer since", and the refusal of a store that is not in pounds before
 * anything is written, even when another till changed the currency a moment ago.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../helpers/import-file';
import { ADMIN, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
// Customer 17850's later invoice comes first in the file; 13047 buys once; one walk-in.
const CSV = [
  HEADER,
  '536370,22728,ALARM CLOCK BAKELIKE PINK,24,2010-12-03 08:45:00,3.75,17850.0,United Kingdom',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,13047.0,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-02 08:34:00,1.69,,United Kingdom',
].join('\n');

/** Rows in every table an import writes to. */
function footprint(t: TestCore) {
  const db = t.raw();
  const n = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    sales: n('sales'),
    lines: n('sale_lines'),
    tenders: n('sale_tenders'),
    products: n('products'),
    customers: n('customers'),
    staff: n('staff'),
    tills: n('tills'),
  };
}

describe('the Online Retail import credits, dates and refuses', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('credits every imported sale to the "Imported" pseudo-member, not to the admin', async () => {
    const admin = (await t.must('auth:session', {})).session!.staff;
    const report = await t.must('import:onlineRetail', importFile(CSV));
    expect(report.salesCreated).toBe(4);

    const db = t.raw();
    const credited = db
      .prepare(
        `SELECT DISTINCT st.id, st.username, st.display_name, st.status
           FROM sales s JOIN staff st ON st.id = s.staff_id WHERE s.source = 'import'`,
      )
      .all() as { id: number; username: string; display_name: string; status: string }[];
    expect(credited).toHaveLength(1);
    expect(credited[0]).toMatchObject({ display_name: 'Imported', status: 'disabled' });
    expect(credited[0]!.id).not.toBe(admin.id);
    // The audit row still says who ran the import.
    const audit = db
      .prepare("SELECT actor_id FROM audit_events WHERE action = 'import.online_retail'")
      .get() as { actor_id: number };
    expect(audit.actor_id).toBe(admin.id);

    // The day summary's "by staff" says Imported.
    const day = await t.must('reports:daySummary', { date: '2010-12-01' } as never);
    expect(JSON.stringify(day)).toContain('Imported');
    expect(JSON.stringify(day)).not.toContain(ADMIN.displayName);

    // It is nobody: not listed, not manageable, and nobody signs in as it.
    const staff = await t.must('staff:list', {} as never);
    expect(staff.items.map((s) => s.displayName)).not.toContain('Imported');
    expect(resultCode(await t.call('staff:enable', { id: credited[0]!.id }))).toBe('NOT_FOUND');
    expect(resultCode(await t.call('staff:resetPassword', { id: credited[0]!.id } as never))).toBe(
      'NOT_FOUND',
    );
    for (const identifier of ['Imported', 'imported', 'Imported@kassa.invalid'])
      expect(
        resultCode(
          await t.call('auth:login', { identifier, password: 'none:' + 'x'.repeat(8) }, 5),
        ),
      ).not.toBe('ok');

    // A second import finds the same pseudo-member.
    const again = await t.must(
      'import:onlineRetail',
      importFile(
        `${HEADER}\n536400,22728,ALARM CLOCK BAKELIKE PINK,1,2010-12-04 09:00:00,3.75,,United Kingdom`,
      ),
    );
    expect(again.salesCreated).toBe(1);
    expect(
      (
        db.prepare("SELECT COUNT(*) AS n FROM staff WHERE display_name = 'Imported'").get() as {
          n: number;
        }
      ).n,
    ).toBe(1);
  });

  it('sets an imported customer\'s "customer since" to their first purchase', async () => {
    await t.must('import:onlineRetail', importFile(CSV));
    const since = (ref: string) =>
      (
        t.raw().prepare('SELECT created_at FROM customers WHERE external_ref = ?').get(ref) as {
          created_at: string;
        }
      ).created_at;
    expect(since('17850')).toBe('2010-12-01T08:26:00.000Z');
    expect(since('13047')).toBe('2010-12-01T08:28:00.000Z');

    // A later import with an earlier purchase moves it back; a later one does not move it.
    await t.must(
      'import:onlineRetail',
      importFile(
        [
          HEADER,
          '536001,22728,ALARM CLOCK BAKELIKE PINK,1,2010-11-20 10:00:00,3.75,17850.0,United Kingdom',
          '536999,22728,ALARM CLOCK BAKELIKE PINK,1,2010-12-20 10:00:00,3.75,13047.0,United Kingdom',
        ].join('\n'),
      ),
    );
    expect(since('17850')).toBe('2010-11-20T10:00:00.000Z');
    expect(since('13047')).toBe('2010-12-01T08:28:00.000Z');
  });

  it('refuses a store in euros before anything is written, with a clear message', async () => {
    await t.must('settings:update', { currency: 'EUR' });
    const before = footprint(t);
    const r = await t.call('import:onlineRetail', importFile(CSV));
    expect(resultCode(r)).toBe('IMPORT_REJECTED');
    expect(r.ok ? '' : r.error.message).toMatch(
      /pounds sterling \(GBP\).*EUR.*Nothing was imported/,
    );
    expect(footprint(t)).toEqual(before);
  });

  it('refuses when another till changed the currency after this one read it', async () => {
    // Till 2 shares the file; this till's cache still says GBP.
    const other = await makeTestCore({ dir: t.dir, terminalName: 'till-2' });
    try {
      await other.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      await other.must('settings:update', { currency: 'EUR' });
    } finally {
      await other.core.close();
    }
    const before = footprint(t);
    const r = await t.call('import:onlineRetail', importFile(CSV));
    expect(resultCode(r)).toBe('IMPORT_REJECTED');
    expect(footprint(t)).toEqual(before);
    expect(
      (
        t.raw().prepare('SELECT COUNT(*) AS n FROM sales WHERE currency = ?').get('GBP') as {
          n: number;
        }
      ).n,
    ).toBe(0);
  });
});
