import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
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
  const { t } = useTranslation('staff');
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
            notifySuccess(t('done.disable', { name }));
            break;
          case 'enable':
            await store().enable(member.id);
            notifySuccess(t('done.enable', { name }));
            break;
          case 'unlock':
            await store().unlock(member.id);
            notifySuccess(t('done.unlock', { name }));
            break;
          case 'delete': {
            const outcome = await store().remove(member.id);
            notifySuccess(
              t(outcome.outcome === 'deleted' ? 'done.deleted' : 'done.deleteDisabled', { name }),
            );
            break;
          }
          case 'resetPassword':
            await store().resetPassword(member.id); // The store reveals the temporary password.
            break;
          case 'endSessions': {
            const ended = await store().endSessions(member.id);
            // "had no open sessions" rather than "was signed out of 0 sessions" (item 15).
            notifySuccess(
              ended === 0
                ? t('done.noSessions', { name })
                : t('done.endSessions', { name, count: ended }),
            );
            break;
          }
          case 'resetTwoFactor':
            await call('twoFactor:reset', { staffId: member.id });
            notifySuccess(t('done.resetTwoFactor', { name }));
            break;
          default:
            break;
        }
      } catch (error) {
        if (action === 'resetTwoFactor' && (error as AppError).code === 'CONFLICT')
          notifySuccess(t('done.resetTwoFactorNone', { name }));
        else notifyError(error);
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
