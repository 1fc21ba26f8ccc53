/** Reads the audit log for the audit screen: newest first, keyset paging by id, filtered (L1). */
import type { EntityManager } from 'typeorm';
import type { AuditEventView, ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { StaffEntity } from '../staff/staff.entity';
import { TillEntity } from '../tills/till.entity';
import type { AuditEventEntity } from './audit-event.entity';
import { filteredAuditQuery } from './audit-filters';
import { targetNameOf, targetNames } from './audit-target-names';

/**
 * One page of audit events, newest first: `limit` rows with id below `beforeId`, narrowed by the
 * filters (audit-filters.ts; business days in `timeZone`), each with its target's current name.
 * Times are UTC ISO-8601. Errors: VALIDATION_FAILED when fromDay is after toDay.
 */
export async function listAuditEvents(
  em: EntityManager,
  input: ChannelParsedInput<'audit:list'>,
  timeZone: string,
): Promise<ChannelOutput<'audit:list'>> {
  const qb = filteredAuditQuery(em, input, timeZone).orderBy('a.id', 'DESC').take(input.limit);
  if (input.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: input.beforeId });
  const rows = await qb.getMany();
  const names = await targetNames(em, rows);
  return { items: rows.map((r) => toAuditView(r, targetNameOf(names, r))) };
}

/** The renderer's view of one row. */
export function toAuditView(r: AuditEventEntity, targetName: string | null): AuditEventView {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetName,
    terminal: r.terminal,
    outcome: r.outcome as AuditEventView['outcome'],
    detail: r.detail,
  };
}

/**
 * The audit filters' choices: every staff member by display name (the actors; a member is never
 * deleted once they acted, so this covers the log), and every till's name (the terminals).
 */
export async function auditFilterOptions(
  em: EntityManager,
): Promise<ChannelOutput<'audit:filterOptions'>> {
  const staff = await em.getRepository(StaffEntity).find({
    select: { id: true, displayName: true },
    order: { displayName: 'ASC', id: 'ASC' },
  });
  const tills = await em
    .getRepository(TillEntity)
    .find({ select: { id: true, name: true }, order: { name: 'ASC' } });
  return {
    actors: staff.map((s) => ({ id: s.id, name: s.displayName })),
    terminals: tills.map((t) => t.name),
  };
}
