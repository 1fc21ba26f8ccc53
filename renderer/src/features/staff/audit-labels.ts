/**
 * Human words for audit events (item 16): an action's label ("Signed in", not `auth.login`) and a
 * target's name ("Carl Cashier", "Receipt Front-12", "Setting: time zone"), from the `audit`
 * catalogue. A code this version does not know is shown as it is rather than hidden.
 */
import type { TFunction } from 'i18next';
import type { AuditEventView } from '../../../../shared/contract';
import { AUDIT_NAMED_TARGETS, AUDIT_TARGETS_BY_KEY } from '../../../../shared/contract/audit';
import { i18n } from '../../i18n';

/** What Kassa records of its own accord, with nobody asking: a start, a scheduled backup. */
const AUTOMATIC_ACTIONS: ReadonlySet<string> = new Set([
  'app.start',
  'backup.run',
  'staff.request_expired',
]);

/**
 * Who did it: the member's display name (`names`, by staff id), else the name recorded (a
 * username, or what was typed at a failed sign-in), else "Kassa (automatic)" for what Kassa did
 * of its own accord (a scheduled or end-of-shift backup, an expired access request), else "Nobody
 * signed in" (a call from an unknown window).
 */
export function actorLabel(
  t: TFunction,
  event: AuditEventView,
  names: ReadonlyMap<number, string>,
): string {
  const named = (event.actorId !== null ? names.get(event.actorId) : undefined) ?? event.actorName;
  if (named !== null) return named;
  return AUTOMATIC_ACTIONS.has(event.action) ? t('audit:table.automatic') : t('audit:table.nobody');
}

/** The label of an action code, or the code itself when the catalogue has none. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `audit:actions.${action}`;
  return i18n.exists(key) ? t(key) : action;
}

/**
 * What the event was done to, in words: the target's current name from the core when it has one
 * (AUDIT_NAMED_TARGETS), else its kind and id: "Setting: time_zone", "Till: Back till" for a
 * target kept by its key (AUDIT_TARGETS_BY_KEY), "Staff member #3 (no longer exists)" for a named
 * kind whose row is gone, "Shift #12" for the rest; empty when there is no target.
 */
export function targetLabel(t: TFunction, event: AuditEventView): string {
  const { targetType, targetId, targetName } = event;
  if (!targetType) return '';
  if (targetType === 'sale' && targetName) return t('audit:target.receipt', { name: targetName });
  if (targetName) return targetName;
  const kindKey = `audit:targetType.${targetType}`;
  const kind = i18n.exists(kindKey) ? t(kindKey) : targetType;
  if (!targetId) return kind;
  const form = isOneOf(targetType, AUDIT_TARGETS_BY_KEY)
    ? 'keyed'
    : isOneOf(targetType, AUDIT_NAMED_TARGETS)
      ? 'gone'
      : 'numbered';
  return t(`audit:target.${form}`, { kind, id: targetId });
}

function isOneOf(value: string, list: readonly string[]): boolean {
  return list.includes(value);
}
