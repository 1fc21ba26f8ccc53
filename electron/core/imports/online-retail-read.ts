/**
 * Reads an Online Retail file as the app receives it (base64 bytes) into checked invoices,
 * streaming and in slices that yield to the event loop (F1), within the import caps (F3).
 * The checks themselves are in ./online-retail-parse.ts.
 */
import type { ImportEncoding } from '../../../shared/contract/imports';
import { readCsv } from '../csv/csv-reader';
import { ImportFile } from '../csv/import-file';
import type { ImportJob } from './import-jobs';
import {
  checkRetailHeader,
  checkRetailRecord,
  groupInvoices,
  type ParsedRetailFile,
  type RetailRow,
} from './online-retail-parse';

/**
 * The file's checked rows, invoices and refused rows, and how its text was read.
 * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV, or
 * a header that is not exactly ONLINE_RETAIL_COLUMNS).
 */
export async function readOnlineRetail(
  csvBase64: string,
  job: ImportJob,
): Promise<{ file: ParsedRetailFile; encoding: ImportEncoding }> {
  const bytes = new ImportFile(csvBase64);
  const { encoding, lines } = await bytes.inspect(job);
  job.phase('checking', Math.max(lines - 1, 0));
  const rows: RetailRow[] = [];
  const rejected: { line: number; reason: string }[] = [];
  const count = await readCsv(bytes, job, {
    encoding,
    header: checkRetailHeader,
    row: ({ fields, line }) => {
      const checked = checkRetailRecord(fields, line);
      if ('reason' in checked) rejected.push(checked);
      else rows.push(checked);
    },
  });
  job.expect(count);
  return { file: groupInvoices(rows, rejected), encoding };
}
