/**
 * The renderer's side of the money rules (issue 7 §5): the price prompt for an open-price
 * product (keyboard-first, one line per price typed, cashiers sent to a manager), the core's
 * OVERRIDE_REQUIRED shown on the line and in the banner, the discount limit shown in the
 * discount dialog, and the limit edited in Settings. The core is a fake `window.api`.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cart, ProductView, Quote, TillSettings } from '../../shared/contract';
import { priceSale } from '../../shared/money';
type RoleId = 'admin' | 'manager' | 'cashier';
import { useCartStore } from '../../renderer/src/stores/cart';
import { cartTable, findCartTable, lastQuote, totalDue } from './checkout-fixtures';
import {
  createFakeApi,
  fail,
  type FakeApi,
  ok,
  renderApp,
  sessionFor,
  TILL,
  STORE_DETAILS,
} from './helpers';

const SETTINGS: TillSettings = {
  terminalName: TILL,
  ...STORE_DETAILS,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/London',
  maxDiscountBps: 5000,
};

function product(id: number, name: string, price: number, extra: Partial<ProductView> = {}) {
  return {
    id,
    sku: `SKU-${id}`,
    barcode: `500000${id}`,
    name,
    price,
    taxRateBps: 2000,
    kind: 'stock',
    active: true,
    openPrice: false,
    categoryId: null,
    archived: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...extra,
  } satisfies ProductView;
}

const mug = product(1, 'Red mug', 450);
const wrap = product(2, 'Gift wrap', 0, { openPrice: true });
const engraving = product(3, 'Engraving', 1500, { kind: 'fee', openPrice: true });
const CATALOG = [mug, wrap, engraving];

/** Prices a cart as the core would (inclusive tax), taking an open price from the line. */
function quoteOf(cart: Cart): Quote {
  const products = cart.lines.map((l) => CATALOG.find((p) => p.id === l.productId)!);
  const priced = priceSale(
    cart.lines.map((l, i) => ({
      unitPrice: l.unitPrice ?? products[i]!.price,
      quantity: l.quantity,
      taxRateBps: 2000,
      lineDiscount: 0,
    })),
    cart.discount,
    true,
  );
  return {
    lines: priced.lines.map((l, i) => ({
      productId: products[i]!.id,
      sku: products[i]!.sku,
      description: products[i]!.name,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      taxRateBps: 2000,
      discount: l.discount,
      tax: l.tax,
      total: l.total,
      onHand: null,
    })),
    subtotal: priced.subtotal,
    discount: priced.discount,
    tax: priced.tax,
    total: priced.total,
    currency: 'GBP',
    pricesIncludeTax: true,
  };
}

async function openCheckout(role: RoleId, api: FakeApi = createFakeApi()) {
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor(role) }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['sales:parkedList'].mockResolvedValue(ok([]));
  api['products:lookup'].mockImplementation(async (input) =>
    ok({ product: CATALOG.find((p) => p.barcode === input?.code) ?? null }),
  );
  api['products:list'].mockResolvedValue(ok({ items: [], total: 0 }));
  api['sales:quote'].mockImplementation(async (input) => ok(quoteOf(input!)));
  const rendered = renderApp(api);
  if (role !== 'cashier')
    await rendered.user.click(await screen.findByRole('button', { name: 'Checkout' }));
  const scan = await screen.findByLabelText('Scan or search products');
  await rendered.user.click(scan);
  return { api, scan, ...rendered };
}

beforeEach(() => {
  useCartStore.getState().reset();
});

describe('open price: the till asks for the price', () => {
  it('a manager scans it, types the price, Enter adds a line at that price; each scan is its own line', async () => {
    const { api, scan, user } = await openCheckout('manager');
    await user.type(scan, `${wrap.barcode}{Enter}`);
    const dialog = await screen.findByRole('dialog', { name: 'Price of Gift wrap' });
    const price = within(dialog).getByLabelText('Price in GBP');
    await waitFor(() => expect(price).toHaveFocus());
    // Nothing is added until the price is given; zero is refused.
    await user.keyboard('0{Enter}');
    expect(await within(dialog).findByText(/Enter a price above zero/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Cart' })).not.toBeInTheDocument();
    await user.clear(price);
    await user.keyboard('12.34{Enter}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(await within(await findCartTable()).findByText('Gift wrap')).toBeInTheDocument();
    await waitFor(() =>
      expect(lastQuote(api)).toEqual({
        lines: [{ productId: wrap.id, quantity: 1, unitPrice: 1234 }],
        customerId: null,
      }),
    );
    await waitFor(() => expect(totalDue()).toHaveTextContent('£12.34'));
    await waitFor(() => expect(scan).toHaveFocus());

    // The suggested price is offered, selected: Enter takes it. A second scan is a second line.
    await user.type(scan, `${engraving.barcode}{Enter}`);
    const again = await screen.findByRole('dialog', { name: 'Price of Engraving' });
    expect(within(again).getByLabelText('Price in GBP')).toHaveValue('15.00');
    await user.keyboard('{Enter}');
    await user.type(scan, `${wrap.barcode}{Enter}`);
    await screen.findByRole('dialog', { name: 'Price of Gift wrap' });
    await user.keyboard('5{Enter}');
    await waitFor(() =>
      expect(lastQuote(api)?.lines).toEqual([
        { productId: wrap.id, quantity: 1, unitPrice: 1234 },
        { productId: engraving.id, quantity: 1, unitPrice: 1500 },
        { productId: wrap.id, quantity: 1, unitPrice: 500 },
      ]),
    );
    expect(within(cartTable()).getAllByText('Gift wrap')).toHaveLength(2);
    await waitFor(() => expect(totalDue()).toHaveTextContent('£32.34'));
  });

  it('Esc on the price prompt adds nothing; an ordinary product needs no prompt and no limit', async () => {
    const { api, scan, user } = await openCheckout('manager');
    await user.type(scan, `${wrap.barcode}{Enter}`);
    const dialog = await screen.findByRole('dialog', { name: 'Price of Gift wrap' });
    await user.keyboard('7{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(api['sales:quote']).not.toHaveBeenCalled();
    await user.type(scan, `${mug.barcode}{Enter}`);
    expect(await within(await findCartTable()).findByText('Red mug')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(lastQuote(api)?.lines).toEqual([{ productId: mug.id, quantity: 1 }]),
    );
    // A manager may go past the limit: the discount dialog does not mention it.
    await user.click(screen.getByRole('button', { name: 'Sale discount' }));
    const discount = await screen.findByRole('dialog', { name: 'Sale discount' });
    expect(within(discount).queryByText(/without a manager/)).not.toBeInTheDocument();
  });

  it('scanned, then F12 at once: the price prompt comes first, and nothing is paid without it', async () => {
    const { api, scan, user } = await openCheckout('manager');
    await user.type(scan, `${mug.barcode}{Enter}`);
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    // F12 while the open price is still being looked up, and "20" typed for the payment.
    await user.type(scan, `${wrap.barcode}{Enter}{F12}20`);
    const dialog = await screen.findByRole('dialog', { name: 'Price of Gift wrap' });
    const price = within(dialog).getByLabelText('Price in GBP');
    await waitFor(() => expect(price).toHaveFocus());
    expect(price).toHaveValue('');
    expect(screen.queryByRole('dialog', { name: 'Take payment' })).not.toBeInTheDocument();
    await user.keyboard('2.50{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£7.00'));
    await user.keyboard('{F12}');
    const pay = await screen.findByRole('dialog', { name: 'Take payment' });
    expect(within(pay).getByLabelText('Remaining due')).toHaveTextContent('£7.00');
    expect(api['sales:checkout']).not.toHaveBeenCalled();
  });

  it('a cashier is told it needs a manager, and nothing is added', async () => {
    const { api, scan, user } = await openCheckout('cashier');
    await user.type(scan, `${wrap.barcode}{Enter}`);
    expect(await screen.findByText('Gift wrap has an open price')).toBeInTheDocument();
    expect(screen.getByText(/This needs a manager/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: /Price of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Cart' })).not.toBeInTheDocument();
    expect(api['sales:quote']).not.toHaveBeenCalled();
  });
});

describe('discounts above the limit', () => {
  it('the discount dialog shows a cashier the limit; the core refusal marks the line and blocks Pay', async () => {
    const api = createFakeApi();
    const { scan, user } = await openCheckout('cashier', api);
    await user.type(scan, `${mug.barcode}{Enter}`);
    await within(await findCartTable()).findByText('Red mug');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));

    api['sales:quote'].mockResolvedValue(
      fail('OVERRIDE_REQUIRED', 'A discount above 50 % needs a manager.', [
        { path: 'lines.0.discount', message: 'A discount above 50 % needs a manager.' },
      ]),
    );
    await user.click(within(cartTable()).getByRole('button', { name: /discount/i }));
    const dialog = await screen.findByRole('dialog', { name: 'Discount on Red mug' });
    expect(within(dialog).getByText('Up to 50 % without a manager')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Discount %'), '80{Enter}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    expect(
      await within(await findCartTable()).findByText('A discount above 50 % needs a manager.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/The marked lines need a manager/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay' })).toBeDisabled();
  });
});

describe('settings: the discount limit', () => {
  it('an admin sees 50 % and changes it to 12.5 %, sent as 1250 basis points; 101 is refused', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['settings:update'].mockResolvedValue(ok({ ...SETTINGS, maxDiscountBps: 1250 }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const limit = await screen.findByLabelText('Largest discount without a manager (%)');
    expect(limit).toHaveValue('50');

    await user.clear(limit);
    await user.type(limit, '101');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Enter a percent from 0 to 100/)).toBeInTheDocument();
    expect(api['settings:update']).not.toHaveBeenCalled();

    await user.clear(limit);
    await user.type(limit, '12.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api['settings:update']).toHaveBeenCalledWith({ maxDiscountBps: 1250 }),
    );
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  });
});
