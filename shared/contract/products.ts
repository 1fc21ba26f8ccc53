/**
 * Products: what the till sells. Prices are integers in minor units of the store currency, entered
 * tax-inclusive or tax-exclusive per the store setting; tax rates are basis points (20 % = 2000).
 * A product that has been sold is archived, never deleted, so every sale line keeps its product.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { importEncodingSchema, importFileFields } from './imports';
import {
  byIdInput,
  displayText,
  idSchema,
  pageInput,
  positiveAmount,
  searchText,
  taxRateBpsSchema,
  utcTimestamp,
} from './common';

/** `stock` is an ordinary product; the others are non-stock items (fees, postage, discounts). */
export const PRODUCT_KINDS = ['stock', 'fee', 'postage', 'discount', 'manual'] as const;
export const productKindSchema = z.enum(PRODUCT_KINDS);
export type ProductKind = z.infer<typeof productKindSchema>;

/**
 * Stock-keeping unit: 1..64 printable characters of any script (letters, marks, digits,
 * punctuation, symbols: "ÆØÅ-1", "ÜBER-2"), single inner spaces, none at the ends; stored in
 * Unicode NFC and upper-case so one code has one spelling.
 */
export const skuSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .toUpperCase()
  .min(1, 'Required')
  .max(64, 'At most 64 characters')
  .regex(
    /^[\p{L}\p{M}\p{N}\p{P}\p{S}]+(?: [\p{L}\p{M}\p{N}\p{P}\p{S}]+)*$/u,
    'Use letters, digits and symbols (single spaces allowed)',
  );

/** A new product's SKU: blank (`''`, null or absent) asks the core to generate one ("P-00042"). */
export const newSkuSchema = z
  .union([z.literal(''), skuSchema])
  .nullish()
  .transform((s) => s || null);

/** A barcode as a scanner types it (EAN-13, UPC-A, Code 128 …): 1..64 printable ASCII characters. */
export const barcodeSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(64, 'At most 64 characters')
  .regex(/^[\x21-\x7e]+$/, 'Use printable characters without spaces');

export const productViewSchema = z.strictObject({
  id: idSchema,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  /** Minor units of the store currency. */
  price: z.number().int(),
  taxRateBps: z.number().int(),
  kind: productKindSchema,
  /** Sellable at the till. */
  active: z.boolean(),
  /**
   * Open price: the cashier types the price at the till (needs sales.discountOverride); `price`
   * is only a suggestion. A stock product priced 0 that is not open price cannot be sold.
   */
  openPrice: z.boolean(),
  /** The product's category (shared/contract/categories.ts); null for none. */
  categoryId: idSchema.nullable(),
  /** Archived products are hidden from lists; they were sold, so they are kept. */
  archived: z.boolean(),
  createdAt: utcTimestamp,
  updatedAt: utcTimestamp,
});
export type ProductView = z.infer<typeof productViewSchema>;

const productFields = {
  sku: skuSchema,
  barcode: barcodeSchema.nullish().transform((b) => b ?? null),
  name: displayText(200),
  price: positiveAmount.pipe(z.number().max(1_000_000_000)),
  taxRateBps: taxRateBpsSchema,
  kind: productKindSchema.default('stock'),
  active: z.boolean().default(true),
  openPrice: z.boolean().default(false),
  /** A live category (NOT_FOUND otherwise); null or absent for none. */
  categoryId: idSchema.nullish().transform((c) => c ?? null),
};

/** One row a CSV import refused, with the 1-based line number in the file and the reason. */
export const importRejectSchema = z.strictObject({
  line: z.number().int().nonnegative(),
  reason: z.string(),
});

/** What a CSV import did (or, on a dry run, would do). */
export const importReportSchema = z.strictObject({
  /** Data rows read (the header is not counted). */
  rows: z.number().int().nonnegative(),
  /** How the file's text was read (F3): never guessed silently. */
  encoding: importEncodingSchema,
  /** Rows that passed every check. */
  accepted: z.number().int().nonnegative(),
  /** Rows written (0 on a dry run). */
  created: z.number().int().nonnegative(),
  /** Rows refused, with reasons; at most the first 500 are listed. */
  rejected: z.array(importRejectSchema),
  rejectedCount: z.number().int().nonnegative(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/**
 * A CSV file (see `importFileFields`: base64 bytes up to 50 MB, a job id for import:progress);
 * `commit: false` checks every row and writes nothing.
 */
export const csvImportInput = z.strictObject({
  ...importFileFields,
  commit: z.boolean(),
});

export const productChannels = {
  'products:list': defineChannel({
    summary:
      'Search products by name, SKU or barcode (ranked: exact code, then prefix, then the rest by name).',
    input: z.strictObject({
      search: searchText(100).default(''),
      /** `sellable` = active and not archived (the till); `all` includes inactive; `archived` only those. */
      status: z.enum(['sellable', 'all', 'archived']).default('sellable'),
      /** Only products in this category or any of its sub-categories; null: only those with none. */
      categoryId: idSchema.nullish(),
      ...pageInput,
    }),
    output: z.strictObject({
      items: z.array(productViewSchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'authenticated',
  }),
  'products:lookup': defineChannel({
    summary:
      'Exact lookup for the scanner: the sellable product whose barcode, or else SKU, equals `code`; null if none.',
    input: z.strictObject({ code: barcodeSchema }),
    output: z.strictObject({ product: productViewSchema.nullable() }),
    access: 'sales.create',
  }),
  'products:get': defineChannel({
    summary: 'One product by id. NOT_FOUND if there is none.',
    input: byIdInput,
    output: productViewSchema,
    access: 'authenticated',
  }),
  'products:create': defineChannel({
    summary:
      'Create a product; a blank SKU is generated ("P-" and the next free number). CONFLICT if the SKU or barcode is taken; NOT_FOUND if the category does not exist or is archived. Audited.',
    input: z.strictObject({ ...productFields, sku: newSkuSchema }),
    output: productViewSchema,
    access: 'products.manage',
    writes: true,
  }),
  'products:update': defineChannel({
    summary:
      'Replace a product’s fields (a left-out category means none). Past sales keep the price and description they were sold at. CONFLICT on a taken SKU/barcode; NOT_FOUND if the product, or the category, does not exist or is archived. Audited.',
    input: z.strictObject({ id: idSchema, ...productFields }),
    output: productViewSchema,
    access: 'products.manage',
    writes: true,
  }),
  'products:remove': defineChannel({
    summary:
      'Delete a product that was never sold; archive (and deactivate) one that was. Audited.',
    input: byIdInput,
    output: z.strictObject({
      outcome: z.enum(['deleted', 'archived']),
      product: productViewSchema,
    }),
    access: 'products.manage',
    writes: true,
  }),
  'products:restore': defineChannel({
    summary: 'Bring an archived product back to the lists (inactive until edited). Audited.',
    input: byIdInput,
    output: productViewSchema,
    access: 'products.manage',
    writes: true,
  }),
  'products:import': defineChannel({
    summary:
      'Import products from CSV (sku,barcode,name,price,tax_rate,kind,active,category; price in major units like 2.55, tax_rate in %, category a path like "Drinks > Hot drinks" whose missing levels are created, at most 3), sent as base64 bytes (UTF-8 or Windows-1252). Existing SKUs are rejected, never overwritten; all accepted rows are written in one transaction. Bulk import needs data.import (F3). At most 50 MB and 200,000 rows: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS; IMPORT_ENCODING, IMPORT_REJECTED. Yields to the event loop in slices (F1); progress under `jobId` via import:progress.',
    input: csvImportInput,
    output: importReportSchema,
    access: 'data.import',
    writes: true,
    bulk: true,
  }),
} as const;

/** The product fields as the create/update channels parse them; the CSV import parses each row so. */
export const productFieldsSchema = z.strictObject(productFields);
