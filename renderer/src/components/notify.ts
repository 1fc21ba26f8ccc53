/**
 * Toast notifications for the outcome of an action that has no form to show it in.
 */
import { notifications } from '@mantine/notifications';
import { AppError } from '../../../shared/errors';
import { SESSION_PROBLEM_CODES } from '../api/client';
import { messageFor } from '../api/messages';

/** Shows a short success message. */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000 });
}

/**
 * Shows the human message for a failed action. Says nothing when the member cancelled the
 * password prompt, or when the session problem already moved them to another screen.
 */
export function notifyError(error: unknown, title = 'That did not work'): void {
  if (
    error instanceof AppError &&
    (error.code === 'REAUTH_REQUIRED' || SESSION_PROBLEM_CODES.includes(error.code))
  )
    return;
  notifications.show({ title, message: messageFor(error), color: 'red', autoClose: 8000 });
}
