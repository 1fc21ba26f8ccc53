/**
 * The customers CSV import (customers:import; needs data.import, F3). Columns
 * `name,email,phone,country,notes` (any order, case-insensitive; only `name` is required). Rows
 * that fail validation, repeat an email or phone (by digits) from an earlier row, or use an
 * email/phone a customer already has are rejected; existing customers are never changed.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { customerFieldsSchema } from '../../../shared/contract/customers';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { CustomerEntity } from '../customers/customer.entity';
import { customerSearchColumns } from '../customers/search-columns';
import type { Database } from '../db/database';
import type { ImportJob } from '../imports/import-jobs';
import type { Clock } from '../types';
import {
  CsvColumns,
  existingValues,
  finishImport,
  ImportReportBuilder,
  reasonFromIssues,
} from './csv-import';
import { readCsv } from './csv-reader';
import { ImportFile } from './import-file';

const CSV_REQUIRED = ['name'] as const;
const CSV_OPTIONAL = ['email', 'phone', 'country', 'notes'] as const;

export interface CustomerImportDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Reads and checks the file as job `job` (streaming, in slices: F1), then answers the report
 * (`commit: false`, writes nothing) or writes every accepted row in one transaction with one
 * `customer.import` audit row (`commit: true`; see `finishImport`: other writes wait meanwhile).
 * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV, or a
 * wrong header).
 */
export async function importCustomers(
  d: CustomerImportDeps,
  actor: Session,
  input: ChannelParsedInput<'customers:import'>,
  job: ImportJob,
): Promise<ChannelOutput<'customers:import'>> {
  const file = new ImportFile(input.csvBase64);
  const { encoding, lines } = await file.inspect(job);
  const report = new ImportReportBuilder(encoding);
  const columns = new CsvColumns({ required: CSV_REQUIRED, optional: CSV_OPTIONAL });
  const candidates: { line: number; cols: ReturnType<typeof customerSearchColumns> }[] = [];
  const emailLine = new Map<string, number>();
  const phoneLine = new Map<string, number>();

  job.phase('checking', Math.max(lines - 1, 0));
  const rows = await readCsv(file, job, {
    encoding,
    skipEmptyRows: true,
    header: (fields) => columns.header(fields),
    row: (record) => {
      const { line, values, fieldCountError } = columns.row(record);
      if (fieldCountError) return report.reject(line, fieldCountError);
      const parsed = customerFieldsSchema.safeParse(values);
      if (!parsed.success) return report.reject(line, reasonFromIssues(parsed.error.issues));
      const cols = customerSearchColumns(parsed.data);
      const firstEmail = cols.email === null ? undefined : emailLine.get(cols.email);
      const firstPhone = cols.phoneDigits === null ? undefined : phoneLine.get(cols.phoneDigits);
      if (firstEmail !== undefined)
        return report.reject(
          line,
          `Email ${cols.email} is repeated (first on line ${firstEmail}).`,
        );
      if (firstPhone !== undefined)
        return report.reject(
          line,
          `Phone ${cols.phone} is repeated (first on line ${firstPhone}).`,
        );
      if (cols.email !== null) emailLine.set(cols.email, line);
      if (cols.phoneDigits !== null) phoneLine.set(cols.phoneDigits, line);
      candidates.push({ line, cols });
    },
  });
  job.expect(rows);

  const admit = async (em: EntityManager) => {
    const emails = await existingValues(em, job, 'customers', 'email', [...emailLine.keys()]);
    const phones = await existingValues(em, job, 'customers', 'phone_digits', [
      ...phoneLine.keys(),
    ]);
    return candidates.filter(({ line, cols }) => {
      if (cols.email !== null && emails.has(cols.email))
        report.reject(line, `A customer with email ${cols.email} already exists.`);
      else if (cols.phoneDigits !== null && phones.has(cols.phoneDigits))
        report.reject(line, `A customer with phone ${cols.phone} already exists.`);
      else return true;
      return false;
    });
  };

  return finishImport({
    db: d.db,
    job,
    commit: input.commit,
    rows,
    now: () => d.clock.now().toISOString(),
    report,
    admit,
    insert: async (em, part, now) => {
      await em.getRepository(CustomerEntity).insert(
        part.map(({ cols }) => ({
          ...cols,
          externalRef: null,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        })),
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
  });
}
