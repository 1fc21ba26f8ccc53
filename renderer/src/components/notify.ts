/**
 * Toast notifications for the outcome of an action that has no form to show it in. Mantine's
 * notifications load with the first toast (like their container in App.tsx), so the sign-in
 * screen's JavaScript does not carry them (issue 8, item 23).
 */
import type { NotificationData } from '@mantine/notifications';
import { AppError, SESSION_PROBLEM_CODES } from '../../../shared/errors';
import { messageFor } from '../api/messages';
import { t } from '../i18n';

/** True once a toast was asked for: only then can there be toasts to clear. */
let used = false;

/** Shows `data` once Mantine's notifications module has loaded (at once after the first time). */
function show(data: NotificationData): void {
  used = true;
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(data));
}

/**
 * Closes every toast and drops the queued ones. Called when the till changes hands (sign-out,
 * lock, another member's session), so one member's messages, such as the address a code was sent
 * to, are not shown to the next person at the till.
 */
export function clearToasts(): void {
  if (!used) return;
  void import('@mantine/notifications').then(({ notifications }) => notifications.clean());
}

/** The close button is named, so screen readers and keyboard users can dismiss a toast. */
const closeButtonProps = () => ({ 'aria-label': t('shell:notify.dismiss') });

/** Shows a short success message. */
export function notifySuccess(message: string): void {
  show({
    message,
    color: 'teal',
    autoClose: 4000,
    closeButtonProps: closeButtonProps(),
  });
}

/**
 * Shows the human message for a failed action. Says nothing when the member cancelled the
 * password prompt, or when the session problem already moved them to another screen.
 */
export function notifyError(error: unknown, title = t('shell:notify.failed')): void {
  if (
    error instanceof AppError &&
    (error.code === 'REAUTH_REQUIRED' || SESSION_PROBLEM_CODES.includes(error.code))
  )
    return;
  show({
    title,
    message: messageFor(error),
    color: 'red',
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
  });
}
