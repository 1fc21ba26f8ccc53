/**
 * The products CSV import (products:import; needs data.import, F3). Columns
 * `sku,barcode,name,price,tax_rate,kind,active` (any order, case-insensitive; barcode, tax_rate
 * (default 0), kind (default stock) and active (default true) may be left out). `price` is in
 * major units of the store currency ("2.55"), parsed exactly into minor units (M1); `tax_rate` is
 * a percentage ("20", "17.5"); left empty, the store's default tax rate (a setting). Rows that
 * fail validation, repeat a SKU or barcode from an earlier row, or use a SKU/barcode that already
 * exists are rejected, with every problem of the row in its reason ("; "-separated); existing
 * products are never changed. An optional `category` column holds a path like
 * "Drinks > Hot drinks" (at most 3 levels, issue 11 section 1): its missing levels are created in
 * the import's transaction; a bad path is a row error.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { productFieldsSchema } from '../../../shared/contract/products';
import { currencyExponent, parseMoney } from '../../../shared/money';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run, valuesList } from '../db/sql';
import type { ImportJob } from '../imports/import-jobs';
import { productSearchName } from '../products/search-name';
import { CategoryPathResolver, parseCategoryPath } from '../categories/category-paths';
import type { Clock } from '../types';
import { type CsvImportSpec, existingValues, reasonFromIssues, runCsvImport } from './csv-import';
import { FirstLines } from './first-lines';

/** A row's product fields and its category path (null: no category). */
type Fields = Omit<ChannelParsedInput<'products:update'>, 'id'> & { categoryPath: string[] | null };

/** The CSV columns; `sku`, `name` and `price` are required. */
const CSV_REQUIRED = ['sku', 'name', 'price'] as const;
const CSV_OPTIONAL = ['barcode', 'tax_rate', 'kind', 'active', 'category'] as const;
const CSV_NAMES = { taxRateBps: 'tax_rate' };
const TRUE_WORDS = ['true', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'no', 'n', '0'];

export interface ProductImportDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  /** The store currency (ISO 4217), for the price's decimals. */
  currency: string;
  /** The store's default tax rate (basis points), for a row that leaves tax_rate empty. */
  defaultTaxRateBps: number;
}

/**
 * Reads and checks the file as job `job` (streaming, in slices: F1), then answers the report
 * (`commit: false`, writes nothing) or writes every accepted row in one transaction with one
 * `product.import` audit row (`commit: true`; see `runCsvImport`: other writes wait meanwhile).
 * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED (not CSV, or a
 * wrong header).
 */
export async function importProducts(
  d: ProductImportDeps,
  actor: Session,
  input: ChannelParsedInput<'products:import'>,
  job: ImportJob,
): Promise<ChannelOutput<'products:import'>> {
  const exponent = currencyExponent(d.currency);
  const skuLine = new FirstLines();
  const barcodeLine = new FirstLines();
  let paths: CategoryPathResolver | undefined;
  const spec: CsvImportSpec<(typeof CSV_REQUIRED)[number], (typeof CSV_OPTIONAL)[number], Fields> =
    {
      columns: { required: CSV_REQUIRED, optional: CSV_OPTIONAL },
      check: ({ line, values: v }) => {
        // Every problem of the row is listed, not only the first (issue 8, item 18): the cells
        // the CSV spells its own way first, then the product rules on the other fields, then
        // repeats of an earlier row.
        const problems: string[] = [];
        const price = parseMoney(v.price, exponent);
        if (price === null)
          problems.push(
            `price: "${clipText(v.price)}" is not an amount with at most ${exponent} decimals`,
          );
        const taxText = v.tax_rate.replace(/\s*%$/, '');
        const taxRateBps = taxText === '' ? d.defaultTaxRateBps : parseMoney(taxText, 2);
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
        const categoryPath = parseCategoryPath(v.category);
        if (categoryPath !== null && 'reason' in categoryPath)
          problems.push(`category: ${categoryPath.reason}`);
        // A cell already refused above is judged once: a valid stand-in takes its place here.
        const parsed = productFieldsSchema.safeParse({
          sku: v.sku,
          barcode: v.barcode || null,
          name: v.name,
          price: price ?? 0,
          taxRateBps: taxRateBps ?? 0,
          kind: v.kind ? v.kind.toLowerCase() : undefined,
          active: active ?? true,
        });
        if (!parsed.success) problems.push(reasonFromIssues(parsed.error.issues, CSV_NAMES));
        const sku = parsed.success ? parsed.data.sku : null;
        const barcode = parsed.success ? parsed.data.barcode : null;
        const firstSku = sku === null ? undefined : skuLine.get(sku);
        const firstBarcode = barcode === null ? undefined : barcodeLine.get(barcode);
        if (firstSku !== undefined)
          problems.push(`SKU ${sku} is repeated (first on line ${firstSku}).`);
        if (firstBarcode !== undefined)
          problems.push(`Barcode ${barcode} is repeated (first on line ${firstBarcode}).`);
        if (problems.length > 0 || !parsed.success || (categoryPath && 'reason' in categoryPath))
          return { reason: problems.join('; ') };
        const f = { ...parsed.data, categoryPath };
        skuLine.note(f.sku, line);
        if (f.barcode !== null) barcodeLine.note(f.barcode, line);
        return f;
      },
      admit: async (em, batch, report) => {
        const skus = await existingValues(
          em,
          'products',
          'sku',
          batch.map(({ value }) => value.sku),
        );
        const barcodes = await existingValues(
          em,
          'products',
          'barcode',
          batch.flatMap(({ value }) => (value.barcode === null ? [] : [value.barcode])),
        );
        return batch.filter(({ line, value: f }) => {
          const problems: string[] = [];
          if (skus.has(f.sku)) problems.push(`SKU ${f.sku} already exists.`);
          if (f.barcode !== null && barcodes.has(f.barcode))
            problems.push(`Barcode ${f.barcode} already exists.`);
          if (problems.length === 0) return true;
          report.reject(line, problems.join('; '));
          return false;
        });
      },
      insert: async (em, batch, now) => {
        const params: unknown[] = [];
        paths ??= new CategoryPathResolver(now);
        for (const { value: f } of batch)
          params.push(
            f.categoryPath === null ? null : await paths.resolve(em, f.categoryPath),
            f.sku,
            f.barcode,
            f.name,
            productSearchName(f.name),
            f.price,
            f.taxRateBps,
            f.kind,
            f.active,
            null,
            now,
            now,
          );
        await run(
          em,
          `INSERT INTO products (category_id, sku, barcode, name, search_name, price, tax_rate_bps,
             kind, active, archived_at, created_at, updated_at) VALUES ${valuesList(batch.length, 12)}`,
          params,
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
    };
  return runCsvImport(spec, {
    db: d.db,
    job,
    csvBase64: input.csvBase64,
    commit: input.commit,
    now: () => d.clock.now().toISOString(),
  });
}

/** A cell quoted back in a reject reason, cut to 40 characters. */
function clipText(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
