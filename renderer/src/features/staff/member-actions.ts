/**
 * The actions an admin can take on a member, which of them apply to a given member, and the
 * confirmation each destructive one asks for (texts from the `staff` catalogue).
 */
import type { StaffView } from '../../../../shared/contract';
import { t } from '../../i18n';

export type MemberAction =
  | 'edit'
  | 'role'
  | 'disable'
  | 'enable'
  | 'unlock'
  | 'delete'
  | 'resetPassword'
  | 'endSessions'
  | 'resetTwoFactor';

export interface ActionContext {
  /** The signed-in member's own id: they cannot disable or delete themself. */
  selfId: number | null;
}

/** The actions that make sense for `member`, in menu order. */
export function actionsFor(member: StaffView, { selfId }: ActionContext): MemberAction[] {
  const self = member.id === selfId;
  const actions: MemberAction[] = ['edit', 'role'];
  if (member.lockedUntil) actions.push('unlock');
  if (member.status === 'active') actions.push('resetPassword', 'endSessions');
  if (member.status === 'disabled') actions.push('enable');
  if (member.status !== 'disabled' && !self) actions.push('disable');
  if (!self) actions.push('delete');
  // A lost phone: the admin turns the member's 2FA off (with re-authentication); never their own.
  if (member.status === 'active' && !self) actions.push('resetTwoFactor');
  return actions;
}

/** The menu label of an action, in the current language. */
export function actionLabel(action: MemberAction): string {
  return t(`staff:actions.${action}`);
}

export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  danger: boolean;
}

const CONFIRMED: Partial<Record<MemberAction, { danger: boolean }>> = {
  disable: { danger: true },
  delete: { danger: true },
  resetPassword: { danger: false },
  endSessions: { danger: false },
  resetTwoFactor: { danger: false },
};

/** The confirmation an action asks for, or null when it runs straight away. */
export function confirmationFor(action: MemberAction, member: StaffView): Confirmation | null {
  const how = CONFIRMED[action];
  if (!how) return null;
  const name = member.displayName;
  return {
    title: t(`staff:confirm.${action}.title`, { name }),
    body: t(`staff:confirm.${action}.body`, { name }),
    confirmLabel: actionLabel(action),
    danger: how.danger,
  };
}
