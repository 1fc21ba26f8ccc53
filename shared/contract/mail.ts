/**
 * Outgoing e-mail (issue 9, section 4): the SMTP server an admin enters, used for verification
 * codes and "forgot password" codes. Off until configured. The SMTP password is sealed with the
 * data-protection key in the core (docs/security-requirements.md, "Keychain") and never crosses
 * IPC: the renderer only learns whether one is set.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emailSchema, emptyInput, emptyOutput, isCleanText, utcTimestamp } from './common';

/**
 * How the connection is protected: `none` (plain SMTP, a local relay only), `starttls` (RFC 3207,
 * usually port 587; the upgrade is required, never skipped) or `tls` (implicit TLS, RFC 8314,
 * usually port 465).
 */
export const MAIL_TLS_MODES = ['none', 'starttls', 'tls'] as const;
export type MailTlsMode = (typeof MAIL_TLS_MODES)[number];

/** A host name (RFC 1123) or an IP address: 1..253 characters of letters, digits, `.`, `-`, `:`. */
export const mailHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Required')
  .max(253, 'At most 253 characters')
  .regex(/^[a-z0-9.:-]+$/, 'Use a host name like smtp.example.com or an IP address');

export const mailSettingsViewSchema = z.strictObject({
  /** False until an admin saves settings: e-mail features are off. */
  configured: z.boolean(),
  host: z.string(),
  /** 1..65535. */
  port: z.number().int().min(1).max(65_535),
  tls: z.enum(MAIL_TLS_MODES),
  /** The SMTP user name; empty for a server that takes no authentication. */
  user: z.string(),
  /** True when a password is stored (sealed); the password itself never leaves the core. */
  passwordSet: z.boolean(),
  /** The sender address of every message. */
  from: z.string(),
});
export type MailSettingsView = z.infer<typeof mailSettingsViewSchema>;

export const mailChannels = {
  'mail:getSettings': defineChannel({
    summary:
      'Read the SMTP settings (host, port, TLS mode, user, sender, whether a password is set). The password never leaves the core.',
    input: emptyInput,
    output: mailSettingsViewSchema,
    access: 'settings.manage',
  }),
  'mail:updateSettings': defineChannel({
    summary:
      'Save the SMTP settings. `password`: a new password (sealed with the data-protection key, AES-256-GCM), null to remove it, left out to keep the stored one. Errors: KEYCHAIN_UNAVAILABLE (nothing saved). Audited without the password (L1).',
    input: z.strictObject({
      host: mailHostSchema,
      port: z.number().int().min(1).max(65_535),
      tls: z.enum(MAIL_TLS_MODES),
      user: z
        .string()
        .trim()
        .max(254, 'At most 254 characters')
        .refine(isCleanText, 'Contains characters that are not allowed'),
      password: z.string().min(1, 'Required').max(1024, 'Too long').nullable().optional(),
      from: emailSchema,
    }),
    output: mailSettingsViewSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'mail:removeSettings': defineChannel({
    summary:
      'Remove the SMTP settings and the sealed password: e-mail features are off again. Audited.',
    input: emptyInput,
    output: emptyOutput,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'mail:sendTest': defineChannel({
    summary:
      'Send a test message to `to` with the saved settings. Errors: MAIL_NOT_CONFIGURED; MAIL_SEND_FAILED (the server could not be reached or refused; the message says why). Audited.',
    input: z.strictObject({ to: emailSchema }),
    output: z.strictObject({ sentAt: utcTimestamp }),
    access: 'settings.manage',
  }),
} as const;
