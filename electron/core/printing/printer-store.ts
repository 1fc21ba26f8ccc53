/**
 * A till's printers (table `printers`, migrations 1790000008200 and 1790000017000): list, find,
 * save, delete. Each belongs to one till (`till_id`), and a till sees only its own
 * (`ownPrinters`). At most one of a till's printers is its default (its receipt printer and cash
 * drawer): saving one as the default clears the flag on the till's others in the same
 * transaction. Printer changes are audited (L1).
 */
import type { EntityManager } from 'typeorm';
import {
  printerConnectionSchema,
  logoRaster,
  receiptLayoutIssues,
  type ChannelParsedInput,
  type Printer,
  type PrinterReceiptLayout,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { isPostgres, run } from '../db/sql';
import type { Clock } from '../types';

interface PrinterRow {
  id: number;
  name: string;
  connection: string;
  paper_width: number;
  codepage: string;
  auto_print: number | boolean;
  cash_drawer: number | boolean;
  is_default: number | boolean;
  receipt_header: string;
  receipt_footer: string;
  logo: Uint8Array | null;
}

const COLUMNS = `id, name, connection, paper_width, codepage, auto_print, cash_drawer, is_default,
  receipt_header, receipt_footer, logo`;

function toPrinter(r: PrinterRow): Printer {
  return {
    id: Number(r.id),
    name: r.name,
    connection: printerConnectionSchema.parse(JSON.parse(r.connection)),
    paperWidth: Number(r.paper_width) === 58 ? '58mm' : '80mm',
    codepage: r.codepage as Printer['codepage'],
    autoPrint: Boolean(r.auto_print),
    cashDrawer: Boolean(r.cash_drawer),
    isDefault: Boolean(r.is_default),
    receiptHeader: r.receipt_header,
    receiptFooter: r.receipt_footer,
    logo: r.logo === null ? null : Buffer.from(r.logo).toString('base64'),
  };
}

/**
 * The SQL condition, with its parameters, that keeps a query of `printers` (as `alias`) to till
 * `tillId`'s printers. On a store server the tills share the table and each has its own printers
 * and drawer. A SQLite file is one till's, so every printer in it is that till's, even after its
 * computer was renamed (a new `tills` row): the condition holds for all there.
 */
export function ownPrinters(
  em: EntityManager,
  tillId: number,
  alias = 'printers',
): { where: string; params: number[] } {
  return isPostgres(em)
    ? { where: `${alias}.till_id = ?`, params: [tillId] }
    : { where: '1 = 1', params: [] };
}

/** Till `tillId`'s printers, the default first, then by name. */
export async function listPrinters(em: EntityManager, tillId: number): Promise<Printer[]> {
  const own = ownPrinters(em, tillId);
  const rows = await run<PrinterRow>(
    em,
    `SELECT ${COLUMNS} FROM printers WHERE ${own.where} ORDER BY is_default DESC, name, id`,
    own.params,
    { reusePlan: true },
  );
  return rows.map(toPrinter);
}

/** One of till `tillId`'s printers; NOT_FOUND when it has none with `id` (another till's too). */
export async function findPrinter(em: EntityManager, tillId: number, id: number): Promise<Printer> {
  const own = ownPrinters(em, tillId);
  const rows = await run<PrinterRow>(
    em,
    `SELECT ${COLUMNS} FROM printers WHERE id = ? AND ${own.where}`,
    [id, ...own.params],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', 'There is no such printer.');
  return toPrinter(rows[0]);
}

/** Till `tillId`'s receipt printer: its default one, else its first; null when it has none. */
export async function receiptPrinter(em: EntityManager, tillId: number): Promise<Printer | null> {
  return (await listPrinters(em, tillId))[0] ?? null;
}

export type PrinterInput = ChannelParsedInput<'printing:savePrinter'>;

/**
 * Adds (no id) a printer to till `tillId`, or changes one of its printers, inside the caller's
 * write transaction; audited. On a change, a receipt header, footer or logo left out of `input`
 * keeps the stored one; the layout that results must fit the paper (receiptLayoutIssues):
 * VALIDATION_FAILED, nothing written. NOT_FOUND for an id that is not one of the till's printers.
 */
export async function savePrinter(
  em: EntityManager,
  audit: AuditLog,
  clock: Clock,
  actor: Session,
  tillId: number,
  input: PrinterInput,
): Promise<Printer> {
  const now = clock.now().toISOString();
  const stored = input.id === undefined ? null : await findPrinter(em, tillId, input.id);
  const layout: PrinterReceiptLayout = {
    receiptHeader: input.receiptHeader ?? stored?.receiptHeader ?? '',
    receiptFooter: input.receiptFooter ?? stored?.receiptFooter ?? '',
    logo: input.logo !== undefined ? input.logo : (stored?.logo ?? null),
  };
  const issues = receiptLayoutIssues(input.paperWidth, layout);
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      issues.map((i) => i.message).join('; '),
      issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const values = [
    input.name,
    JSON.stringify(input.connection),
    input.paperWidth === '58mm' ? 58 : 80,
    input.codepage,
    input.autoPrint ? 1 : 0,
    input.cashDrawer ? 1 : 0,
    input.isDefault ? 1 : 0,
    layout.receiptHeader,
    layout.receiptFooter,
    layout.logo === null ? null : Buffer.from(layout.logo, 'base64'),
  ];
  let id: number;
  if (input.id === undefined) {
    const rows = await run<{ id: number }>(
      em,
      `INSERT INTO printers (name, connection, paper_width, codepage, auto_print, cash_drawer,
         is_default, receipt_header, receipt_footer, logo, created_at, updated_at, till_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [...values, now, now, tillId],
    );
    id = Number(rows[0]!.id);
  } else {
    id = input.id;
    await run(
      em,
      `UPDATE printers SET name = ?, connection = ?, paper_width = ?, codepage = ?, auto_print = ?,
         cash_drawer = ?, is_default = ?, receipt_header = ?, receipt_footer = ?, logo = ?,
         updated_at = ? WHERE id = ?`,
      [...values, now, id],
    );
  }
  if (input.isDefault) {
    const own = ownPrinters(em, tillId);
    await run(em, `UPDATE printers SET is_default = ? WHERE id <> ? AND ${own.where}`, [
      0,
      id,
      ...own.params,
    ]);
  }
  const where =
    input.connection.type === 'network'
      ? `${input.connection.host}:${input.connection.port}`
      : input.connection.type === 'queue'
        ? `queue ${input.connection.queue}`
        : `driver ${input.connection.deviceName}`;
  await audit.record(em, {
    action: 'printing.printer_save',
    outcome: 'success',
    actorId: actor.staff.id,
    actorName: actor.staff.username,
    targetType: 'printer',
    targetId: id,
    detail: `${input.id === undefined ? 'added' : 'changed'} ${input.name}: ${where}; ${input.paperWidth}; ${input.codepage}; auto-print ${input.autoPrint ? 'on' : 'off'}; drawer ${input.cashDrawer ? 'yes' : 'no'}${input.isDefault ? '; default' : ''}; header ${lineCount(layout.receiptHeader)} lines; footer ${lineCount(layout.receiptFooter)} lines; logo ${logoSize(layout.logo)}`,
  });
  return findPrinter(em, tillId, id);
}

function logoSize(logo: string | null): string {
  const raster = logo === null ? null : logoRaster(logo);
  return raster ? `${raster.width}x${raster.height}` : 'none';
}

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length;
}

/**
 * Removes one of till `tillId`'s printers and its jobs (ON DELETE CASCADE, and explicitly for
 * SQLite files); audited. NOT_FOUND for an id that is not one of the till's printers.
 */
export async function deletePrinter(
  em: EntityManager,
  audit: AuditLog,
  actor: Session,
  tillId: number,
  id: number,
): Promise<void> {
  const printer = await findPrinter(em, tillId, id);
  await run(em, 'DELETE FROM print_jobs WHERE printer_id = ?', [id]);
  await run(em, 'DELETE FROM printers WHERE id = ?', [id]);
  await audit.record(em, {
    action: 'printing.printer_delete',
    outcome: 'success',
    actorId: actor.staff.id,
    actorName: actor.staff.username,
    targetType: 'printer',
    targetId: id,
    detail: `removed ${printer.name}`,
  });
}
