/**
 * Issue 10, section 1: a till's day from open to close on a real SQLite file. A shift opens with a
 * counted float; ten sales in a row (cash with change, card, mixed), a refund, a void, paid in,
 * paid out and a no-sale happen in it; the X report and then the Z report of a blind count £0.50
 * short are checked against sums the test keeps itself from the sales' own answers.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDetail, ZReport } from '../../shared/contract';
import { countTotal } from '../../shared/denominations';
import { auditCount, resultCode } from '../helpers/core';
import { reader, sell } from '../helpers/retail';
import { ADMIN_W, CASHIER_W, countOf, MANAGER_W, shiftShop, type Shop } from '../helpers/shifts';
import { ON_POSTGRES } from '../helpers/test-engine';

let shop: Shop | undefined;
afterEach(async () => {
  await shop?.t.close();
  shop = undefined;
});

/** What the test expects, summed from the sales' own answers. */
class Tally {
  gross = 0;
  salesCount = 0;
  refunds = 0;
  voids = 0;
  cash = 0;
  card = 0;
  other = 0;
  receipts: number[] = [];
  /** Per tender type: sales' tenders (less voided ones) and refunds' tenders. */
  counts = new Map<string, { count: number; refundsCount: number }>();
  add(d: SaleDetail, sign = 1) {
    for (const t of d.tenders) {
      const c = this.counts.get(t.type) ?? { count: 0, refundsCount: 0 };
      if (d.kind === 'refund') c.refundsCount++;
      else c.count += sign;
      this.counts.set(t.type, c);
    }
    if (sign === 1) this.receipts.push(d.receiptNo);
    if (d.kind === 'sale' && sign === 1) {
      this.gross += d.total;
      this.salesCount++;
    }
    if (d.kind === 'refund') this.refunds -= d.total;
    if (sign === -1) this.voids += d.total;
    for (const t of d.tenders) this[t.type] += sign * t.amount;
  }
}

const FLOAT = [
  { value: 2000, quantity: 2 },
  { value: 1000, quantity: 1 },
  { value: 100, quantity: 5 },
  { value: 50, quantity: 10 },
];

function zRows(s: Shop) {
  return (reader(s.t).prepare('SELECT COUNT(*) AS n FROM z_reports').get() as { n: number }).n;
}

describe('a shift from open to Z report', () => {
  it('refuses sales without a shift, then counts everything into the X and Z reports', async () => {
    shop = await shiftShop();
    const { t, products } = shop;
    const tea = { productId: products.tea, quantity: 1 };

    // Sales need an open shift (the store default): refused, nothing written.
    const refused = await t.call(
      'sales:checkout',
      { id: randomUUID(), lines: [tea], tenders: [{ type: 'card', amount: 250 }] },
      CASHIER_W,
    );
    expect(resultCode(refused)).toBe('SHIFT_NOT_OPEN');
    expect(reader(t).prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual({ n: 0 });
    expect(await t.must('shifts:current', {}, CASHIER_W)).toBeNull();

    const opened = await t.must('shifts:open', { floatCount: FLOAT }, CASHIER_W);
    expect(opened.float).toBe(6000);
    expect(opened.openedBy.name).toBe('Carl Cashier');
    expect(opened.floatCount).toEqual(FLOAT);
    expect(resultCode(await t.call('shifts:open', { floatCount: FLOAT }, CASHIER_W))).toBe(
      'SHIFT_ALREADY_OPEN',
    );

    const tally = new Tally();
    const sales: SaleDetail[] = [];
    for (let i = 0; i < 10; i++) {
      const lines = [
        { productId: products.tea, quantity: 1 + (i % 3) },
        ...(i % 2 ? [{ productId: products.cake, quantity: 1 }] : []),
        ...(i % 4 === 0 ? [{ productId: products.zero, quantity: 2 }] : []),
      ];
      const quote = await t.must('sales:quote', { lines }, CASHIER_W);
      const tenders =
        i % 3 === 0
          ? [{ type: 'cash' as const, amount: Math.ceil(quote.total / 1000) * 1000 }]
          : i % 3 === 1
            ? [{ type: 'card' as const, amount: quote.total }]
            : [
                { type: 'card' as const, amount: 300 },
                { type: 'cash' as const, amount: quote.total - 300 + 50 },
              ];
      const d = await sell(t, lines, tenders, {}, CASHIER_W);
      sales.push(d);
      tally.add(d);
    }
    // A refund of one line of sale 2 (card) in cash, a void of sale 4, by the manager.
    const refund = await t.must(
      'sales:refund',
      {
        saleId: sales[1]!.id,
        refundId: randomUUID(),
        lines: [{ lineId: sales[1]!.lines[0]!.id, quantity: 1 }],
        tender: 'cash',
        reason: 'Cold',
      },
      MANAGER_W,
    );
    tally.add(refund);
    await t.must('sales:void', { id: sales[3]!.id, reason: 'Rung up twice' }, MANAGER_W);
    tally.add(sales[3]!, -1);

    const paidIn = await t.must(
      'shifts:cashMovement',
      { id: randomUUID(), kind: 'paidIn', amount: 1000, reason: 'floatTopUp', note: null },
      MANAGER_W,
    );
    expect(paidIn).toMatchObject({ kind: 'paidIn', amount: 1000, shiftId: opened.id });
    const outId = randomUUID();
    const out = {
      id: outId,
      kind: 'paidOut' as const,
      amount: 250,
      reason: 'pettyCash' as const,
      note: 'Milk',
    };
    await t.must('shifts:cashMovement', out, MANAGER_W);
    // A retry is the same movement; the same id for something else is CONFLICT.
    expect((await t.must('shifts:cashMovement', out, MANAGER_W)).id).toBeGreaterThan(0);
    expect(
      resultCode(await t.call('shifts:cashMovement', { ...out, amount: 999 }, MANAGER_W)),
    ).toBe('CONFLICT');
    expect(
      resultCode(
        await t.call(
          'shifts:cashMovement',
          { id: randomUUID(), kind: 'paidOut', amount: 5, reason: 'other' },
          MANAGER_W,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect((await t.must('shifts:noSale', { reason: 'Change' }, MANAGER_W)).noSaleCount).toBe(1);

    const expectedCash = 6000 + tally.cash + 1000 - 250;
    // The X report: the figures so far, for reports.view only (the cashier's count stays blind).
    expect(resultCode(await t.call('shifts:xReport', {}, CASHIER_W))).toBe('FORBIDDEN');
    const x = await t.must('shifts:xReport', {}, MANAGER_W);
    const net = tally.gross - tally.refunds - tally.voids;
    expect(x).toMatchObject({
      shiftId: opened.id,
      salesCount: 10,
      gross: tally.gross,
      refundsCount: 1,
      refunds: tally.refunds,
      voidsCount: 1,
      voids: tally.voids,
      net,
      float: 6000,
      paidIn: 1000,
      paidInCount: 1,
      paidOut: 250,
      paidOutCount: 1,
      noSaleCount: 1,
      expectedCash,
      firstReceiptNo: Math.min(...tally.receipts),
      lastReceiptNo: Math.max(...tally.receipts),
    });
    expect(x.byTender.reduce((a, b) => a + b.amount, 0)).toBe(net);
    expect(x.byTender.find((b) => b.type === 'card')?.amount).toBe(tally.card);
    // Refund tenders are counted apart from the sales' ones (a refund is not a sale).
    expect(
      Object.fromEntries(
        x.byTender.map((b) => [b.type, { count: b.count, refundsCount: b.refundsCount }]),
      ),
    ).toEqual(Object.fromEntries(tally.counts));
    expect(x.taxByRate.map((r) => r.rateBps)).toEqual([0, 500, 2000]);
    expect(x.taxByRate.reduce((a, r) => a + r.gross, 0)).toBe(net);
    expect(x.taxByRate.reduce((a, r) => a + r.tax, 0)).toBe(x.tax);
    expect(x.cashMovements.map((m) => m.kind)).toEqual(['paidIn', 'paidOut']);
    // The X report changed nothing.
    expect(await t.must('shifts:xReport', {}, MANAGER_W)).toEqual(x);

    // Blind count £0.50 short in cash; the card batch total matches.
    const countedCash = countOf(expectedCash - 50);
    const z = await t.must(
      'shifts:close',
      {
        shiftId: opened.id,
        countedCash,
        countedOther: [{ type: 'card', amount: tally.card }],
      },
      CASHIER_W,
    );
    expect(z).toMatchObject({ ...x, asOf: z.closedAt, zNo: 1, note: null, overShort: -50 });
    expect(z.reconciliation).toEqual([
      { type: 'cash', expected: expectedCash, counted: expectedCash - 50, overShort: -50 },
      { type: 'card', expected: tally.card, counted: tally.card, overShort: 0 },
      { type: 'other', expected: 0, counted: 0, overShort: 0 },
    ]);
    expect(z.grandTotal).toBe(tally.gross);
    expect(z.closedBy.name).toBe('Carl Cashier');
    expect(countTotal(z.countedCash)).toBe(expectedCash - 50);

    // Raw sums of the file agree: every sale of the shift, and nothing else, is in it.
    const raw = reader(t)
      .prepare(
        "SELECT COUNT(*) AS n, SUM(total) AS gross FROM sales WHERE shift_id = ? AND kind = 'sale'",
      )
      .get(opened.id);
    expect(raw).toEqual({ n: z.salesCount, gross: z.gross });
    expect(await t.must('shifts:zReport', { id: z.id }, MANAGER_W)).toEqual(z);
    expect(await t.must('shifts:current', {}, CASHIER_W)).toBeNull();
    expect(auditCount(t, 'shift.open')).toBe(1);
    expect(auditCount(t, 'shift.close')).toBe(1);
    expect(auditCount(t, 'shift.no_sale')).toBe(1);
    expect(auditCount(t, 'shift.cash_movement')).toBe(2);

    // Closed: a second close and a sale are refused.
    expect(
      resultCode(
        await t.call(
          'shifts:close',
          { shiftId: opened.id, countedCash, countedOther: [] },
          CASHIER_W,
        ),
      ),
    ).toBe('SHIFT_NOT_OPEN');
    expect(
      resultCode(
        await t.call(
          'sales:checkout',
          { id: randomUUID(), lines: [tea], tenders: [{ type: 'card', amount: 250 }] },
          CASHIER_W,
        ),
      ),
    ).toBe('SHIFT_NOT_OPEN');
    expect(zRows(shop)).toBe(1);
  });
});

describe('Z reports over several shifts', () => {
  it('are numbered 1, 2, 3 without gaps, with a grand total that only grows', async () => {
    shop = await shiftShop();
    const { t, products } = shop;
    const zs: ZReport[] = [];
    for (let s = 0; s < 3; s++) {
      const open = await t.must('shifts:open', { floatCount: countOf(5000) }, CASHIER_W);
      // The third shift sells nothing: its gross is 0 and the grand total stays.
      for (let i = 0; i < 2 - s; i++)
        await sell(
          t,
          [{ productId: products.tea, quantity: 2 }],
          [{ type: 'card', amount: 500 }],
          {},
          CASHIER_W,
        );
      zs.push(
        await t.must(
          'shifts:close',
          {
            shiftId: open.id,
            countedCash: countOf(5000),
            countedOther: [{ type: 'card', amount: (2 - s) * 500 }],
          },
          CASHIER_W,
        ),
      );
    }
    expect(zs.map((z) => z.zNo)).toEqual([1, 2, 3]);
    expect(zs.map((z) => z.grandTotal)).toEqual([1000, 1500, 1500]);
    const list = await t.must('shifts:list', { limit: 2 }, MANAGER_W);
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.zNo)).toEqual([3, 2]);
    expect(resultCode(await t.call('shifts:list', {}, CASHIER_W))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('shifts:zReport', { id: 999 }, MANAGER_W))).toBe('NOT_FOUND');
  });

  it('are immutable: UPDATE, DELETE and REPLACE are refused by the file itself (D6, D9)', async () => {
    shop = await shiftShop();
    const { t, products } = shop;
    const open = await t.must('shifts:open', { floatCount: countOf(1000) }, CASHIER_W);
    await t.must('shifts:noSale', {}, MANAGER_W);
    await sell(
      t,
      [{ productId: products.tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
      {},
      CASHIER_W,
    );
    const z = await t.must(
      'shifts:close',
      {
        shiftId: open.id,
        countedCash: countOf(1000),
        countedOther: [{ type: 'card', amount: 250 }],
      },
      CASHIER_W,
    );
    const db = t.writable();
    try {
      const attempts = [
        ['UPDATE z_reports SET net = net + 1 WHERE id = ?', z.id],
        ['DELETE FROM z_reports WHERE id = ?', z.id],
        // REPLACE is SQLite's own statement; PostgreSQL has none to refuse.
        ...(ON_POSTGRES
          ? []
          : ([
              [`INSERT OR REPLACE INTO z_reports SELECT * FROM z_reports WHERE id = ?`, z.id],
            ] as const)),
        ["UPDATE shifts SET status = 'open' WHERE id = ?", open.id],
        ['UPDATE shifts SET float_amount = 0 WHERE id = ?', open.id],
        ['DELETE FROM shifts WHERE id = ?', open.id],
        ['UPDATE shift_counts SET quantity = 0 WHERE shift_id = ?', open.id],
        ['DELETE FROM cash_movements WHERE shift_id = ?', open.id],
        ['UPDATE sales SET shift_id = NULL WHERE shift_id = ?', open.id],
      ] as const;
      for (const [sql, id] of attempts)
        expect(() => db.prepare(sql).run(id), sql).toThrow(/append-only|never|immutable/);
    } finally {
      db.close();
    }
    expect(await t.must('shifts:zReport', { id: z.id }, MANAGER_W)).toEqual(z);
  });
});

describe('the close', () => {
  it('asks for a note above the store threshold, and changes nothing without one', async () => {
    shop = await shiftShop();
    const { t } = shop;
    await t.must('shifts:updateSettings', { overShortNoteThreshold: 500 }, ADMIN_W);
    const open = await t.must('shifts:open', { floatCount: countOf(10_000) }, CASHIER_W);
    const short = { shiftId: open.id, countedCash: countOf(10_000 - 501), countedOther: [] };
    const before = reader(t).prepare('SELECT status FROM shifts WHERE id = ?').get(open.id);
    const r = await t.call('shifts:close', short, CASHIER_W);
    expect(resultCode(r)).toBe('SHIFT_NOTE_REQUIRED');
    expect(reader(t).prepare('SELECT status FROM shifts WHERE id = ?').get(open.id)).toEqual(
      before,
    );
    expect(zRows(shop)).toBe(0);
    expect(
      (
        reader(t).prepare("SELECT COUNT(*) AS n FROM shift_counts WHERE stage = 'close'").get() as {
          n: number;
        }
      ).n,
    ).toBe(0);
    // A card batch total off by more than the threshold needs one too.
    expect(
      resultCode(
        await t.call(
          'shifts:close',
          { ...short, countedCash: countOf(10_000), countedOther: [{ type: 'card', amount: 600 }] },
          CASHIER_W,
        ),
      ),
    ).toBe('SHIFT_NOTE_REQUIRED');
    // Exactly at the threshold, no note is needed.
    const z = await t.must(
      'shifts:close',
      { ...short, countedCash: countOf(10_000 - 500) },
      CASHIER_W,
    );
    expect(z.reconciliation[0]!.overShort).toBe(-500);
  });

  it("a rupiah store's default threshold is Rp50,000, not 500 minor units; its own choice stays", async () => {
    shop = await shiftShop();
    const { t } = shop;
    await t.must('settings:update', { currency: 'IDR' }, ADMIN_W);
    expect(await t.must('shifts:settings', undefined, ADMIN_W)).toMatchObject({
      currency: 'IDR',
      overShortNoteThreshold: 50_000,
    });
    const float = countOf(1_000_000, 'IDR');
    const shortBy = async (short: number) => {
      const open = await t.must('shifts:open', { floatCount: float }, CASHIER_W);
      const counted = countOf(1_000_000 - short, 'IDR');
      return { shiftId: open.id, countedCash: counted, countedOther: [] };
    };
    // Rp2,000 short (about twelve US cents): the noise of a drawer, no note asked.
    expect(resultCode(await t.call('shifts:close', await shortBy(2_000), CASHIER_W))).toBe('ok');
    // Rp60,000 short: a note, as £6 would in a pound store.
    const sixty = await shortBy(60_000);
    expect(resultCode(await t.call('shifts:close', sixty, CASHIER_W))).toBe('SHIFT_NOTE_REQUIRED');
    const note = 'change given twice';
    expect(resultCode(await t.call('shifts:close', { ...sixty, note }, CASHIER_W))).toBe('ok');
    // A store that chose its own threshold keeps it, whatever its currency.
    await t.must('shifts:updateSettings', { overShortNoteThreshold: 1_000 }, ADMIN_W);
    const own = await t.must('shifts:settings', undefined, ADMIN_W);
    expect(own.overShortNoteThreshold).toBe(1_000);
  });

  it('refuses notes and coins that are not in the table, and changes nothing', async () => {
    shop = await shiftShop();
    const { t } = shop;
    for (const floatCount of [
      [{ value: 300, quantity: 1 }],
      [
        { value: 100, quantity: 1 },
        { value: 100, quantity: 2 },
      ],
    ]) {
      const r = await t.call('shifts:open', { floatCount }, CASHIER_W);
      expect(resultCode(r)).toBe('VALIDATION_FAILED');
    }
    expect(reader(t).prepare('SELECT COUNT(*) AS n FROM shifts').get()).toEqual({ n: 0 });
    // A store's own table: a £3 coin becomes countable.
    await t.must(
      'shifts:setDenominations',
      {
        currency: 'GBP',
        denominations: [
          { value: 300, kind: 'coin' },
          { value: 100, kind: 'coin' },
        ],
      },
      ADMIN_W,
    );
    const settings = await t.must('shifts:settings', {}, CASHIER_W);
    expect(settings).toMatchObject({
      currency: 'GBP',
      denominationsEdited: true,
      requireOpenShift: true,
    });
    expect(settings.denominations.map((d) => d.value)).toEqual([300, 100]);
    expect(
      (await t.must('shifts:open', { floatCount: [{ value: 300, quantity: 2 }] }, CASHIER_W)).float,
    ).toBe(600);
    await t.must('shifts:setDenominations', { currency: 'GBP', denominations: null }, ADMIN_W);
    expect((await t.must('shifts:settings', {}, CASHIER_W)).denominationsEdited).toBe(false);
  });

  it('needs shifts.close and a fresh password; cash needs cash.manage and cash.noSale', async () => {
    shop = await shiftShop();
    const { t } = shop;
    const open = await t.must('shifts:open', { floatCount: countOf(1000) }, CASHIER_W);
    const move = {
      id: randomUUID(),
      kind: 'paidOut' as const,
      amount: 100,
      reason: 'supplier' as const,
    };
    expect(resultCode(await t.call('shifts:cashMovement', move, CASHIER_W))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('shifts:noSale', {}, CASHIER_W))).toBe('FORBIDDEN');
    expect(
      resultCode(await t.call('shifts:updateSettings', { requireOpenShift: false }, MANAGER_W)),
    ).toBe('FORBIDDEN');
    // Past the 5-minute window (S3), the close and a paid out ask for the password again.
    for (let m = 0; m < 6; m++) {
      t.clock.advanceMinutes(1);
      await t.must('auth:activity', {}, CASHIER_W);
      await t.must('auth:activity', {}, MANAGER_W);
    }
    const close = { shiftId: open.id, countedCash: countOf(1000), countedOther: [] };
    expect(resultCode(await t.call('shifts:close', close, CASHIER_W))).toBe('REAUTH_REQUIRED');
    expect(resultCode(await t.call('shifts:cashMovement', move, MANAGER_W))).toBe(
      'REAUTH_REQUIRED',
    );
    expect(zRows(shop)).toBe(0);
    await t.must('auth:reauthenticate', { password: 'copper kettle whistles at dawn' }, CASHIER_W);
    expect((await t.must('shifts:close', close, CASHIER_W)).zNo).toBe(1);
  });

  it('counts a void in the shift in which it happens, and sells without a shift when allowed', async () => {
    shop = await shiftShop();
    const { t, products } = shop;
    const first = await t.must('shifts:open', { floatCount: countOf(1000) }, CASHIER_W);
    const sale = await sell(
      t,
      [{ productId: products.tea, quantity: 1 }],
      [{ type: 'cash', amount: 250 }],
      {},
      CASHIER_W,
    );
    const z1 = await t.must(
      'shifts:close',
      { shiftId: first.id, countedCash: countOf(1250), countedOther: [] },
      CASHIER_W,
    );
    expect(z1).toMatchObject({ gross: 250, voids: 0, expectedCash: 1250 });
    const second = await t.must('shifts:open', { floatCount: countOf(1250) }, CASHIER_W);
    await t.must('sales:void', { id: sale.id, reason: 'Wrong till' }, MANAGER_W);
    const x = await t.must('shifts:xReport', {}, MANAGER_W);
    expect(x).toMatchObject({
      shiftId: second.id,
      gross: 0,
      voids: 250,
      net: -250,
      expectedCash: 1000,
    });
    expect((await t.must('shifts:zReport', { id: z1.id }, MANAGER_W)).voids).toBe(0);
    await t.must(
      'shifts:close',
      { shiftId: second.id, countedCash: countOf(1000), countedOther: [] },
      CASHIER_W,
    );
    // The day summary lists the day's shifts with their Z reports.
    const day = await t.must('reports:daySummary', { date: '2026-11-23' }, MANAGER_W);
    expect(day.shifts?.map((sh) => [sh.id, sh.zNo, sh.net, sh.openedBy.name])).toEqual([
      [first.id, 1, 250, 'Carl Cashier'],
      [second.id, 2, -250, 'Carl Cashier'],
    ]);
    // The store may sell without a shift: such a sale belongs to none.
    await t.must('shifts:updateSettings', { requireOpenShift: false }, ADMIN_W);
    const loose = await sell(
      t,
      [{ productId: products.tea, quantity: 1 }],
      [{ type: 'card', amount: 250 }],
      {},
      CASHIER_W,
    );
    expect(reader(t).prepare('SELECT shift_id FROM sales WHERE id = ?').get(loose.id)).toEqual({
      shift_id: null,
    });
  });
});
