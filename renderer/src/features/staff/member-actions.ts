/**
 * The actions an admin can take on a member, which of them apply to a given member, and the
 * confirmation each destructive one asks for.
 */
import type { StaffView } from '../../../../shared/contract';

export type MemberAction =
  'edit' | 'role' | 'disable' | 'enable' | 'unlock' | 'delete' | 'resetPassword' | 'endSessions';

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
  return actions;
}

export const ACTION_LABELS: Record<MemberAction, string> = {
  edit: 'Edit details',
  role: 'Change role',
  disable: 'Disable',
  enable: 'Enable',
  unlock: 'Unlock',
  delete: 'Delete',
  resetPassword: 'Reset password',
  endSessions: 'End sessions',
};

export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  danger: boolean;
}

/** The confirmation an action asks for, or null when it runs straight away. */
export function confirmationFor(action: MemberAction, member: StaffView): Confirmation | null {
  const name = member.displayName;
  switch (action) {
    case 'disable':
      return {
        title: `Disable ${name}?`,
        body: `${name} will be signed out and cannot sign in until someone enables the account again.`,
        confirmLabel: 'Disable',
        danger: true,
      };
    case 'delete':
      return {
        title: `Delete ${name}?`,
        body: `A member with history (sales or audit records) is disabled instead, so the records stay complete.`,
        confirmLabel: 'Delete',
        danger: true,
      };
    case 'resetPassword':
      return {
        title: `Reset ${name}'s password?`,
        body: `Kassa will make a temporary password for you to give to ${name}. It works once, for 10 minutes at most, and ${name} is signed out everywhere.`,
        confirmLabel: 'Reset password',
        danger: false,
      };
    case 'endSessions':
      return {
        title: `Sign ${name} out everywhere?`,
        body: `${name} is signed out on this till and must sign in again.`,
        confirmLabel: 'End sessions',
        danger: false,
      };
    default:
      return null;
  }
}
