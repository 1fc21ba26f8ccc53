/**
 * Client-side checks for forms, built from the contract's own field schemas so the renderer and
 * the main process agree on what is valid. The main process still validates everything (F1);
 * these only save a round trip and put the message next to the field straight away.
 */
import { z } from 'zod';
import { displayText, emailSchema, usernameSchema } from '../../../shared/contract';

/**
 * The password policy's length rule (A3: 8 to 128 characters). Whether a password is too common is
 * only known to the main process, which answers WEAK_PASSWORD.
 */
export const newPasswordSchema = z
  .string()
  .refine((s) => [...s.normalize('NFKC')].length >= 8, 'Use at least 8 characters')
  .refine((s) => [...s.normalize('NFKC')].length <= 128, 'Use at most 128 characters');

/** A password typed to prove who you are: only required. */
export const currentPasswordSchema = z.string().min(1, 'Enter your password');

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

export const loginSchema = z.object({
  identifier: z.string().trim().min(1, 'Enter your username or email'),
  password: currentPasswordSchema,
});

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
      if (key && !(key in errors)) errors[key] = issue.message;
    }
    return errors;
  };
}
