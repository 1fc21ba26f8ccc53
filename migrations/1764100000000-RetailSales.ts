/**
 * The cashier's day: tills, products, customers, sales with their line items, tenders and voids,
 * and parked carts. Portable (TypeORM Table API) except for the triggers, which differ by engine:
 *
 * - D6: completed sales are immutable. Sale lines, tenders and voids are append-only; a sale row
 *   may change only its customer and note (audited edits), and its status only from `completed`
 *   to `voided`. DELETE is refused on all four tables.
 * - SQLite only: an FTS5 trigram index over customers' search text, so "any part of name, email
 *   or phone" stays fast at 100k customers. PostgreSQL searches the same column with ILIKE.
 *
 * Money columns are integers in minor units (M1): per-line amounts fit `integer` (≤ 2·10^9),
 * sale totals and tenders are `bigint`. Adds the `data.import` permission for admins.
 */
import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

const utc = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const big = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });
const bool = (name: string) => ({ name, type: 'boolean' });
const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};
const index = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });
const fk = (
  name: string,
  column: string,
  referencedTableName: string,
  onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT',
) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete,
  });

/** Columns of `sales` that never change once written (D6). */
export const IMMUTABLE_SALE_COLUMNS = [
  'id',
  'uuid',
  'till_id',
  'receipt_no',
  'kind',
  'refund_of_id',
  'staff_id',
  'currency',
  'prices_include_tax',
  'subtotal',
  'discount',
  'tax',
  'total',
  'source',
  'external_ref',
  'request_hash',
  'created_at',
];

export class RetailSales1764100000000 implements MigrationInterface {
  name = 'RetailSales1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';

    await q.createTable(
      new Table({
        name: 'tills',
        columns: [id, text('name', 64), int('next_receipt_no'), utc('created_at')],
        indices: [index('UQ_tills_name', ['name'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'products',
        columns: [
          id,
          text('sku', 64),
          text('barcode', 64, true),
          text('name', 200),
          text('search_name', 200),
          int('price'),
          int('tax_rate_bps'),
          text('kind', 16),
          bool('active'),
          utc('archived_at', true),
          utc('created_at'),
          utc('updated_at'),
        ],
        indices: [
          index('UQ_products_sku', ['sku'], true),
          index('UQ_products_barcode', ['barcode'], true),
          index('IDX_products_search_name', ['search_name']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customers',
        columns: [
          id,
          text('name', 120),
          text('email', 254, true),
          text('phone', 32, true),
          text('phone_digits', 15, true),
          text('country', 64, true),
          text('notes', 1000, true),
          text('external_ref', 32, true),
          text('search_name', 120),
          text('search_text', 400),
          utc('archived_at', true),
          utc('created_at'),
          utc('updated_at'),
        ],
        indices: [
          index('UQ_customers_email', ['email'], true),
          index('UQ_customers_phone', ['phone_digits'], true),
          index('UQ_customers_external_ref', ['external_ref'], true),
          index('IDX_customers_search_name', ['search_name']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sales',
        columns: [
          id,
          text('uuid', 36),
          int('till_id'),
          int('receipt_no'),
          text('kind', 8),
          text('status', 12),
          int('refund_of_id', true),
          int('staff_id'),
          int('customer_id', true),
          text('currency', 3),
          bool('prices_include_tax'),
          big('subtotal'),
          big('discount'),
          big('tax'),
          big('total'),
          text('note', 500, true),
          text('source', 8),
          text('external_ref', 32, true),
          text('request_hash', 64, true),
          utc('created_at'),
        ],
        indices: [
          index('UQ_sales_uuid', ['uuid'], true),
          index('UQ_sales_till_receipt', ['till_id', 'receipt_no'], true),
          index('UQ_sales_source_ref', ['source', 'external_ref'], true),
          index('IDX_sales_created', ['created_at', 'id']),
          index('IDX_sales_staff_created', ['staff_id', 'created_at']),
          index('IDX_sales_customer_created', ['customer_id', 'created_at']),
          index('IDX_sales_status_created', ['status', 'created_at']),
          index('IDX_sales_refund_of', ['refund_of_id']),
        ],
        foreignKeys: [
          fk('FK_sales_till', 'till_id', 'tills'),
          fk('FK_sales_refund_of', 'refund_of_id', 'sales'),
          fk('FK_sales_staff', 'staff_id', 'staff'),
          fk('FK_sales_customer', 'customer_id', 'customers'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sale_lines',
        columns: [
          id,
          int('sale_id'),
          int('line_no'),
          int('product_id'),
          text('sku', 64),
          text('description', 200),
          int('unit_price'),
          int('quantity'),
          int('tax_rate_bps'),
          int('discount'),
          int('tax'),
          int('total'),
          int('refund_of_line_id', true),
        ],
        indices: [
          index('UQ_sale_lines_sale_line', ['sale_id', 'line_no'], true),
          index('IDX_sale_lines_product', ['product_id']),
          index('IDX_sale_lines_refund_of', ['refund_of_line_id']),
        ],
        foreignKeys: [
          fk('FK_sale_lines_sale', 'sale_id', 'sales'),
          fk('FK_sale_lines_product', 'product_id', 'products'),
          fk('FK_sale_lines_refund_of', 'refund_of_line_id', 'sale_lines'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sale_tenders',
        columns: [
          id,
          int('sale_id'),
          text('type', 8),
          big('amount'),
          big('tendered', true),
          big('change_due', true),
        ],
        indices: [index('IDX_sale_tenders_sale', ['sale_id'])],
        foreignKeys: [fk('FK_sale_tenders_sale', 'sale_id', 'sales')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sale_voids',
        columns: [
          { ...int('sale_id'), isPrimary: true },
          text('reason', 200),
          int('staff_id'),
          utc('voided_at'),
        ],
        foreignKeys: [
          fk('FK_sale_voids_sale', 'sale_id', 'sales'),
          fk('FK_sale_voids_staff', 'staff_id', 'staff'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'parked_sales',
        columns: [
          id,
          int('till_id'),
          int('staff_id'),
          text('label', 60),
          text('cart', 20000),
          int('line_count'),
          utc('created_at'),
        ],
        indices: [index('IDX_parked_sales_till', ['till_id'])],
        foreignKeys: [
          fk('FK_parked_sales_till', 'till_id', 'tills', 'CASCADE'),
          fk('FK_parked_sales_staff', 'staff_id', 'staff', 'CASCADE'),
        ],
      }),
    );

    for (const t of ['sale_lines', 'sale_tenders', 'sale_voids']) await this.appendOnly(q, t, pg);
    await this.immutableSales(q, pg);
    if (!pg) await this.customerSearchIndex(q);

    const p = pg ? ['$1', '$2'] : ['?', '?'];
    await q.query(`INSERT INTO permissions (id, description) VALUES (${p[0]}, ${p[1]})`, [
      'data.import',
      'Import products, customers and sales history from files',
    ]);
    await q.query(
      `INSERT INTO role_permissions (role_id, permission_id) VALUES (${p[0]}, ${p[1]})`,
      ['admin', 'data.import'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    if (!pg) await q.query('DROP TABLE IF EXISTS customers_fts');
    await q.query(`DELETE FROM role_permissions WHERE permission_id = 'data.import'`);
    await q.query(`DELETE FROM permissions WHERE id = 'data.import'`);
    for (const t of [
      'parked_sales',
      'sale_voids',
      'sale_tenders',
      'sale_lines',
      'sales',
      'customers',
      'products',
      'tills',
    ])
      await q.dropTable(t, true);
  }

  /** D6: UPDATE and DELETE abort. On PostgreSQL, reuses kassa_append_only() from the first migration. */
  private async appendOnly(q: QueryRunner, table: string, pg: boolean): Promise<void> {
    if (pg) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kassa_append_only()`,
      );
      return;
    }
    await q.query(
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
    await q.query(
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
  }

  /**
   * D6 for sale headers: amounts, parties, numbers and times never change; status only goes from
   * completed to voided; rows are never deleted. Customer and note stay editable (audited).
   */
  private async immutableSales(q: QueryRunner, pg: boolean): Promise<void> {
    const cols = IMMUTABLE_SALE_COLUMNS.join(', ');
    const badStatus = `NOT (OLD.status = 'completed' AND NEW.status = 'voided')`;
    if (pg) {
      await q.query(
        `CREATE OR REPLACE FUNCTION kassa_sale_immutable() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'completed sales are immutable'; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(
        `CREATE TRIGGER sales_immutable BEFORE UPDATE OF ${cols} ON sales FOR EACH ROW EXECUTE FUNCTION kassa_sale_immutable()`,
      );
      await q.query(
        `CREATE TRIGGER sales_status_forward BEFORE UPDATE OF status ON sales FOR EACH ROW WHEN (${badStatus}) EXECUTE FUNCTION kassa_sale_immutable()`,
      );
      await q.query(
        `CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales FOR EACH ROW EXECUTE FUNCTION kassa_sale_immutable()`,
      );
      return;
    }
    await q.query(
      `CREATE TRIGGER sales_immutable BEFORE UPDATE OF ${cols} ON sales BEGIN SELECT RAISE(ABORT, 'completed sales are immutable'); END`,
    );
    await q.query(
      `CREATE TRIGGER sales_status_forward BEFORE UPDATE OF status ON sales WHEN ${badStatus} BEGIN SELECT RAISE(ABORT, 'a sale can only go from completed to voided'); END`,
    );
    await q.query(
      `CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales BEGIN SELECT RAISE(ABORT, 'sales are never deleted'); END`,
    );
  }

  /** SQLite: FTS5 trigram index over customers.search_text, kept in step by triggers. */
  private async customerSearchIndex(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE VIRTUAL TABLE customers_fts USING fts5(search_text, content='customers', content_rowid='id', tokenize='trigram')`,
    );
    await q.query(
      `CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN INSERT INTO customers_fts(rowid, search_text) VALUES (new.id, new.search_text); END`,
    );
    await q.query(
      `CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN INSERT INTO customers_fts(customers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`,
    );
    await q.query(
      `CREATE TRIGGER customers_fts_update AFTER UPDATE OF search_text ON customers BEGIN INSERT INTO customers_fts(customers_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO customers_fts(rowid, search_text) VALUES (new.id, new.search_text); END`,
    );
  }
}
