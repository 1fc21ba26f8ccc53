/**
 * A sale: header, line items, tenders and void record (D2, D6). Amounts are integers in minor
 * units of `currency` (M1); refunds have negative quantities and amounts. Times are UTC. The
 * migration's triggers make lines, tenders and voids append-only and the header immutable except
 * for its customer, note, and a single completed → voided status change.
 *
 * `bigint` columns come back as strings from PostgreSQL; read them through `toInt`.
 */
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity({ name: 'sales' })
@Index('UQ_sales_uuid', ['uuid'], { unique: true })
@Index('UQ_sales_till_receipt', ['tillId', 'receiptNo'], { unique: true })
@Index('UQ_sales_source_ref', ['source', 'externalRef'], { unique: true })
@Index('IDX_sales_created', ['createdAt', 'id'])
@Index('IDX_sales_staff_created', ['staffId', 'createdAt'])
@Index('IDX_sales_customer_created', ['customerId', 'createdAt'])
@Index('IDX_sales_status_created', ['status', 'createdAt'])
@Index('IDX_sales_refund_of', ['refundOfId'])
@Index('IDX_sales_business_date', ['businessDate'])
@Index('IDX_sales_shift', ['shiftId'])
@Index('IDX_sales_customer_day', ['customerId', 'businessDate'])
export class SaleEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Client-generated (D2). */
  @Column({ type: 'varchar', length: 36 })
  uuid: string;

  @Column({ name: 'till_id', type: 'integer' })
  tillId: number;

  @ManyToOne('TillEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'till_id', foreignKeyConstraintName: 'FK_sales_till' })
  till?: unknown;

  @Column({ name: 'receipt_no', type: 'integer' })
  receiptNo: number;

  @Column({ type: 'varchar', length: 8 })
  kind: 'sale' | 'refund';

  @Column({ type: 'varchar', length: 12 })
  status: 'completed' | 'voided';

  @Column({ name: 'refund_of_id', type: 'integer', nullable: true })
  refundOfId: number | null;

  @ManyToOne('SaleEntity', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refund_of_id', foreignKeyConstraintName: 'FK_sales_refund_of' })
  refundOf?: unknown;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @ManyToOne('StaffEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_sales_staff' })
  staff?: unknown;

  @Column({ name: 'customer_id', type: 'integer', nullable: true })
  customerId: number | null;

  @ManyToOne('CustomerEntity', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'FK_sales_customer' })
  customer?: unknown;

  /** ISO 4217. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'prices_include_tax', type: 'boolean' })
  pricesIncludeTax: boolean;

  @Column({ type: 'bigint' })
  subtotal: number | string;

  @Column({ type: 'bigint' })
  discount: number | string;

  @Column({ type: 'bigint' })
  tax: number | string;

  @Column({ type: 'bigint' })
  total: number | string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 8 })
  source: 'till' | 'import' | 'seed';

  @Column({ name: 'external_ref', type: 'varchar', length: 32, nullable: true })
  externalRef: string | null;

  /** SHA-256 of the checkout request, so a retry with a different cart is refused (CONFLICT). */
  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /**
   * The business day (YYYY-MM-DD) in the store's time zone when the sale was made; fixed then, so
   * a later change of the time-zone setting moves no sale to another day (void rule, day summary).
   * Nullable in the schema only: the trigger `sales_business_date_required` refuses a NULL.
   */
  @Column({ name: 'business_date', type: 'varchar', length: 10, nullable: true })
  businessDate: string;

  /** The shift open on the till when the sale was made (issue 10, section 1); null if none. */
  @Column({ name: 'shift_id', type: 'integer', nullable: true })
  shiftId: number | null;
}

@Entity({ name: 'sale_lines' })
@Index('UQ_sale_lines_sale_line', ['saleId', 'lineNo'], { unique: true })
@Index('IDX_sale_lines_product', ['productId'])
@Index('IDX_sale_lines_refund_of', ['refundOfLineId'])
export class SaleLineEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'sale_id', type: 'integer' })
  saleId: number;

  @ManyToOne('SaleEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sale_id', foreignKeyConstraintName: 'FK_sale_lines_sale' })
  sale?: unknown;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId: number;

  @ManyToOne('ProductEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_sale_lines_product' })
  product?: unknown;

  /** As it was at the time of sale. */
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  /** As it was at the time of sale (source text kept; trimmed only for display). */
  @Column({ type: 'varchar', length: 200 })
  description: string;

  @Column({ name: 'unit_price', type: 'integer' })
  unitPrice: number;

  /** Negative on a refund. */
  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'tax_rate_bps', type: 'integer' })
  taxRateBps: number;

  @Column({ type: 'integer' })
  discount: number;

  @Column({ type: 'integer' })
  tax: number;

  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'refund_of_line_id', type: 'integer', nullable: true })
  refundOfLineId: number | null;

  /**
   * Cost of goods sold, minor units per unit, fixed when the line is written (issue 11, section 3;
   * migration 1790000009500): the product's average cost then, else its last cost; a refund line
   * carries its original line's. Null: unknown, so the line is left out of margin.
   */
  @Column({ name: 'unit_cost', type: 'integer', nullable: true })
  unitCost: number | null;

  @ManyToOne('SaleLineEntity', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refund_of_line_id', foreignKeyConstraintName: 'FK_sale_lines_refund_of' })
  refundOfLine?: unknown;
}

@Entity({ name: 'sale_tenders' })
@Index('IDX_sale_tenders_sale', ['saleId'])
export class SaleTenderEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'sale_id', type: 'integer' })
  saleId: number;

  @ManyToOne('SaleEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sale_id', foreignKeyConstraintName: 'FK_sale_tenders_sale' })
  sale?: unknown;

  @Column({ type: 'varchar', length: 8 })
  type: 'cash' | 'card' | 'other';

  /** Paid towards the total (negative on a refund). */
  @Column({ type: 'bigint' })
  amount: number | string;

  /** Cash only: handed over. */
  @Column({ type: 'bigint', nullable: true })
  tendered: number | string | null;

  /** Cash only: given back. */
  @Column({ name: 'change_due', type: 'bigint', nullable: true })
  changeDue: number | string | null;
}

@Entity({ name: 'sale_voids' })
@Index('IDX_sale_voids_shift', ['shiftId'])
export class SaleVoidEntity {
  @PrimaryColumn({ name: 'sale_id', type: 'integer' })
  saleId: number;

  @ManyToOne('SaleEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sale_id', foreignKeyConstraintName: 'FK_sale_voids_sale' })
  sale?: unknown;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @ManyToOne('StaffEntity', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_sale_voids_staff' })
  staff?: unknown;

  /** UTC. */
  @Column({ name: 'voided_at', type: 'varchar', length: 24 })
  voidedAt: string;

  /** The shift open on the till when the void was made (issue 10, section 1); null if none. */
  @Column({ name: 'shift_id', type: 'integer', nullable: true })
  shiftId: number | null;
}

/** A cart put aside on a till (park/hold). Not money: deleted when resumed or discarded. */
@Entity({ name: 'parked_sales' })
@Index('IDX_parked_sales_till', ['tillId'])
export class ParkedSaleEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'till_id', type: 'integer' })
  tillId: number;

  @ManyToOne('TillEntity', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'till_id', foreignKeyConstraintName: 'FK_parked_sales_till' })
  till?: unknown;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @ManyToOne('StaffEntity', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'FK_parked_sales_staff' })
  staff?: unknown;

  @Column({ type: 'varchar', length: 60 })
  label: string;

  /** The cart as JSON (shared/contract/sales.ts cartSchema); re-validated on resume. */
  @Column({ type: 'varchar', length: 20000 })
  cart: string;

  @Column({ name: 'line_count', type: 'integer' })
  lineCount: number;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}

/** Reads a bigint column as a number (PostgreSQL returns bigint as a string). */
export function toInt(v: number | string | bigint | null): number {
  if (v === null) return 0;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(v)}`);
  return n;
}
