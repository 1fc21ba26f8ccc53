/**
 * Human words for audit events (item 16): an action's label ("Signed in", not `auth.login`) and a
 * target's name ("Carl Cashier", "Receipt Front-12", "Setting: time zone"), from the `audit`
 * catalogue. A code this version does not know is shown as it is rather than hidden.
 */
import type { TFunction } from 'i18next';
import type { AuditEventView } from '../../../../shared/contract';
import { i18n } from '../../i18n';

/** The label of an action code, or the code itself when the catalogue has none. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `audit:actions.${action}`;
  return i18n.exists(key) ? t(key) : action;
}

/**
 * What the event was done to, in words: the target's current name from the core when it has one,
 * else its kind and id ("Staff member #3", "Setting: time_zone"); empty when there is no target.
 */
export function targetLabel(t: TFunction, event: AuditEventView): string {
  const { targetType, targetId, targetName } = event;
  if (!targetType) return '';
  if (targetType === 'sale' && targetName) return t('audit:target.receipt', { name: targetName });
  if (targetName) return targetName;
  if (targetType === 'channel') return t('audit:target.channel', { id: targetId ?? '' });
  if (targetType === 'setting') return t('audit:target.setting', { id: targetId ?? '' });
  if (targetType === 'import') return t('audit:target.import', { id: targetId ?? '' });
  const kindKey = `audit:targetType.${targetType}`;
  const kind = i18n.exists(kindKey) ? t(kindKey) : targetType;
  return targetId ? t('audit:target.gone', { kind, id: targetId }) : kind;
}
