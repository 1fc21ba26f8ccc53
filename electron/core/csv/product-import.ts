/**
 * The products CSV import (products:import; needs data.import, F3). Columns
 * `sku,barcode,name,price,tax_rate,kind,active` (any order, case-insensitive; barcode, tax_rate
 * (default 0), kind (default stock) and active (default true) may be left out). `price` is in
 * major units of the store currency ("2.55"), parsed exactly into minor units (M1); `tax_rate` is
 * a percentage ("20", "17.5"). Rows that fail validation, repeat a SKU or barcode from an earlier
 * row, or use a SKU/barcode that already exists are rejected; existing products are never changed.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { productFieldsSchema } from '../../../shared/contract/products';
import { currencyExponent, parseMoney } from '../../../shared/money';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { ImportJob } from '../imports/import-jobs';
import { ProductEntity } from '../products/product.entity';
import { productSearchName } from '../products/search-name';
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

type Fields = ChannelParsedInput<'products:create'>;

/** The CSV columns; `sku`, `name` and `price` are required. */
const CSV_REQUIRED = ['sku', 'name', 'price'] as const;
const CSV_OPTIONAL = ['barcode', 'tax_rate', 'kind', 'active'] as const;
const CSV_NAMES = { taxRateBps: 'tax_rate' };
const TRUE_WORDS = ['true', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'no', 'n', '0'];

export interface ProductImportDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  /** The store currency (ISO 4217), for the price's decimals. */
  currency: string;
}

/**
 * Reads and checks the file as job `job` (streaming, in slices: F1), then answers the report
 * (`commit: false`, writes nothing) or writes every accepted row in one transaction with one
 * `product.import` audit row (`commit: true`; see `finishImport`: other writes wait meanwhile).
 * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV, or a
 * wrong header).
 */
export async function importProducts(
  d: ProductImportDeps,
  actor: Session,
  input: ChannelParsedInput<'products:import'>,
  job: ImportJob,
): Promise<ChannelOutput<'products:import'>> {
  const file = new ImportFile(input.csvBase64);
  const { encoding, lines } = await file.inspect(job);
  const report = new ImportReportBuilder(encoding);
  const exponent = currencyExponent(d.currency);
  const columns = new CsvColumns({ required: CSV_REQUIRED, optional: CSV_OPTIONAL });
  const candidates: { line: number; fields: Fields }[] = [];
  const skuLine = new Map<string, number>();
  const barcodeLine = new Map<string, number>();

  job.phase('checking', Math.max(lines - 1, 0));
  const rows = await readCsv(file, job, {
    encoding,
    skipEmptyRows: true,
    header: (fields) => columns.header(fields),
    row: (record) => {
      const { line, values: v, fieldCountError } = columns.row(record);
      if (fieldCountError) return report.reject(line, fieldCountError);
      const problems: string[] = [];
      const price = parseMoney(v.price, exponent);
      if (price === null)
        problems.push(
          `price: "${clipText(v.price)}" is not an amount with at most ${exponent} decimals`,
        );
      const taxText = v.tax_rate.replace(/\s*%$/, '');
      const taxRateBps = taxText === '' ? 0 : parseMoney(taxText, 2);
      if (taxRateBps === null)
        problems.push(`tax_rate: "${clipText(v.tax_rate)}" is not a percentage like 20 or 17.5`);
      const activeText = v.active.toLowerCase();
      const active =
        activeText === '' || TRUE_WORDS.includes(activeText)
          ? true
          : FALSE_WORDS.includes(activeText)
            ? false
            : null;
      if (active === null) problems.push(`active: "${clipText(v.active)}" is not true or false`);
      if (problems.length > 0) return report.reject(line, problems.join('; '));
      const parsed = productFieldsSchema.safeParse({
        sku: v.sku,
        barcode: v.barcode || null,
        name: v.name,
        price,
        taxRateBps,
        kind: v.kind ? v.kind.toLowerCase() : undefined,
        active,
      });
      if (!parsed.success)
        return report.reject(line, reasonFromIssues(parsed.error.issues, CSV_NAMES));
      const f = parsed.data;
      const firstSku = skuLine.get(f.sku);
      const firstBarcode = f.barcode === null ? undefined : barcodeLine.get(f.barcode);
      if (firstSku !== undefined)
        return report.reject(line, `SKU ${f.sku} is repeated (first on line ${firstSku}).`);
      if (firstBarcode !== undefined)
        return report.reject(
          line,
          `Barcode ${f.barcode} is repeated (first on line ${firstBarcode}).`,
        );
      skuLine.set(f.sku, line);
      if (f.barcode !== null) barcodeLine.set(f.barcode, line);
      candidates.push({ line, fields: f });
    },
  });
  job.expect(rows);

  const admit = async (em: EntityManager) => {
    const skus = await existingValues(em, job, 'products', 'sku', [...skuLine.keys()]);
    const barcodes = await existingValues(em, job, 'products', 'barcode', [...barcodeLine.keys()]);
    return candidates.filter(({ line, fields: f }) => {
      if (skus.has(f.sku)) report.reject(line, `SKU ${f.sku} already exists.`);
      else if (f.barcode !== null && barcodes.has(f.barcode))
        report.reject(line, `Barcode ${f.barcode} already exists.`);
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
      await em.getRepository(ProductEntity).insert(
        part.map(({ fields: f }) => ({
          sku: f.sku,
          barcode: f.barcode,
          name: f.name,
          searchName: productSearchName(f.name),
          price: f.price,
          taxRateBps: f.taxRateBps,
          kind: f.kind,
          active: f.active,
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
        targetType: 'product',
        targetId: null,
        action: 'product.import',
        outcome: 'success',
        detail,
      }),
  });
}

/** A cell quoted back in a reject reason, cut to 40 characters. */
function clipText(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
