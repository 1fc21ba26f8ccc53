/**
 * The day summary (X report for today, Z report for a closed day): completed sales, refunds and
 * voids for one business day, split by tender, by staff member and by till. A sale belongs to the
 * business day stamped on it when it was made (`sales.business_date`, in the store's time zone
 * then), so a later change of the time-zone setting moves no sale to another day. Three aggregate
 * queries on the `business_date` index; amounts are minor units of the currency the day's sales
 * were recorded in (each sale keeps its own; the store's setting when there are none).
 *
 * Definitions: gross = Σ totals of completed sales; refunds = −Σ totals of completed refunds (a
 * positive amount); voids = Σ totals of voided sales, which count in neither; net = gross − refunds.
 * By tender: Σ tender amounts of completed sales and refunds, which sums to net. By staff member
 * and by till: the same figures of the sales each rang up, or each till took; each sums to net.
 * Shifts: those opened in the day's UTC range, with their Z reports (issue 10, section 1).
 */
import type {
  ChannelOutput,
  ChannelParsedInput,
  DaySummary,
  TenderType,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { businessDay, businessDayRange } from '../sales/local-day';
import { toInt } from '../sales/sale.entity';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';

export class DaySummaryService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** `reports:today`: today's business day in the store's time zone, and the zone. */
  today(): ChannelOutput<'reports:today'> {
    const timeZone = this.settings.timeZone();
    return { date: businessDay(this.clock.now(), timeZone), timeZone };
  }

  /** `reports:daySummary`: the figures of the business day `input.date`, optionally of one till. */
  async summary(input: ChannelParsedInput<'reports:daySummary'>): Promise<DaySummary> {
    const timeZone = this.settings.timeZone();
    const range = businessDayRange(input.date, timeZone);
    const from = range.from.toISOString();
    const to = range.to.toISOString();
    const tillFilter = input.tillId === undefined ? '' : ' AND s.till_id = ?';
    const params = input.tillId === undefined ? [input.date] : [input.date, input.tillId];

    const groups = await run<{
      currency: string;
      kind: 'sale' | 'refund';
      status: 'completed' | 'voided';
      staff_id: number;
      till_id: number;
      n: number | string;
      total: number | string;
      discount: number | string;
      tax: number | string;
    }>(
      this.db.manager,
      `SELECT s.currency, s.kind, s.status, s.staff_id, s.till_id, COUNT(*) AS n,
          SUM(s.total) AS total, SUM(s.discount) AS discount, SUM(s.tax) AS tax
        FROM sales s WHERE s.business_date = ?${tillFilter}
        GROUP BY s.currency, s.kind, s.status, s.staff_id, s.till_id`,
      params,
    );
    const tenders = await run<{ type: TenderType; n: number | string; amount: number | string }>(
      this.db.manager,
      `SELECT t.type, COUNT(*) AS n, SUM(t.amount) AS amount
        FROM sales s JOIN sale_tenders t ON t.sale_id = s.id
        WHERE s.business_date = ?${tillFilter} AND s.status = 'completed'
        GROUP BY t.type ORDER BY t.type`,
      params,
    );
    const currencies = [...new Set(groups.map((g) => g.currency))];
    // Amounts in different minor units cannot be added up; the currency is fixed once a sale exists.
    if (currencies.length > 1)
      throw new AppError(
        'CONFLICT',
        `The sales of ${input.date} are in more than one currency (${currencies.join(', ')}).`,
      );
    const nameOf = await this.names(
      'SELECT id, display_name AS name FROM staff',
      groups.map((g) => Number(g.staff_id)),
    );
    const tillNameOf = await this.names(
      'SELECT id, name FROM tills',
      groups.map((g) => Number(g.till_id)),
    );

    const out: DaySummary = {
      date: input.date,
      timeZone,
      from,
      to,
      currency: currencies[0] ?? this.settings.currency(),
      salesCount: 0,
      gross: 0,
      refundsCount: 0,
      refunds: 0,
      voidsCount: 0,
      voids: 0,
      net: 0,
      discount: 0,
      tax: 0,
      byTender: tenders.map((t) => ({ type: t.type, amount: toInt(t.amount), count: Number(t.n) })),
      byStaff: [],
      byTill: [],
    };
    const staff = new Split();
    const tills = new Split();
    for (const g of groups) {
      const n = Number(g.n);
      const total = toInt(g.total);
      if (g.status === 'voided') {
        out.voidsCount += n;
        out.voids += total;
        continue;
      }
      out.discount += toInt(g.discount);
      out.tax += toInt(g.tax);
      if (g.kind === 'sale') {
        out.salesCount += n;
        out.gross += total;
      } else {
        out.refundsCount += n;
        out.refunds -= total;
      }
      const staffId = Number(g.staff_id);
      const tillId = Number(g.till_id);
      staff.add(staffId, nameOf.get(staffId) ?? `#${staffId}`, g.kind, n, total);
      tills.add(tillId, tillNameOf.get(tillId) ?? `#${tillId}`, g.kind, n, total);
    }
    out.net = out.gross - out.refunds;
    out.byStaff = staff.rows().map(({ id, ...row }) => ({ staffId: id, ...row }));
    out.byTill = tills.rows().map(({ id, ...row }) => ({ tillId: id, ...row }));
    out.shifts = await this.shifts(from, to, input.tillId);
    return out;
  }

  /** `id → name` of the rows of `select` (`SELECT id, … AS name FROM …`) whose id is in `ids`. */
  private async names(select: string, ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await run<{ id: number | string; name: string }>(
      this.db.manager,
      `${select} WHERE id IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  /** The shifts opened in [from, to) (UTC), of `tillId` or every till, with their Z reports. */
  private async shifts(from: string, to: string, tillId: number | undefined) {
    const rows = await run<{
      id: number;
      till_name: string;
      opened_by: number;
      opener: string;
      opened_at: string;
      closed_at: string | null;
      z_id: number | null;
      z_no: number | null;
      net: number | string | null;
      over_short: number | string | null;
    }>(
      this.db.manager,
      `SELECT sh.id, t.name AS till_name, sh.opened_by, st.display_name AS opener, sh.opened_at,
          sh.closed_at, z.id AS z_id, z.z_no, z.net, z.over_short
        FROM shifts sh JOIN tills t ON t.id = sh.till_id JOIN staff st ON st.id = sh.opened_by
          LEFT JOIN z_reports z ON z.shift_id = sh.id
        WHERE sh.opened_at >= ? AND sh.opened_at < ?${tillId === undefined ? '' : ' AND sh.till_id = ?'}
        ORDER BY sh.opened_at, sh.id`,
      tillId === undefined ? [from, to] : [from, to, tillId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      tillName: r.till_name,
      openedBy: { id: Number(r.opened_by), name: r.opener },
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      zReportId: r.z_id === null ? null : Number(r.z_id),
      zNo: r.z_no === null ? null : Number(r.z_no),
      net: r.net === null ? null : toInt(r.net),
      overShort: r.over_short === null ? null : toInt(r.over_short),
    }));
  }
}

/** One row of a day split by staff member or by till: its sales, gross, refunds and net. */
interface SplitRow {
  id: number;
  name: string;
  salesCount: number;
  gross: number;
  refunds: number;
  net: number;
}

/** Completed sales and refunds added up per staff member, or per till (minor units). */
class Split {
  private readonly byId = new Map<number, SplitRow>();

  /** Adds `n` completed sales or refunds of `id` totalling `total` (a refund's is negative). */
  add(id: number, name: string, kind: 'sale' | 'refund', n: number, total: number): void {
    const row = this.byId.get(id) ?? { id, name, salesCount: 0, gross: 0, refunds: 0, net: 0 };
    if (kind === 'sale') {
      row.salesCount += n;
      row.gross += total;
    } else row.refunds -= total;
    row.net = row.gross - row.refunds;
    this.byId.set(id, row);
  }

  /** The rows by net, largest first (then by id). */
  rows(): SplitRow[] {
    return [...this.byId.values()].sort((a, b) => b.net - a.net || a.id - b.id);
  }
}
