/** The audit log, read-only over IPC. */
import { z } from 'zod';
import { defineChannel } from './define';
import { displayText, emptyInput, idSchema, localDateSchema, utcTimestamp } from './common';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/**
 * The actions the core records (L1), for the audit screen's labels and its action filter. A code
 * written by another version still shows (as its code) but cannot be chosen in the filter.
 */
export const AUDIT_ACTIONS = [
  'app.start',
  'setup.create_admin',
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.lockout',
  'auth.reauthenticate',
  'auth.password_change',
  'authz.denied',
  'ipc.forbidden_sender',
  'ipc.validation_failed',
  'staff.request_access',
  'staff.create',
  'staff.update',
  'staff.set_role',
  'staff.approve',
  'staff.reject',
  'staff.disable',
  'staff.enable',
  'staff.unlock',
  'staff.delete',
  'staff.reset_password',
  'staff.end_sessions',
  'settings.update',
  'product.create',
  'product.update',
  'product.archive',
  'product.restore',
  'product.delete',
  'product.import',
  'category.create',
  'category.update',
  'category.archive',
  'customer.create',
  'customer.update',
  'customer.archive',
  'customer.restore',
  'customer.delete',
  'customer.import',
  'sale.complete',
  'sale.override',
  'sale.void',
  'sale.refund',
  'sale.annotate',
  'import.online_retail',
  'audit.export',
  'role.create',
  'role.update',
  'role.delete',
  'auth.totp_challenge',
  'auth.totp_verify',
  'auth.totp_replay',
  'auth.recovery_code_used',
  'auth.totp_enrol_start',
  'auth.totp_enrol',
  'auth.totp_remove',
  'staff.reset_totp',
  'staff.totp_policy',
  'staff.import',
  'pin.set',
  'pin.clear',
  'pin.unlock',
  'pin.switch',
  'pin.disabled',
  'mail.settings_update',
  'mail.settings_remove',
  'mail.test',
  'contacts.code_sent',
  'contacts.verify',
  'contacts.change_email',
  'auth.password_reset_request',
  'auth.password_reset',
  'settings.sms_update',
  'settings.sms_clear',
  'settings.sms_test',
  'profile.update',
  'profile.end_other_sessions',
  'settings.key_file_opt_in',
  'contacts.policy_changed',
  'staff.request_expired',
  'shift.open',
  'shift.cash_movement',
  'shift.no_sale',
  'shift.close',
  'reports.export',
  'receipt.email',
  'printing.printer_save',
  'printing.printer_delete',
  'printing.reprint',
  'backup.run',
  'backup.settings',
  'backup.restore',
  'stock.adjust',
  'stock.reorder_level',
  'stock.count_start',
  'stock.count_post',
  'stock.count_cancel',
  'stock.receive',
  'supplier.create',
  'supplier.update',
  'supplier.archive',
  'purchase_order.create',
  'purchase_order.status',
  'purchase_order.update',
  'store_server.join',
  'store_server.change',
  'store_server.copy',
  'till.retire',
  'cart.takeover',
  'settings.store_set_up',
  'seed.generate',
] as const;

/** One of AUDIT_ACTIONS: what `AuditLog.record` accepts, so each action the core writes is here. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The kinds of thing an audit event is done to (`targetType`; L1), by what its `targetId` holds:
 * - AUDIT_NAMED_TARGETS: a row id the core names when the page is read (`targetName`: a member's
 *   display name, a receipt "Front-12", a Z report "Z Front-3"); no name means the row is gone;
 * - AUDIT_TARGETS_BY_KEY: the thing's own key, readable as it is (a till's name, a backup's file,
 *   an address, a setting's key, a channel, an import's file);
 * - the rest: a row id shown as a number (a shift, a stock take), or no id (a report, the file).
 */
export const AUDIT_NAMED_TARGETS = [
  'staff',
  'product',
  'customer',
  'sale',
  'role',
  'category',
  'supplier',
  'printer',
  'z_report',
] as const;
export const AUDIT_TARGETS_BY_KEY = [
  'till',
  'backup',
  'email',
  'setting',
  'channel',
  'import',
] as const;
export const AUDIT_TARGET_TYPES = [
  ...AUDIT_NAMED_TARGETS,
  ...AUDIT_TARGETS_BY_KEY,
  'shift',
  'purchase_order',
  'stock_count',
  'report',
  'database',
] as const;
/** One of AUDIT_TARGET_TYPES: what `AuditLog.record` accepts as `targetType`. */
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * The audit screen's filters (L1), all optional and combined with AND: who did it (`actorId`),
 * what (`action`), how it ended (`outcome`), on which till (`terminal`, its name), and business
 * days `fromDay`..`toDay` (YYYY-MM-DD in the store time zone, both included; the core turns them
 * into a UTC range). `staffId`: events a member did or that were done to them.
 */
export const auditFilterFields = {
  actorId: idSchema.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  terminal: displayText(64).optional(),
  fromDay: localDateSchema.optional(),
  toDay: localDateSchema.optional(),
  staffId: idSchema.optional(),
};

export const auditEventViewSchema = z.strictObject({
  id: idSchema,
  /** UTC. */
  at: utcTimestamp,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /**
   * What the target is called now, looked up when the page is read, for AUDIT_NAMED_TARGETS: a
   * member's display name, a product's or customer's name, a sale's receipt ("Front-12"), a Z
   * report ("Z Front-3"). Null for other targets, or when the record is gone.
   */
  targetName: z.string().nullable(),
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

/** The most rows one CSV export holds; `truncated` says when the filters matched more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditChannels = {
  'audit:list': defineChannel({
    summary:
      'Newest audit events first, 1..200 per page, keyset pagination (`beforeId`); filtered by actor, action, outcome, terminal, business days fromDay..toDay (store time zone, both included) and staff member (done by or to them). VALIDATION_FAILED when fromDay is after toDay.',
    input: z.strictObject({
      limit: z.number().int().min(1).max(200).default(50),
      beforeId: idSchema.optional(),
      ...auditFilterFields,
    }),
    output: z.strictObject({ items: z.array(auditEventViewSchema) }),
    access: 'audit.view',
  }),
  'audit:filterOptions': defineChannel({
    summary:
      "The choices for the audit screen's filters: every staff member (id and display name, by name) and every till's name.",
    input: emptyInput,
    output: z.strictObject({
      actors: z.array(z.strictObject({ id: idSchema, name: z.string() })),
      terminals: z.array(z.string()),
    }),
    access: 'audit.view',
  }),
  'audit:exportCsv': defineChannel({
    summary:
      'The audit events matching the filters as CSV text (RFC 4180, UTF-8, header row, oldest first, at most 100,000 rows; `truncated` when more matched). Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) get a leading apostrophe (OWASP CSV injection). The export is itself audited (PCI DSS 10.2.1.3). VALIDATION_FAILED when fromDay is after toDay.',
    input: z.strictObject(auditFilterFields),
    output: z.strictObject({
      csv: z.string(),
      rows: z.number().int().nonnegative(),
      truncated: z.boolean(),
    }),
    access: 'audit.view',
    reauth: true,
    writes: true,
  }),
  'audit:verifyChain': defineChannel({
    summary:
      "Run the full check now (L2, D5): SQLite's integrity_check and the whole audit chain against its seal, in a worker thread (joins a check already running). `ok` is false when either fails; a broken chain stays reported (banner, audit screen), a damaged file puts the till in safe mode. The answer is the check's own finding, then `app:status` shows it too.",
    input: emptyInput,
    output: z.strictObject({
      ok: z.boolean(),
      /** `ok`, or integrity_check's first messages. */
      integrity: z.string(),
      auditChain: z.strictObject({
        state: z.enum(['ok', 'unanchored', 'broken']),
        detail: z.string().nullable(),
        /** The event where the chain breaks, or null. */
        brokenAtId: z.number().int().nullable(),
        rowsChecked: z.number().int().nonnegative(),
      }),
      /** UTC, when the check ended. */
      checkedAt: utcTimestamp,
    }),
    access: 'audit.view',
  }),
} as const;
