/**
 * What can happen to a completed sale, keeping the books honest (D6): a same-day void with a
 * reason, a refund as a new linked sale capped at what is still refundable, and an audited edit of
 * the attached customer or note. Amounts never change; every action writes an audit row in the
 * same transaction.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput, SaleDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { proportionalShare } from '../../../shared/money';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { shiftForSale } from '../shifts/shift-guard';
import { takeReceiptNo } from '../tills/till-service';
import type { Clock } from '../types';
import type { Till } from './checkout-service';
import { findSellableCustomer } from './customer-ref';
import type { SaleQueries } from './sale-queries';
import { insertSale, type NewSaleLine } from './sale-writer';
import { addToRollups } from '../analytics/rollups';
import { recordMovements, refundMovements, voidMovements } from '../stock/stock-ledger';

export class SaleActions {
  /**
   * Called once per newly recorded refund, after its transaction has committed (never for a retry
   * of a recorded one): printing queues its receipt and, for a cash refund, the drawer kick
   * (issue 10, section 2). Must not throw; the refund's answer does not wait for it.
   */
  onRefunded: (refund: SaleDetail) => void = () => {};

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly till: Till,
    private readonly queries: SaleQueries,
  ) {}

  /**
   * Voids a completed sale made today: its `business_date` (fixed when it was made) is today's
   * business day in the store's time zone. Status becomes `voided` and a void row records who, when
   * (UTC) and why; the stock the sale took goes back (issue 11, section 2), in the same
   * transaction. Errors: NOT_FOUND, VOID_NOT_ALLOWED.
   */
  async void(actor: Session, input: ChannelParsedInput<'sales:void'>): Promise<SaleDetail> {
    await this.db.write(async (em) => {
      const sale = await this.queries.detail(input.id, em);
      if (!sale.voidable) throw new AppError('VOID_NOT_ALLOWED', whyNotVoidable(sale));
      const shiftId = await shiftForSale(em, this.till.id);
      await run(em, "UPDATE sales SET status = 'voided' WHERE id = ? AND status = 'completed'", [
        input.id,
      ]);
      const voidedAt = this.clock.now().toISOString();
      await run(
        em,
        'INSERT INTO sale_voids (sale_id, reason, staff_id, voided_at, shift_id) VALUES (?, ?, ?, ?, ?)',
        [input.id, input.reason, actor.staff.id, voidedAt, shiftId],
      );
      await recordMovements(
        em,
        await voidMovements(em, {
          staffId: actor.staff.id,
          tillId: this.till.id,
          saleId: input.id,
          createdAt: voidedAt,
        }),
      );
      await addToRollups(em, input.id, 'voided', this.queries.timeZone());
      await this.audit.record(em, {
        action: 'sale.void',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'sale',
        targetId: input.id,
        detail: `receipt ${sale.tillName}-${sale.receiptNo}; total ${sale.total} ${sale.currency}; reason: ${input.reason}`,
      });
    });
    return this.queries.detail(input.id);
  }

  /**
   * Refunds `quantity` units of chosen lines as a new refund sale linked to the original, with
   * negative lines whose amounts are the exact proportional share of the original line (so
   * refunding everything, in any steps, returns the original total to the minor unit), paid back
   * with one tender. Stock products' units go back on the shelf or are written off (`restock`), as
   * `refund` movements in the same transaction (issue 11, section 2). Errors: NOT_FOUND, REFUND_LIMIT, VALIDATION_FAILED (a line of another sale),
   * CONFLICT (refundId reused for a different refund).
   */
  async refund(actor: Session, input: ChannelParsedInput<'sales:refund'>): Promise<SaleDetail> {
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          'refund',
          input.saleId,
          input.lines,
          input.tender,
          input.reason,
          // Only a write-off joins the hash, so refunds recorded before issue 11 keep theirs.
          ...(input.restock ? [] : ['write_off']),
        ]),
      )
      .digest('hex');
    let recorded = false;
    const refundId = await this.db.write(async (em) => {
      const existing = await run<{ id: number; request_hash: string | null }>(
        em,
        'SELECT id, request_hash FROM sales WHERE uuid = ?',
        [input.refundId],
        { reusePlan: true },
      );
      if (existing[0]) {
        if (existing[0].request_hash === requestHash) return Number(existing[0].id);
        throw new AppError('CONFLICT', 'A different sale was already recorded with this id.');
      }
      const sale = await this.queries.detail(input.saleId, em);
      if (sale.kind !== 'sale')
        throw new AppError('REFUND_LIMIT', 'A refund cannot itself be refunded.');
      if (sale.status !== 'completed')
        throw new AppError('REFUND_LIMIT', 'This sale was voided: there is nothing to refund.');

      const wanted = new Map<number, number>();
      for (const l of input.lines) wanted.set(l.lineId, (wanted.get(l.lineId) ?? 0) + l.quantity);
      const lines: NewSaleLine[] = [];
      for (const [lineId, quantity] of wanted) {
        const line = sale.lines.find((l) => l.id === lineId);
        if (!line)
          throw new AppError('VALIDATION_FAILED', 'That line is not on this sale.', [
            { path: 'lines', message: `line ${lineId} is not on sale ${sale.id}` },
          ]);
        const sold = line.quantity;
        const left = sold - line.refundedQuantity;
        if (quantity > left)
          throw new AppError(
            'REFUND_LIMIT',
            left === 0
              ? `${line.description.trim()} has already been refunded in full.`
              : `Only ${left} of ${line.description.trim()} can still be refunded.`,
            [{ path: 'lines', message: `at most ${left} for line ${lineId}` }],
          );
        const before = line.refundedQuantity;
        const discount = proportionalShare(line.discount, sold, before, quantity);
        const tax = proportionalShare(line.tax, sold, before, quantity);
        const gross = line.unitPrice * quantity;
        const total = sale.pricesIncludeTax ? gross - discount : gross - discount + tax;
        lines.push({
          productId: line.productId,
          sku: line.sku,
          description: line.description,
          unitPrice: line.unitPrice,
          quantity: -quantity,
          taxRateBps: line.taxRateBps,
          discount: -discount,
          tax: -tax,
          total: -total,
          refundOfLineId: line.id,
        });
      }
      const sum = (f: (l: NewSaleLine) => number) => lines.reduce((a, l) => a + f(l), 0);
      const total = sum((l) => l.total);
      const shiftId = await shiftForSale(em, this.till.id);
      const receiptNo = await takeReceiptNo(em, this.till.id);
      const now = this.clock.now();
      const { saleId: id, unitCosts } = await insertSale(
        em,
        {
          uuid: input.refundId,
          tillId: this.till.id,
          receiptNo,
          kind: 'refund',
          refundOfId: sale.id,
          staffId: actor.staff.id,
          customerId: sale.customer?.id ?? null,
          currency: sale.currency,
          pricesIncludeTax: sale.pricesIncludeTax,
          subtotal: sum((l) => l.unitPrice * l.quantity),
          discount: sum((l) => l.discount),
          tax: sum((l) => l.tax),
          total,
          note: input.reason,
          source: 'till',
          externalRef: null,
          requestHash,
          createdAt: now.toISOString(),
          businessDate: this.queries.businessDay(now),
          shiftId,
        },
        lines,
        total === 0 ? [] : [{ type: input.tender, amount: total, tendered: null, changeDue: null }],
      );
      await addToRollups(em, id, 'recorded', this.queries.timeZone());
      await recordMovements(
        em,
        await refundMovements(
          em,
          lines.map((l, i) => ({ ...l, unitCost: unitCosts[i] ?? null })),
          input.restock,
          {
            staffId: actor.staff.id,
            tillId: this.till.id,
            saleId: id,
            createdAt: now.toISOString(),
          },
        ),
      );
      await this.audit.record(em, {
        action: 'sale.refund',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'sale',
        targetId: sale.id,
        detail: `refund ${this.till.name}-${receiptNo} of receipt ${sale.tillName}-${sale.receiptNo}; total ${total} ${sale.currency}; ${input.tender}; reason: ${input.reason}`,
      });
      recorded = true;
      return id;
    });
    const refund = await this.queries.detail(refundId);
    // After the commit, as a sale's receipt (CheckoutService.checkout).
    if (recorded) this.db.afterCommit(() => this.onRefunded(refund));
    return refund;
  }

  /**
   * Changes the customer attached to a completed sale and its note; amounts never change (the
   * immutability triggers allow only these two columns). The channel needs `sales.annotate`
   * (managers, admins: A7). Audited with before and after. Errors: NOT_FOUND, SALE_VOIDED (a voided
   * sale is closed for edits, its record stays as it was voided), CONFLICT (archived customer).
   */
  async annotate(actor: Session, input: ChannelParsedInput<'sales:annotate'>): Promise<SaleDetail> {
    await this.db.write(async (em: EntityManager) => {
      const rows = await run<{
        customer_id: number | null;
        note: string | null;
        status: 'completed' | 'voided';
      }>(em, 'SELECT customer_id, note, status FROM sales WHERE id = ?', [input.id]);
      const before = rows[0];
      if (!before) throw new AppError('NOT_FOUND', 'That sale does not exist.');
      if (before.status !== 'completed')
        throw new AppError(
          'SALE_VOIDED',
          'This sale was voided; its customer and note stay as they were.',
        );
      const beforeCustomer = before.customer_id === null ? null : Number(before.customer_id);
      if (input.customerId !== null && input.customerId !== beforeCustomer)
        await findSellableCustomer(em, input.customerId);
      const changes: string[] = [];
      if (input.customerId !== beforeCustomer)
        changes.push(`customer ${beforeCustomer ?? 'none'} -> ${input.customerId ?? 'none'}`);
      if (input.note !== before.note)
        changes.push(`note ${JSON.stringify(before.note)} -> ${JSON.stringify(input.note)}`);
      if (changes.length === 0) return;
      await run(em, 'UPDATE sales SET customer_id = ?, note = ? WHERE id = ?', [
        input.customerId,
        input.note,
        input.id,
      ]);
      await this.audit.record(em, {
        action: 'sale.annotate',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'sale',
        targetId: input.id,
        detail: changes.join('; '),
      });
    });
    return this.queries.detail(input.id);
  }
}

function whyNotVoidable(sale: SaleDetail): string {
  if (sale.kind === 'refund') return 'A refund cannot be voided.';
  if (sale.status === 'voided') return 'This sale is already voided.';
  if (sale.refunds.some((r) => r.status === 'completed'))
    return 'This sale has refunds, so it can no longer be voided.';
  return 'Only sales made today can be voided; use a refund instead.';
}
