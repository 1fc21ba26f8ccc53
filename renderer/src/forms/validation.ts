/**
 * Client-side checks for forms, built from the contract's own field schemas so the renderer and
 * the main process agree on what is valid. The main process still validates everything (F1);
 * these only save a round trip and put the message next to the field straight away.
 *
 * Messages come from the `forms` catalogue: the renderer's own rules carry a catalogue key as
 * their message; the contract's rules (English, shared with the core) are translated by the kind
 * of problem zod reports (too short, too long, wrong format) and the field.
 */
import { z } from 'zod';
import { displayText, emailSchema, usernameSchema } from '../../../shared/contract';
import { i18n, t } from '../i18n';

/**
 * The password policy's length rule (A3: 8 to 128 characters). Whether a password is too common is
 * only known to the main process, which answers WEAK_PASSWORD.
 */
export const newPasswordSchema = z
  .string()
  .refine((s) => [...s.normalize('NFKC')].length >= 8, 'forms:password.tooShort')
  .refine((s) => [...s.normalize('NFKC')].length <= 128, 'forms:password.tooLong');

/** A password typed to prove who you are: only required. */
export const currentPasswordSchema = z.string().min(1, 'forms:password.required');

/** Fields of a new member (set-up and access requests). */
export const newMemberSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  displayName: displayText(80),
  password: newPasswordSchema,
});

/** Fields of a member an admin creates or edits (no password: Kassa issues a temporary one). */
export const memberDetailsSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  displayName: displayText(80),
});

/**
 * The contract's English field messages (shared/contract/common.ts, shared with the core) and
 * their catalogue keys, so the same rule reads in the member's language.
 */
const CONTRACT_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/^Required$/, 'forms:required'],
  [/^At least (\d+) characters$/, 'forms:tooShort'],
  [/^At most (\d+) characters$/, 'forms:tooLong'],
  [/^Too long$/, 'forms:tooLongPlain'],
  [/^Contains characters that are not allowed$/, 'forms:badCharacters'],
  [/^Use letters, digits, dot, dash or underscore$/, 'forms:invalid.username'],
  [/^Enter a valid email address$/, 'forms:invalid.email'],
];

/**
 * The message for one zod issue, in the current language: a catalogue key (the renderer's own
 * rules) is looked up, a contract message is translated, any other text is kept as written.
 */
export function issueMessage(message: string): string {
  if (/^[a-z]+:[\w.]+$/.test(message) && i18n.exists(message)) return t(message);
  for (const [pattern, key] of CONTRACT_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return t(key, { count: Number(m[1] ?? 0) });
  }
  return message;
}

/**
 * A `validate` function for @mantine/form: the first message per top-level field, or no errors.
 */
export function zodValidator<T>(schema: z.ZodType) {
  return (values: T): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key && !(key in errors)) errors[key] = issueMessage(issue.message);
    }
    return errors;
  };
}
