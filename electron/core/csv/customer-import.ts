/**
 * The customers CSV import (customers:import; needs data.import, F3). Columns
 * `name,email,phone,country,notes` (any order, case-insensitive; only `name` is required). Rows
 * that fail validation, repeat an email or phone (in E.164, read in the store's country) from an earlier row, or use an
 * email/phone a customer already has are rejected; existing customers are never changed.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { customerFieldsSchema } from '../../../shared/contract/customers';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { customerSearchColumns } from '../customers/search-columns';
import { readStoreCountry } from '../customers/store-country';
import type { Database } from '../db/database';
import { run, valuesList } from '../db/sql';
import type { ImportJob } from '../imports/import-jobs';
import type { Clock } from '../types';
import { FirstLines } from './first-lines';
import { type CsvImportSpec, existingValues, reasonFromIssues, runCsvImport } from './csv-import';

const CSV_REQUIRED = ['name'] as const;
const CSV_OPTIONAL = ['email', 'phone', 'country', 'notes'] as const;

export interface CustomerImportDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
}

type Columns = ReturnType<typeof customerSearchColumns>;

/**
 * Reads and checks the file as job `job` (streaming, in slices: F1), then answers the report
 * (`commit: false`, writes nothing) or writes every accepted row in one transaction with one
 * `customer.import` audit row (`commit: true`; see `runCsvImport`: other writes wait meanwhile).
 * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV, or a
 * wrong header).
 */
export async function importCustomers(
  d: CustomerImportDeps,
  actor: Session,
  input: ChannelParsedInput<'customers:import'>,
  job: ImportJob,
): Promise<ChannelOutput<'customers:import'>> {
  const country = await readStoreCountry(d.db.manager);
  const emailLine = new FirstLines();
  const phoneLine = new FirstLines();
  const spec: CsvImportSpec<(typeof CSV_REQUIRED)[number], (typeof CSV_OPTIONAL)[number], Columns> =
    {
      columns: { required: CSV_REQUIRED, optional: CSV_OPTIONAL },
      check: ({ line, values }) => {
        // Every problem of the row is listed, not only the first (issue 8, item 18).
        const parsed = customerFieldsSchema.safeParse(values);
        if (!parsed.success) return { reason: reasonFromIssues(parsed.error.issues) };
        const cols = customerSearchColumns(parsed.data, country);
        const firstEmail = cols.email === null ? undefined : emailLine.get(cols.email);
        const firstPhone = cols.phoneDigits === null ? undefined : phoneLine.get(cols.phoneDigits);
        const problems: string[] = [];
        if (firstEmail !== undefined)
          problems.push(`Email ${cols.email} is repeated (first on line ${firstEmail}).`);
        if (firstPhone !== undefined)
          problems.push(`Phone ${cols.phone} is repeated (first on line ${firstPhone}).`);
        if (problems.length > 0) return { reason: problems.join('; ') };
        if (cols.email !== null) emailLine.note(cols.email, line);
        if (cols.phoneDigits !== null) phoneLine.note(cols.phoneDigits, line);
        return cols;
      },
      admit: async (em, batch, report) => {
        const keys = (k: 'email' | 'phoneDigits') =>
          batch.flatMap(({ value }) => (value[k] === null ? [] : [value[k]]));
        const emails = await existingValues(em, 'customers', 'email', keys('email'));
        const phones = await existingValues(em, 'customers', 'phone_digits', keys('phoneDigits'));
        return batch.filter(({ line, value: c }) => {
          const problems: string[] = [];
          if (c.email !== null && emails.has(c.email))
            problems.push(`A customer with email ${c.email} already exists.`);
          if (c.phoneDigits !== null && phones.has(c.phoneDigits))
            problems.push(`A customer with phone ${c.phone} already exists.`);
          if (problems.length === 0) return true;
          report.reject(line, problems.join('; '));
          return false;
        });
      },
      insert: async (em, batch, now) => {
        const params: unknown[] = [];
        for (const { value: c } of batch)
          params.push(
            c.name,
            c.email,
            c.phone,
            c.phoneDigits,
            c.country,
            c.notes,
            null,
            c.searchName,
            c.searchText,
            null,
            now,
            now,
          );
        await run(
          em,
          `INSERT INTO customers (name, email, phone, phone_digits, country, notes, external_ref,
             search_name, search_text, archived_at, created_at, updated_at)
           VALUES ${valuesList(batch.length, 12)}`,
          params,
        );
      },
      audit: (em, detail) =>
        d.audit.record(em, {
          actorId: actor.staff.id,
          actorName: actor.staff.username,
          targetType: 'customer',
          targetId: null,
          action: 'customer.import',
          outcome: 'success',
          detail,
        }),
    };
  return runCsvImport(spec, {
    db: d.db,
    job,
    csvBase64: input.csvBase64,
    commit: input.commit,
    now: () => d.clock.now().toISOString(),
  });
}
