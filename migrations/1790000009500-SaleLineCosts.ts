/**
 * Issue 11, sections 3 and 4: the cost of goods sold, for margin in reports.
 *
 * - `sale_lines.unit_cost`: minor units per unit, fixed when the line is written (sale-writer.ts):
 *   the product's moving average cost at that moment, else its last cost, else NULL (unknown). A
 *   refund line carries its original line's unit cost (NULL stays NULL), so a refund takes back
 *   exactly the cost its sale counted. Set at INSERT only: the immutability triggers (D6) allow
 *   no UPDATE, and a column added here does not loosen them.
 * - `cost` and `costed_net` in `rollup_products` and `rollup_product_months` (bigint, default 0):
 *   Σ unit_cost × quantity, and Σ (total − tax) of the same lines, over completed sales and
 *   refunds whose lines have a known unit cost (electron/core/analytics/rollup-sql.ts). Margin is
 *   costed_net − cost: lines of unknown cost are in neither term, so they never inflate it.
 *
 * Sales stored before this migration have no unit cost, so their rollups' new figures are the
 * default 0. This migration used to fill the rollups of stored sales when 1790000009200 ran in the
 * same upgrade; 1790000012000 (RollupsPerTill) now makes the tables again and fills them from the
 * sales on every database, and today's rebuild needs its `till_id` keys, so that rebuild is done
 * there only. Portable SQL (SQLite and PostgreSQL 15): plain ALTER TABLE.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLLUPS = ['rollup_products', 'rollup_product_months'];

export class SaleLineCosts1790000009500 implements MigrationInterface {
  name = 'SaleLineCosts1790000009500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sale_lines ADD COLUMN unit_cost integer');
    for (const table of ROLLUPS) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN cost bigint NOT NULL DEFAULT 0`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN costed_net bigint NOT NULL DEFAULT 0`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...ROLLUPS].reverse()) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN costed_net`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN cost`);
    }
    await q.query('ALTER TABLE sale_lines DROP COLUMN unit_cost');
  }
}
