/**
 * Parked (held) carts: put aside unfinished on a till, resumed later, possibly by another cashier
 * and, on a store server, at another till (the customer comes back to the till that is free; a
 * till was retired with carts on it), as parked sales are shared across a store's registers in
 * Lightspeed and Square. Not money: a parked cart is deleted when resumed or discarded, in a
 * serializable write (Database.write), so of two tills taking one cart at once exactly one gets
 * it; the other is told it is gone. The cart is stored as JSON and re-validated against the
 * contract's cart schema when it comes back.
 */
import type { EntityManager } from 'typeorm';
import type { Cart, ChannelParsedInput, ParkedSale } from '../../../shared/contract';
import { cartSchema } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Clock } from '../types';
import type { Till } from './checkout-service';
import { ParkedSaleEntity } from './sale.entity';
import { clearTillCart } from '../carts/clear-till-cart';

/**
 * Writes one parked cart through `em` (the caller's transaction) under `staff`'s name: sales:park,
 * and cart:park for the till's cart in progress. Without a label it is called "N items".
 */
export async function insertParkedCart(
  em: EntityManager,
  p: {
    till: Till;
    staff: { id: number; name: string };
    label: string | null;
    cart: Cart;
    createdAt: string;
  },
): Promise<ParkedSale> {
  const n = p.cart.lines.length;
  const label = p.label ?? `${n} ${n === 1 ? 'item' : 'items'}`;
  const saved = await em.getRepository(ParkedSaleEntity).save({
    tillId: p.till.id,
    staffId: p.staff.id,
    label,
    cart: JSON.stringify(p.cart),
    lineCount: n,
    createdAt: p.createdAt,
  });
  return {
    id: saved.id,
    label,
    staff: p.staff,
    lineCount: n,
    createdAt: p.createdAt,
    till: p.till.name,
    thisTill: true,
  };
}

export class ParkedSales {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly till: Till,
  ) {}

  /**
   * Parks a cart; without a label it is called "N items". The till's cart in progress (the
   * actor's) is emptied in the same transaction: it is this cart, now parked.
   */
  async park(actor: Session, input: ChannelParsedInput<'sales:park'>): Promise<ParkedSale> {
    const createdAt = this.clock.now().toISOString();
    return this.db.write(async (em) => {
      const parked = await insertParkedCart(em, {
        till: this.till,
        staff: { id: actor.staff.id, name: actor.staff.displayName },
        label: input.label,
        cart: input.cart,
        createdAt,
      });
      await clearTillCart(em, this.till.id, actor.staff.id, createdAt);
      return parked;
    });
  }

  /**
   * The store's parked carts, oldest first, each with the name of the till it was parked on:
   * this till's, and on a store server the other tills' (a SQLite file has one till).
   */
  async list(): Promise<ParkedSale[]> {
    const rows = await run<{
      id: number;
      label: string;
      staff_id: number;
      name: string;
      line_count: number;
      created_at: string;
      till_id: number;
      till_name: string;
    }>(
      this.db.manager,
      `SELECT p.id, p.label, p.staff_id, st.display_name AS name, p.line_count, p.created_at,
          p.till_id, t.name AS till_name
        FROM parked_sales p JOIN staff st ON st.id = p.staff_id JOIN tills t ON t.id = p.till_id
        ORDER BY p.id`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      label: r.label,
      staff: { id: Number(r.staff_id), name: r.name },
      lineCount: Number(r.line_count),
      createdAt: r.created_at,
      till: r.till_name,
      thisTill: Number(r.till_id) === this.till.id,
    }));
  }

  /**
   * Takes a parked cart back, whichever till parked it, and removes it from the list. A second
   * till taking it at the same moment fails to serialize, and its retry finds it gone. Errors:
   * NOT_FOUND.
   */
  async resume(_actor: Session, id: number) {
    return this.db.write(async (em) => {
      const repo = em.getRepository(ParkedSaleEntity);
      const row = await repo.findOneBy({ id });
      if (!row) throw new AppError('NOT_FOUND', 'That parked sale is no longer there.');
      await repo.delete({ id });
      return { cart: cartSchema.parse(JSON.parse(row.cart)) };
    });
  }

  /** Throws a parked cart away, whichever till parked it. Errors: NOT_FOUND. */
  async discard(_actor: Session, id: number): Promise<Record<string, never>> {
    await this.db.write(async (em) => {
      const res = await em.getRepository(ParkedSaleEntity).delete({ id });
      if (!res.affected) throw new AppError('NOT_FOUND', 'That parked sale is no longer there.');
    });
    return {};
  }
}
