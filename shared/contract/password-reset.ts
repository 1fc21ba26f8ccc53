/**
 * Self-service "forgot password" by e-mail (issue 9, section 6; OWASP Forgot Password Cheat
 * Sheet), on only while e-mail is set up. Both channels are public and answer the same whether or
 * not the account exists. The code is 16 characters of Crockford base32 (80 bits), single use,
 * valid 10 minutes, 5 wrong tries, stored hashed. A reset signs nobody in: the member then signs
 * in with the new password, and any second factor, as usual.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyOutput, identifierSchema, passwordSchema } from './common';

/**
 * The reset code as typed or pasted: spaces and dashes dropped, upper-cased, and the letters
 * Crockford base32 reads as digits (I, L → 1; O → 0) folded in.
 */
export const resetCodeSchema = z
  .string()
  .max(64, 'Enter the code from the e-mail')
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0'))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{16}$/, 'Enter the code from the e-mail'));

export const passwordResetChannels = {
  'reset:available': defineChannel({
    summary: 'Whether "forgot password" can be offered on the sign-in screen (e-mail is set up).',
    input: z.strictObject({}),
    output: z.strictObject({ available: z.boolean() }),
    access: 'public',
    activity: false,
  }),
  'reset:request': defineChannel({
    summary:
      'Ask for a reset code by username or e-mail. Always answers the same, in similar time, whether or not an active account matches; the e-mail (if any) is sent in the background. Errors: MAIL_NOT_CONFIGURED only. Audited.',
    input: z.strictObject({ identifier: identifierSchema }),
    output: emptyOutput,
    access: 'public',
  }),
  'reset:complete': defineChannel({
    summary:
      'Set a new password with the e-mailed code (password policy applies). Ends every session of the member, signs nobody in, audits, and e-mails "your password was changed". Errors: CODE_INVALID (also for an unknown account), CODE_EXPIRED, WEAK_PASSWORD, MAIL_NOT_CONFIGURED.',
    input: z.strictObject({
      identifier: identifierSchema,
      code: resetCodeSchema,
      newPassword: passwordSchema,
    }),
    output: emptyOutput,
    access: 'public',
    takesPassword: true,
  }),
} as const;
