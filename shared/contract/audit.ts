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

/**
 * The till's integrity as `app:status` reports it (D5, D9, D10, L2):
 * - `safeModeReason`: why the till is in safe mode, for the safe-mode banner; null otherwise;
 * - `auditChain.state`: `ok` (sealed and intact), `unanchored` (no OS keychain, so the chain
 *   cannot be sealed; shown on the audit screen) or `broken` (rewritten, truncated or its seal
 *   forged; a persistent banner for admins);
 * - `lastFullCheck`: the last background integrity_check and whole-chain check (UTC), or null.
 */
export const integrityStatusSchema = z.strictObject({
  safeModeReason: z.string().nullable(),
  auditChain: z.strictObject({
    state: z.enum(['ok', 'unanchored', 'broken']),
    detail: z.string().nullable(),
  }),
  lastFullCheck: z
    .strictObject({ at: utcTimestamp, ok: z.boolean(), detail: z.string().nullable() })
    .nullable(),
});
export type IntegrityStatusView = z.infer<typeof integrityStatusSchema>;

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
