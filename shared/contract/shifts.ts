/**
 * Shifts (cash sessions) on a till, cash movements and Z reports (issue 10, section 1). Terms of
 * the field: float, paid in / paid out, no sale, blind count, over/short, X report, Z report.
 *
 * Every amount is an integer in minor units of the store currency (M1); times are UTC. A shift
 * belongs to this till; at most one is open per till. Sales, refunds, voids and cash movements are
 * counted in the shift that was open on the till when they happened (`sales.shift_id`, written in
 * the sale's own transaction). Closing is a blind count: nothing before `shifts:close` tells the
 * cashier the expected cash (the X report needs reports.view); its answer is the Z report.
 *
 * Z reports are numbered per till from 1 without gaps, immutable (triggers, as for sales: D6) and
 * audited through the audit chain (L1); one shift has at most one Z report, ever.
 */
import { z } from 'zod';
import { MAX_DENOMINATION_QUANTITY, MAX_DENOMINATIONS } from '../denominations';
import { defineChannel } from './define';
import {
  byIdInput,
  emptyInput,
  idSchema,
  optionalText,
  pageInput,
  positiveAmount,
  savedFileSchema,
  utcTimestamp,
  uuidSchema,
} from './common';
import { currencyCodeSchema } from './settings';
import { tenderTypeSchema } from './sales-views';
import { printJobSchema } from './printing';

const personRef = z.strictObject({ id: idSchema, name: z.string() });

/** A note or coin of the store's table: face value in minor units. */
export const denominationSchema = z.strictObject({
  value: z.number().int().min(1).max(100_000_000),
  kind: z.enum(['note', 'coin']),
});

/**
 * A count by denomination: pieces per note or coin. The core checks each value is in the store's
 * table for its currency and appears at most once (else VALIDATION_FAILED naming the line, see
 * `countProblems` in shared/denominations.ts). Values not listed count as 0.
 */
export const denominationCountSchema = z
  .array(
    z.strictObject({
      value: z.number().int().min(1).max(100_000_000),
      quantity: z.number().int().min(0).max(MAX_DENOMINATION_QUANTITY),
    }),
  )
  .max(MAX_DENOMINATIONS, `At most ${MAX_DENOMINATIONS} denominations`);

/** The till's open shift, as the shift bar shows it. */
export const currentShiftSchema = z.strictObject({
  id: idSchema,
  tillName: z.string(),
  openedBy: personRef,
  openedAt: utcTimestamp,
  currency: z.string(),
  /** The counted float, minor units. */
  float: z.number().int().nonnegative(),
  /** The float's count by denomination, as entered. */
  floatCount: z.array(z.strictObject({ value: z.number().int(), quantity: z.number().int() })),
});
export type CurrentShift = z.infer<typeof currentShiftSchema>;

export const CASH_MOVEMENT_KINDS = ['paidIn', 'paidOut'] as const;
export const cashMovementKindSchema = z.enum(CASH_MOVEMENT_KINDS);
/**
 * Why cash went in or out: a fixed list, plus `other` (which needs a note). Paid in: float top-up,
 * change from the bank. Paid out: supplier, petty cash (shop expenses), a safe drop or bank
 * deposit, tips paid to staff.
 */
export const CASH_MOVEMENT_REASONS = [
  'floatTopUp',
  'changeFromBank',
  'supplier',
  'pettyCash',
  'safeDrop',
  'tipsPayout',
  'other',
] as const;
export const cashMovementReasonSchema = z.enum(CASH_MOVEMENT_REASONS);

export const cashMovementViewSchema = z.strictObject({
  id: idSchema,
  shiftId: idSchema,
  kind: cashMovementKindSchema,
  /** Always positive; `kind` says the direction. */
  amount: z.number().int().positive(),
  reason: cashMovementReasonSchema,
  note: z.string().nullable(),
  staff: personRef,
  at: utcTimestamp,
});
export type CashMovementView = z.infer<typeof cashMovementViewSchema>;

/**
 * A shift's figures so far (the X report) or at its close (part of the Z report). Definitions:
 * - salesCount/gross: sales made in the shift and Σ their totals (a sale voided later still
 *   counts here; its void is subtracted in the shift where the void happened);
 * - refundsCount/refunds: refunds made in the shift, Σ as a positive amount;
 * - voidsCount/voids: sales voided in the shift, Σ of their totals as a positive amount;
 * - net = gross − refunds − voids; discount and tax: of the same sales, net of refunds and voids;
 * - byTender: Σ tender amounts of those sales minus refunds and voids, per tender; sums to net;
 *   with the number of sales' tenders (less voided ones) and of refunds' tenders;
 * - taxByRate: per tax rate, `gross` (line totals) and `tax`, net of refunds and voids;
 * - expectedCash = float + cash in byTender + paidIn − paidOut.
 */
export const shiftFiguresSchema = z.strictObject({
  shiftId: idSchema,
  tillName: z.string(),
  currency: z.string(),
  openedBy: personRef,
  openedAt: utcTimestamp,
  /** When these figures were taken (the close time on a Z report). */
  asOf: utcTimestamp,
  salesCount: z.number().int().nonnegative(),
  gross: z.number().int(),
  discount: z.number().int(),
  refundsCount: z.number().int().nonnegative(),
  refunds: z.number().int(),
  voidsCount: z.number().int().nonnegative(),
  voids: z.number().int(),
  net: z.number().int(),
  tax: z.number().int(),
  taxByRate: z.array(
    z.strictObject({ rateBps: z.number().int(), gross: z.number().int(), tax: z.number().int() }),
  ),
  byTender: z.array(
    z.strictObject({
      type: tenderTypeSchema,
      amount: z.number().int(),
      /** Tenders of the shift's sales, less those of sales voided in it. */
      count: z.number().int(),
      /**
       * Tenders of the shift's refunds. Absent on Z reports stored before it was added (they are
       * immutable): their `count` holds sales and refunds together.
       */
      refundsCount: z.number().int().nonnegative().optional(),
    }),
  ),
  float: z.number().int().nonnegative(),
  paidInCount: z.number().int().nonnegative(),
  paidIn: z.number().int().nonnegative(),
  paidOutCount: z.number().int().nonnegative(),
  paidOut: z.number().int().nonnegative(),
  noSaleCount: z.number().int().nonnegative(),
  expectedCash: z.number().int(),
  /** The receipt numbers of the first and last sale or refund of the shift; null if none. */
  firstReceiptNo: z.number().int().positive().nullable(),
  lastReceiptNo: z.number().int().positive().nullable(),
  cashMovements: z.array(cashMovementViewSchema),
});
export type ShiftFigures = z.infer<typeof shiftFiguresSchema>;

/** Expected against counted for one tender at the close; overShort = counted − expected. */
export const tenderReconciliationSchema = z.strictObject({
  type: tenderTypeSchema,
  expected: z.number().int(),
  counted: z.number().int(),
  overShort: z.number().int(),
});

/** The Z report of a closed shift: its figures, the blind count and the perpetual grand total. */
export const zReportSchema = shiftFiguresSchema.extend({
  id: idSchema,
  /** Gapless per till, from 1. */
  zNo: z.number().int().positive(),
  closedBy: personRef,
  closedAt: utcTimestamp,
  /** The counted cash by denomination, as entered. */
  countedCash: z.array(z.strictObject({ value: z.number().int(), quantity: z.number().int() })),
  /** Cash, card and other: expected, counted, over/short (cash first). */
  reconciliation: z.array(tenderReconciliationSchema),
  /** Σ over/short of every tender. */
  overShort: z.number().int(),
  note: z.string().nullable(),
  /**
   * Perpetual grand total of the till (NF525-style): Σ gross of every Z report of the till up to
   * and including this one. It only grows.
   */
  grandTotal: z.number().int().nonnegative(),
});
export type ZReport = z.infer<typeof zReportSchema>;

export const zReportSummarySchema = z.strictObject({
  id: idSchema,
  zNo: z.number().int().positive(),
  shiftId: idSchema,
  tillName: z.string(),
  currency: z.string(),
  openedBy: personRef,
  openedAt: utcTimestamp,
  closedBy: personRef,
  closedAt: utcTimestamp,
  salesCount: z.number().int().nonnegative(),
  net: z.number().int(),
  overShort: z.number().int(),
});
export type ZReportSummary = z.infer<typeof zReportSummarySchema>;

/** The store's shift settings, and the denomination table of the store currency. */
export const shiftSettingsSchema = z.strictObject({
  /** Sales need an open shift on the till (SHIFT_NOT_OPEN otherwise). Default true. */
  requireOpenShift: z.boolean(),
  /** A close with any |over/short| above this (minor units) needs a note. Default 500. */
  overShortNoteThreshold: z.number().int().nonnegative(),
  currency: z.string(),
  /** The store's table for `currency`, largest first (the default unless edited). */
  denominations: z.array(denominationSchema),
  /** True when the table is the store's own edit rather than Kassa's default. */
  denominationsEdited: z.boolean(),
});
export type ShiftSettings = z.infer<typeof shiftSettingsSchema>;

/**
 * A Z report as the print route draws it on A4 (issue 10, section 1: "exports as PDF"): the
 * report, the store it belongs to, and when the PDF was made. The core builds it
 * (electron/core/shifts/z-report-pdf.ts); the renderer's print route reads it from its URL
 * fragment, so the print window needs no session and no IPC.
 */
export const zReportPrintDocumentSchema = z.strictObject({
  layout: z.literal('zReportA4'),
  report: zReportSchema,
  store: z.strictObject({
    storeName: z.string(),
    /** Lines separated by "\n"; may be empty. */
    storeAddress: z.string(),
    taxNumber: z.string(),
    /** BCP 47; the print route formats money and dates in it. */
    locale: z.string(),
    /** IANA zone of the store: the times are written in it. */
    timeZone: z.string(),
  }),
  printedAt: utcTimestamp,
});
export type ZReportPrintDocument = z.infer<typeof zReportPrintDocumentSchema>;

/** What `shifts:exportPdf` did: the file saved (its name, not its folder), or nothing. */
export const zReportPdfResultSchema = savedFileSchema;
export type ZReportPdfResult = z.infer<typeof zReportPdfResultSchema>;

export const shiftChannels = {
  'shifts:current': defineChannel({
    summary:
      "The till's open shift (who opened it, when, the float and its count), or null when none is open.",
    input: emptyInput,
    output: currentShiftSchema.nullable(),
    access: 'sales.create',
  }),
  'shifts:open': defineChannel({
    summary:
      'Open a shift on this till with the float counted by denomination (values of the store table, else VALIDATION_FAILED). SHIFT_ALREADY_OPEN if one is open. Audited (shift.open); tells the drawer listeners (reason float).',
    input: z.strictObject({ floatCount: denominationCountSchema }),
    output: currentShiftSchema,
    access: 'sales.create',
    writes: true,
  }),
  'shifts:cashMovement': defineChannel({
    summary:
      'Pay cash into or out of the drawer during the open shift: kind paidIn|paidOut, amount (minor units, > 0), a reason from the list, a note (required for reason other). `id` is client-generated so a retry is safe (same id, same movement; different payload CONFLICT). SHIFT_NOT_OPEN without an open shift. Paid out moves money out, so the channel needs re-authentication (S3). Audited.',
    input: z.strictObject({
      id: uuidSchema,
      kind: cashMovementKindSchema,
      amount: positiveAmount.pipe(z.number().min(1, 'Enter an amount above zero')),
      reason: cashMovementReasonSchema,
      /** Required when `reason` is other (the core answers VALIDATION_FAILED on `note`). */
      note: optionalText(200),
    }),
    output: cashMovementViewSchema,
    access: 'cash.manage',
    reauth: true,
    writes: true,
  }),
  'shifts:noSale': defineChannel({
    summary:
      'Open the cash drawer without a sale, with an optional reason: counted on the open shift (SHIFT_NOT_OPEN otherwise), audited (shift.no_sale), and tells the drawer listeners.',
    input: z.strictObject({ reason: optionalText(200) }),
    output: z.strictObject({ shiftId: idSchema, noSaleCount: z.number().int().positive() }),
    access: 'cash.noSale',
    writes: true,
  }),
  'shifts:xReport': defineChannel({
    summary:
      "The open shift's figures so far (X report), including the expected cash; changes nothing. SHIFT_NOT_OPEN without an open shift. Needs reports.view, so a cashier's close stays a blind count. With `shiftId`, that open shift, of any till of the store (SHIFT_NOT_OPEN when it is not open): the review of closing the shift of a till that is off.",
    input: z.strictObject({ shiftId: idSchema.optional() }),
    output: shiftFiguresSchema,
    access: 'reports.view',
  }),
  'shifts:close': defineChannel({
    summary:
      "Close the open shift `shiftId` with a blind count: cash by denomination and the other tenders' totals (card batch total, other). Answers the Z report (expected, counted, over/short). SHIFT_NOT_OPEN if that shift is not open (already closed). On a store server it may be the open shift of another till that is off (a till switched off or whose computer died, storeServer:tills): the member also needs reports.view (FORBIDDEN otherwise), CONFLICT while that till runs, and the Z report is numbered in that till's series; SHIFT_NOTE_REQUIRED, changing nothing, when any |over/short| is above the store threshold and no note is given. One IMMEDIATE transaction: at most one Z report per shift, numbered gaplessly per till. Audited (shift.close); tells the shift-closed listeners.",
    input: z.strictObject({
      shiftId: idSchema,
      countedCash: denominationCountSchema,
      /**
       * Card and other tenders as totalled by the terminal's batch; a missing type counts as 0,
       * a type given twice is VALIDATION_FAILED (from the core).
       */
      countedOther: z
        .array(z.strictObject({ type: z.enum(['card', 'other']), amount: positiveAmount }))
        .max(2),
      note: optionalText(500),
    }),
    output: zReportSchema,
    access: 'shifts.close',
    reauth: true,
    writes: true,
    // On a store server the close locks its shift row first and then reads the sales at READ
    // COMMITTED, so the sales of its till wait for it instead of starving it (ZReports.close).
    contended: true,
  }),
  'shifts:list': defineChannel({
    summary:
      "This store's Z reports, newest first, paged (limit 1..100, offset), optionally of one till.",
    input: z.strictObject({ ...pageInput, tillId: idSchema.optional() }),
    output: z.strictObject({
      items: z.array(zReportSummarySchema),
      total: z.number().int().nonnegative(),
    }),
    access: 'reports.view',
  }),
  'shifts:zReport': defineChannel({
    summary: 'One Z report with all its figures. NOT_FOUND if none.',
    input: byIdInput,
    output: zReportSchema,
    access: 'reports.view',
  }),
  'shifts:settings': defineChannel({
    summary:
      "The store's shift settings (sales need an open shift, the over/short note threshold) and the denomination table of the store currency.",
    input: emptyInput,
    output: shiftSettingsSchema,
    access: 'authenticated',
  }),
  'shifts:updateSettings': defineChannel({
    summary:
      'Change whether sales need an open shift and the over/short note threshold (minor units, 0..10^9). Each change audited (settings.update).',
    input: z
      .strictObject({
        requireOpenShift: z.boolean().optional(),
        overShortNoteThreshold: z.number().int().min(0).max(1_000_000_000).optional(),
      })
      .refine((o) => Object.keys(o).length > 0, 'Change at least one setting'),
    output: shiftSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'shifts:setDenominations': defineChannel({
    summary:
      "Replace a currency's denomination table (1..40 values, each at most once, else VALIDATION_FAILED), or put Kassa's default back with `denominations: null`. Audited (settings.update).",
    input: z.strictObject({
      currency: currencyCodeSchema,
      denominations: z
        .array(denominationSchema)
        .min(1, 'Add at least one note or coin')
        .max(MAX_DENOMINATIONS)
        .nullable(),
    }),
    output: shiftSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'shifts:print': defineChannel({
    summary:
      "Print the open shift's X report, or a Z report again marked COPY, on the receipt printer through the print queue (issue 10, section 2). SHIFT_NOT_OPEN for an X report with no open shift; NOT_FOUND for an unknown Z report; PRINTER_NOT_CONFIGURED without a printer.",
    /** No `zReportId`: the X report; with it: that Z report, marked COPY. */
    input: z.strictObject({ zReportId: idSchema.optional() }),
    output: printJobSchema,
    access: 'reports.view',
  }),
  'shifts:exportPdf': defineChannel({
    summary:
      "Save Z report `zReportId` as an A4 PDF for the accountant: drawn by the browser engine from the renderer's print route (store, till, Z number, opened/closed, sales, discounts, refunds, voids, net, tax by rate, tenders, drawer, expected/counted/over-short, receipts, grand total), then written where the person picks in the shell's save dialog (as exports:run; without a shell, the `exports` folder beside the database). The PDF is made before the dialog opens: REPORT_PDF_FAILED (no browser engine, or it failed) opens no dialog and writes nothing. NOT_FOUND for an unknown Z report. A closed dialog answers `cancelled`. A saved file is audited (reports.export).",
    input: z.strictObject({ zReportId: idSchema }),
    output: zReportPdfResultSchema,
    access: 'reports.view',
  }),
} as const;
