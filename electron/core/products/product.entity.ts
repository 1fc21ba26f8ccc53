/** A product. Price in minor units (M1), tax rate in basis points. See shared/contract/products.ts. */
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ProductKind } from '../../../shared/contract/products';

@Entity({ name: 'products' })
@Index('UQ_products_sku', ['sku'], { unique: true })
@Index('UQ_products_barcode', ['barcode'], { unique: true })
@Index('IDX_products_search_name', ['searchName'])
@Index('IDX_products_category', ['categoryId'])
export class ProductEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Upper-case. */
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  barcode: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** `name` folded for search (lower-case, accents removed); see core/search/normalize.ts. */
  @Column({ name: 'search_name', type: 'varchar', length: 200 })
  searchName: string;

  /** Minor units of the store currency. */
  @Column({ type: 'integer' })
  price: number;

  @Column({ name: 'tax_rate_bps', type: 'integer' })
  taxRateBps: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ProductKind;

  @Column({ type: 'boolean' })
  active: boolean;

  /** The cashier types the price at the till (needs sales.discountOverride); `price` suggests one. */
  @Column({ name: 'open_price', type: 'boolean', default: false })
  openPrice: boolean;

  /** The product's category (issue 11, section 1); NULL for none. */
  @Column({ name: 'category_id', type: 'integer', nullable: true })
  categoryId: number | null;

  @ManyToOne('CategoryEntity', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'FK_products_category' })
  category?: unknown;

  /** UTC; set when a sold product was removed (kept for its sale lines). */
  @Column({ name: 'archived_at', type: 'varchar', length: 24, nullable: true })
  archivedAt: string | null;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;

  /**
   * Issue 11, section 2: stock on hand, the sum of the product's stock movements, written only by
   * core/stock/stock-ledger.ts in the movements' transaction. 0 for non-stock kinds.
   */
  @Column({ name: 'on_hand', type: 'integer', default: 0 })
  onHand: number;

  /** At or under it the product is low on stock; null: no alert (stock:setReorderLevel). */
  @Column({ name: 'reorder_level', type: 'integer', nullable: true })
  reorderLevel: number | null;

  /** The unit cost of the last receipt, minor units; null until one (issue 11, section 3). */
  @Column({ name: 'last_cost', type: 'integer', nullable: true })
  lastCost: number | null;

  /**
   * The moving average unit cost, minor units, kept by receiving in the receipt's transaction
   * (electron/core/receiving/receive-at-cost.ts); null until the first receipt.
   */
  @Column({ name: 'average_cost', type: 'integer', nullable: true })
  averageCost: number | null;
}
