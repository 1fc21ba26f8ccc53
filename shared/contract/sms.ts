/**
 * SMS provider settings (issue 9, section 4): the one-time-code provider phone verification uses.
 * The provider's URL and credentials go in and never come out: the renderer sees only whether SMS
 * is configured, the template id and when it was last changed. Stored sealed with the
 * data-protection key (docs/security-requirements.md, "Keychain").
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput, emptyOutput, isCleanText, phoneSchema, utcTimestamp } from './common';

/** A credential or id as the provider issues it: printable ASCII, no spaces, 1..`max`. */
const token = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .regex(/^[\x21-\x7e]+$/, 'Letters, digits and symbols only, no spaces');

/**
 * True for a URL Kassa may send SMS credentials to: https, or http to a loopback host (a local
 * relay, tests); no user info, query or fragment.
 */
export function isAllowedProviderUrl(url: string): boolean {
  const m =
    /^(https?):\/\/([A-Za-z0-9.-]+|\[::1\])(?::(\d{1,5}))?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/.exec(
      url,
    );
  if (!m) return false;
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65_535)) return false;
  if (m[1] === 'https') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(m[2]!.toLowerCase());
}

/** The provider's base URL (see isAllowedProviderUrl). */
export const smsBaseUrlSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(200, 'At most 200 characters')
  .refine(isAllowedProviderUrl, 'Use an https:// address');

export const smsStatusSchema = z.strictObject({
  /** True once an admin saved the provider's settings and this till can read them. */
  configured: z.boolean(),
  /** The provider-side template of the message, or null when not configured. */
  templateId: z.string().nullable(),
  /** When the settings were last saved (UTC), or null. */
  updatedAt: utcTimestamp.nullable(),
  /**
   * True when settings are stored but cannot be opened on this till (the OS keychain is missing
   * or holds another key): enter them again.
   */
  unreadable: z.boolean(),
});
export type SmsStatus = z.infer<typeof smsStatusSchema>;

export const smsChannels = {
  'sms:status': defineChannel({
    summary:
      'Whether SMS codes are configured (and the template id, last change, and whether the stored settings can be opened here). Never the URL or credentials.',
    input: emptyInput,
    output: smsStatusSchema,
    access: 'settings.manage',
  }),
  'sms:save': defineChannel({
    summary:
      'Set the SMS one-time-code provider (EngageLab-style OTP API): base URL (https), API key id and secret, template id. The whole set is replaced; URL and credentials are sealed with the data-protection key (KEYCHAIN_UNAVAILABLE without a keychain, nothing saved). Audited as settings.sms_update, without the values (L1).',
    input: z.strictObject({
      baseUrl: smsBaseUrlSchema,
      keyId: token(100),
      keySecret: token(200),
      templateId: token(100).refine(isCleanText),
    }),
    output: smsStatusSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'sms:clear': defineChannel({
    summary:
      'Remove the SMS provider settings: phone codes can no longer be sent. Audited as settings.sms_clear (L1).',
    input: emptyInput,
    output: smsStatusSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'sms:sendTest': defineChannel({
    summary:
      "Send a one-time code to a phone (read in the store's country, sent in E.164) through the configured provider, to check the settings. SMS_NOT_CONFIGURED, SMS_UNAVAILABLE, SMS_RATE_LIMITED, or VALIDATION_FAILED on `phone` when the provider refuses the number. Audited as settings.sms_test.",
    input: z.strictObject({ phone: phoneSchema }),
    output: emptyOutput,
    access: 'settings.manage',
  }),
} as const;
