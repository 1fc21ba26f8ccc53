/**
 * Issue 8, item 4: the cart in progress on each till, in the database as it changes. Real cores
 * on real SQLite files: save/get sequences, a version conflict between two windows, ten saves at
 * once, a restart on the same file, a completed sale emptying its cart in its own transaction,
 * another member's cart taken over or parked under its owner's name, and bad input that changes
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftCart } from '../../shared/contract';
import {
  approvedMember,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  tempDir,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertCustomer, insertProducts } from '../helpers/retail';

const ADMIN_W = 1;
const MEMBER_W = 2;
const OTHER_ADMIN_WINDOW = 3;

let cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
});

/** A till with the admin (window 1), a cashier (window 2), two products and a customer. */
async function till(dir?: string) {
  const t = await makeTestCore(dir ? { dir } : {});
  cores.push(t);
  const adminId = (await withAdmin(t)).staff.id;
  const memberId = await approvedMember(t, MEMBER);
  await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, MEMBER_W);
  const [tea, cake] = insertProducts(t, [
    { sku: 'TEA', name: 'Tea', price: 250 },
    { sku: 'CAKE', name: 'Cake', price: 333 },
  ]) as [number, number];
  const customer = insertCustomer(t, { name: 'Maria Lopez' });
  return { t, adminId, memberId, tea, cake, customer };
}

function rowCount(t: TestCore, table: string): number {
  return (t.raw().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function storedCart(t: TestCore) {
  return t.raw().prepare('SELECT * FROM till_carts').all();
}

describe('the till cart in progress (issue 8, item 4)', () => {
  it('keeps every change in order, with its owner and a growing version', async () => {
    const { t, tea, cake, customer } = await till();
    expect(await t.must('cart:get', {}, MEMBER_W)).toEqual({
      cart: { lines: [], customerId: null },
      owner: null,
      version: 0,
      updatedAt: null,
    });
    const carts: DraftCart[] = [
      { lines: [{ productId: tea, quantity: 1 }] },
      { lines: [{ productId: tea, quantity: 2 }] },
      {
        lines: [
          { productId: tea, quantity: 2 },
          { productId: cake, quantity: 1, discount: { type: 'percent', bps: 1000 } },
        ],
        customerId: customer,
      },
      {
        lines: [{ productId: cake, quantity: 1, discount: { type: 'percent', bps: 1000 } }],
        discount: { type: 'amount', value: 50 },
        customerId: customer,
      },
    ];
    let version = 0;
    for (const cart of carts) {
      const saved = await t.must('cart:save', { cart, version }, MEMBER_W);
      expect(saved.version).toBe(version + 1);
      expect(saved.owner).toEqual({ id: expect.any(Number), name: MEMBER.displayName });
      version = saved.version;
      expect(await t.must('cart:get', {}, MEMBER_W)).toEqual(saved);
    }
    const last = await t.must('cart:get', {}, MEMBER_W);
    expect(last.cart).toEqual({ ...carts[3], customerId: customer });
    expect(last.updatedAt).toBe(t.clock.now().toISOString());
    // Emptied: no owner any more, and anyone may start the next sale.
    const emptied = await t.must('cart:save', { cart: { lines: [] }, version }, MEMBER_W);
    expect(emptied.owner).toBeNull();
    const adminSale = await t.must(
      'cart:save',
      { cart: { lines: [{ productId: cake, quantity: 3 }] }, version: emptied.version },
      ADMIN_W,
    );
    expect(adminSale.owner?.name).toBe('Ada Admin');
    expect(rowCount(t, 'till_carts')).toBe(1);
  });

  it('refuses a save based on a stale version: two windows never overwrite each other', async () => {
    const { t, tea, cake } = await till();
    // The same member in two windows of one till, both starting from version 0.
    await t.must(
      'auth:login',
      { identifier: 'ada', password: 'correct horse battery' },
      OTHER_ADMIN_WINDOW,
    );
    const first = await t.must(
      'cart:save',
      { cart: { lines: [{ productId: tea, quantity: 1 }] }, version: 0 },
      ADMIN_W,
    );
    const stale = await t.call(
      'cart:save',
      { cart: { lines: [{ productId: cake, quantity: 1 }] }, version: 0 },
      OTHER_ADMIN_WINDOW,
    );
    expect(resultCode(stale)).toBe('CONFLICT');
    expect(await t.must('cart:get', {}, OTHER_ADMIN_WINDOW)).toEqual(first);
    // An empty cart over lines, from a stale window, is refused too (it would drop the sale).
    expect(
      resultCode(
        await t.call('cart:save', { cart: { lines: [] }, version: 0 }, OTHER_ADMIN_WINDOW),
      ),
    ).toBe('CONFLICT');
    // Saving exactly what is stored succeeds whatever the version: nothing is overwritten.
    expect(
      await t.must(
        'cart:save',
        { cart: { lines: [{ productId: tea, quantity: 1 }] }, version: 0 },
        OTHER_ADMIN_WINDOW,
      ),
    ).toEqual(first);
  });

  it('takes ten saves at once: one per version wins, the others are CONFLICT, none is lost silently', async () => {
    const { t, tea } = await till();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.call(
          'cart:save',
          { cart: { lines: [{ productId: tea, quantity: i + 1 }] }, version: 0 },
          ADMIN_W,
        ),
      ),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(resultCode)).toEqual(Array(9).fill('CONFLICT'));
    const stored = await t.must('cart:get', {}, ADMIN_W);
    expect(won[0]!.ok && won[0]!.data).toEqual(stored);
    // Chained on each answer's version, ten saves in a row all land, in order.
    let version = stored.version;
    for (let q = 11; q <= 20; q++)
      version = (
        await t.must(
          'cart:save',
          { cart: { lines: [{ productId: tea, quantity: q }] }, version },
          ADMIN_W,
        )
      ).version;
    expect((await t.must('cart:get', {}, ADMIN_W)).cart.lines).toEqual([
      { productId: tea, quantity: 20 },
    ]);
    expect(version).toBe(11);
  });

  it('survives a restart: a new core on the same file shows the same cart and owner', async () => {
    const dir = tempDir();
    const first = await till(dir);
    const saved = await first.t.must(
      'cart:save',
      {
        cart: { lines: [{ productId: first.tea, quantity: 4 }], customerId: first.customer },
        version: 0,
      },
      MEMBER_W,
    );
    await first.t.close();
    cores = cores.filter((c) => c !== first.t);
    const again = await makeTestCore({ dir });
    cores.push(again);
    // Sessions do not survive the restart; the cart does.
    expect(resultCode(await again.call('cart:get', {}, MEMBER_W))).toBe('UNAUTHENTICATED');
    await again.must(
      'auth:login',
      { identifier: MEMBER.username, password: MEMBER.password },
      MEMBER_W,
    );
    expect(await again.must('cart:get', {}, MEMBER_W)).toEqual(saved);
  });

  it('empties the cart in the completed sale’s own transaction, and a refused sale leaves it', async () => {
    const { t, tea } = await till();
    const cart = { lines: [{ productId: tea, quantity: 2 }] };
    const saved = await t.must('cart:save', { cart, version: 0 }, MEMBER_W);
    const short = await t.call(
      'sales:checkout',
      { ...cart, id: randomUUID(), tenders: [{ type: 'cash', amount: 100 }] },
      MEMBER_W,
    );
    expect(resultCode(short)).toBe('TENDER_SHORT');
    expect(await t.must('cart:get', {}, MEMBER_W)).toEqual(saved);
    await t.must(
      'sales:checkout',
      { ...cart, id: randomUUID(), tenders: [{ type: 'cash', amount: 500 }] },
      MEMBER_W,
    );
    const after = await t.must('cart:get', {}, MEMBER_W);
    expect(after).toMatchObject({ cart: { lines: [] }, owner: null, version: saved.version + 1 });
    // The renderer's own "empty cart" save after the sale is not a conflict.
    expect(
      (await t.must('cart:save', { cart: { lines: [] }, version: saved.version }, MEMBER_W))
        .version,
    ).toBe(after.version);
    // A window still holding the sold cart cannot bring it back.
    expect(
      resultCode(
        await t.call(
          'cart:save',
          { cart: { lines: [{ productId: tea, quantity: 3 }] }, version: saved.version },
          MEMBER_W,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('empties the cart in the transaction that parks it (sales:park), so it is never in both', async () => {
    const { t, tea, cake } = await till();
    const cart = {
      lines: [
        { productId: tea, quantity: 2 },
        { productId: cake, quantity: 1 },
      ],
    };
    const saved = await t.must('cart:save', { cart, version: 0 }, MEMBER_W);
    await t.must('sales:park', { label: 'Back soon', cart }, MEMBER_W);
    expect(await t.must('cart:get', {}, MEMBER_W)).toMatchObject({
      cart: { lines: [] },
      owner: null,
      version: saved.version + 1,
    });
    expect(rowCount(t, 'parked_sales')).toBe(1);
  });

  it("leaves another member's cart alone when someone else completes a sale", async () => {
    const { t, tea, cake } = await till();
    const theirs = await t.must(
      'cart:save',
      { cart: { lines: [{ productId: tea, quantity: 1 }] }, version: 0 },
      MEMBER_W,
    );
    await t.must(
      'sales:checkout',
      {
        lines: [{ productId: cake, quantity: 1 }],
        id: randomUUID(),
        tenders: [{ type: 'card', amount: 333 }],
      },
      ADMIN_W,
    );
    expect(await t.must('cart:get', {}, ADMIN_W)).toEqual(theirs);
  });

  it("never replaces another member's lines: they are taken over (audited) or parked under the owner's name", async () => {
    const { t, tea, cake, memberId } = await till();
    const carl = await t.must(
      'cart:save',
      {
        cart: {
          lines: [
            { productId: tea, quantity: 2 },
            { productId: cake, quantity: 1 },
          ],
        },
        version: 0,
      },
      MEMBER_W,
    );
    // Carl locks and the admin signs in at the till: an empty-cart save would drop Carl's sale.
    expect(
      resultCode(
        await t.call('cart:save', { cart: { lines: [] }, version: carl.version }, ADMIN_W),
      ),
    ).toBe('CONFLICT');
    expect(
      resultCode(
        await t.call(
          'cart:save',
          { cart: { lines: [{ productId: cake, quantity: 9 }] }, version: carl.version },
          ADMIN_W,
        ),
      ),
    ).toBe('CONFLICT');
    expect(resultCode(await t.call('cart:takeOver', { version: carl.version - 1 }, ADMIN_W))).toBe(
      'CONFLICT',
    );
    expect(auditCount(t, 'cart.takeover')).toBe(0);

    const taken = await t.must('cart:takeOver', { version: carl.version }, ADMIN_W);
    expect(taken).toMatchObject({
      cart: carl.cart,
      owner: { name: 'Ada Admin' },
      version: carl.version + 1,
    });
    expect(auditCount(t, 'cart.takeover', 'success')).toBe(1);
    // Taking over one's own cart again changes nothing.
    expect(await t.must('cart:takeOver', { version: taken.version }, ADMIN_W)).toEqual(taken);
    expect(auditCount(t, 'cart.takeover')).toBe(1);

    // Back to Carl: he rings a new cart after the admin parks hers... here the admin's cart is
    // parked under the admin's name, and Carl's next cart is parked by the admin under Carl's.
    const parkedOwn = await t.must('cart:park', { version: taken.version }, ADMIN_W);
    expect(parkedOwn.parked.staff.name).toBe('Ada Admin');
    const carl2 = await t.must(
      'cart:save',
      { cart: { lines: [{ productId: cake, quantity: 5 }] }, version: parkedOwn.till.version },
      MEMBER_W,
    );
    const parked = await t.must('cart:park', { version: carl2.version, label: null }, ADMIN_W);
    expect(parked.parked).toMatchObject({
      staff: { id: memberId, name: MEMBER.displayName },
      lineCount: 1,
      label: '1 item',
    });
    expect(parked.till).toMatchObject({
      cart: { lines: [] },
      owner: null,
      version: carl2.version + 1,
    });
    expect((await t.must('sales:parkedList', {}, MEMBER_W)).map((p) => p.staff.name)).toEqual([
      'Ada Admin',
      MEMBER.displayName,
    ]);
    // It resumes as it was.
    expect(await t.must('sales:resume', { id: parked.parked.id }, MEMBER_W)).toEqual({
      cart: { lines: [{ productId: cake, quantity: 5 }], customerId: null },
    });
    // Nothing left to park.
    expect(resultCode(await t.call('cart:park', { version: parked.till.version }, ADMIN_W))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const { t, tea } = await till();
    const saved = await t.must(
      'cart:save',
      { cart: { lines: [{ productId: tea, quantity: 1 }] }, version: 0 },
      MEMBER_W,
    );
    const before = JSON.stringify(storedCart(t));
    const bad: unknown[] = [
      { cart: { lines: [{ productId: tea, quantity: 0 }] }, version: 1 },
      { cart: { lines: [{ productId: tea, quantity: 1.5 }] }, version: 1 },
      { cart: { lines: [{ productId: -1, quantity: 1 }] }, version: 1 },
      { cart: { lines: [{ productId: tea, quantity: 1, price: 1 }] }, version: 1 },
      { cart: { lines: [], total: 100 }, version: 1 },
      { cart: { lines: Array(201).fill({ productId: tea, quantity: 1 }) }, version: 1 },
      { cart: { lines: [] }, version: -1 },
      { cart: { lines: [] } },
      { cart: { lines: [] }, version: 1, staffId: 1 },
      { version: 1 },
    ];
    for (const input of bad) {
      const r = await t.call('cart:save', input as never, MEMBER_W);
      expect(resultCode(r), JSON.stringify(input)).toBe('VALIDATION_FAILED');
      expect(r.ok ? '' : r.error.message).not.toBe('');
    }
    expect(resultCode(await t.call('cart:takeOver', { version: 'x' } as never, MEMBER_W))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      resultCode(await t.call('cart:park', { version: 1, label: 'x'.repeat(61) }, MEMBER_W)),
    ).toBe('VALIDATION_FAILED');
    // No session: nothing to read, nothing written.
    expect(resultCode(await t.call('cart:get', {}, 9))).toBe('UNAUTHENTICATED');
    expect(resultCode(await t.call('cart:save', { cart: { lines: [] }, version: 1 }, 9))).toBe(
      'UNAUTHENTICATED',
    );
    expect(JSON.stringify(storedCart(t))).toBe(before);
    expect(await t.must('cart:get', {}, MEMBER_W)).toEqual(saved);
  });
});
