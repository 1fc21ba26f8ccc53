/**
 * Suppliers (issue 11, section 3): create, update, archive, list. Never deleted: purchase orders
 * name them. Every change is audited in its own transaction (L1, D2). `stock.manage`.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput } from '../../../shared/contract';
import type { SupplierView } from '../../../shared/contract/receiving';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Clock } from '../types';

interface SupplierRow {
  id: number;
  name: string;
  contact: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  archived_at: string | null;
}

const COLUMNS = 'id, name, contact, email, phone, notes, archived_at';

function view(r: SupplierRow): SupplierView {
  return {
    id: Number(r.id),
    name: r.name,
    contact: r.contact,
    email: r.email,
    phone: r.phone,
    notes: r.notes,
    archived: r.archived_at !== null,
  };
}

/** The supplier `id` through `em`; NOT_FOUND. */
export async function supplierRow(em: EntityManager, id: number): Promise<SupplierRow> {
  const rows = await run<SupplierRow>(em, `SELECT ${COLUMNS} FROM suppliers WHERE id = ?`, [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'That supplier does not exist.');
  return rows[0];
}

/** The supplier `id`, refused (VALIDATION_FAILED at `path`) when archived; NOT_FOUND. */
export async function activeSupplier(
  em: EntityManager,
  id: number,
  path: string,
): Promise<SupplierRow> {
  const s = await supplierRow(em, id);
  if (s.archived_at !== null)
    throw new AppError('VALIDATION_FAILED', `${s.name} is archived.`, [
      { path, message: 'archived supplier' },
    ]);
  return s;
}

type Fields = ChannelParsedInput<'suppliers:create'>;

export class SupplierService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** `suppliers:list`: by name (case-insensitive), then id. */
  async list(input: ChannelParsedInput<'suppliers:list'>): Promise<{ items: SupplierView[] }> {
    const rows = await run<SupplierRow>(
      this.db.manager,
      `SELECT ${COLUMNS} FROM suppliers ${input.includeArchived ? '' : 'WHERE archived_at IS NULL'}
       ORDER BY LOWER(name), id`,
    );
    return { items: rows.map(view) };
  }

  /** `suppliers:create`, audited (supplier.create). */
  async create(actor: Session, input: Fields): Promise<SupplierView> {
    return this.db.write(async (em) => {
      const rows = await run<{ id: number }>(
        em,
        `INSERT INTO suppliers (name, contact, email, phone, notes, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        [input.name, input.contact, input.email, input.phone, input.notes, this.now()],
      );
      const id = Number(rows[0]!.id);
      await this.record(em, actor, 'supplier.create', id, input.name);
      return view({ id, ...input, archived_at: null });
    });
  }

  /** `suppliers:update`: NOT_FOUND; audited (supplier.update) when something changes. */
  async update(
    actor: Session,
    input: ChannelParsedInput<'suppliers:update'>,
  ): Promise<SupplierView> {
    return this.db.write(async (em) => {
      const s = await supplierRow(em, input.id);
      const fields = ['name', 'contact', 'email', 'phone', 'notes'] as const;
      const changed = fields.filter((f) => s[f] !== input[f]);
      if (changed.length === 0) return view(s);
      await run(
        em,
        'UPDATE suppliers SET name = ?, contact = ?, email = ?, phone = ?, notes = ? WHERE id = ?',
        [input.name, input.contact, input.email, input.phone, input.notes, s.id],
      );
      await this.record(em, actor, 'supplier.update', s.id, `${input.name}; ${changed.join(', ')}`);
      return view({ ...s, ...input, id: Number(s.id) });
    });
  }

  /** `suppliers:archive`: NOT_FOUND; CONFLICT with an open order; audited (supplier.archive). */
  async archive(actor: Session, id: number): Promise<SupplierView> {
    return this.db.write(async (em) => {
      const s = await supplierRow(em, id);
      if (s.archived_at !== null) return view(s);
      const open = await run(
        em,
        `SELECT 1 FROM purchase_orders WHERE supplier_id = ?
           AND status IN ('draft', 'ordered', 'partial') LIMIT 1`,
        [s.id],
      );
      if (open.length > 0)
        throw new AppError(
          'CONFLICT',
          `${s.name} has open purchase orders: receive or cancel them first.`,
        );
      const at = this.now();
      await run(em, 'UPDATE suppliers SET archived_at = ? WHERE id = ?', [at, s.id]);
      await this.record(em, actor, 'supplier.archive', s.id, s.name);
      return view({ ...s, archived_at: at });
    });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private record(
    em: EntityManager,
    actor: Session,
    action: 'supplier.create' | 'supplier.update' | 'supplier.archive',
    id: number,
    detail: string,
  ): Promise<unknown> {
    return this.audit.record(em, {
      action,
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'supplier',
      targetId: id,
      detail,
    });
  }
}
