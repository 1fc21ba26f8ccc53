/**
 * A shift's figures (the X report, and the body of its Z report), from aggregate queries on the
 * `shift_id` indexes of sales and voids. Each event counts in the shift where it happened: a sale
 * in the shift it was rung up in, its void (a same-day void may fall in a later shift) in the
 * shift open when it was voided, a refund in the shift it was made in. So:
 * gross = Σ totals of the shift's sales (voided or not); refunds = −Σ totals of its refunds;
 * voids = Σ totals of the sales voided in it; net = gross − refunds − voids; discount, tax,
 * tenders and tax by rate likewise (sales + refunds − voided). Tenders sum to net.
 * expectedCash = float + cash + paid in − paid out (shared/denominations.ts).
 */
import type { EntityManager } from 'typeorm';
import type { CashMovementView, ShiftFigures, TenderType } from '../../../shared/contract';
import { TENDER_TYPES } from '../../../shared/contract';
import { expectedCash } from '../../../shared/denominations';
import { run } from '../db/sql';
import { toInt } from '../sales/sale.entity';

export interface ShiftRow {
  id: number;
  tillId: number;
  tillName: string;
  status: 'open' | 'closed';
  openedBy: { id: number; name: string };
  openedAt: string;
  float: number;
}

type Num = number | string | null;

/** The shift `id` with its till's name and who opened it, or null. */
export async function findShift(em: EntityManager, id: number): Promise<ShiftRow | null> {
  const rows = await run<{
    id: number;
    till_id: number;
    till_name: string;
    status: 'open' | 'closed';
    opened_by: number;
    opener: string;
    opened_at: string;
    float_amount: Num;
  }>(
    em,
    `SELECT sh.id, sh.till_id, t.name AS till_name, sh.status, sh.opened_by,
        st.display_name AS opener, sh.opened_at, sh.float_amount
      FROM shifts sh JOIN tills t ON t.id = sh.till_id JOIN staff st ON st.id = sh.opened_by
      WHERE sh.id = ?`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    tillId: Number(r.till_id),
    tillName: r.till_name,
    status: r.status,
    openedBy: { id: Number(r.opened_by), name: r.opener },
    openedAt: r.opened_at,
    float: toInt(r.float_amount),
  };
}

/** The cash movements (paid in/out) of a shift, oldest first. */
export async function cashMovements(
  em: EntityManager,
  shiftId: number,
): Promise<CashMovementView[]> {
  const rows = await run<{
    id: number;
    kind: 'paidIn' | 'paidOut';
    amount: Num;
    reason: CashMovementView['reason'];
    note: string | null;
    staff_id: number;
    name: string;
    created_at: string;
  }>(
    em,
    `SELECT m.id, m.kind, m.amount, m.reason, m.note, m.staff_id, st.display_name AS name, m.created_at
      FROM cash_movements m JOIN staff st ON st.id = m.staff_id
      WHERE m.shift_id = ? AND m.kind <> 'noSale' ORDER BY m.id`,
    [shiftId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    shiftId,
    kind: r.kind,
    amount: toInt(r.amount),
    reason: r.reason,
    note: r.note,
    staff: { id: Number(r.staff_id), name: r.name },
    at: r.created_at,
  }));
}

/** The figures of `shift` as of `asOf` (UTC), read through `em`. */
export async function shiftFigures(
  em: EntityManager,
  shift: ShiftRow,
  currency: string,
  asOf: string,
): Promise<ShiftFigures> {
  const id = shift.id;
  const kinds = await run<{
    kind: 'sale' | 'refund';
    n: Num;
    total: Num;
    discount: Num;
    tax: Num;
    first: Num;
    last: Num;
  }>(
    em,
    `SELECT kind, COUNT(*) AS n, SUM(total) AS total, SUM(discount) AS discount, SUM(tax) AS tax,
        MIN(receipt_no) AS first, MAX(receipt_no) AS last
      FROM sales WHERE shift_id = ? GROUP BY kind`,
    [id],
  );
  const voided = await run<{ n: Num; total: Num; discount: Num; tax: Num }>(
    em,
    `SELECT COUNT(*) AS n, SUM(s.total) AS total, SUM(s.discount) AS discount, SUM(s.tax) AS tax
      FROM sale_voids v JOIN sales s ON s.id = v.sale_id WHERE v.shift_id = ?`,
    [id],
  );
  const tenders = await run<{
    type: TenderType;
    kind: 'sale' | 'refund';
    sign: Num;
    n: Num;
    amount: Num;
  }>(
    em,
    `SELECT t.type, s.kind, 1 AS sign, COUNT(*) AS n, SUM(t.amount) AS amount
        FROM sales s JOIN sale_tenders t ON t.sale_id = s.id WHERE s.shift_id = ?
        GROUP BY t.type, s.kind
      UNION ALL
      SELECT t.type, 'sale' AS kind, -1 AS sign, COUNT(*) AS n, SUM(t.amount) AS amount
        FROM sale_voids v JOIN sale_tenders t ON t.sale_id = v.sale_id WHERE v.shift_id = ?
        GROUP BY t.type`,
    [id, id],
  );
  const rates = await run<{ rate: Num; sign: Num; total: Num; tax: Num }>(
    em,
    `SELECT l.tax_rate_bps AS rate, 1 AS sign, SUM(l.total) AS total, SUM(l.tax) AS tax
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.shift_id = ?
        GROUP BY l.tax_rate_bps
      UNION ALL
      SELECT l.tax_rate_bps AS rate, -1 AS sign, SUM(l.total) AS total, SUM(l.tax) AS tax
        FROM sale_voids v JOIN sale_lines l ON l.sale_id = v.sale_id WHERE v.shift_id = ?
        GROUP BY l.tax_rate_bps`,
    [id, id],
  );
  const moves = await run<{ kind: string; n: Num; amount: Num }>(
    em,
    'SELECT kind, COUNT(*) AS n, SUM(amount) AS amount FROM cash_movements WHERE shift_id = ? GROUP BY kind',
    [id],
  );

  const sale = kinds.find((k) => k.kind === 'sale');
  const refund = kinds.find((k) => k.kind === 'refund');
  const v = voided[0];
  const gross = toInt(sale?.total ?? 0);
  const refunds = 0 - toInt(refund?.total ?? 0); // never −0 (M2)
  const voids = toInt(v?.total ?? 0);
  const sum = (f: (r: { discount: Num; tax: Num }) => Num) =>
    toInt(f(sale ?? { discount: 0, tax: 0 }) ?? 0) +
    toInt(f(refund ?? { discount: 0, tax: 0 }) ?? 0) -
    toInt((v && f(v)) ?? 0);

  const byTender = TENDER_TYPES.map((type) => {
    const rows = tenders.filter((t) => t.type === type);
    return {
      type,
      amount: rows.reduce((a, t) => a + Number(t.sign) * toInt(t.amount), 0),
      count: rows
        .filter((t) => t.kind === 'sale')
        .reduce((a, t) => a + Number(t.sign) * toInt(t.n), 0),
      refundsCount: rows.filter((t) => t.kind === 'refund').reduce((a, t) => a + toInt(t.n), 0),
    };
  }).filter((t) => t.amount !== 0 || t.count !== 0 || t.refundsCount !== 0);

  const rateMap = new Map<number, { gross: number; tax: number }>();
  for (const r of rates) {
    const e = rateMap.get(toInt(r.rate)) ?? { gross: 0, tax: 0 };
    e.gross += Number(r.sign) * toInt(r.total);
    e.tax += Number(r.sign) * toInt(r.tax);
    rateMap.set(toInt(r.rate), e);
  }
  const taxByRate = [...rateMap.entries()]
    .filter(([, e]) => e.gross !== 0 || e.tax !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([rateBps, e]) => ({ rateBps, gross: e.gross, tax: e.tax }));

  const move = (kind: string) => moves.find((m) => m.kind === kind);
  const paidIn = toInt(move('paidIn')?.amount ?? 0);
  const paidOut = toInt(move('paidOut')?.amount ?? 0);
  const cash = byTender.find((t) => t.type === 'cash')?.amount ?? 0;
  const firsts = kinds.map((k) => toInt(k.first));
  const lasts = kinds.map((k) => toInt(k.last));

  return {
    shiftId: id,
    tillName: shift.tillName,
    currency,
    openedBy: shift.openedBy,
    openedAt: shift.openedAt,
    asOf,
    salesCount: toInt(sale?.n ?? 0),
    gross,
    discount: sum((r) => r.discount),
    refundsCount: toInt(refund?.n ?? 0),
    refunds,
    voidsCount: toInt(v?.n ?? 0),
    voids,
    net: gross - refunds - voids,
    tax: sum((r) => r.tax),
    taxByRate,
    byTender,
    float: shift.float,
    paidInCount: toInt(move('paidIn')?.n ?? 0),
    paidIn,
    paidOutCount: toInt(move('paidOut')?.n ?? 0),
    paidOut,
    noSaleCount: toInt(move('noSale')?.n ?? 0),
    expectedCash: expectedCash({ float: shift.float, cashNet: cash, paidIn, paidOut }),
    firstReceiptNo: firsts.length ? Math.min(...firsts) : null,
    lastReceiptNo: lasts.length ? Math.max(...lasts) : null,
    cashMovements: await cashMovements(em, id),
  };
}
