import { useState } from 'react';
import type { StaffView } from '../../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useStaffStore } from '../../stores/staff';
import { type Confirmation, confirmationFor, type MemberAction } from './member-actions';

type Dialog =
  | { kind: 'none' }
  | { kind: 'edit'; member: StaffView }
  | { kind: 'role'; member: StaffView }
  | { kind: 'confirm'; action: MemberAction; member: StaffView; confirmation: Confirmation };

/**
 * The dialogs and outcomes of the per-member actions: `start` opens the edit or role dialog,
 * asks for confirmation, or runs the action straight away; results become notifications (a
 * delete that disabled instead shows the main process's explanation).
 */
export function useMemberActions() {
  const store = useStaffStore.getState;
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const { busy, run } = useBusy();
  const close = () => setDialog({ kind: 'none' });

  const perform = (action: MemberAction, member: StaffView) =>
    run(async () => {
      const name = member.displayName;
      try {
        switch (action) {
          case 'disable':
            await store().disable(member.id);
            notifySuccess(`${name} has been disabled and signed out.`);
            break;
          case 'enable':
            await store().enable(member.id);
            notifySuccess(`${name} can sign in again.`);
            break;
          case 'unlock':
            await store().unlock(member.id);
            notifySuccess(`${name} is unlocked and can sign in.`);
            break;
          case 'delete': {
            const outcome = await store().remove(member.id);
            notifySuccess(
              outcome.outcome === 'deleted' ? `${name} has been deleted.` : outcome.message,
            );
            break;
          }
          case 'resetPassword':
            await store().resetPassword(member.id); // The store reveals the temporary password.
            break;
          case 'endSessions': {
            const ended = await store().endSessions(member.id);
            notifySuccess(
              ended === 1
                ? `${name} was signed out of 1 session.`
                : `${name} was signed out of ${ended} sessions.`,
            );
            break;
          }
          default:
            break;
        }
      } catch (error) {
        notifyError(error);
      }
    });

  const start = (action: MemberAction, member: StaffView) => {
    if (action === 'edit' || action === 'role') return setDialog({ kind: action, member });
    const confirmation = confirmationFor(action, member);
    if (confirmation) return setDialog({ kind: 'confirm', action, member, confirmation });
    return void perform(action, member);
  };

  /** Closes the confirmation first, so a password prompt (REAUTH_REQUIRED) is the only dialog. */
  const confirm = () => {
    if (dialog.kind !== 'confirm') return;
    close();
    void perform(dialog.action, dialog.member);
  };

  return { dialog, busy, start, confirm, close };
}
