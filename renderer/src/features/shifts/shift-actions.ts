/**
 * What the shift menu offers a member: each action only with the permission its channel needs
 * (the core checks again): paid in/out `cash.manage`, no sale `cash.noSale`, the X report
 * `reports.view` (so a cashier's close stays a blind count), close `shifts.close`.
 */
import type { SessionInfo } from '../../../../shared/contract';
import type { Permission } from '../../../../shared/permissions';
import { can } from '../../stores/session';

export type ShiftAction = 'paidIn' | 'paidOut' | 'noSale' | 'xReport' | 'close';
export type ShiftDialog = ShiftAction | 'open';

const NEEDS: Record<ShiftAction, Permission> = {
  paidIn: 'cash.manage',
  paidOut: 'cash.manage',
  noSale: 'cash.noSale',
  xReport: 'reports.view',
  close: 'shifts.close',
};

/** The shift menu's actions `session` may use, in menu order. */
export function shiftActions(session: SessionInfo | null): ShiftAction[] {
  return (Object.keys(NEEDS) as ShiftAction[]).filter((a) => can(session, NEEDS[a]));
}
