/**
 * Reports: the day summary (an X report for today, a Z report for a closed day), the store's
 * tills to filter by, and today's business day. Amounts are integers in minor units of the store
 * currency; a day is a business day, YYYY-MM-DD in the store's time zone, which only the core
 * turns into UTC times.
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput, idSchema, localDateSchema, utcTimestamp } from './common';
import { tenderTypeSchema } from './sales-views';

/** One row of the day split by staff member or by till: its name, then minor units. */
const splitFigures = {
  name: z.string(),
  salesCount: z.number().int().nonnegative(),
  gross: z.number().int(),
  refunds: z.number().int(),
  net: z.number().int(),
};

export const daySummarySchema = z.strictObject({
  date: localDateSchema,
  timeZone: z.string(),
  /**
   * The UTC range [from, to) the day covers in the zone set now. Sales are counted by the business
   * day stamped on them when made, so after a change of zone a sale may lie outside this range.
   */
  from: utcTimestamp,
  to: utcTimestamp,
  currency: z.string(),
  /** Completed sales (voided ones are counted under voids instead). */
  salesCount: z.number().int().nonnegative(),
  /** Σ totals of completed sales. */
  gross: z.number().int(),
  refundsCount: z.number().int().nonnegative(),
  /** Σ of completed refunds, as a positive amount. */
  refunds: z.number().int(),
  voidsCount: z.number().int().nonnegative(),
  /** Σ totals of voided sales (not in gross or net). */
  voids: z.number().int(),
  /** gross − refunds. */
  net: z.number().int(),
  /** Σ discounts and Σ tax on completed sales net of refunds. */
  discount: z.number().int(),
  tax: z.number().int(),
  /** Net amount taken per tender type (sales minus refunds); sums to `net`. */
  byTender: z.array(
    z.strictObject({ type: tenderTypeSchema, amount: z.number().int(), count: z.number().int() }),
  ),
  /** Per staff member who sold or refunded that day, by net, largest first. */
  byStaff: z.array(z.strictObject({ staffId: idSchema, ...splitFigures })),
  /**
   * The same figures per till that sold or refunded that day (a store server's tills; one row on
   * a till with its own file), by net, largest first; with a till asked for, that till's row.
   */
  byTill: z.array(z.strictObject({ tillId: idSchema, ...splitFigures })),
  /**
   * The shifts opened that day (issue 10, section 1), oldest first, of the till asked for or all;
   * a closed one with its Z report's number, net and over/short. Absent from older cores.
   */
  shifts: z
    .array(
      z.strictObject({
        id: idSchema,
        tillName: z.string(),
        openedBy: z.strictObject({ id: idSchema, name: z.string() }),
        openedAt: utcTimestamp,
        closedAt: utcTimestamp.nullable(),
        zReportId: idSchema.nullable(),
        zNo: z.number().int().positive().nullable(),
        net: z.number().int().nullable(),
        overShort: z.number().int().nullable(),
      }),
    )
    .optional(),
});
export type DaySummary = z.infer<typeof daySummarySchema>;

/** A till as the reports' and the transactions list's till filter offers it. */
export const reportTillSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  /** When it was retired (UTC), or null while in service: a retired till's sales still count. */
  retiredAt: utcTimestamp.nullable(),
});
export type ReportTill = z.infer<typeof reportTillSchema>;

export const reportChannels = {
  'reports:daySummary': defineChannel({
    summary:
      'Sales count, gross, refunds, voids and net for one day in the store time zone (optionally of one till), split by tender, by staff member and by till.',
    input: z.strictObject({ date: localDateSchema, tillId: idSchema.optional() }),
    output: daySummarySchema,
    access: 'reports.view',
  }),
  'reports:tills': defineChannel({
    summary:
      "The store's tills by name, retired ones included (their sales still count): what the till filter of the day summary, the Z reports and the transactions list offers. A till that keeps its data in its own file has itself, and a till an import named. Changes nothing.",
    input: emptyInput,
    output: z.strictObject({ items: z.array(reportTillSchema) }),
    access: 'reports.view',
  }),
  'reports:today': defineChannel({
    summary:
      'Today\'s business day (YYYY-MM-DD) in the store time zone, and that zone: what the renderer uses as "today" for its default day filters and day buttons, instead of the computer\'s clock and zone.',
    input: emptyInput,
    output: z.strictObject({ date: localDateSchema, timeZone: z.string() }),
    access: 'sales.create',
  }),
} as const;
