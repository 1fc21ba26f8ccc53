/**
 * Customers: ranked search, the customer page (stats + recent sales), create/update, remove
 * (delete if no sales, else archive), restore, and CSV import. Every write is audited (L1) and runs through the write queue.
 * See shared/contract/customers.ts for shapes and error codes. Times are UTC ISO-8601; amounts in
 * the stats are minor units.
 *
 * Audit rows name the fields that changed, never their values: the audit log is append-only, so
 * personal data written there could never be erased.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { CustomerView } from '../../../shared/contract/customers';
import { AppError, type ValidationIssue } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { importCustomers } from '../csv/customer-import';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { ImportJob } from '../imports/import-jobs';
import type { SaleQueries } from '../sales/sale-queries';
import type { Clock } from '../types';
import { CustomerEntity } from './customer.entity';
import { searchCustomers } from './customer-search';
import { customerSearchColumns } from './search-columns';
import { readStoreCountry } from './store-country';

const FIELD_NAMES = [
  'name',
  'email',
  'phone',
  'country',
  'notes',
  'companyName',
  'vatNumber',
  'billingAddress',
] as const;

/** The invoice details as stored (issue 10, section 3); blanks are null. */
function invoiceColumns(f: ChannelParsedInput<'customers:create'>) {
  return { companyName: f.companyName, vatNumber: f.vatNumber, billingAddress: f.billingAddress };
}

export function toCustomerView(c: CustomerEntity): CustomerView {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    country: c.country,
    notes: c.notes,
    externalRef: c.externalRef,
    companyName: c.companyName,
    vatNumber: c.vatNumber,
    billingAddress: c.billingAddress,
    archived: c.archivedAt !== null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export class CustomerService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly sales: SaleQueries,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /**
   * A page of customers. Empty search: by name. Otherwise ranked exact email or phone digits,
   * then name prefix, then a word of the name starting with the query, then anywhere in name,
   * email or phone digits; archived customers only with `includeArchived`. See customer-search.ts.
   */
  search(
    input: ChannelParsedInput<'customers:search'>,
  ): Promise<ChannelOutput<'customers:search'>> {
    return searchCustomers(this.db.manager, input);
  }

  /** The customer, their totals and their 50 most recent sales (newest first). Errors: NOT_FOUND. */
  async get(id: number): Promise<ChannelOutput<'customers:get'>> {
    const customer = toCustomerView(await this.find(this.db.manager, id));
    const stats = await this.sales.customerStats(id);
    const recent = await this.sales.list({ customerId: id, limit: 50 });
    return { customer, stats, recentSales: recent.items };
  }

  private async find(em: EntityManager, id: number): Promise<CustomerEntity> {
    const c = await em.getRepository(CustomerEntity).findOneBy({ id });
    if (!c) throw new AppError('NOT_FOUND', 'That customer does not exist.');
    return c;
  }

  /**
   * CONFLICT, naming the field(s), when another customer has this email or phone. Phones compare
   * in E.164 (`phoneDigits`), so "07700 900123" and "+44 7700 900123" are the same number.
   */
  private async assertUnique(
    em: EntityManager,
    f: { email: string | null; phoneDigits: string | null },
    exceptId?: number,
  ): Promise<void> {
    if (f.email === null && f.phoneDigits === null) return;
    const hits = await run<{ id: number; email: string | null; phone_digits: string | null }>(
      em,
      'SELECT id, email, phone_digits FROM customers WHERE email = ? OR phone_digits = ?',
      [f.email, f.phoneDigits],
    );
    const others = hits.filter((h) => Number(h.id) !== exceptId);
    const issues: ValidationIssue[] = [];
    if (f.email !== null && others.some((h) => h.email === f.email))
      issues.push({ path: 'email', message: 'This email address is already used by a customer.' });
    if (f.phoneDigits !== null && others.some((h) => h.phone_digits === f.phoneDigits))
      issues.push({ path: 'phone', message: 'This phone number is already used by a customer.' });
    if (issues.length > 0)
      throw new AppError('CONFLICT', issues.map((i) => i.message).join(' '), issues);
  }

  private actor(actor: Session, id: number | null) {
    return {
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'customer' as const,
      targetId: id,
    };
  }

  /**
   * Creates a customer (audited `customer.create`), the phone stored in E.164 read in the store's
   * country (store-country.ts). Errors: CONFLICT (issues on `email`/`phone`; nothing written).
   */
  async create(
    actor: Session,
    input: ChannelParsedInput<'customers:create'>,
  ): Promise<ChannelOutput<'customers:create'>> {
    return this.db.write(async (em) => {
      const cols = {
        ...customerSearchColumns(input, await readStoreCountry(em)),
        ...invoiceColumns(input),
      };
      await this.assertUnique(em, cols);
      const now = this.now();
      const repo = em.getRepository(CustomerEntity);
      const saved = await repo.save(
        repo.create({
          ...cols,
          externalRef: null,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(em, {
        ...this.actor(actor, saved.id),
        action: 'customer.create',
        outcome: 'success',
        detail: `with ${FIELD_NAMES.filter((k) => input[k] !== null).join(', ')}`,
      });
      return toCustomerView(await this.find(em, saved.id));
    });
  }

  /**
   * Replaces a customer's fields (audited `customer.update`, naming the changed fields).
   * Errors: NOT_FOUND, CONFLICT (issues on `email`/`phone`).
   */
  async update(
    actor: Session,
    input: ChannelParsedInput<'customers:update'>,
  ): Promise<ChannelOutput<'customers:update'>> {
    const { id, ...fields } = input;
    return this.db.write(async (em) => {
      const cols = {
        ...customerSearchColumns(fields, await readStoreCountry(em)),
        ...invoiceColumns(fields),
      };
      const before = await this.find(em, id);
      await this.assertUnique(em, cols, id);
      const changed = FIELD_NAMES.filter((k) => before[k] !== cols[k]);
      await em.getRepository(CustomerEntity).update(id, { ...cols, updatedAt: this.now() });
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'customer.update',
        outcome: 'success',
        detail: changed.length ? `changed ${changed.join(', ')}` : 'no changes',
      });
      return toCustomerView(await this.find(em, id));
    });
  }

  /**
   * Deletes a customer no sale references (`deleted`, audited `customer.delete`); archives one
   * with sales (`archived`, audited `customer.archive`). Errors: NOT_FOUND.
   */
  async remove(actor: Session, id: number): Promise<ChannelOutput<'customers:remove'>> {
    return this.db.write(async (em) => {
      const c = await this.find(em, id);
      const hasSales = await run(em, 'SELECT 1 AS x FROM sales WHERE customer_id = ? LIMIT 1', [
        id,
      ]);
      if (hasSales.length === 0) {
        await em.getRepository(CustomerEntity).delete(id);
        await this.audit.record(em, {
          ...this.actor(actor, id),
          action: 'customer.delete',
          outcome: 'success',
          detail: 'no sales: deleted',
        });
        return { outcome: 'deleted' as const, customer: toCustomerView(c) };
      }
      const now = this.now();
      await em
        .getRepository(CustomerEntity)
        .update(id, { archivedAt: c.archivedAt ?? now, updatedAt: now });
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'customer.archive',
        outcome: 'success',
        detail: 'has sales: archived instead of deleted',
      });
      return { outcome: 'archived' as const, customer: toCustomerView(await this.find(em, id)) };
    });
  }

  /** Brings an archived customer back (audited `customer.restore`). Errors: NOT_FOUND, CONFLICT when not archived. */
  async restore(actor: Session, id: number): Promise<ChannelOutput<'customers:restore'>> {
    return this.db.write(async (em) => {
      const c = await this.find(em, id);
      if (c.archivedAt === null) throw new AppError('CONFLICT', `${c.name} is not archived.`);
      await em
        .getRepository(CustomerEntity)
        .update(id, { archivedAt: null, updatedAt: this.now() });
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'customer.restore',
        outcome: 'success',
      });
      return toCustomerView(await this.find(em, id));
    });
  }

  /**
   * Imports customers from CSV as `job` (needs data.import, F3): see ../csv/customer-import.ts.
   * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED.
   */
  importCsv(
    actor: Session,
    input: ChannelParsedInput<'customers:import'>,
    job: ImportJob,
  ): Promise<ChannelOutput<'customers:import'>> {
    return importCustomers(
      { db: this.db, audit: this.audit, clock: this.clock },
      actor,
      input,
      job,
    );
  }
}
