/**
 * Issue 12, section 5: the daily sales rollups per till. Every rollup table's key gains `till_id`
 * (the sale's `sales.till_id`) as its last column, so two tills never add to the same rollup row.
 * On a store server every sale upserts its day's hour, staff, tender, tax-rate and product rows in
 * its own transaction (D2), and with one row per day × key the sales of all tills queued on those
 * rows' locks (`Lock:transactionid` in `npm run bench -- --postgres`): a store-wide serialisation
 * point, which the issue rules out. The reports sum the tills' rows (electron/core/analytics/).
 *
 * The rollups are derived data: the tables are made again with the new primary key and filled
 * from the stored sales by today's `rebuildRollups` (rollups.ts), in this migration's transaction.
 * That rebuild was 1790000009500's (rollups of stored sales when 1790000009200 ran in the same
 * upgrade); it is done here now, for every database with sales, since this migration empties the
 * tables whatever their state. A later migration that changes these tables again must take the
 * rebuild over in the same way.
 *
 * `down` makes the tables of 1790000009500 again and fills them by summing the tills' rows (plain
 * SQL, no rebuild). No triggers or other indices exist on these tables; no foreign key on
 * `till_id` either (derived rows, and a key check would be one more read in every sale).
 * Portable: the TypeORM Table API (SQLite and PostgreSQL 15).
 */
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { rebuildRollups } from '../electron/core/analytics/rollups';

const big = (name: string) => ({ name, type: 'bigint', default: 0 });
const HEADER = [
  'sales_count',
  'refunds_count',
  'voids_count',
  'items',
  'gross',
  'refunds',
  'voids',
  'discounts',
  'tax',
];
const PRODUCT = [
  'quantity',
  'refunded_quantity',
  'gross',
  'refunds',
  'discounts',
  'tax',
  'cost',
  'costed_net',
];

interface Key {
  name: string;
  type: string;
  length?: string;
}
const day: Key = { name: 'business_date', type: 'varchar', length: '10' };
const int = (name: string): Key => ({ name, type: 'integer' });

/** Each rollup table: its key before this migration (period first), and its figures. */
const TABLES: Array<{ name: string; keys: Key[]; figures: string[] }> = [
  { name: 'rollup_staff', keys: [day, int('staff_id')], figures: HEADER },
  { name: 'rollup_hours', keys: [day, int('hour')], figures: HEADER },
  { name: 'rollup_products', keys: [day, int('product_id')], figures: PRODUCT },
  {
    name: 'rollup_tenders',
    keys: [day, { name: 'tender_type', type: 'varchar', length: '8' }],
    figures: ['sales_count', 'amount', 'refunds_count', 'refunds'],
  },
  { name: 'rollup_tax_rates', keys: [day, int('tax_rate_bps')], figures: ['total', 'tax'] },
  {
    name: 'rollup_product_months',
    keys: [{ name: 'month', type: 'varchar', length: '7' }, int('product_id')],
    figures: PRODUCT,
  },
];

function table(name: string, keys: Key[], figures: string[]): Table {
  return new Table({
    name,
    columns: [...keys.map((k) => ({ ...k, isPrimary: true })), ...figures.map(big)],
  });
}

export class RollupsPerTill1790000012000 implements MigrationInterface {
  name = 'RollupsPerTill1790000012000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      await q.dropTable(t.name);
      await q.createTable(table(t.name, [...t.keys, int('till_id')], t.figures));
    }
    const sales = (await q.query('SELECT 1 AS x FROM sales LIMIT 1')) as unknown[];
    if (sales.length === 0) return;
    const pg = q.connection.driver.options.type === 'postgres';
    const zoneRows = (await q.query(`SELECT value FROM settings WHERE key = ${pg ? '$1' : '?'}`, [
      'time_zone',
    ])) as Array<{ value: string }>;
    const zone = zoneRows[0]?.value ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    await rebuildRollups(q.manager, zone);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      const old = `${t.name}_per_till`;
      await q.renameTable(t.name, old);
      await q.createTable(table(t.name, t.keys, t.figures));
      const keys = t.keys.map((k) => k.name).join(', ');
      await q.query(
        `INSERT INTO ${t.name} (${keys}, ${t.figures.join(', ')})
         SELECT ${keys}, ${t.figures.map((f) => `SUM(${f})`).join(', ')} FROM ${old} GROUP BY ${keys}`,
      );
      await q.dropTable(old);
    }
  }
}
