/**
 * Issue 10, section 3: a business customer gets an A4 invoice instead of an 80 mm receipt. It
 * needs the customer's company name, VAT number and billing address, which customers did not
 * hold. All nullable: a private customer has none. Plain ALTER TABLE (portable; TypeORM's
 * addColumn would rebuild the table on SQLite), each only when missing.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = [
  ['company_name', 'varchar(120)'],
  ['vat_number', 'varchar(40)'],
  ['billing_address', 'varchar(300)'],
] as const;

export class CustomerInvoiceDetails1790000008400 implements MigrationInterface {
  name = 'CustomerInvoiceDetails1790000008400';

  async up(q: QueryRunner): Promise<void> {
    for (const [column, type] of COLUMNS)
      if (!(await q.hasColumn('customers', column)))
        await q.query(`ALTER TABLE customers ADD COLUMN ${column} ${type} NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [column] of COLUMNS) await q.query(`ALTER TABLE customers DROP COLUMN ${column}`);
  }
}
