/**
 * The customer display's view of this till (issue 10, section 4; shared/contract/display.ts).
 * It reads the till's cart as persisted (carts/till-carts.ts), prices it as the till does (M1),
 * and, once a sale completes, shows its total, payment and change with a thank-you until the next
 * item is rung up (or for at most `DONE_FOR_MS`). Listeners hear every change of the till's cart,
 * so the shell can tell the display window to read again.
 */
import type { DisplayView } from '../../../shared/contract/display';
import type { SaleDetail } from '../../../shared/contract/sales-views';
import { AppError } from '../../../shared/errors';
import type { TillCarts } from '../carts/till-carts';
import type { Database } from '../db/database';
import { priceCart } from '../sales/pricing';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';

/** How long the thank-you stays after a sale when nothing new is rung up: 2 minutes. */
export const DONE_FOR_MS = 2 * 60_000;

/** The channels after whose success the till's cart (or the last sale) may have changed. */
export const CART_CHANGING_CHANNELS: ReadonlySet<string> = new Set([
  'cart:save',
  'cart:takeOver',
  'cart:park',
  'sales:checkout',
  'auth:logout',
]);

interface Completed {
  sale: SaleDetail;
  at: number;
}

export class CustomerDisplay {
  private completed: Completed | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly carts: TillCarts,
  ) {}

  /** Calls `listener` after each change of the till's cart; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener the cart changed; a throwing listener does not stop the others. */
  changed(): void {
    for (const l of [...this.listeners])
      try {
        l();
      } catch {
        // A closed display window must not break the till.
      }
  }

  /** A sale completed on this till: the display thanks the customer and shows the change. */
  saleCompleted(sale: SaleDetail): void {
    if (sale.kind === 'sale') this.completed = { sale, at: this.clock.now().getTime() };
  }

  /** What the display shows now. Never fails on a cart that no longer prices: it shows idle. */
  async view(): Promise<DisplayView> {
    const s = this.settings.get();
    const base = {
      currency: s.currency,
      storeName: s.storeName,
      locale: s.locale,
      discount: 0,
      total: 0,
      paid: null,
      change: null,
    };
    const till = await this.carts.get();
    if (till.cart.lines.length > 0) {
      this.completed = null;
      try {
        const rules = await this.settings.moneyRules(this.db.manager);
        const { quote } = await priceCart(this.db.manager, till.cart, {
          ...rules,
          // The display shows the cart as rung up; the till itself enforces the limits.
          mayOverride: () => Promise.resolve(true),
        });
        return {
          ...base,
          state: 'cart',
          currency: quote.currency,
          lines: quote.lines.map((l) => ({
            description: l.description,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            discount: l.discount,
            total: l.total,
          })),
          discount: quote.discount,
          total: quote.total,
        };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        return { ...base, state: 'idle', lines: [] };
      }
    }
    const done = this.completed;
    if (done && this.clock.now().getTime() - done.at <= DONE_FOR_MS) {
      const paid = done.sale.tenders.reduce((sum, t) => sum + (t.tendered ?? t.amount), 0);
      const change = done.sale.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0);
      return {
        ...base,
        state: 'done',
        currency: done.sale.currency,
        lines: done.sale.lines.map((l) => ({
          description: l.description,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          discount: l.discount,
          total: l.total,
        })),
        discount: done.sale.discount,
        total: done.sale.total,
        paid,
        change,
      };
    }
    return { ...base, state: 'idle', lines: [] };
  }
}
