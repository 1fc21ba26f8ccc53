/**
 * Closing a shift into its Z report (issue 10, section 1), and reading Z reports.
 *
 * The close is a blind count: the cashier enters cash by denomination and the other tenders'
 * batch totals; only then are they compared with the expected figures. It runs in ONE IMMEDIATE
 * transaction: the shift must still be open (so two closes, or a close and a sale, are
 * serialised by the write lock, or on a server by the shift's row lock), the Z number is its
 * till's last + 1 (gapless), and UNIQUE (shift_id) and UNIQUE (till_id, z_no) back both up. The
 * row is append-only (D6), its audit row joins the chain (L1). The grand total is the till's
 * previous one + this gross, so it only grows (NF525-style perpetual total).
 *
 * On a store server a manager may close the open shift of another till that is off (issue 12:
 * switched off, or its computer died): `assertClosableHere`. Its Z report is that till's next.
 */
import type { EntityManager } from 'typeorm';
import type {
  ChannelOutput,
  ChannelParsedInput,
  ZReport,
  ZReportSummary,
} from '../../../shared/contract';
import { noteRequired, overShort } from '../../../shared/denominations';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { isPostgres, lockForUpdate, run } from '../db/sql';
import { toInt } from '../sales/sale.entity';
import { isTillRunning } from '../tills/till-service';
import type { Clock } from '../types';
import { checkedTotal, insertCount } from './shift-counts';
import type { ShiftEvents } from './shift-events';
import { findShift, shiftFigures } from './shift-figures';
import { denominationsFor, noteThreshold } from './shift-settings';
import type { ShiftService, Till } from './shift-service';

export class ZReports {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly till: Till,
    private readonly shifts: ShiftService,
    private readonly events: ShiftEvents,
  ) {}

  /**
   * `shifts:close`. Errors: SHIFT_NOT_OPEN (not this till's open shift, e.g. already closed),
   * VALIDATION_FAILED (a note or coin not in the table, a tender twice), SHIFT_NOTE_REQUIRED (an
   * |over/short| above the store threshold without a note). Nothing is written on an error.
   */
  async close(actor: Session, input: ChannelParsedInput<'shifts:close'>): Promise<ZReport> {
    const types = input.countedOther.map((c) => c.type);
    if (new Set(types).size !== types.length)
      throw new AppError('VALIDATION_FAILED', 'Enter each tender once.', [
        { path: 'countedOther', message: 'Each tender at most once' },
      ]);
    const z = await this.db.write(async (em) => {
      // A store server: the shift row first. A sale of this till holds it from its shift check to
      // its commit (shift-guard.ts), so the close waits for sales in flight, reads them all (READ
      // COMMITTED: `shifts:close` is contended), and sales after it find the shift closed.
      await lockForUpdate(em, 'shifts', [input.shiftId]);
      const shift = await findShift(em, input.shiftId);
      if (!shift || shift.status !== 'open')
        throw new AppError('SHIFT_NOT_OPEN', 'That shift is not open any more.');
      const remote = shift.tillId !== this.till.id;
      if (remote) await assertClosableHere(em, actor, shift, this.clock.now().getTime());
      const currency = await this.shifts.currency(em);
      const { table } = await denominationsFor(em, currency);
      const countedCash = checkedTotal(input.countedCash, table, 'countedCash');
      const closedAt = this.clock.now().toISOString();
      const figures = await shiftFigures(em, shift, currency, closedAt);
      const counted = (type: 'card' | 'other') =>
        input.countedOther.find((c) => c.type === type)?.amount ?? 0;
      const expected = (type: 'card' | 'other') =>
        figures.byTender.find((t) => t.type === type)?.amount ?? 0;
      const reconciliation = [
        { type: 'cash' as const, expected: figures.expectedCash, counted: countedCash },
        { type: 'card' as const, expected: expected('card'), counted: counted('card') },
        { type: 'other' as const, expected: expected('other'), counted: counted('other') },
      ].map((r) => ({ ...r, overShort: overShort(r.expected, r.counted) }));
      const diffs = reconciliation.map((r) => r.overShort);
      if (input.note === null && noteRequired(diffs, await noteThreshold(em, currency)))
        throw new AppError(
          'SHIFT_NOTE_REQUIRED',
          'The count is over or short by more than the store allows: add a note.',
          [{ path: 'note', message: 'Required for this difference' }],
        );
      const closed = await run(
        em,
        `UPDATE shifts SET status = 'closed', closed_by = ?, closed_at = ?
          WHERE id = ? AND status = 'open' RETURNING id`,
        [actor.staff.id, closedAt, shift.id],
      );
      if (closed.length !== 1)
        throw new AppError('SHIFT_NOT_OPEN', 'That shift is already closed.');
      await insertCount(em, shift.id, 'close', input.countedCash);
      const last = await run<{ z_no: number | string; grand_total: number | string }>(
        em,
        'SELECT z_no, grand_total FROM z_reports WHERE till_id = ? ORDER BY z_no DESC LIMIT 1',
        [shift.tillId],
      );
      const zNo = last[0] ? toInt(last[0].z_no) + 1 : 1;
      const report: Omit<ZReport, 'id'> = {
        ...figures,
        zNo,
        closedBy: { id: actor.staff.id, name: actor.staff.displayName },
        closedAt,
        countedCash: input.countedCash,
        reconciliation,
        overShort: diffs.reduce((a, b) => a + b, 0),
        note: input.note,
        grandTotal: (last[0] ? toInt(last[0].grand_total) : 0) + figures.gross,
      };
      const id = await this.insert(em, shift, report);
      await this.audit.record(em, {
        action: 'shift.close',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'shift',
        targetId: shift.id,
        detail: `Z ${shift.tillName}-${zNo}; net ${report.net} ${currency}; cash over/short ${diffs[0]}; grand total ${report.grandTotal}${remote ? `; closed on ${this.till.name}, that till being off` : ''}`,
      });
      return { ...report, id };
    });
    this.events.shiftClosed(z);
    return z;
  }

  /** `shifts:zReport`: one Z report as it was closed. NOT_FOUND. */
  async get(id: number): Promise<ZReport> {
    const rows = await run<{ id: number; detail: string }>(
      this.db.manager,
      'SELECT id, detail FROM z_reports WHERE id = ?',
      [id],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND', 'There is no such Z report.');
    return { ...(JSON.parse(rows[0].detail) as Omit<ZReport, 'id'>), id: Number(rows[0].id) };
  }

  /** `shifts:list`: Z reports newest first, optionally of one till. */
  async list(input: ChannelParsedInput<'shifts:list'>): Promise<ChannelOutput<'shifts:list'>> {
    const em = this.db.manager;
    const where = input.tillId === undefined ? '' : ' WHERE z.till_id = ?';
    const filter = input.tillId === undefined ? [] : [input.tillId];
    const total = await run<{ n: number | string }>(
      em,
      `SELECT COUNT(*) AS n FROM z_reports z${where}`,
      filter,
    );
    const rows = await run<{
      id: number;
      z_no: number;
      shift_id: number;
      till_name: string;
      currency: string;
      opened_by: number;
      opener: string;
      opened_at: string;
      closed_by: number;
      closer: string;
      closed_at: string;
      sales_count: number | string;
      net: number | string;
      over_short: number | string;
    }>(
      em,
      `SELECT z.id, z.z_no, z.shift_id, t.name AS till_name, z.currency, sh.opened_by,
          so.display_name AS opener, sh.opened_at, z.closed_by, sc.display_name AS closer,
          z.closed_at, z.sales_count, z.net, z.over_short
        FROM z_reports z JOIN shifts sh ON sh.id = z.shift_id JOIN tills t ON t.id = z.till_id
          JOIN staff so ON so.id = sh.opened_by JOIN staff sc ON sc.id = z.closed_by${where}
        ORDER BY z.id DESC LIMIT ? OFFSET ?`,
      [...filter, input.limit, input.offset],
    );
    const items: ZReportSummary[] = rows.map((r) => ({
      id: Number(r.id),
      zNo: Number(r.z_no),
      shiftId: Number(r.shift_id),
      tillName: r.till_name,
      currency: r.currency,
      openedBy: { id: Number(r.opened_by), name: r.opener },
      openedAt: r.opened_at,
      closedBy: { id: Number(r.closed_by), name: r.closer },
      closedAt: r.closed_at,
      salesCount: toInt(r.sales_count),
      net: toInt(r.net),
      overShort: toInt(r.over_short),
    }));
    return { items, total: Number(total[0]!.n) };
  }

  private async insert(
    em: EntityManager,
    shift: { id: number; tillId: number },
    z: Omit<ZReport, 'id'>,
  ) {
    const cash = z.reconciliation[0]!;
    const rows = await run<{ id: number }>(
      em,
      `INSERT INTO z_reports (shift_id, till_id, z_no, currency, closed_by, closed_at, sales_count,
          gross, discount, refunds_count, refunds, voids_count, voids, net, tax, float_amount,
          paid_in, paid_out, no_sale_count, expected_cash, counted_cash, over_short, grand_total,
          first_receipt_no, last_receipt_no, note, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        RETURNING id`,
      [
        shift.id,
        shift.tillId,
        z.zNo,
        z.currency,
        z.closedBy.id,
        z.closedAt,
        z.salesCount,
        z.gross,
        z.discount,
        z.refundsCount,
        z.refunds,
        z.voidsCount,
        z.voids,
        z.net,
        z.tax,
        z.float,
        z.paidIn,
        z.paidOut,
        z.noSaleCount,
        cash.expected,
        cash.counted,
        z.overShort,
        z.grandTotal,
        z.firstReceiptNo,
        z.lastReceiptNo,
        z.note,
        JSON.stringify(z),
      ],
    );
    return Number(rows[0]!.id);
  }
}

/**
 * The open shift of another till may be closed here (issue 12: a till switched off, or whose
 * computer died, with its shift open) only on a store server, by a member who also holds
 * reports.view, and only while that till is off (`isTillRunning`: the row lock on the shift then
 * keeps a till that comes back from selling into it meanwhile). Errors: SHIFT_NOT_OPEN in a
 * till's own file (a renamed computer's old shift stays with its old name), FORBIDDEN, CONFLICT.
 */
async function assertClosableHere(
  em: EntityManager,
  actor: Session,
  shift: { tillId: number; tillName: string },
  nowMs: number,
): Promise<void> {
  if (!isPostgres(em))
    throw new AppError('SHIFT_NOT_OPEN', 'That shift is not open on this till any more.');
  if (!actor.permissions.has('reports.view'))
    throw new AppError(
      'FORBIDDEN',
      "Closing another till's shift needs a manager: it compares the count with what is expected.",
    );
  if (await isTillRunning(em, shift.tillId, nowMs))
    throw new AppError(
      'CONFLICT',
      `${shift.tillName} is running: close its shift there, where its drawer is.`,
    );
}
