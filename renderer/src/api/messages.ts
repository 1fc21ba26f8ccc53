/**
 * Human messages for every error code, in one place. The screens never show a raw code or a
 * message from the main process as-is: they look the code up here. The Record type makes the
 * compiler fail when a code is added to shared/errors.ts without a message here.
 */
import { AppError, type ErrorCode } from '../../../shared/errors';

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Some details are missing or not valid. Check the highlighted fields.',
  UNKNOWN_CHANNEL: 'This action is not available in this version of Kassa.',
  FORBIDDEN_SENDER: 'This request was refused for security reasons. Restart Kassa and try again.',
  UNAUTHENTICATED: 'You are signed out. Please sign in again.',
  SESSION_LOCKED: 'The till is locked. Enter your password to continue.',
  SESSION_EXPIRED: 'Your session has ended after 12 hours. Please sign in again.',
  FORBIDDEN: 'You do not have permission to do that. Ask a manager or an admin.',
  REAUTH_REQUIRED: 'Enter your password again to continue.',
  PASSWORD_CHANGE_REQUIRED: 'Choose a new password before you continue.',
  INVALID_CREDENTIALS: 'The username, email or password is not right. Check them and try again.',
  ACCOUNT_LOCKED:
    'This account is locked after too many failed sign-ins. Try again in 30 minutes, or ask an admin to unlock it.',
  ACCOUNT_PENDING: 'Your access request is waiting for an admin to approve it.',
  ACCOUNT_REJECTED:
    'Your access request was declined. Ask an admin if you think this is a mistake.',
  ACCOUNT_DISABLED: 'This account has been disabled. Ask an admin to enable it again.',
  TEMPORARY_PASSWORD_EXPIRED:
    'Your temporary password has expired. Ask an admin to reset your password again.',
  WEAK_PASSWORD:
    'Choose a stronger password: 8 to 128 characters, and not one of the most common passwords.',
  SETUP_ALREADY_DONE: 'Kassa is already set up on this till. Sign in instead.',
  SETUP_REQUIRED: 'Kassa has not been set up yet. Create the first admin to start.',
  NOT_FOUND: 'That record no longer exists. Refresh and try again.',
  CONFLICT:
    'That is already in use (a username, email, phone, SKU or barcode), or the record was changed meanwhile. Refresh and try again.',
  LAST_ADMIN:
    'This would leave the till without an active admin. Make someone else an admin first.',
  SELF_ACTION: 'You cannot do this to your own account. Ask another admin.',
  SAFE_MODE:
    'The database failed its integrity check, so Kassa is running in safe mode. Restore a backup to continue.',
  KEYCHAIN_UNAVAILABLE:
    'The system keychain is not available on this computer, so this feature is turned off.',
  TENDER_SHORT: 'The payments do not cover the amount due.',
  TENDER_INVALID:
    'Card and other payments cannot be more than the amount due; change is given only in cash.',
  PRODUCT_UNAVAILABLE: 'That product is not for sale at the moment.',
  OVERRIDE_REQUIRED:
    'This needs a manager: a discount above the store limit, or a price typed at the till.',
  REFUND_LIMIT: 'That is more than can still be refunded on this sale.',
  VOID_NOT_ALLOWED: 'This sale can no longer be voided; use a refund instead.',
  SALE_VOIDED: 'This sale was voided, so its customer and note can no longer be changed.',
  IMPORT_REJECTED: 'The file could not be imported. Nothing was changed.',
  STORAGE_FAILED:
    "The sale was NOT saved: the till's disk is full (or cannot be written). Free some space or call for help; nothing was recorded.",
  BUSY: 'The database is busy (another till or program is writing). Nothing was saved; try again in a moment.',
  IMPORT_TOO_LARGE:
    'This file is larger than 50 MB, the most Kassa imports at once. Split it into smaller files. Nothing was changed.',
  IMPORT_TOO_MANY_ROWS:
    'This file has more than 200,000 rows, the most Kassa imports at once. Split it into smaller files. Nothing was changed.',
  IMPORT_ENCODING:
    'The text in this file is not in a format Kassa can read. Save it from your spreadsheet as “CSV UTF-8” and try again. Nothing was changed.',
  INTERNAL: 'Something went wrong. Please try again; if it keeps happening, restart Kassa.',
};

/** Messages for a CONFLICT whose cause is known from the field it concerns. */
export const CONFLICT_FIELD_MESSAGES: Record<string, string> = {
  username: 'This username is already taken.',
  email: 'This email is already in use.',
};

/** The message to show for any thrown value: an AppError's human message, or the generic one. */
export function messageFor(error: unknown): string {
  if (error instanceof AppError) return ERROR_MESSAGES[error.code];
  return ERROR_MESSAGES.INTERNAL;
}

/** Messages for a code in a particular form, where the general one would mislead. */
export const FIELD_MESSAGES = {
  /** INVALID_CREDENTIALS when the only thing typed was the member's own password. */
  wrongPassword: 'That password is not right. Try again.',
  /** INVALID_CREDENTIALS on the change-password form. */
  wrongCurrentPassword: 'That is not your current password.',
  passwordsDiffer: 'The two new passwords are not the same.',
  sameAsCurrent: 'Choose a password different from your current one.',
} as const;
