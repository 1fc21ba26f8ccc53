/**
 * The cart in progress on this till, kept in the database as the cashier rings it up (issue 8,
 * item 4), so a reload, a crashed window or a restart of the app shows the same cart.
 *
 * Rules (docs/sales.md, "The cart in progress"):
 * - one cart per till; it has an owner, the member who rang it up (none while it is empty);
 * - every change names the version it is based on; a stale one is CONFLICT, so two windows on one
 *   till never overwrite each other silently. Saving exactly what is stored always succeeds;
 * - another member's lines are never replaced: the member who signs in takes them over (audited)
 *   or parks them under the owner's name (a parked sale, sales:park's table);
 * - completing a sale, or parking it with sales:park, empties the cart inside that transaction
 *   (`clear-till-cart.ts`).
 * The cart holds product ids, quantities, discounts, open prices typed at the till and the
 * customer, never catalogue prices or totals (M1): it is not money, so it is updated in place.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput, DraftCart, ParkedSale, TillCart } from '../../../shared/contract';
import { draftCartSchema } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { insertParkedCart } from '../sales/parked-sales';
import type { Till } from '../sales/checkout-service';
import type { Clock } from '../types';
import { TillCartEntity } from './till-cart.entity';

interface Row {
  cart: string;
  staff_id: number | null;
  name: string | null;
  version: number;
  updated_at: string;
}

/** Reads `tillId`'s cart through `em` (inside a write, its transaction); version 0 if none yet. */
async function readCart(em: EntityManager, tillId: number): Promise<TillCart> {
  const rows = await run<Row>(
    em,
    `SELECT c.cart, c.staff_id, st.display_name AS name, c.version, c.updated_at
      FROM till_carts c LEFT JOIN staff st ON st.id = c.staff_id WHERE c.till_id = ?`,
    [tillId],
  );
  const row = rows[0];
  if (!row)
    return { cart: { lines: [], customerId: null }, owner: null, version: 0, updatedAt: null };
  return {
    cart: draftCartSchema.parse(JSON.parse(row.cart)),
    owner: row.staff_id === null ? null : { id: Number(row.staff_id), name: row.name ?? '' },
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

export class TillCarts {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly till: Till,
  ) {}

  /** This till's cart, its owner and version. */
  get(): Promise<TillCart> {
    return readCart(this.db.manager, this.till.id);
  }

  /**
   * Replaces the cart; the actor becomes its owner (nobody, for an empty cart). Answers the cart
   * as stored. Errors: CONFLICT (stale `version`; another member's lines).
   */
  async save(actor: Session, input: ChannelParsedInput<'cart:save'>): Promise<TillCart> {
    return this.db.write(async (em) => {
      const current = await readCart(em, this.till.id);
      const json = JSON.stringify(input.cart);
      const owner = input.cart.lines.length > 0 ? actor.staff.id : null;
      const heldByOther =
        current.cart.lines.length > 0 &&
        current.owner !== null &&
        current.owner.id !== actor.staff.id;
      if (heldByOther)
        throw new AppError(
          'CONFLICT',
          `${current.owner!.name}'s sale is in progress on this till: take it over or park it first.`,
        );
      if (json === JSON.stringify(current.cart) && (current.owner?.id ?? null) === owner)
        return current;
      if (input.version !== current.version)
        throw new AppError('CONFLICT', 'The cart on this till was changed in another window.');
      return this.write(em, input.cart, owner, current.version);
    });
  }

  /**
   * Makes the actor the owner of the cart as it is at `version`; audited (cart.takeover) when it
   * was another member's. Errors: CONFLICT (stale `version`).
   */
  async takeOver(actor: Session, version: number): Promise<TillCart> {
    return this.db.write(async (em) => {
      const current = await readCart(em, this.till.id);
      if (version !== current.version)
        throw new AppError('CONFLICT', 'The cart on this till was changed in another window.');
      if (current.cart.lines.length === 0 || current.owner?.id === actor.staff.id) return current;
      const taken = await this.write(em, current.cart, actor.staff.id, current.version);
      await this.audit.record(em, {
        action: 'cart.takeover',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: current.owner ? 'staff' : null,
        targetId: current.owner?.id ?? null,
        detail: `till ${this.till.name}; ${current.cart.lines.length} lines from ${current.owner?.name ?? 'nobody'}`,
      });
      return taken;
    });
  }

  /**
   * Parks the cart as it is at `version` under its owner's name (the actor's, if it has none) and
   * empties it, in one transaction. Errors: NOT_FOUND (empty cart), CONFLICT (stale `version`).
   */
  async park(
    actor: Session,
    input: ChannelParsedInput<'cart:park'>,
  ): Promise<{ parked: ParkedSale; till: TillCart }> {
    return this.db.write(async (em) => {
      const current = await readCart(em, this.till.id);
      if (input.version !== current.version)
        throw new AppError('CONFLICT', 'The cart on this till was changed in another window.');
      if (current.cart.lines.length === 0)
        throw new AppError('NOT_FOUND', 'There is no sale in progress on this till.');
      const parked = await insertParkedCart(em, {
        till: this.till,
        staff: current.owner ?? { id: actor.staff.id, name: actor.staff.displayName },
        label: input.label,
        cart: current.cart,
        createdAt: this.clock.now().toISOString(),
      });
      const till = await this.write(em, { lines: [], customerId: null }, null, current.version);
      return { parked, till };
    });
  }

  /** Stores `cart` as version `base + 1` owned by `staffId`; answers it as `get` would. */
  private async write(
    em: EntityManager,
    cart: DraftCart,
    staffId: number | null,
    base: number,
  ): Promise<TillCart> {
    await em.getRepository(TillCartEntity).save({
      tillId: this.till.id,
      staffId,
      cart: JSON.stringify(draftCartSchema.parse(cart)),
      version: base + 1,
      updatedAt: this.clock.now().toISOString(),
    });
    return readCart(em, this.till.id);
  }
}
