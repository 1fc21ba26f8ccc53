/**
 * Where this till keeps its secrets (issue 9, section 1; docs/security-requirements.md,
 * "Keychain"): the OS keychain, or, where none is available and an admin opted in, a key file
 * readable only by the app's user. Without either, 2FA enrolment and the mail/SMS settings are
 * refused with KEYCHAIN_UNAVAILABLE.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput } from './common';

/**
 * `keychain`: `os`, the system keychain; `keyFile`, the opted-in key file; `none`, no keychain and
 * no opt-in. `storeKey`, on a store server only (null on a till that keeps its data in its own
 * file): whether this till holds the store key that seals the secrets the tills share (issue 12;
 * docs/security-requirements.md, "Keychain"): `held`; `pending`, no other till has wrapped it for
 * this one yet (it does within seconds of running beside it); `unavailable`, no keychain, or the
 * key wrapped for this till does not open with it.
 */
export const secretsStatusSchema = z.strictObject({
  keychain: z.enum(['os', 'keyFile', 'none']),
  storeKey: z.enum(['held', 'pending', 'unavailable']).nullable(),
});
export type SecretsStatus = z.infer<typeof secretsStatusSchema>;

export const secretsChannels = {
  'secrets:status': defineChannel({
    summary:
      'Where the data-protection key is kept: `os` (system keychain), `keyFile` (the opted-in key file beside the database; Settings shows a standing warning) or `none` (2FA enrolment and mail/SMS settings are refused). On a store server, whether this till holds the store key (`held`, `pending` or `unavailable`; null in a till of its own). Changes nothing.',
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
