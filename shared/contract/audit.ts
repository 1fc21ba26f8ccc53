/** The audit log, read-only over IPC. */
import { z } from 'zod';
import { defineChannel } from './define';
import { idSchema, utcTimestamp } from './common';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const auditEventViewSchema = z.strictObject({
  id: idSchema,
  /** UTC. */
  at: utcTimestamp,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  terminal: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditChannels = {
  'audit:list': defineChannel({
    summary:
      'Newest audit events first, optionally before an id (keyset pagination) or for one staff target.',
    input: z.strictObject({
      limit: z.number().int().min(1).max(200).default(50),
      beforeId: idSchema.optional(),
      staffId: idSchema.optional(),
    }),
    output: z.strictObject({ items: z.array(auditEventViewSchema) }),
    access: 'audit.view',
  }),
} as const;
