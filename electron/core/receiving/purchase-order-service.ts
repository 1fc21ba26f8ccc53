/**
 * Receiving and purchase orders (issue 11, section 3). `stock:receive` takes goods in without an
 * order; purchase orders go draft → ordered → partial → received, or cancelled (a draft, or an
 * ordered one that has received nothing). Receiving against an order writes the same `receive`
 * movements and costs (receive-at-cost.ts), adds to its lines' received quantities and moves its
 * status, all in one transaction with the audit row (D2, L1). Over-receipt is allowed and flagged
 * (as Lightspeed Retail does: the goods are on the shelf, the ledger must say so).
 */
import type { AuditTargetType } from '../../../shared/contract/audit';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type {
  PurchaseOrderStatus,
  PurchaseOrderSummary,
  PurchaseOrderView,
} from '../../../shared/contract/receiving';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run, valuesList } from '../db/sql';
import type { Till } from '../sales/checkout-service';
import type { Clock } from '../types';
import { purchaseOrderCandidates } from './purchase-order-candidates';
import { receiptDetail, receiveAtCost, type CostLine } from './receive-at-cost';
import { activeSupplier } from './supplier-service';

interface OrderRow {
  id: number;
  supplier_id: number;
  supplier_name: string;
  status: PurchaseOrderStatus;
  note: string | null;
  total: number;
  created_at: string;
  ordered_at: string | null;
}

const SUMMARY = `SELECT o.id, o.supplier_id, s.name AS supplier_name, o.status, o.note, o.created_at,
  o.ordered_at, (SELECT COALESCE(SUM(l.quantity * l.unit_cost), 0) FROM purchase_order_lines l
  WHERE l.order_id = o.id) AS total FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id`;

/** Writes `lines` (nothing received yet) on order `orderId`. */
async function insertLines(
  em: EntityManager,
  orderId: number,
  lines: readonly CostLine[],
): Promise<void> {
  await run(
    em,
    `INSERT INTO purchase_order_lines (order_id, product_id, quantity, unit_cost, received)
     VALUES ${valuesList(lines.length, 5)}`,
    lines.flatMap((l) => [orderId, l.productId, l.quantity, l.unitCost, 0]),
  );
}

function summary(r: OrderRow): PurchaseOrderSummary {
  return {
    id: Number(r.id),
    supplier: { id: Number(r.supplier_id), name: r.supplier_name },
    status: r.status,
    note: r.note,
    total: Number(r.total),
    createdAt: r.created_at,
    orderedAt: r.ordered_at,
  };
}

export class PurchaseOrderService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly till: Till,
  ) {}

  /**
   * `stock:receive`: goods in without an order, one `receive` movement per line at its cost, the
   * products' costs (see `movingAverageCost`), audited (stock.receive). NOT_FOUND,
   * VALIDATION_FAILED (non-stock or archived product, archived supplier).
   */
  async receive(
    actor: Session,
    input: ChannelParsedInput<'stock:receive'>,
  ): Promise<ChannelOutput<'stock:receive'>> {
    return this.db.write(async (em) => {
      const supplier =
        input.supplierId === null ? null : await activeSupplier(em, input.supplierId, 'supplierId');
      const levels = await receiveAtCost(em, input.lines, this.context(actor, input.note));
      await this.record(
        em,
        actor,
        'stock.receive',
        'product',
        input.lines[0]!.productId,
        await receiptDetail(em, input.lines, supplier ? `from ${supplier.name}: ` : ''),
      );
      return { levels };
    });
  }

  /** `purchaseOrders:list`: newest first, paged, optionally one status or supplier. */
  async list(
    input: ChannelParsedInput<'purchaseOrders:list'>,
  ): Promise<ChannelOutput<'purchaseOrders:list'>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status) {
      where.push('o.status = ?');
      params.push(input.status);
    }
    if (input.supplierId) {
      where.push('o.supplier_id = ?');
      params.push(input.supplierId);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const em = this.db.manager;
    const total = await run<{ n: number }>(
      em,
      `SELECT COUNT(*) AS n FROM purchase_orders o ${filter}`,
      params,
    );
    const rows = await run<OrderRow>(
      em,
      `${SUMMARY} ${filter} ORDER BY o.id DESC LIMIT ? OFFSET ?`,
      [...params, input.limit, input.offset],
    );
    return { items: rows.map(summary), total: Number(total[0]?.n ?? 0) };
  }

  /** `purchaseOrders:get`: NOT_FOUND. */
  get(id: number): Promise<PurchaseOrderView> {
    return this.view(this.db.manager, id);
  }

  /** `purchaseOrders:candidates`: stock products to order, with last cost (candidates module). */
  candidates(
    input: ChannelParsedInput<'purchaseOrders:candidates'>,
  ): Promise<ChannelOutput<'purchaseOrders:candidates'>> {
    return purchaseOrderCandidates(this.db, input);
  }

  /** `purchaseOrders:create`: a draft, audited (purchase_order.create). */
  async create(
    actor: Session,
    input: ChannelParsedInput<'purchaseOrders:create'>,
  ): Promise<PurchaseOrderView> {
    return this.db.write(async (em) => {
      const supplier = await activeSupplier(em, input.supplierId, 'supplierId');
      await this.stockProducts(em, input.lines);
      const rows = await run<{ id: number }>(
        em,
        `INSERT INTO purchase_orders (supplier_id, status, note, created_by, created_at)
         VALUES (?, 'draft', ?, ?, ?) RETURNING id`,
        [supplier.id, input.note, actor.staff.id, this.now()],
      );
      const id = Number(rows[0]!.id);
      await insertLines(em, id, input.lines);
      await this.record(
        em,
        actor,
        'purchase_order.create',
        'purchase_order',
        id,
        await receiptDetail(em, input.lines, `PO ${id} to ${supplier.name}: `),
      );
      return this.view(em, id);
    });
  }

  /**
   * `purchaseOrders:update`: replaces a draft's supplier, note and lines (create's rules), in one
   * transaction with its audit row (purchase_order.update). CONFLICT when it is not a draft.
   */
  async update(
    actor: Session,
    input: ChannelParsedInput<'purchaseOrders:update'>,
  ): Promise<PurchaseOrderView> {
    return this.db.write(async (em) => {
      const order = await this.view(em, input.id);
      if (order.status !== 'draft')
        throw new AppError(
          'CONFLICT',
          `Purchase order ${order.id} is ${order.status}: only a draft can be changed.`,
        );
      const supplier = await activeSupplier(em, input.supplierId, 'supplierId');
      await this.stockProducts(em, input.lines);
      await run(em, 'UPDATE purchase_orders SET supplier_id = ?, note = ? WHERE id = ?', [
        supplier.id,
        input.note,
        order.id,
      ]);
      await run(em, 'DELETE FROM purchase_order_lines WHERE order_id = ?', [order.id]);
      await insertLines(em, order.id, input.lines);
      await this.record(
        em,
        actor,
        'purchase_order.update',
        'purchase_order',
        order.id,
        await receiptDetail(em, input.lines, `PO ${order.id} to ${supplier.name}: `),
      );
      return this.view(em, order.id);
    });
  }

  /**
   * `purchaseOrders:setStatus`: draft → ordered; draft or ordered (nothing received) → cancelled.
   * Any other move is CONFLICT. Audited (purchase_order.status).
   */
  async setStatus(
    actor: Session,
    input: ChannelParsedInput<'purchaseOrders:setStatus'>,
  ): Promise<PurchaseOrderView> {
    return this.db.write(async (em) => {
      const order = await this.view(em, input.id);
      const allowed =
        input.status === 'ordered'
          ? order.status === 'draft'
          : order.status === 'draft' || order.status === 'ordered';
      if (!allowed)
        throw new AppError(
          'CONFLICT',
          `Purchase order ${order.id} is ${order.status}: it cannot become ${input.status}.`,
        );
      const now = this.now();
      await run(
        em,
        input.status === 'ordered'
          ? `UPDATE purchase_orders SET status = 'ordered', ordered_at = ? WHERE id = ?`
          : `UPDATE purchase_orders SET status = 'cancelled', closed_at = ? WHERE id = ?`,
        [now, order.id],
      );
      await this.record(
        em,
        actor,
        'purchase_order.status',
        'purchase_order',
        order.id,
        `PO ${order.id}; ${order.status} -> ${input.status}`,
      );
      return this.view(em, order.id);
    });
  }

  /**
   * `purchaseOrders:receive`: goods against an ordered or partial order (else CONFLICT); each
   * line once and of this order (else VALIDATION_FAILED). The order becomes `received` when every
   * line has received at least its quantity, else `partial`. Audited (stock.receive).
   */
  async receiveOrder(
    actor: Session,
    input: ChannelParsedInput<'purchaseOrders:receive'>,
  ): Promise<PurchaseOrderView> {
    return this.db.write(async (em) => {
      const order = await this.view(em, input.id);
      if (order.status !== 'ordered' && order.status !== 'partial')
        throw new AppError(
          'CONFLICT',
          `Purchase order ${order.id} is ${order.status}: only an ordered one receives goods.`,
        );
      const byId = new Map(order.lines.map((l) => [l.id, l]));
      const seen = new Set<number>();
      const costLines: CostLine[] = input.lines.map((l, i) => {
        const line = byId.get(l.lineId);
        if (!line || seen.has(l.lineId))
          throw new AppError(
            'VALIDATION_FAILED',
            line ? 'A line is received twice.' : 'That line is not on this order.',
            [{ path: `lines.${i}.lineId`, message: line ? 'repeated line' : 'not on this order' }],
          );
        seen.add(l.lineId);
        return {
          productId: line.productId,
          quantity: l.quantity,
          unitCost: l.unitCost ?? line.unitCost,
        };
      });
      await receiveAtCost(em, costLines, this.context(actor, `PO ${order.id}`));
      for (const l of input.lines)
        await run(em, 'UPDATE purchase_order_lines SET received = received + ? WHERE id = ?', [
          l.quantity,
          l.lineId,
        ]);
      const left = await run(
        em,
        'SELECT 1 FROM purchase_order_lines WHERE order_id = ? AND received < quantity LIMIT 1',
        [order.id],
      );
      const status = left.length > 0 ? 'partial' : 'received';
      await run(em, `UPDATE purchase_orders SET status = ?, closed_at = ? WHERE id = ?`, [
        status,
        status === 'received' ? this.now() : null,
        order.id,
      ]);
      await this.record(
        em,
        actor,
        'stock.receive',
        'purchase_order',
        order.id,
        await receiptDetail(em, costLines, `PO ${order.id} (${status}): `),
      );
      return this.view(em, order.id);
    });
  }

  /** The order with its lines, through `em`; NOT_FOUND. */
  private async view(em: EntityManager, id: number): Promise<PurchaseOrderView> {
    const rows = await run<OrderRow>(em, `${SUMMARY} WHERE o.id = ?`, [id]);
    if (!rows[0]) throw new AppError('NOT_FOUND', 'That purchase order does not exist.');
    const lines = await run<{
      id: number;
      product_id: number;
      sku: string;
      name: string;
      quantity: number;
      unit_cost: number;
      received: number;
    }>(
      em,
      `SELECT l.id, l.product_id, p.sku, p.name, l.quantity, l.unit_cost, l.received
       FROM purchase_order_lines l JOIN products p ON p.id = l.product_id
       WHERE l.order_id = ? ORDER BY l.id`,
      [id],
    );
    return {
      ...summary(rows[0]),
      lines: lines.map((l) => ({
        id: Number(l.id),
        productId: Number(l.product_id),
        sku: l.sku,
        name: l.name,
        quantity: Number(l.quantity),
        unitCost: Number(l.unit_cost),
        received: Number(l.received),
        overReceived: Number(l.received) > Number(l.quantity),
      })),
    };
  }

  /** NOT_FOUND / VALIDATION_FAILED unless every line is an unarchived stock product. */
  private async stockProducts(em: EntityManager, lines: readonly CostLine[]): Promise<void> {
    const ids = [...new Set(lines.map((l) => l.productId))];
    const rows = await run<{ id: number; name: string; kind: string; archived_at: string | null }>(
      em,
      `SELECT id, name, kind, archived_at FROM products WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    lines.forEach((l, i) => {
      const p = byId.get(l.productId);
      if (!p) throw new AppError('NOT_FOUND', `Line ${i + 1}: that product does not exist.`);
      if (p.kind !== 'stock' || p.archived_at !== null)
        throw new AppError('VALIDATION_FAILED', `${p.name} cannot be ordered.`, [
          { path: `lines.${i}.productId`, message: `product ${p.id} is not an active stock item` },
        ]);
    });
  }

  private context(actor: Session, note: string | null) {
    return { staffId: actor.staff.id, tillId: this.till.id, note, createdAt: this.now() };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private record(
    em: EntityManager,
    actor: Session,
    action:
      'stock.receive' | 'purchase_order.create' | 'purchase_order.update' | 'purchase_order.status',
    targetType: AuditTargetType,
    targetId: number,
    detail: string,
  ): Promise<void> {
    return this.audit.record(em, {
      action,
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType,
      targetId,
      detail,
    });
  }
}
