/**
 * Password policy (OWASP ASVS 5.0 6.2.1, 6.2.4, 6.2.5): 8 to 128 characters after Unicode NFKC
 * normalisation, 64 must be accepted, no composition rules, and none of the ~49k most common
 * passwords (the zxcvbn-ts common list). Returns a human message, or null when acceptable.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  const list =
    (dictionary as Record<string, readonly string[] | undefined>)['passwords-common'] ?? [];
  common ??= new Set(list.map((p) => p.toLowerCase()));
  return common;
}

/** NFKC, the same way when setting and when verifying (A3). */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function passwordProblem(
  password: string,
  context: { username?: string; email?: string } = {},
): string | null {
  const p = normalisePassword(password);
  const length = [...p].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = p.toLowerCase();
  if (commonPasswords().has(lower))
    return 'This password is too common. Choose something harder to guess.';
  if (context.username && lower === context.username.toLowerCase())
    return 'The password must not be your username.';
  if (context.email && lower === context.email.toLowerCase())
    return 'The password must not be your email address.';
  return null;
}
