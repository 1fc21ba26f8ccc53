/**
 * Issue 10, section 4: the customer display's view of the till on a real core. It follows the
 * till's cart (priced as the till prices it), thanks the customer with the change after a sale,
 * and goes idle. Its window may call `display:cart` and nothing else, and no other window may
 * call `display:cart` (FORBIDDEN_SENDER, audited); listeners hear every change of the cart.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type DisplayView } from '../../shared/contract';
import {
  auditCount,
  callerFor,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertProducts } from '../helpers/retail';

const DISPLAY_WINDOW = 7;
let t: TestCore;
let tea: number;
let cake: number;

beforeEach(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  await t.must('settings:update', { storeName: 'Corner Deli' });
  [tea, cake] = insertProducts(t, [
    { sku: 'TEA', name: 'Earl Grey tea', price: 350 },
    { sku: 'CAKE', name: 'Carrot cake', price: 425 },
  ]) as [number, number];
});
afterEach(async () => {
  await t.close();
});

/** What the display window reads. */
async function display(): Promise<DisplayView> {
  const r = await t.core.invoke(
    'display:cart',
    {},
    { ...callerFor(DISPLAY_WINDOW), display: true },
  );
  if (!r.ok) throw new Error(`display:cart ${r.error.code}`);
  return r.data as DisplayView;
}

describe('the customer display follows the till', () => {
  it('idle, then each scan priced, then the change and thanks, then idle again', async () => {
    const heard: number[] = [];
    const stop = t.core.onDisplayChange(() => heard.push(heard.length + 1));
    expect(await display()).toMatchObject({ state: 'idle', lines: [], storeName: 'Corner Deli' });

    let version = 0;
    const scans = [tea, tea, cake];
    const lines: Array<{ productId: number; quantity: number }> = [];
    for (const id of scans) {
      const line = lines.find((l) => l.productId === id);
      if (line) line.quantity += 1;
      else lines.push({ productId: id, quantity: 1 });
      version = (await t.must('cart:save', { cart: { lines }, version })).version;
    }
    expect(heard).toHaveLength(3);
    expect(await display()).toMatchObject({
      state: 'cart',
      currency: 'GBP',
      lines: [
        { description: 'Earl Grey tea', quantity: 2, unitPrice: 350, total: 700 },
        { description: 'Carrot cake', quantity: 1, unitPrice: 425, total: 425 },
      ],
      total: 1125,
      paid: null,
      change: null,
    });

    await t.must('sales:checkout', {
      id: randomUUID(),
      lines,
      tenders: [{ type: 'cash', amount: 2000 }],
    });
    expect(heard).toHaveLength(4);
    expect(await display()).toMatchObject({ state: 'done', total: 1125, paid: 2000, change: 875 });

    // Still thanking two minutes on; idle after that.
    t.clock.advanceMinutes(2);
    expect((await display()).state).toBe('done');
    t.clock.advance(1000);
    expect(await display()).toMatchObject({ state: 'idle', lines: [] });
    stop();
    const till = await t.must('cart:get');
    await t.must('cart:save', {
      cart: { lines: [{ productId: cake, quantity: 1 }] },
      version: till.version,
    });
    expect(heard).toHaveLength(4);
  });

  it('ten sales in a row: the next scan replaces the thank-you at once', async () => {
    for (let i = 1; i <= 10; i++) {
      const till = await t.must('cart:get');
      const cart = { lines: [{ productId: tea, quantity: i }] };
      await t.must('cart:save', { cart, version: till.version });
      expect(await display()).toMatchObject({ state: 'cart', total: 350 * i });
      await t.must('sales:checkout', {
        id: randomUUID(),
        ...cart,
        tenders: [{ type: 'card', amount: 350 * i }],
      });
      expect(await display()).toMatchObject({ state: 'done', total: 350 * i, change: 0 });
    }
  });
});

describe('the display window reads its view and nothing else (E5)', () => {
  it('refuses every other channel from the display window, audited', async () => {
    const others = CHANNEL_NAMES.filter((c) => c !== 'display:cart');
    for (const channel of others) {
      const r = await t.core.invoke(channel, {}, { ...callerFor(DISPLAY_WINDOW), display: true });
      expect(resultCode(r), channel).toBe('FORBIDDEN_SENDER');
    }
    expect(auditCount(t, 'ipc.forbidden_sender', 'denied')).toBe(others.length);
  });

  it('refuses display:cart to a till window, signed in or not', async () => {
    expect(resultCode(await t.call('display:cart', {}))).toBe('FORBIDDEN_SENDER');
    expect(resultCode(await t.call('display:cart', {}, 42))).toBe('FORBIDDEN_SENDER');
    expect(auditCount(t, 'ipc.forbidden_sender', 'denied')).toBe(2);
  });

  it('the display view carries no id, no staff and no customer', async () => {
    await t.must('cart:save', { cart: { lines: [{ productId: tea, quantity: 1 }] }, version: 0 });
    const text = JSON.stringify(await display());
    expect(text).not.toMatch(/"(id|productId|staff|customer|owner|version)"/);
    expect(text).not.toContain('Ada');
  });
});

describe('the store turns the customer display off and on (Settings)', () => {
  it('is on by default; settings:update turns it off, tells the shell, and keeps it off', async () => {
    expect(t.core.customerDisplayEnabled()).toBe(true);
    const seen: boolean[] = [];
    const stop = t.core.onDisplayChange(() => seen.push(t.core.customerDisplayEnabled()));
    await t.must('settings:update', { customerDisplay: false });
    expect(seen).toEqual([false]);
    expect((await t.must('settings:get')).customerDisplay).toBe(false);
    // Bad input changes nothing.
    expect(resultCode(await t.call('settings:update', { customerDisplay: 'no' } as never))).toBe(
      'VALIDATION_FAILED',
    );
    expect(t.core.customerDisplayEnabled()).toBe(false);
    await t.must('settings:update', { customerDisplay: true });
    expect(seen).toEqual([false, true]);
    expect(auditCount(t, 'settings.update')).toBeGreaterThanOrEqual(3);
    stop();

    // Off is stored: a core starting on the file (a restart) reads it before any window opens.
    await t.must('settings:update', { customerDisplay: false });
    const started = await makeTestCore({ dir: t.dir, terminalName: 'till-2' });
    try {
      expect(started.core.customerDisplayEnabled()).toBe(false);
    } finally {
      await started.close();
    }
  });
});
