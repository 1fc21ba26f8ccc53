/** A product. Price in minor units (M1), tax rate in basis points. See shared/contract/products.ts. */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ProductKind } from '../../../shared/contract/products';

@Entity({ name: 'products' })
@Index('UQ_products_sku', ['sku'], { unique: true })
@Index('UQ_products_barcode', ['barcode'], { unique: true })
@Index('IDX_products_search_name', ['searchName'])
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

  /** UTC; set when a sold product was removed (kept for its sale lines). */
  @Column({ name: 'archived_at', type: 'varchar', length: 24, nullable: true })
  archivedAt: string | null;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
