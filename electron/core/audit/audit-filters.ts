/**
 * The audit screen's filters as one query (L1): actor, action, outcome, terminal, business days
 * and staff member, combined with AND, over the indexes of migration 1790000006300 (action,
 * outcome, terminal, at) and the older actor and target indexes. The list and the CSV export
 * share it, so what is shown is what is exported.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { z } from 'zod';
import type { auditFilterFields } from '../../../shared/contract/audit';
import { AppError } from '../../../shared/errors';
import { businessDayRange } from '../sales/local-day';
import { AuditEventEntity } from './audit-event.entity';

type Fields = typeof auditFilterFields;
/** The parsed filter fields of `audit:list` and `audit:exportCsv`. */
export type AuditFilters = { [K in keyof Fields]?: z.output<Fields[K]> };

/**
 * A query over `audit_events` (alias `a`) narrowed by `filters`. Business days are read in
 * `timeZone` (the store's): fromDay's first instant to the instant after toDay, in UTC.
 * Errors: VALIDATION_FAILED (on `fromDay`) when fromDay is after toDay.
 */
export function filteredAuditQuery(
  em: EntityManager,
  filters: AuditFilters,
  timeZone: string,
): SelectQueryBuilder<AuditEventEntity> {
  const qb = em.getRepository(AuditEventEntity).createQueryBuilder('a');
  if (filters.fromDay && filters.toDay && filters.fromDay > filters.toDay) {
    const message = 'The first day is after the last day.';
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'fromDay', message }]);
  }
  if (filters.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filters.actorId });
  if (filters.action) qb.andWhere('a.action = :action', { action: filters.action });
  if (filters.outcome) qb.andWhere('a.outcome = :outcome', { outcome: filters.outcome });
  if (filters.terminal) qb.andWhere('a.terminal = :terminal', { terminal: filters.terminal });
  if (filters.fromDay)
    qb.andWhere('a.at >= :from', {
      from: businessDayRange(filters.fromDay, timeZone).from.toISOString(),
    });
  if (filters.toDay)
    qb.andWhere('a.at < :to', { to: businessDayRange(filters.toDay, timeZone).to.toISOString() });
  if (filters.staffId)
    qb.andWhere("(a.actor_id = :sid OR (a.target_type = 'staff' AND a.target_id = :tid))", {
      sid: filters.staffId,
      tid: String(filters.staffId),
    });
  return qb;
}
