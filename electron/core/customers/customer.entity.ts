/** A customer. Email and phone are optional but unique when given. See shared/contract/customers.ts. */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'customers' })
@Index('UQ_customers_email', ['email'], { unique: true })
@Index('UQ_customers_phone', ['phoneDigits'], { unique: true })
@Index('UQ_customers_external_ref', ['externalRef'], { unique: true })
@Index('IDX_customers_search_name', ['searchName'])
// PostgreSQL only: pg_trgm's GIN index on search_joined, a column a trigger keeps from
// search_text (migration 1790000016000), which TypeORM cannot describe; declared so schema sync
// leaves it alone. The column is not declared: only the trigger and the search use it.
@Index('IDX_customers_joined_trgm', { synchronize: false })
// PostgreSQL only: search_name in the "C" collation then id, and pg_trgm's GIN index on
// search_name (migration 1790000013000).
@Index('IDX_customers_search_name_c', { synchronize: false })
@Index('IDX_customers_name_trgm', { synchronize: false })
export class CustomerEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Lower-case. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** As typed. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** The phone's digits only: what uniqueness and search compare. */
  @Column({ name: 'phone_digits', type: 'varchar', length: 15, nullable: true })
  phoneDigits: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  /** A business customer's company: with `vatNumber`, the sale's receipt is an A4 invoice. */
  @Column({ name: 'company_name', type: 'varchar', length: 120, nullable: true })
  companyName: string | null;

  /** The company's VAT / tax registration number, printed on its invoices. */
  @Column({ name: 'vat_number', type: 'varchar', length: 40, nullable: true })
  vatNumber: string | null;

  /** The invoice address; lines separated by ", " as typed. */
  @Column({ name: 'billing_address', type: 'varchar', length: 300, nullable: true })
  billingAddress: string | null;

  /** The id in the system it was imported from (Online Retail CustomerID). */
  @Column({ name: 'external_ref', type: 'varchar', length: 32, nullable: true })
  externalRef: string | null;

  /** `name` folded for search and prefix ranking. */
  @Column({ name: 'search_name', type: 'varchar', length: 120 })
  searchName: string;

  /** Folded name, email and phone digits in one string; indexed by FTS5 trigram on SQLite. */
  @Column({ name: 'search_text', type: 'varchar', length: 400 })
  searchText: string;

  /** UTC; set when a customer with sales was removed. */
  @Column({ name: 'archived_at', type: 'varchar', length: 24, nullable: true })
  archivedAt: string | null;

  /** UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  /** UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
