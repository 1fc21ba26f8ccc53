/**
 * What an audit event's target is called now (L1: the screen names people and things, not
 * "staff 3"), for each kind of AUDIT_NAMED_TARGETS: a member's display name, a product's,
 * customer's, category's, supplier's or printer's name, a sale's receipt ("Front-12"), a Z
 * report ("Z Front-3", its till and number), a role's name (its id is text). Looked up for one
 * page or export at a time, one query per kind of target.
 */
import { In, type EntityManager } from 'typeorm';
import { run } from '../db/sql';
import { CustomerEntity } from '../customers/customer.entity';
import { ProductEntity } from '../products/product.entity';
import { SaleEntity } from '../sales/sale.entity';
import { StaffEntity } from '../staff/staff.entity';
import { RoleEntity } from '../staff/role.entity';
import { TillEntity } from '../tills/till.entity';
import type { AuditEventEntity } from './audit-event.entity';

type Target = Pick<AuditEventEntity, 'targetType' | 'targetId'>;

/** `"type:id" → name` for the targets of `rows` that still exist; others are left out. */
export async function targetNames(
  em: EntityManager,
  rows: readonly Target[],
): Promise<Map<string, string>> {
  const ids = new Map<string, number[]>();
  for (const r of rows) {
    const id = Number(r.targetId);
    if (!r.targetType || !Number.isSafeInteger(id) || id <= 0) continue;
    const list = ids.get(r.targetType) ?? [];
    list.push(id);
    ids.set(r.targetType, list);
  }
  const names = new Map<string, string>();
  const put = (type: string, id: number, name: string) => names.set(`${type}:${id}`, name);

  for (const chunk of chunks(ids.get('staff')))
    for (const s of await em
      .getRepository(StaffEntity)
      .find({ select: { id: true, displayName: true }, where: { id: In(chunk) } }))
      put('staff', s.id, s.displayName);
  for (const chunk of chunks(ids.get('product')))
    for (const p of await em
      .getRepository(ProductEntity)
      .find({ select: { id: true, name: true }, where: { id: In(chunk) } }))
      put('product', p.id, p.name);
  for (const chunk of chunks(ids.get('customer')))
    for (const c of await em
      .getRepository(CustomerEntity)
      .find({ select: { id: true, name: true }, where: { id: In(chunk) } }))
      put('customer', c.id, c.name);
  const tills = new Map(
    (await em.getRepository(TillEntity).find({ select: { id: true, name: true } })).map((t) => [
      t.id,
      t.name,
    ]),
  );
  for (const chunk of chunks(ids.get('sale')))
    for (const s of await em.getRepository(SaleEntity).find({
      select: { id: true, tillId: true, receiptNo: true },
      where: { id: In(chunk) },
    }))
      put('sale', s.id, `${tills.get(s.tillId) ?? '?'}-${s.receiptNo}`);
  for (const [type, table] of [
    ['category', 'categories'],
    ['supplier', 'suppliers'],
    ['printer', 'printers'],
  ] as const)
    for (const chunk of chunks(ids.get(type)))
      for (const r of await run<{ id: number | string; name: string }>(
        em,
        `SELECT id, name FROM ${table} WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      ))
        put(type, Number(r.id), r.name);
  for (const chunk of chunks(ids.get('z_report')))
    for (const z of await run<{ id: number | string; till_id: number | string; z_no: number }>(
      em,
      `SELECT id, till_id, z_no FROM z_reports WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    ))
      put('z_report', Number(z.id), `Z ${tills.get(Number(z.till_id)) ?? '?'}-${z.z_no}`);
  if (rows.some((r) => r.targetType === 'role'))
    for (const r of await em.getRepository(RoleEntity).find({ select: { id: true, name: true } }))
      names.set(`role:${r.id}`, r.name);
  return names;
}

/** The name of `row`'s target in `names`, or null. */
export function targetNameOf(names: Map<string, string>, row: Target): string | null {
  return row.targetType && row.targetId
    ? (names.get(`${row.targetType}:${Number(row.targetId)}`) ??
        names.get(`${row.targetType}:${row.targetId}`) ??
        null)
    : null;
}

/** Distinct ids in chunks of 500, well below the bound-parameter limits of SQLite and PostgreSQL. */
function chunks(list: readonly number[] | undefined): number[][] {
  const all = [...new Set(list ?? [])];
  const out: number[][] = [];
  for (let i = 0; i < all.length; i += 500) out.push(all.slice(i, i + 500));
  return out;
}
