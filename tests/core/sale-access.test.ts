/**
 * Issue 7 §9 (A7): who may read and edit completed sales.
 *
 * - `sales:annotate` needs `sales.annotate` (managers, admins); a cashier is FORBIDDEN and nothing
 *   changes, even on their own sale. A voided sale is refused with SALE_VOIDED for everyone.
 * - `sales:list`: a member without `reports.view` sees only their own sales, whatever filter they
 *   send; `sales:get` of someone else's sale answers NOT_FOUND to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertCustomer, insertProducts, reader, sell } from '../helpers/retail';

const ADMIN_W = 1;
const MANAGER_W = 2;
const CASHIER_W = 3;
const OTHER_CASHIER_W = 4;

const people = {
  manager: {
    username: 'mona',
    email: 'mona@shop.test',
    displayName: 'Mona Manager',
    password: 'seven paper boats drifting east',
  },
  cashier: {
    username: 'carl',
    email: 'carl@shop.test',
    displayName: 'Carl Cashier',
    password: 'copper kettle whistles at dawn',
  },
  other: {
    username: 'cleo',
    email: 'cleo@shop.test',
    displayName: 'Cleo Cashier',
    password: 'paper lanterns over the bay',
  },
};

let t: TestCore;
let ids: { admin: number; manager: number; cashier: number; other: number };
let tea: number;
let customer: number;
/** Sale ids by who rang them up. */
const sold: Record<'admin' | 'cashier' | 'other', number[]> = { admin: [], cashier: [], other: [] };

const sellAs = async (who: keyof typeof sold, windowId: number) => {
  const sale = await sell(
    t,
    [{ productId: tea, quantity: 1 }],
    [{ type: 'card', amount: 250 }],
    {},
    windowId,
  );
  sold[who].push(sale.id);
  return sale;
};

function saleRow(id: number) {
  return reader(t).prepare('SELECT customer_id, note, status FROM sales WHERE id = ?').get(id);
}

beforeAll(async () => {
  t = await makeTestCore();
  const admin = (await withAdmin(t)).staff.id;
  await t.must('settings:update', { timeZone: 'Europe/London', idleLockMinutes: 15 });
  const manager = await approvedMember(t, people.manager);
  await t.must('staff:setRole', { id: manager, role: 'manager' });
  const cashier = await approvedMember(t, people.cashier);
  const other = await approvedMember(t, people.other);
  ids = { admin, manager, cashier, other };
  for (const [p, w] of [
    [people.manager, MANAGER_W],
    [people.cashier, CASHIER_W],
    [people.other, OTHER_CASHIER_W],
  ] as const)
    await t.must('auth:login', { identifier: p.username, password: p.password }, w);
  [tea] = insertProducts(t, [{ sku: 'TEA', name: 'Tea', price: 250 }]) as [number];
  customer = insertCustomer(t, { name: 'Dora Customer', email: 'dora@shop.test' });
  for (let i = 0; i < 3; i++) {
    await sellAs('admin', ADMIN_W);
    await sellAs('cashier', CASHIER_W);
    await sellAs('other', OTHER_CASHIER_W);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('sales:annotate needs sales.annotate and a completed sale', () => {
  it('a cashier is FORBIDDEN, on their own sale too, and nothing changes', async () => {
    const own = sold.cashier[0]!;
    const before = saleRow(own);
    const audits = auditCount(t, 'sale.annotate');
    const r = await t.call(
      'sales:annotate',
      { id: own, customerId: customer, note: 'mine' },
      CASHIER_W,
    );
    expect(resultCode(r)).toBe('FORBIDDEN');
    expect(saleRow(own)).toEqual(before);
    expect(auditCount(t, 'sale.annotate')).toBe(audits);
  });

  it("a manager may edit any till member's sale", async () => {
    const out = await t.must(
      'sales:annotate',
      { id: sold.other[0]!, customerId: customer, note: 'Gift' },
      MANAGER_W,
    );
    expect(out).toMatchObject({ customer: { id: customer }, note: 'Gift', status: 'completed' });
  });

  it('a voided sale is refused with SALE_VOIDED, before and after a race with the void', async () => {
    const sale = sold.admin[0]!;
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    // The void and an edit sent together: whichever runs second sees the other's result.
    const [voided, edit] = await Promise.all([
      t.call('sales:void', { id: sale, reason: 'Wrong till' }),
      t.call('sales:annotate', { id: sale, customerId: customer, note: 'late' }, MANAGER_W),
    ]);
    expect(resultCode(voided)).toBe('ok');
    const editCode = resultCode(edit);
    expect(['ok', 'SALE_VOIDED']).toContain(editCode);
    const after = saleRow(sale);
    const audits = auditCount(t, 'sale.annotate');
    for (const w of [MANAGER_W, ADMIN_W]) {
      const r = await t.call('sales:annotate', { id: sale, customerId: null, note: 'again' }, w);
      expect(resultCode(r)).toBe('SALE_VOIDED');
    }
    expect(saleRow(sale)).toEqual(after);
    expect(auditCount(t, 'sale.annotate')).toBe(audits);
  });
});

describe('without reports.view a member reads only their own sales', () => {
  const listed = async (windowId: number, filter: object = {}) =>
    (await t.must('sales:list', { limit: 100, ...filter }, windowId)).items.map((s) => s.id);

  it('sales:list shows a cashier only what they rang up, whatever the filter', async () => {
    const mine = [...sold.cashier].reverse();
    expect(await listed(CASHIER_W)).toEqual(mine);
    expect(await listed(CASHIER_W, { staffId: ids.other })).toEqual([]);
    expect(await listed(CASHIER_W, { staffId: ids.cashier })).toEqual(mine);
    expect(await listed(OTHER_CASHIER_W)).toEqual([...sold.other].reverse());
    // Managers and admins (reports.view) see everyone's.
    const all = [...sold.admin, ...sold.cashier, ...sold.other].sort((a, b) => b - a);
    expect(await listed(MANAGER_W)).toEqual(all);
    expect(await listed(ADMIN_W, { staffId: ids.other })).toEqual([...sold.other].reverse());
  });

  it("sales:get of someone else's sale is NOT_FOUND for a cashier, like a sale that does not exist", async () => {
    expect((await t.must('sales:get', { id: sold.cashier[1]! }, CASHIER_W)).id).toBe(
      sold.cashier[1],
    );
    for (const id of [sold.other[1]!, sold.admin[1]!, 999_999])
      expect(resultCode(await t.call('sales:get', { id }, CASHIER_W)), String(id)).toBe(
        'NOT_FOUND',
      );
    expect((await t.must('sales:get', { id: sold.cashier[1]! }, MANAGER_W)).id).toBe(
      sold.cashier[1],
    );
  });
});
