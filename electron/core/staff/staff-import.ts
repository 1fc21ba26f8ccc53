/**
 * The staff CSV import (staff:import; staff.manage and the password again, S3; issue 9, section 7).
 *
 * Columns `username,email,display_name,role,password_hash` (any order, case-insensitive;
 * `password_hash` optional). Each row is checked like `staff:create` (the contract's username,
 * email and display-name rules), its role is looked up in the `roles` table by id or by name
 * (case-insensitive: roles are rows that admins edit, never a list in code), and its hash must be
 * a bcrypt hash of another system that Kassa takes (see auth/legacy-bcrypt.ts). A username or email
 * repeated in the file or already used by a member refuses the row.
 *
 * All or nothing: a dry run reports every refused row with its line and reason; a commit with any
 * refused row writes nothing (IMPORT_REJECTED). A commit writes every member in one transaction,
 * `active` or `pending` as the admin chose, each with a `staff.create` audit row (detail
 * "imported") and one `staff.import` row for the file (L1). A member with a hash keeps the old
 * system's password (`bcrypt-legacy:`, upgraded at the first sign-in, A1); one without gets a
 * temporary password (R1: 130 bits, hashed, single use, 10 minutes, must be changed), returned
 * once. Hashing the temporary passwords happens inside the write transaction (about 0.3 s each
 * in the bcrypt worker, so the event loop keeps turning), so other writes wait meanwhile.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelParsedInput } from '../../../shared/contract';
import { displayText, emailSchema, usernameSchema } from '../../../shared/contract/common';
import type { StaffImportReport } from '../../../shared/contract/staff-import';
import type { RoleId } from '../../../shared/permissions';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import { legacyHashProblem, legacyStored } from '../auth/legacy-bcrypt';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Session } from '../auth/sessions';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_MINUTES } from '../auth/temporary-password';
import { type CsvImportSpec, reasonFromIssues, runCsvImport } from '../csv/csv-import';
import { FirstLines } from '../csv/first-lines';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { addMinutes } from '../db/time';
import type { ImportJob } from '../imports/import-jobs';
import type { Clock } from '../types';

const CSV_REQUIRED = ['username', 'email', 'display_name', 'role'] as const;
const CSV_OPTIONAL = ['password_hash'] as const;

const rowSchema = z.strictObject({
  username: usernameSchema,
  email: emailSchema,
  display_name: displayText(80),
  role: z.string().trim().min(1, 'Required').max(64, 'At most 64 characters'),
  password_hash: z.string().trim().max(200, 'At most 200 characters'),
});

export interface StaffImportDeps {
  db: Database;
  audit: AuditLog;
  auth: AuthService;
  hasher: PasswordHasher;
  clock: Clock;
}

interface Member {
  username: string;
  email: string;
  displayName: string;
  roleId: string;
  /** `bcrypt-legacy:<hash>`, or null for a temporary password. */
  legacyHash: string | null;
}

/** The roles table by lower-cased id and by lower-cased name (a name may be shared: ambiguous). */
async function readRoles(em: EntityManager) {
  const rows = await run<{ id: string; name: string }>(em, 'SELECT id, name FROM roles');
  const byId = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const r of rows) {
    byId.set(r.id.toLowerCase(), r.id);
    const key = r.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), r.id]);
  }
  return (text: string): string | { reason: string } => {
    const key = text.toLowerCase();
    const id = byId.get(key);
    if (id) return id;
    const named = byName.get(key) ?? [];
    if (named.length === 1) return named[0]!;
    if (named.length > 1)
      return { reason: `role: "${text}" names several roles; use the role id instead.` };
    return { reason: `role: no role has the id or name "${text}".` };
  };
}

/** Which of `values` a member already uses as `column`. */
async function taken(
  em: EntityManager,
  column: 'username' | 'email',
  values: string[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await run<{ v: string }>(
    em,
    `SELECT ${column} AS v FROM staff WHERE ${column} IN (${values.map(() => '?').join(', ')})`,
    values,
  );
  return new Set(rows.map((r) => r.v));
}

/**
 * Checks (`commit: false`) or imports the file as job `job`; see the module comment.
 * Errors: IMPORT_REJECTED (a wrong header, not CSV, or a commit with refused rows),
 * IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING.
 */
export async function importStaff(
  d: StaffImportDeps,
  actor: Session,
  input: ChannelParsedInput<'staff:import'>,
  job: ImportJob,
): Promise<StaffImportReport> {
  const roleOf = await readRoles(d.db.manager);
  const usernameLine = new FirstLines();
  const emailLine = new FirstLines();
  const temporaryPasswords: StaffImportReport['temporaryPasswords'] = [];
  const expires = addMinutes(d.clock.now(), TEMPORARY_PASSWORD_MINUTES).toISOString();
  const status = input.activate ? 'active' : 'pending';
  let withPasswordHash = 0;

  const spec: CsvImportSpec<(typeof CSV_REQUIRED)[number], (typeof CSV_OPTIONAL)[number], Member> =
    {
      columns: { required: CSV_REQUIRED, optional: CSV_OPTIONAL },
      allOrNothing: true,
      check: ({ line, values }) => {
        const parsed = rowSchema.safeParse(values);
        if (!parsed.success) return { reason: reasonFromIssues(parsed.error.issues) };
        const v = parsed.data;
        const problems: string[] = [];
        const role = roleOf(v.role);
        if (typeof role !== 'string') problems.push(role.reason);
        const hashProblem = v.password_hash === '' ? null : legacyHashProblem(v.password_hash);
        if (hashProblem) problems.push(`password_hash: ${hashProblem}`);
        const firstUser = usernameLine.get(v.username);
        const firstEmail = emailLine.get(v.email);
        if (firstUser !== undefined)
          problems.push(`Username ${v.username} is repeated (first on line ${firstUser}).`);
        if (firstEmail !== undefined)
          problems.push(`Email ${v.email} is repeated (first on line ${firstEmail}).`);
        usernameLine.note(v.username, line);
        emailLine.note(v.email, line);
        if (problems.length > 0) return { reason: problems.join('; ') };
        return {
          username: v.username,
          email: v.email,
          displayName: v.display_name,
          roleId: role as string,
          legacyHash: v.password_hash === '' ? null : legacyStored(v.password_hash),
        };
      },
      admit: async (em, batch, report) => {
        const users = await taken(
          em,
          'username',
          batch.map((c) => c.value.username),
        );
        const emails = await taken(
          em,
          'email',
          batch.map((c) => c.value.email),
        );
        const admitted = batch.filter(({ line, value: m }) => {
          const problems: string[] = [];
          if (users.has(m.username)) problems.push(`Username ${m.username} is already taken.`);
          if (emails.has(m.email)) problems.push(`Email ${m.email} is already in use.`);
          if (problems.length === 0) return true;
          report.reject(line, problems.join('; '));
          return false;
        });
        withPasswordHash += admitted.filter((c) => c.value.legacyHash !== null).length;
        return admitted;
      },
      insert: async (em, batch) => {
        for (const { value: m } of batch) {
          const temporary = m.legacyHash === null ? generateTemporaryPassword() : null;
          const passwordHash = m.legacyHash ?? (await d.hasher.hash(temporary!));
          const row = await d.auth.insertStaffFor(em, m, passwordHash, {
            status,
            roleId: m.roleId as RoleId,
            mustChangePassword: temporary !== null,
            tempPasswordExpiresAt: temporary !== null ? expires : null,
          });
          if (temporary)
            temporaryPasswords.push({ username: m.username, temporaryPassword: temporary });
          await d.audit.record(em, {
            actorId: actor.staff.id,
            actorName: actor.staff.username,
            targetType: 'staff',
            targetId: row.id,
            action: 'staff.create',
            outcome: 'success',
            detail: `imported: role ${m.roleId}, ${status}, ${temporary ? 'temporary password' : 'password hash of the old system'}`,
          });
        }
      },
      audit: (em, detail) =>
        d.audit.record(em, {
          actorId: actor.staff.id,
          actorName: actor.staff.username,
          targetType: 'staff',
          targetId: null,
          action: 'staff.import',
          outcome: 'success',
          detail: `${detail}; ${status}`,
        }),
    };
  const report = await runCsvImport(spec, {
    db: d.db,
    job,
    csvBase64: input.csvBase64,
    commit: input.commit,
    now: () => d.clock.now().toISOString(),
  });
  return {
    ...report,
    temporaryPasswords,
    temporaryPasswordsExpireAt: temporaryPasswords.length > 0 ? expires : null,
    withPasswordHash,
  };
}
