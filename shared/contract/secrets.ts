/**
 * Where this till keeps its secrets (issue 9, section 1; docs/security-requirements.md,
 * "Keychain"): the OS keychain, or, where none is available and an admin opted in, a key file
 * readable only by the app's user. Without either, 2FA enrolment and the mail/SMS settings are
 * refused with KEYCHAIN_UNAVAILABLE.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput } from './common';

/** `os`: the system keychain; `keyFile`: the opted-in key file; `none`: no keychain, no opt-in. */
export const secretsStatusSchema = z.strictObject({
  keychain: z.enum(['os', 'keyFile', 'none']),
});
export type SecretsStatus = z.infer<typeof secretsStatusSchema>;

export const secretsChannels = {
  'secrets:status': defineChannel({
    summary:
      'Where the data-protection key is kept: `os` (system keychain), `keyFile` (the opted-in key file beside the database; Settings shows a standing warning) or `none` (2FA enrolment and mail/SMS settings are refused).',
    input: emptyInput,
    output: secretsStatusSchema,
    access: 'settings.manage',
  }),
  'secrets:useKeyFile': defineChannel({
    summary:
      'Opt this till in to keeping the data-protection key in a key file readable only by the app user (mode 0600; a file others can read is refused). Allowed only while no OS keychain is available: CONFLICT when one is, or when already opted in; nothing changes then. Survives restarts (a settings row, one per till on a store server); audited as settings.key_file_opt_in (L1).',
    input: emptyInput,
    output: secretsStatusSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
} as const;
