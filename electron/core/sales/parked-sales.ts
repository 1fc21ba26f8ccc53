/**
 * Parked (held) carts on this till: put aside unfinished, resumed later, possibly by another
 * cashier. Not money: a parked cart is deleted when resumed or discarded. The cart is stored as
 * JSON and re-validated against the contract's cart schema when it comes back.
 */
import type { ChannelParsedInput, ParkedSale } from '../../../shared/contract';
import { cartSchema } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Clock } from '../types';
import type { Till } from './checkout-service';
import { ParkedSaleEntity } from './sale.entity';

export class ParkedSales {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly till: Till,
  ) {}

  /** Parks a cart; without a label it is called "N items". */
  async park(actor: Session, input: ChannelParsedInput<'sales:park'>): Promise<ParkedSale> {
    const now = this.clock.now().toISOString();
    const n = input.cart.lines.length;
    const label = input.label ?? `${n} ${n === 1 ? 'item' : 'items'}`;
    const saved = await this.db.write((em) =>
      em.getRepository(ParkedSaleEntity).save({
        tillId: this.till.id,
        staffId: actor.staff.id,
        label,
        cart: JSON.stringify(input.cart),
        lineCount: input.cart.lines.length,
        createdAt: now,
      }),
    );
    return {
      id: saved.id,
      label,
      staff: { id: actor.staff.id, name: actor.staff.displayName },
      lineCount: saved.lineCount,
      createdAt: now,
    };
  }

  /** This till's parked carts, oldest first. */
  async list(): Promise<ParkedSale[]> {
    const rows = await run<{
      id: number;
      label: string;
      staff_id: number;
      name: string;
      line_count: number;
      created_at: string;
    }>(
      this.db.manager,
      `SELECT p.id, p.label, p.staff_id, st.display_name AS name, p.line_count, p.created_at
        FROM parked_sales p JOIN staff st ON st.id = p.staff_id WHERE p.till_id = ? ORDER BY p.id`,
      [this.till.id],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      label: r.label,
      staff: { id: Number(r.staff_id), name: r.name },
      lineCount: Number(r.line_count),
      createdAt: r.created_at,
    }));
  }

  /** Takes a parked cart back and removes it from the list. Errors: NOT_FOUND. */
  async resume(_actor: Session, id: number) {
    return this.db.write(async (em) => {
      const repo = em.getRepository(ParkedSaleEntity);
      const row = await repo.findOneBy({ id, tillId: this.till.id });
      if (!row) throw new AppError('NOT_FOUND', 'That parked sale is no longer there.');
      await repo.delete({ id });
      return { cart: cartSchema.parse(JSON.parse(row.cart)) };
    });
  }

  /** Throws a parked cart away. Errors: NOT_FOUND. */
  async discard(_actor: Session, id: number): Promise<Record<string, never>> {
    await this.db.write(async (em) => {
      const res = await em.getRepository(ParkedSaleEntity).delete({ id, tillId: this.till.id });
      if (!res.affected) throw new AppError('NOT_FOUND', 'That parked sale is no longer there.');
    });
    return {};
  }
}
