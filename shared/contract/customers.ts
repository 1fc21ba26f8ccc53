/**
 * Customers. Email and phone are optional but unique when given. The core stores a phone in
 * E.164, read in the store's country (libphonenumber-js; electron/core/customers/store-country.ts),
 * so "07700 900123" and "+44 7700 900123" are one number; views carry it as stored
 * ("+447700900123") and screens format it (shared/phone.ts `displayPhone`), which keeps the
 * formatting (about 0.1 ms a number) off the search's hot path. A customer with sales is archived, never deleted, so sales history
 * is never broken.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import {
  byIdInput,
  displayText,
  idSchema,
  optionalEmail,
  optionalPhone,
  optionalText,
  pageInput,
  searchText,
  utcTimestamp,
} from './common';
import { csvImportInput, importReportSchema } from './products';
import { saleSummarySchema } from './sales-views';

export const customerViewSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  notes: z.string().nullable(),
  /** The id in the system the customer was imported from (e.g. Online Retail CustomerID). */
  externalRef: z.string().nullable(),
  /**
   * Invoice details of a business customer (issue 10, section 3): with a company name and a VAT
   * number, the sale's PDF is an A4 invoice. Absent from search results (not needed there).
   */
  companyName: z.string().nullable().optional(),
  vatNumber: z.string().nullable().optional(),
  billingAddress: z.string().nullable().optional(),
  archived: z.boolean(),
  createdAt: utcTimestamp,
  updatedAt: utcTimestamp,
});
export type CustomerView = z.infer<typeof customerViewSchema>;

const customerFields = {
  name: displayText(120),
  email: optionalEmail,
  phone: optionalPhone,
  country: optionalText(64),
  notes: optionalText(1000),
  companyName: optionalText(120),
  vatNumber: optionalText(40),
  billingAddress: optionalText(300),
};
export const customerFieldsSchema = z.strictObject(customerFields);

export const customerStatsSchema = z.strictObject({
  /** Completed sales (not voided, not refunds). */
  salesCount: z.number().int().nonnegative(),
  /** Σ completed sales − Σ refunds, minor units of the store currency. */
  lifetimeSpend: z.number().int(),
  refundsTotal: z.number().int().nonnegative(),
  firstPurchaseAt: utcTimestamp.nullable(),
  lastPurchaseAt: utcTimestamp.nullable(),
});

export const customerChannels = {
  'customers:search': defineChannel({
    summary:
      'Find customers by any part of name, email or phone, ranked: exact email, phone (national or international form) or customer code, then name prefix (by name), then word prefix, then anywhere (newest first); digits also match names and codes; accents, case and apostrophe/quote variants fold together; empty search lists by name.',
    input: z.strictObject({
      search: searchText(100).default(''),
      includeArchived: z.boolean().default(false),
      ...pageInput,
    }),
    output: z.strictObject({
      items: z.array(customerViewSchema),
      /** True when another page exists after this one. */
      hasMore: z.boolean(),
    }),
    access: 'authenticated',
  }),
  'customers:get': defineChannel({
    summary:
      'A customer with lifetime spend and their most recent sales (up to 50; the transactions screen pages the rest).',
    input: byIdInput,
    output: z.strictObject({
      customer: customerViewSchema,
      stats: customerStatsSchema,
      recentSales: z.array(saleSummarySchema),
    }),
    access: 'authenticated',
  }),
  'customers:create': defineChannel({
    summary:
      'Create a customer; the phone is stored in E.164 (store country). CONFLICT if the email or phone (in any format) is already used; nothing is written. Audited.',
    input: customerFieldsSchema,
    output: customerViewSchema,
    access: 'customers.manage',
    writes: true,
  }),
  'customers:update': defineChannel({
    summary:
      'Replace a customer’s fields; the phone is stored in E.164. CONFLICT on a used email or phone (in any format). Audited.',
    input: z.strictObject({ id: idSchema, ...customerFields }),
    output: customerViewSchema,
    access: 'customers.manage',
    writes: true,
  }),
  'customers:remove': defineChannel({
    summary: 'Delete a customer with no sales; archive one with sales. Audited.',
    input: byIdInput,
    output: z.strictObject({
      outcome: z.enum(['deleted', 'archived']),
      customer: customerViewSchema,
    }),
    access: 'customers.manage',
    writes: true,
  }),
  'customers:restore': defineChannel({
    summary: 'Bring an archived customer back. Audited.',
    input: byIdInput,
    output: customerViewSchema,
    access: 'customers.manage',
    writes: true,
  }),
  'customers:import': defineChannel({
    summary:
      'Import customers from CSV (name,email,phone,country,notes), sent as base64 bytes (UTF-8 or Windows-1252). Rows whose email or phone is already used are rejected; accepted rows are written in one transaction. Bulk import needs data.import (F3). At most 50 MB and 200,000 rows: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS; IMPORT_ENCODING, IMPORT_REJECTED. Yields to the event loop in slices (F1); progress under `jobId` via import:progress.',
    input: csvImportInput,
    output: importReportSchema,
    access: 'data.import',
    writes: true,
    bulk: true,
  }),
} as const;
