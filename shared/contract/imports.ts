/**
 * Bringing real history in: the Online Retail file (UCI, CC BY 4.0; see data/README.md).
 * Every invoice becomes a sale at its original UTC time, `C` invoices become refunds, a missing
 * CustomerID is a walk-in, special stock codes become non-stock items, and every line keeps its
 * exact quantity and unit price in minor units. Re-importing the same file adds nothing.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { localDateSchema } from './common';

export const onlineRetailReportSchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  invoices: z.number().int().nonnegative(),
  salesCreated: z.number().int().nonnegative(),
  refundsCreated: z.number().int().nonnegative(),
  /** Invoices already in the database from an earlier import, left as they were. */
  alreadyImported: z.number().int().nonnegative(),
  customersCreated: z.number().int().nonnegative(),
  productsCreated: z.number().int().nonnegative(),
  /** Rows refused, with 1-based file line and reason; nothing is written if any row is refused. */
  rejected: z.array(z.strictObject({ line: z.number().int(), reason: z.string() })),
  /** Per day in the store time zone: what the file holds, in minor units. */
  days: z.array(
    z.strictObject({
      date: localDateSchema,
      sales: z.number().int().nonnegative(),
      refunds: z.number().int().nonnegative(),
      gross: z.number().int(),
      refundTotal: z.number().int(),
      net: z.number().int(),
    }),
  ),
});
export type OnlineRetailReport = z.infer<typeof onlineRetailReportSchema>;

export const importChannels = {
  'import:onlineRetail': defineChannel({
    summary:
      'Import the Online Retail CSV (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country; GBP). All or nothing, in one transaction, with one audit row. The store currency must be GBP.',
    input: z.strictObject({
      csv: z.string().min(1, 'The file is empty').max(50_000_000, 'The file is larger than 50 MB'),
    }),
    output: onlineRetailReportSchema,
    access: 'data.import',
    writes: true,
  }),
} as const;
