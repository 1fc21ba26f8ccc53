/** Reads the audit log for the audit screen: newest first, keyset paging by id (L1). */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { AuditEventEntity } from './audit-event.entity';

/**
 * One page of audit events, newest first: `limit` rows with id below `beforeId`, optionally only
 * those a member did or that were done to them (`staffId`). Times are UTC ISO-8601.
 */
export async function listAuditEvents(
  em: EntityManager,
  input: ChannelParsedInput<'audit:list'>,
): Promise<ChannelOutput<'audit:list'>> {
  const qb = em
    .getRepository(AuditEventEntity)
    .createQueryBuilder('a')
    .orderBy('a.id', 'DESC')
    .take(input.limit);
  if (input.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: input.beforeId });
  if (input.staffId)
    qb.andWhere("(a.actor_id = :sid OR (a.target_type = 'staff' AND a.target_id = :tid))", {
      sid: input.staffId,
      tid: String(input.staffId),
    });
  const rows = await qb.getMany();
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      terminal: r.terminal,
      outcome: r.outcome as 'success' | 'failure' | 'denied',
      detail: r.detail,
    })),
  };
}
