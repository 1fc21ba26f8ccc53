/**
 * Checkout (D2): prices the cart from the database, settles the tenders, takes the till's next
 * gapless receipt number, and writes header, lines, tenders and the audit row in ONE transaction
 * through the write queue. It answers only after the commit. The client-generated UUID (lower
 * case, see uuidSchema) is UNIQUE: a retry of the same request returns the recorded sale; the same
 * UUID with a different request is CONFLICT. The currency, tax mode and discount limit, and the
 * member's right to override that limit, are read inside the same transaction, so a concurrent
 * settings or role change either applies to the whole sale or not at all. Each line of a stock
 * product writes its `sale` movement and takes the product's on-hand down in the same transaction
 * (issue 11, section 2); in `refuse` mode a sale that would go below zero is INSUFFICIENT_STOCK.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput, Quote, SaleDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { lockForUpdate, run } from '../db/sql';
import type { MoneyRules, SettingsService } from '../settings/settings-service';
import { takeReceiptNo } from '../tills/till-service';
import type { Clock } from '../types';
import { mayOverride } from './price-overrides';
import { priceCart, type CartInput, type PricedCart } from './pricing';
import type { SaleQueries } from './sale-queries';
import { insertSale, type NewSale } from './sale-writer';
import { shiftForSale } from '../shifts/shift-guard';
import { REQUIRE_OPEN_SHIFT_KEY, requireOpenShiftFrom } from '../shifts/shift-settings';
import { settleTenders } from './tenders';
import { findSellableCustomer } from './customer-ref';
import { clearTillCart } from '../carts/clear-till-cart';
import { addWrittenSale } from '../analytics/rollup-rows';
import { recordMovements, refuseShortStock, saleMovements } from '../stock/stock-ledger';
import { NEGATIVE_STOCK_KEY, negativeStockFrom } from '../stock/stock-settings';

/** The settings a sale reads besides its money rules (`SettingsService.moneyRulesWith`). */
const SALE_SETTING_KEYS = [NEGATIVE_STOCK_KEY, REQUIRE_OPEN_SHIFT_KEY];

export interface Till {
  id: number;
  name: string;
}

export class CheckoutService {
  /**
   * Called once per newly recorded sale, after its transaction has committed (never for a retry
   * of a recorded one): printing queues the receipt and the drawer kick here (issue 10, section
   * 2). Must not throw; the sale's answer does not wait for it.
   */
  onCompleted: (sale: SaleDetail) => void = () => {};

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly till: Till,
    private readonly queries: SaleQueries,
  ) {}

  /**
   * Prices a cart for `actor` without writing anything, by the rules checkout applies.
   * Errors: PRODUCT_UNAVAILABLE, VALIDATION_FAILED, OVERRIDE_REQUIRED, NOT_FOUND (customer).
   */
  async quote(actor: Session, cart: ChannelParsedInput<'sales:quote'>): Promise<Quote> {
    const em = this.db.manager;
    if (cart.customerId !== null) await findSellableCustomer(em, cart.customerId);
    return (await this.price(em, actor, cart)).quote;
  }

  /**
   * Prices `cart` with the settings (`rules` when the caller read them in this transaction) and
   * the actor's override right as read through `em`.
   */
  private async price(
    em: EntityManager,
    actor: Session,
    cart: CartInput,
    rules?: MoneyRules,
  ): Promise<PricedCart> {
    const money = rules ?? (await this.settings.moneyRules(em));
    return priceCart(em, cart, { ...money, mayOverride: () => mayOverride(em, actor.staff.id) });
  }

  /**
   * Completes a sale. Amounts in minor units of the store currency; `createdAt` is the core clock's
   * UTC now. Overrides used (sales.discountOverride) are audited as `sale.override`.
   * Errors: PRODUCT_UNAVAILABLE, NOT_FOUND/CONFLICT (customer), TENDER_SHORT, TENDER_INVALID,
   * CONFLICT (same id, different request), VALIDATION_FAILED (line over 10^9), OVERRIDE_REQUIRED,
   * INSUFFICIENT_STOCK (the store refuses negative stock).
   */
  async checkout(actor: Session, input: ChannelParsedInput<'sales:checkout'>): Promise<SaleDetail> {
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          input.lines,
          input.discount ?? null,
          input.customerId,
          input.tenders,
          input.note,
        ]),
      )
      .digest('hex');

    const recorded = await this.db.write(async (em): Promise<SaleDetail | number> => {
      const existing = await run<{ id: number; request_hash: string | null }>(
        em,
        'SELECT id, request_hash FROM sales WHERE uuid = ?',
        [input.id],
        { reusePlan: true },
      );
      if (existing[0]) {
        if (existing[0].request_hash === requestHash) return Number(existing[0].id);
        throw new AppError('CONFLICT', 'A different sale was already recorded with this id.');
      }
      const customer =
        input.customerId === null ? null : await findSellableCustomer(em, input.customerId);
      // Every setting the sale follows, in one statement (a round trip on a store server).
      const { rules, stored } = await this.settings.moneyRulesWith(em, SALE_SETTING_KEYS);
      // On a store server the sale runs at READ COMMITTED (contended). A store that refuses
      // negative stock locks the products before their stock is read, so two tills cannot both
      // sell the last unit (issue 12). Otherwise no rule reads the stock, and the rows are locked
      // only at the end (below).
      const refuseNegative = negativeStockFrom(stored.get(NEGATIVE_STOCK_KEY)) === 'refuse';
      if (refuseNegative)
        await lockForUpdate(
          em,
          'products',
          input.lines.map((l) => l.productId),
          'NO KEY UPDATE',
        );
      const { quote, overrides } = await this.price(em, actor, input, rules);
      const { currency, pricesIncludeTax } = quote;
      const tenders = settleTenders(quote.total, input.tenders);
      if (refuseNegative)
        refuseShortStock(
          quote.lines.map((l) => ({
            productId: l.productId,
            quantity: l.quantity,
            onHand: l.onHand,
            name: l.description.trim(),
          })),
        );
      const shiftId = await shiftForSale(
        em,
        this.till.id,
        requireOpenShiftFrom(stored.get(REQUIRE_OPEN_SHIFT_KEY)),
      );
      const receiptNo = await takeReceiptNo(em, this.till.id);
      const createdAt = this.clock.now().toISOString();
      // The added field first: `{ ...l, field }` is a V8 (Node 20) runtime call per line.
      const lines = quote.lines.map((l) => ({ refundOfLineId: null, ...l }));
      const sale: NewSale = {
        uuid: input.id,
        tillId: this.till.id,
        receiptNo,
        kind: 'sale',
        refundOfId: null,
        staffId: actor.staff.id,
        customerId: customer?.id ?? null,
        currency,
        pricesIncludeTax,
        subtotal: quote.subtotal,
        discount: quote.discount,
        tax: quote.tax,
        total: quote.total,
        note: input.note,
        source: 'till',
        externalRef: null,
        requestHash,
        createdAt,
        businessDate: this.queries.businessDay(new Date(createdAt)),
        shiftId,
      };
      const { saleId, lineIds, unitCosts } = await insertSale(em, sale, lines, tenders);
      await addWrittenSale(em, { sale, lines, unitCosts, tenders }, this.queries.timeZone());
      // The sale is done: its cart in progress on this till goes with it, in this transaction.
      await clearTillCart(em, this.till.id, actor.staff.id, createdAt);
      await this.audit.record(em, {
        action: 'sale.complete',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'sale',
        targetId: saleId,
        detail: `receipt ${this.till.name}-${receiptNo}; ${quote.lines.length} lines; total ${quote.total} ${currency}`,
      });
      if (overrides.length > 0)
        await this.audit.record(em, {
          action: 'sale.override',
          outcome: 'success',
          actorId: actor.staff.id,
          actorName: actor.staff.username,
          targetType: 'sale',
          targetId: saleId,
          detail: `receipt ${this.till.name}-${receiptNo}; ${overrides.map((o) => o.detail).join('; ')}`,
        });
      // The stock last: on a store server the products' rows stay locked from their UPDATE to
      // the commit, so tills selling the same products wait on each other only that long (issue
      // 12, section 5).
      await recordMovements(
        em,
        saleMovements(
          lines.map((l, i) => ({
            productId: l.productId,
            quantity: l.quantity,
            onHand: l.onHand,
            unitCost: unitCosts[i] ?? null,
          })),
          { staffId: actor.staff.id, tillId: this.till.id, saleId, createdAt },
        ),
      );
      // Everything the answer needs is known here: no read-back after the commit.
      return {
        id: saleId,
        uuid: input.id,
        receiptNo,
        tillName: this.till.name,
        kind: 'sale',
        status: 'completed',
        staff: { id: actor.staff.id, name: actor.staff.displayName },
        customer,
        currency,
        total: quote.total,
        createdAt,
        subtotal: quote.subtotal,
        discount: quote.discount,
        tax: quote.tax,
        pricesIncludeTax,
        note: input.note,
        source: 'till',
        externalRef: null,
        refundOf: null,
        lines: lines.map((l, i) => ({
          id: lineIds[i]!,
          lineNo: i + 1,
          productId: l.productId,
          sku: l.sku,
          description: l.description,
          unitPrice: l.unitPrice,
          quantity: l.quantity,
          taxRateBps: l.taxRateBps,
          discount: l.discount,
          tax: l.tax,
          total: l.total,
          refundedQuantity: 0,
          refundOfLineId: null,
        })),
        tenders: tenders.map((t) => ({
          type: t.type,
          amount: t.amount,
          tendered: t.tendered,
          change: t.changeDue,
        })),
        void: null,
        refunds: [],
        voidable: true,
      };
    });
    // A retry of a recorded sale answers with what is stored now (it may have been refunded since).
    if (typeof recorded === 'number') return this.queries.detail(recorded);
    // After the commit, not now: the router runs this call in a write of its own (A8), and a
    // receipt queued from inside it would be queued in a transaction that is still open, or on a
    // store server in one already gone (nothing printed there).
    this.db.afterCommit(() => this.onCompleted(recorded));
    return recorded;
  }
}
