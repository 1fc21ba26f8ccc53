/**
 * Bringing staff from another system (issue 9, section 7): a CSV of members, checked first (a dry
 * run), then written all or nothing. Members with a bcrypt hash from the old system keep their
 * password (stored under the `bcrypt-legacy` scheme, rehashed at their first sign-in, A1, A2);
 * members without one get a temporary password (R1), shown once in the answer.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { utcTimestamp } from './common';
import { importFileFields } from './imports';
import { importReportSchema } from './products';

/** The columns of a staff file, in the order the screen shows them. */
export const STAFF_IMPORT_COLUMNS = 'username,email,display_name,role,password_hash';

export const staffImportReportSchema = z.strictObject({
  ...importReportSchema.shape,
  /**
   * On a commit, one per member imported without a `password_hash`: their temporary password,
   * shown once to the admin and stored only as a hash; single use, valid until
   * `temporaryPasswordsExpireAt` (R1). Empty on a dry run.
   */
  temporaryPasswords: z.array(
    z.strictObject({ username: z.string(), temporaryPassword: z.string() }),
  ),
  /** UTC; when the temporary passwords stop working (10 minutes after the import). Null when none. */
  temporaryPasswordsExpireAt: utcTimestamp.nullable(),
  /** Rows whose member keeps the password of the old system (a bcrypt hash was imported). */
  withPasswordHash: z.number().int().nonnegative(),
});
export type StaffImportReport = z.infer<typeof staffImportReportSchema>;

export const staffImportChannels = {
  'staff:import': defineChannel({
    summary:
      'Import staff from CSV (username,email,display_name,role,password_hash; password_hash optional), sent as base64 bytes (UTF-8 or Windows-1252). `role` is a role id or name from the roles table. `password_hash`: a bcrypt hash of another system ($2a$, $2b$, $2y$, cost 10-31), stored as `bcrypt-legacy` and rehashed at first sign-in (A1, A2); empty gives a temporary password (R1), returned once. Members start `active` or `pending` (`activate`). ALL OR NOTHING: a commit with any refused row (bad field, unknown role, other hash format, a username or email repeated in the file or already taken) writes nothing and answers IMPORT_REJECTED naming the lines; `commit: false` checks and writes nothing. Also IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING. Progress under `jobId` via import:progress.',
    input: z.strictObject({
      ...importFileFields,
      commit: z.boolean(),
      /** True: imported members are active at once; false: pending, each approved by an admin. */
      activate: z.boolean(),
    }),
    output: staffImportReportSchema,
    access: 'staff.manage',
    reauth: true,
    writes: true,
    bulk: true,
  }),
} as const;
