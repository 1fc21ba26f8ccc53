/**
 * Issue 11, section 4: daily sales rollups, so every report over a range of business days reads a
 * few hundred rows per day instead of the sales. Per business day (`sales.business_date`) ×
 * staff member, × store-local hour (0..23), × product, × tender type, × tax rate, and per month ×
 * product (for year-long ranges); what each column
 * holds is said in electron/core/analytics/rollup-sql.ts. Money in minor units (`bigint`, M1).
 * Written in each sale's own transaction (D2) by electron/core/analytics/rollups.ts. Migration
 * 1790000012000 (RollupsPerTill) makes these tables again with `till_id` in every key and fills
 * them from the sales already stored: the rebuild runs today's rollup SQL, which needs that key
 * and the cost columns of 1790000009500.
 *
 * Also the index `IDX_sales_customer_day` (customer_id, business_date), which serves the customer
 * reports (first and last purchase per customer) without reading the sales rows.
 * Portable: the TypeORM Table API.
 */
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const day = { name: 'business_date', type: 'varchar', length: '10' };
const key = (name: string, type = 'integer', length?: string) => ({
  name,
  type,
  ...(length ? { length } : {}),
  isPrimary: true,
});
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
].map(big);

const TABLES: Array<[string, ReturnType<typeof key>, ReturnType<typeof big>[]]> = [
  ['rollup_staff', key('staff_id'), HEADER],
  ['rollup_hours', key('hour'), HEADER],
  [
    'rollup_products',
    key('product_id'),
    ['quantity', 'refunded_quantity', 'gross', 'refunds', 'discounts', 'tax'].map(big),
  ],
  [
    'rollup_tenders',
    key('tender_type', 'varchar', '8'),
    ['sales_count', 'amount', 'refunds_count', 'refunds'].map(big),
  ],
  ['rollup_tax_rates', key('tax_rate_bps'), ['total', 'tax'].map(big)],
];

/** Per month (YYYY-MM) × product: the product figures again, for ranges of a year. */
const MONTHS = new Table({
  name: 'rollup_product_months',
  columns: [
    { name: 'month', type: 'varchar', length: '7', isPrimary: true },
    key('product_id'),
    ...(TABLES[2]![2] as ReturnType<typeof big>[]),
  ],
});

export class SalesRollups1790000009200 implements MigrationInterface {
  name = 'SalesRollups1790000009200';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, k, figures] of TABLES)
      await q.createTable(
        new Table({ name, columns: [{ ...day, isPrimary: true }, k, ...figures] }),
      );
    await q.createTable(MONTHS);
    await q.createIndex(
      'sales',
      new TableIndex({
        name: 'IDX_sales_customer_day',
        columnNames: ['customer_id', 'business_date'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('sales', 'IDX_sales_customer_day');
    await q.dropTable(MONTHS.name, true);
    for (const [name] of [...TABLES].reverse()) await q.dropTable(name, true);
  }
}
