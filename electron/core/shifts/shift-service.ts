/**
 * Shifts on this till (issue 10, section 1): open with a counted float, pay cash in or out, open
 * the drawer without a sale, read the X report, close with a blind count into a Z report.
 * Every write runs in one IMMEDIATE transaction (Database.write) with its audit row (L1); the
 * listeners (printing, backups) hear of it after the commit.
 */
import type { AuditAction } from '../../../shared/contract/audit';
import type { EntityManager } from 'typeorm';
import type {
  CashMovementView,
  ChannelParsedInput,
  CurrentShift,
  ShiftFigures,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';
import { checkedTotal, insertCount, readCount } from './shift-counts';
import type { ShiftEvents } from './shift-events';
import { findShift, shiftFigures } from './shift-figures';
import { openShiftId } from './shift-guard';
import { denominationsFor } from './shift-settings';

export interface Till {
  id: number;
  name: string;
}

const NOT_OPEN = 'No shift is open on this till: open one with a counted float first.';

export class ShiftService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly till: Till,
    private readonly events: ShiftEvents,
  ) {}

  /** The store currency, read inside `em`. */
  currency(em: EntityManager): Promise<string> {
    return this.settings.moneyRules(em).then((r) => r.currency);
  }

  /** `shifts:current`: this till's open shift, or null. */
  async current(em: EntityManager = this.db.manager): Promise<CurrentShift | null> {
    const id = await openShiftId(em, this.till.id);
    if (id === null) return null;
    const shift = (await findShift(em, id))!;
    return {
      id,
      tillName: shift.tillName,
      openedBy: shift.openedBy,
      openedAt: shift.openedAt,
      currency: await this.currency(em),
      float: shift.float,
      floatCount: await readCount(em, id, 'open'),
    };
  }

  /**
   * `shifts:open`: a new shift with the float counted by denomination. Errors:
   * SHIFT_ALREADY_OPEN, VALIDATION_FAILED (a note or coin not in the store's table).
   */
  async open(actor: Session, input: ChannelParsedInput<'shifts:open'>): Promise<CurrentShift> {
    const opened = await this.db.write(async (em) => {
      if ((await openShiftId(em, this.till.id)) !== null)
        throw new AppError(
          'SHIFT_ALREADY_OPEN',
          'A shift is already open on this till: close it first.',
        );
      const currency = await this.currency(em);
      const { table } = await denominationsFor(em, currency);
      const float = checkedTotal(input.floatCount, table, 'floatCount');
      const rows = await run<{ id: number }>(
        em,
        `INSERT INTO shifts (till_id, status, opened_by, opened_at, float_amount)
          VALUES (?, 'open', ?, ?, ?) RETURNING id`,
        [this.till.id, actor.staff.id, this.clock.now().toISOString(), float],
      );
      const id = Number(rows[0]!.id);
      await insertCount(em, id, 'open', input.floatCount);
      await this.record(
        em,
        actor,
        'shift.open',
        id,
        `till ${this.till.name}; float ${float} ${currency}`,
      );
      return (await this.current(em))!;
    });
    this.events.drawerOpen({ reason: 'float', tillId: this.till.id });
    return opened;
  }

  /**
   * `shifts:cashMovement`: paid in or out of the open shift. A retry with the same id and the same
   * payload answers the recorded movement. Errors: SHIFT_NOT_OPEN, VALIDATION_FAILED (reason
   * other without a note), CONFLICT (the id was used for a different movement).
   */
  async cashMovement(
    actor: Session,
    input: ChannelParsedInput<'shifts:cashMovement'>,
  ): Promise<CashMovementView> {
    if (input.reason === 'other' && input.note === null)
      throw new AppError('VALIDATION_FAILED', 'Say what the money is for.', [
        { path: 'note', message: 'Required when the reason is other' },
      ]);
    let fresh = false;
    const view = await this.db.write(async (em) => {
      const same = await this.movementById(em, input.id);
      if (same) {
        const matches =
          same.kind === input.kind &&
          same.amount === input.amount &&
          same.reason === input.reason &&
          same.note === input.note;
        if (!matches)
          throw new AppError('CONFLICT', 'A different cash movement was recorded with this id.');
        return same;
      }
      const shiftId = await openShiftId(em, this.till.id);
      if (shiftId === null) throw new AppError('SHIFT_NOT_OPEN', NOT_OPEN);
      await run(
        em,
        `INSERT INTO cash_movements (uuid, shift_id, kind, amount, reason, note, staff_id, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          input.id,
          shiftId,
          input.kind,
          input.amount,
          input.reason,
          input.note,
          actor.staff.id,
          this.clock.now().toISOString(),
        ],
      );
      await this.record(
        em,
        actor,
        'shift.cash_movement',
        shiftId,
        `${input.kind} ${input.amount}; ${input.reason}${input.note ? `; ${input.note}` : ''}`,
      );
      fresh = true;
      return (await this.movementById(em, input.id))!;
    });
    if (fresh) this.events.drawerOpen({ reason: input.kind, tillId: this.till.id });
    return view;
  }

  /** `shifts:noSale`: counts and audits a drawer opening without a sale. SHIFT_NOT_OPEN. */
  async noSale(
    actor: Session,
    input: ChannelParsedInput<'shifts:noSale'>,
  ): Promise<{ shiftId: number; noSaleCount: number }> {
    const done = await this.db.write(async (em) => {
      const shiftId = await openShiftId(em, this.till.id);
      if (shiftId === null) throw new AppError('SHIFT_NOT_OPEN', NOT_OPEN);
      await run(
        em,
        `INSERT INTO cash_movements (uuid, shift_id, kind, amount, reason, note, staff_id, created_at)
          VALUES (NULL, ?, 'noSale', 0, NULL, ?, ?, ?)`,
        [shiftId, input.reason, actor.staff.id, this.clock.now().toISOString()],
      );
      await this.record(em, actor, 'shift.no_sale', shiftId, input.reason ?? 'no reason given');
      const n = await run<{ n: number | string }>(
        em,
        "SELECT COUNT(*) AS n FROM cash_movements WHERE shift_id = ? AND kind = 'noSale'",
        [shiftId],
      );
      return { shiftId, noSaleCount: Number(n[0]!.n) };
    });
    this.events.drawerOpen({ reason: 'noSale', tillId: this.till.id });
    return done;
  }

  /**
   * `shifts:xReport`: the figures so far of this till's open shift, or of the open shift
   * `shiftId` of any till of the store. SHIFT_NOT_OPEN. Writes nothing.
   */
  async xReport(shiftId?: number): Promise<ShiftFigures> {
    const em = this.db.manager;
    const id = shiftId ?? (await openShiftId(em, this.till.id));
    const shift = id === null ? null : await findShift(em, id);
    if (!shift || shift.status !== 'open')
      throw new AppError(
        'SHIFT_NOT_OPEN',
        shiftId === undefined ? NOT_OPEN : 'That shift is not open any more.',
      );
    return shiftFigures(em, shift, await this.currency(em), this.clock.now().toISOString());
  }

  private async movementById(em: EntityManager, uuid: string): Promise<CashMovementView | null> {
    const rows = await run<{
      id: number;
      shift_id: number;
      kind: 'paidIn' | 'paidOut';
      amount: number | string;
      reason: CashMovementView['reason'];
      note: string | null;
      staff_id: number;
      name: string;
      created_at: string;
    }>(
      em,
      `SELECT m.id, m.shift_id, m.kind, m.amount, m.reason, m.note, m.staff_id,
          st.display_name AS name, m.created_at
        FROM cash_movements m JOIN staff st ON st.id = m.staff_id WHERE m.uuid = ?`,
      [uuid],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: Number(r.id),
      shiftId: Number(r.shift_id),
      kind: r.kind,
      amount: Number(r.amount),
      reason: r.reason,
      note: r.note,
      staff: { id: Number(r.staff_id), name: r.name },
      at: r.created_at,
    };
  }

  private record(
    em: EntityManager,
    actor: Session,
    action: AuditAction,
    shiftId: number,
    detail: string,
  ) {
    return this.audit.record(em, {
      action,
      outcome: 'success',
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'shift',
      targetId: shiftId,
      detail,
    });
  }
}
