/**
 * Human messages for every error code, in one place. The screens never show a raw code or a
 * message from the main process as-is: they look the code up here. The texts are in the `errors`
 * catalogue (renderer/src/i18n/locales/<language>/errors.json); tests/renderer/i18n-catalogues.test.ts
 * fails when a code in shared/errors.ts has no message there.
 */
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import { t } from '../i18n';

/** An object whose properties read the catalogue when read, so they follow the locale. */
function translated<K extends string>(
  keys: readonly K[],
  prefix: string,
): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    Object.defineProperty(out, key, { enumerable: true, get: () => t(`errors:${prefix}.${key}`) });
  }
  return out;
}

/** The human message for each error code, in the current locale (`errors` catalogue). */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = translated(ERROR_CODES, 'codes');

/** Messages for a CONFLICT whose cause is known from the field it concerns. */
export const CONFLICT_FIELD_MESSAGES: Readonly<Record<string, string>> = translated(
  ['username', 'email'],
  'conflict',
);

/** The message to show for any thrown value: an AppError's human message, or the generic one. */
export function messageFor(error: unknown): string {
  if (error instanceof AppError) return ERROR_MESSAGES[error.code];
  return ERROR_MESSAGES.INTERNAL;
}

/** Messages for a code in a particular form, where the general one would mislead. */
export const FIELD_MESSAGES = translated(
  [
    /** INVALID_CREDENTIALS when the only thing typed was the member's own password. */
    'wrongPassword',
    /** INVALID_CREDENTIALS on the change-password form. */
    'wrongCurrentPassword',
    'passwordsDiffer',
    'sameAsCurrent',
  ] as const,
  'field',
);
