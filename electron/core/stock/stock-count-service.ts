/**
 * The stock take (issue 11, section 2; rules in shared/contract/stock-count.ts and docs/stock.md):
 * a count sheet snapshots the expected on-hand of the products in scope, counts are entered per
 * product, and posting writes one `count` movement per counted product with a variance through
 * `recordMovements`, in one transaction with the sheet's status and the audit row (L1, D2).
 * One open count per store: checked here (CONFLICT) and held by a partial unique index.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { MAX_STOCK_QUANTITY } from '../../../shared/contract/stock';
import type { StockCount, StockCountLine } from '../../../shared/contract/stock-count';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Till } from '../sales/checkout-service';
import type { Clock } from '../types';
import { recordMovements } from './stock-ledger';

interface CountRow {
  id: number;
  category_id: number | null;
  category_name: string | null;
  status: StockCount['status'];
  started_by: number;
  staff_name: string;
  started_at: string;
  closed_at: string | null;
  lines: number;
  counted: number;
  variances: number;
}

interface LineRow {
  product_id: number;
  sku: string;
  barcode: string | null;
  name: string;
  expected: number;
  counted: number | null;
}

/** The ids of category `?` and every category under it (a tree at most 3 levels deep). */
const SCOPE_CTE = `WITH RECURSIVE scope(id) AS (
    SELECT id FROM categories WHERE id = ?
    UNION ALL SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id)`;
/** Stock products a count may hold: any stock product not archived (an inactive one is still on the shelf). */
const COUNTABLE = `p.kind = 'stock' AND p.archived_at IS NULL`;

const LINE_FILTER: Record<string, string> = {
  all: '',
  counted: 'AND l.counted IS NOT NULL',
  uncounted: 'AND l.counted IS NULL',
  variance: 'AND l.counted IS NOT NULL AND l.counted <> l.expected',
};

function view(r: CountRow): StockCount {
  return {
    id: Number(r.id),
    category:
      r.category_id === null ? null : { id: Number(r.category_id), name: r.category_name ?? '' },
    status: r.status,
    startedBy: { id: Number(r.started_by), name: r.staff_name },
    startedAt: r.started_at,
    closedAt: r.closed_at,
    lines: Number(r.lines),
    counted: Number(r.counted),
    variances: Number(r.variances),
  };
}

function line(r: LineRow): StockCountLine {
  const counted = r.counted === null ? null : Number(r.counted);
  return {
    productId: Number(r.product_id),
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    expected: Number(r.expected),
    counted,
    variance: counted === null ? null : counted - Number(r.expected),
  };
}

export class StockCountService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly till: Till,
  ) {}

  /** The counts matching `where`, each with its line totals. */
  private async find(em: EntityManager, where: string, params: unknown[]): Promise<StockCount[]> {
    const rows = await run<CountRow>(
      em,
      `SELECT c.id, c.category_id, cat.name AS category_name, c.status, c.started_by,
         s.display_name AS staff_name, c.started_at, c.closed_at,
         (SELECT COUNT(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lines,
         (SELECT COUNT(*) FROM stock_count_lines l WHERE l.count_id = c.id
            AND l.counted IS NOT NULL) AS counted,
         (SELECT COUNT(*) FROM stock_count_lines l WHERE l.count_id = c.id
            AND l.counted IS NOT NULL AND l.counted <> l.expected) AS variances
       FROM stock_counts c JOIN staff s ON s.id = c.started_by
       LEFT JOIN categories cat ON cat.id = c.category_id
       WHERE ${where}`,
      params,
    );
    return rows.map(view);
  }

  /** Count `id`: NOT_FOUND if none; with `open`, CONFLICT unless it is still open. */
  private async count(em: EntityManager, id: number, open: boolean): Promise<StockCount> {
    const [c] = await this.find(em, 'c.id = ?', [id]);
    if (!c) throw new AppError('NOT_FOUND', 'That stock take does not exist.');
    if (open && c.status !== 'open')
      throw new AppError('CONFLICT', `This stock take is already ${c.status}.`);
    return c;
  }

  /**
   * `stock:startCount`: a new open sheet, its lines' expected figures read in the same
   * transaction. CONFLICT (a count is open), NOT_FOUND (no such live category),
   * VALIDATION_FAILED (nothing to count). Audited (stock.count_start).
   */
  async start(actor: Session, input: ChannelParsedInput<'stock:startCount'>): Promise<StockCount> {
    return this.db.write(async (em) => {
      const [open] = await this.find(em, "c.status = 'open'", []);
      if (open)
        throw new AppError(
          'CONFLICT',
          'A stock take is already open: post or cancel it before starting another.',
        );
      let scope = '';
      const scopeParams: unknown[] = [];
      if (input.categoryId !== null) {
        const cat = await run(
          em,
          'SELECT id FROM categories WHERE id = ? AND archived_at IS NULL',
          [input.categoryId],
        );
        if (cat.length === 0) throw new AppError('NOT_FOUND', 'That category does not exist.');
        scope = 'AND p.category_id IN (SELECT id FROM scope)';
        scopeParams.push(input.categoryId);
      }
      const now = this.clock.now().toISOString();
      const [row] = await run<{ id: number }>(
        em,
        `INSERT INTO stock_counts (category_id, status, started_by, started_at)
         VALUES (?, 'open', ?, ?) RETURNING id`,
        [input.categoryId, actor.staff.id, now],
      );
      const id = Number(row!.id);
      await run(
        em,
        `${scope ? SCOPE_CTE : ''} INSERT INTO stock_count_lines (count_id, product_id, expected)
         SELECT ?, p.id, p.on_hand FROM products p WHERE ${COUNTABLE} ${scope}`,
        [...scopeParams, id],
      );
      const c = await this.count(em, id, true);
      if (c.lines === 0)
        throw new AppError('VALIDATION_FAILED', 'There are no stock products to count here.', [
          { path: 'categoryId', message: 'no stock product in scope' },
        ]);
      await this.audit.record(em, {
        action: 'stock.count_start',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'stock_count',
        targetId: id,
        detail: `${c.category ? `category ${c.category.name}` : 'all stock'}; ${c.lines} products`,
      });
      return c;
    });
  }

  /** `stock:openCount`: the open count, if any. */
  async open(): Promise<ChannelOutput<'stock:openCount'>> {
    const [c] = await this.find(this.db.manager, "c.status = 'open'", []);
    return { count: c ?? null };
  }

  /**
   * `stock:setCount`: sets (last wins) or adds to a product's count and re-reads its on-hand as
   * the expected figure, so the variance is measured against the stock at counting time. A
   * product in scope that is not on the sheet yet (created since the start) joins it.
   */
  async set(actor: Session, input: ChannelParsedInput<'stock:setCount'>): Promise<StockCountLine> {
    return this.db.write(async (em) => {
      const c = await this.count(em, input.countId, true);
      const [p] = await run<{
        id: number;
        sku: string;
        barcode: string | null;
        name: string;
        on_hand: number;
        countable: number;
      }>(
        em,
        `${c.category ? SCOPE_CTE : ''} SELECT p.id, p.sku, p.barcode, p.name, p.on_hand,
           CASE WHEN ${COUNTABLE} ${c.category ? 'AND p.category_id IN (SELECT id FROM scope)' : ''}
             THEN 1 ELSE 0 END AS countable
         FROM products p WHERE p.id = ?`,
        c.category ? [c.category.id, input.productId] : [input.productId],
      );
      if (!p) throw new AppError('NOT_FOUND', 'That product does not exist.');
      const invalid = (message: string) =>
        new AppError('VALIDATION_FAILED', message, [{ path: 'quantity', message }]);
      if (Number(p.countable) !== 1)
        throw new AppError('VALIDATION_FAILED', `${p.name} is not part of this stock take.`, [
          { path: 'productId', message: 'not a stock product in the count' },
        ]);
      if (input.mode === 'add' && input.quantity === 0) throw invalid('Add at least one.');
      const [old] = await run<{ counted: number | null }>(
        em,
        'SELECT counted FROM stock_count_lines WHERE count_id = ? AND product_id = ?',
        [c.id, p.id],
      );
      const counted =
        input.mode === 'add' ? Number(old?.counted ?? 0) + input.quantity : input.quantity;
      if (counted > MAX_STOCK_QUANTITY) throw invalid(`At most ${MAX_STOCK_QUANTITY} in a count.`);
      const params = [Number(p.on_hand), counted, actor.staff.id, this.clock.now().toISOString()];
      if (old)
        await run(
          em,
          `UPDATE stock_count_lines SET expected = ?, counted = ?, counted_by = ?, counted_at = ?
           WHERE count_id = ? AND product_id = ?`,
          [...params, c.id, p.id],
        );
      else
        await run(
          em,
          `INSERT INTO stock_count_lines (expected, counted, counted_by, counted_at, count_id,
             product_id) VALUES (?, ?, ?, ?, ?, ?)`,
          [...params, c.id, p.id],
        );
      return line({ ...p, product_id: p.id, expected: Number(p.on_hand), counted });
    });
  }

  /** `stock:countSheet`: the count and a page of its lines by name. */
  async sheet(
    input: ChannelParsedInput<'stock:countSheet'>,
  ): Promise<ChannelOutput<'stock:countSheet'>> {
    const em = this.db.manager;
    const c = await this.count(em, input.countId, false);
    const filter = LINE_FILTER[input.only]!;
    const [total] = await run<{ n: number }>(
      em,
      `SELECT COUNT(*) AS n FROM stock_count_lines l WHERE l.count_id = ? ${filter}`,
      [c.id],
    );
    const rows = await run<LineRow>(
      em,
      `SELECT l.product_id, p.sku, p.barcode, p.name, l.expected, l.counted
       FROM stock_count_lines l JOIN products p ON p.id = l.product_id
       WHERE l.count_id = ? ${filter} ORDER BY p.name, p.id LIMIT ? OFFSET ?`,
      [c.id, input.limit, input.offset],
    );
    return { count: c, items: rows.map(line), total: Number(total?.n ?? 0) };
  }

  /**
   * `stock:postCount`: one `count` movement (counted − expected) per counted line with a
   * variance, the sheet closed as posted and the audit row (stock.count_post), in one
   * transaction. NOT_FOUND; CONFLICT when it is not open (posting twice is refused).
   */
  async post(actor: Session, input: ChannelParsedInput<'stock:postCount'>): Promise<StockCount> {
    return this.db.write(async (em) => {
      const c = await this.count(em, input.countId, true);
      const rows = await run<{ product_id: number; expected: number; counted: number }>(
        em,
        `SELECT product_id, expected, counted FROM stock_count_lines
         WHERE count_id = ? AND counted IS NOT NULL AND counted <> expected ORDER BY product_id`,
        [c.id],
      );
      const now = this.clock.now().toISOString();
      const movements = rows.map((r) => ({
        productId: Number(r.product_id),
        kind: 'count' as const,
        quantity: Number(r.counted) - Number(r.expected),
        unitCost: null,
        reason: null,
        note: `Stock take #${c.id}`,
        staffId: actor.staff.id,
        tillId: this.till.id,
        saleId: null,
        createdAt: now,
      }));
      await recordMovements(em, movements);
      await this.close(em, actor, c, 'posted', now);
      const net = movements.reduce((s, m) => s + m.quantity, 0);
      await this.audit.record(em, {
        action: 'stock.count_post',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'stock_count',
        targetId: c.id,
        detail: `${c.counted} of ${c.lines} products counted; ${movements.length} variances; net ${net > 0 ? '+' : ''}${net}`,
      });
      return { ...c, status: 'posted', closedAt: now };
    });
  }

  /** `stock:cancelCount`: closes the sheet with no movement; audited (stock.count_cancel). */
  async cancel(
    actor: Session,
    input: ChannelParsedInput<'stock:cancelCount'>,
  ): Promise<StockCount> {
    return this.db.write(async (em) => {
      const c = await this.count(em, input.countId, true);
      const now = this.clock.now().toISOString();
      await this.close(em, actor, c, 'cancelled', now);
      await this.audit.record(em, {
        action: 'stock.count_cancel',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'stock_count',
        targetId: c.id,
        detail: `${c.counted} of ${c.lines} products counted; nothing posted`,
      });
      return { ...c, status: 'cancelled', closedAt: now };
    });
  }

  private async close(
    em: EntityManager,
    actor: Session,
    c: StockCount,
    status: 'posted' | 'cancelled',
    now: string,
  ): Promise<void> {
    await run(
      em,
      `UPDATE stock_counts SET status = ?, closed_by = ?, closed_at = ? WHERE id = ? AND status = 'open'`,
      [status, actor.staff.id, now, c.id],
    );
  }
}
