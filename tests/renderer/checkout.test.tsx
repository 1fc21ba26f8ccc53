import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParkedSale } from '../../shared/contract';
import { useCartStore } from '../../renderer/src/stores/cart';
import {
  ada,
  quoteOf,
  openCheckout,
  lastQuote,
  cartTable,
  findCartTable,
  totalDue,
} from './checkout-fixtures';
import { fail, ok } from './helpers';

beforeEach(() => {
  useCartStore.getState().reset();
});

describe('checkout: scanning and searching', () => {
  it('a scanned barcode adds a line, and the quote carries product ids and quantities only', async () => {
    const { api, scan, user } = await openCheckout();
    expect(screen.getByText('Scan a barcode or type to search')).toBeInTheDocument();

    await user.type(scan, '5000001{Enter}');
    expect(api['products:lookup']).toHaveBeenCalledWith({ code: '5000001' });
    expect(await within(await findCartTable()).findByText('Red mug')).toBeInTheDocument();
    expect(scan).toHaveValue('');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));

    expect(lastQuote(api)).toEqual({ lines: [{ productId: 1, quantity: 1 }], customerId: null });
    const sent = JSON.stringify(api['sales:quote'].mock.calls);
    for (const key of ['price', 'unitPrice', 'total', 'subtotal', 'tax'])
      expect(sent).not.toContain(`"${key}"`);
    // Tax included in the price is said so.
    expect(screen.getByText('Tax (incl.)')).toBeInTheDocument();
    expect(screen.getByText('£0.75')).toBeInTheDocument();
  });

  it('the same barcode twice makes quantity 2 on one line', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Quantity of Red mug')).toHaveValue('2'));
    expect(within(cartTable()).getAllByText('Red mug')).toHaveLength(1);
    await waitFor(() =>
      expect(lastQuote(api)).toEqual({ lines: [{ productId: 1, quantity: 2 }], customerId: null }),
    );
    await waitFor(() => expect(totalDue()).toHaveTextContent('£9.00'));
  });

  it('an unknown code is named in the error, and comes back selected so the next scan replaces it', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, 'NOPE-42{Enter}');
    expect(
      await screen.findByText(
        'No product has the code or name “NOPE-42”. Scan it again or search by name.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(scan).toHaveValue('NOPE-42'));
    await waitFor(() =>
      expect([
        (scan as HTMLInputElement).selectionStart,
        (scan as HTMLInputElement).selectionEnd,
      ]).toEqual([0, 7]),
    );
    expect(api['products:list']).toHaveBeenCalledWith(
      expect.objectContaining({ search: 'NOPE-42', status: 'sellable' }),
    );
    expect(screen.queryByRole('table', { name: 'Cart' })).not.toBeInTheDocument();
    expect(api['sales:quote']).not.toHaveBeenCalled();
  });

  it('a search with one match adds it; several are listed and picked with the arrow keys', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, 'towel{Enter}');
    expect(await within(await findCartTable()).findByText('Tea towel')).toBeInTheDocument();

    await user.type(scan, 'candle{Enter}');
    const list = await screen.findByRole('listbox', { name: 'Matching products' });
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(await within(await findCartTable()).findByText('Candle small')).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(lastQuote(api)?.lines).toEqual([
        { productId: 2, quantity: 1 },
        { productId: 4, quantity: 1 },
      ]),
    );
  });

  it('typing without Enter shows live results, and a click adds one', async () => {
    const { scan, user } = await openCheckout();
    await user.type(scan, 'cand');
    const list = await screen.findByRole('listbox', { name: 'Matching products' });
    await user.click(within(list).getByText('Candle large'));
    expect(await within(await findCartTable()).findByText('Candle large')).toBeInTheDocument();
    expect(scan).toHaveFocus();
  });
});

describe('checkout: editing the cart', () => {
  it('a changed quantity and a removed line quote again', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await user.type(scan, '5000002{Enter}');
    await within(await findCartTable()).findByText('Tea towel');

    const qty = screen.getByLabelText('Quantity of Red mug');
    await user.clear(qty);
    await user.type(qty, '3{Enter}');
    await waitFor(() =>
      expect(lastQuote(api)?.lines).toEqual([
        { productId: 1, quantity: 3 },
        { productId: 2, quantity: 1 },
      ]),
    );
    await waitFor(() => expect(totalDue()).toHaveTextContent('£16.50'));
    expect(scan).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'One more Tea towel' }));
    await waitFor(() => expect(lastQuote(api)?.lines[1]).toEqual({ productId: 2, quantity: 2 }));

    await user.click(screen.getByRole('button', { name: 'Remove Red mug' }));
    await waitFor(() => expect(lastQuote(api)?.lines).toEqual([{ productId: 2, quantity: 2 }]));
    await waitFor(() => expect(totalDue()).toHaveTextContent('£6.00'));

    // Keyboard: Delete in the empty scan field removes the selected line.
    await user.click(scan);
    await user.keyboard('{Delete}');
    expect(await screen.findByText('Scan a barcode or type to search')).toBeInTheDocument();
    expect(totalDue()).toHaveTextContent('£0.00');
  });

  it('F3 focuses the quantity of the last line; + adds one from the scan field', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await user.keyboard('+');
    await waitFor(() => expect(lastQuote(api)?.lines).toEqual([{ productId: 1, quantity: 2 }]));
    await user.keyboard('{F3}');
    expect(screen.getByLabelText('Quantity of Red mug')).toHaveFocus();
    await user.keyboard('{F2}');
    expect(scan).toHaveFocus();
  });

  it('a product that became unavailable is pointed out on its line, and Pay is off', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    api['sales:quote'].mockResolvedValue(
      fail('PRODUCT_UNAVAILABLE', 'Tea towel is not for sale at the moment.', [
        { path: 'lines.1.productId', message: 'Tea towel is not for sale at the moment.' },
      ]),
    );
    await user.type(scan, '5000002{Enter}');
    expect(
      await screen.findByText(/A product in the cart is not for sale any more/),
    ).toBeInTheDocument();
    const row = within(cartTable()).getByText('Tea towel').closest('tr')!;
    expect(row).toHaveAttribute('data-error');
    expect(
      within(row).getByText('Tea towel is not for sale at the moment. Remove it to continue.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay' })).toBeDisabled();

    api['sales:quote'].mockImplementation(async (input) => ok(quoteOf(input!)));
    await user.click(screen.getByRole('button', { name: 'Remove Tea towel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay' })).toBeEnabled());
    expect(screen.queryByText(/not for sale any more/)).not.toBeInTheDocument();
  });

  it('a sale discount in percent is sent as basis points', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await user.click(screen.getByRole('button', { name: 'Sale discount' }));
    await user.type(await screen.findByLabelText('Discount %'), '10{Enter}');
    await waitFor(() =>
      expect(lastQuote(api)).toEqual({
        lines: [{ productId: 1, quantity: 1 }],
        discount: { type: 'percent', bps: 1000 },
        customerId: null,
      }),
    );
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.05'));
  });

  it('attaches a customer by search, and creates one inline', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await user.click(screen.getByLabelText('Customer', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    await waitFor(() => expect(lastQuote(api)?.customerId).toBe(7));
    expect(screen.getByText('Attached: Ada Lovelace')).toBeInTheDocument();

    api['customers:create'].mockResolvedValue(ok({ ...ada, id: 8, name: 'Grace Hopper' }));
    await user.click(screen.getByRole('button', { name: 'New customer' }));
    const dialog = await screen.findByRole('dialog', { name: 'New customer' });
    await user.type(within(dialog).getByLabelText(/Name/), 'Grace Hopper');
    await user.type(within(dialog).getByLabelText('Phone'), '01234 567890');
    await user.click(within(dialog).getByRole('button', { name: 'Create and attach' }));
    expect(api['customers:create']).toHaveBeenCalledWith({
      name: 'Grace Hopper',
      email: null,
      phone: '01234 567890',
    });
    expect(await screen.findByText('Attached: Grace Hopper')).toBeInTheDocument();
    await waitFor(() => expect(lastQuote(api)?.customerId).toBe(8));
  });
});

/** Rings up a mug and a tea towel (£7.50) and opens "Take payment". */
async function ringUpAndPay() {
  const ctx = await openCheckout();
  await ctx.user.type(ctx.scan, '5000001{Enter}');
  await within(await findCartTable()).findByText('Red mug');
  await ctx.user.type(ctx.scan, '5000002{Enter}');
  await within(await findCartTable()).findByText('Tea towel');
  await waitFor(() => expect(totalDue()).toHaveTextContent('£7.50'));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Pay' })).toBeEnabled());
  await ctx.user.keyboard('{F12}');
  const dialog = await screen.findByRole('dialog', { name: 'Take payment' });
  return { ...ctx, dialog };
}

describe('checkout: payment', () => {
  it('a split payment shows remaining and change due, and sends the tenders', async () => {
    const { api, dialog, user } = await ringUpAndPay();
    const amount = within(dialog).getByLabelText(/^Amount/);
    await waitFor(() => expect(amount).toHaveFocus());
    await user.type(amount, '5');
    await user.click(within(dialog).getByRole('button', { name: 'Card' }));
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£2.50');
    expect(within(dialog).getByRole('button', { name: 'Complete sale' })).toBeDisabled();

    // Card may not come to more than the amount due.
    await user.type(amount, '5');
    await user.click(within(dialog).getByRole('button', { name: 'Card' }));
    expect(
      within(dialog).getByText(/Card and other payments cannot be more than the amount due/),
    ).toBeInTheDocument();
    await user.clear(amount);

    await user.click(within(dialog).getByRole('button', { name: '£10 in cash' }));
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£0.00');
    expect(within(dialog).getByText('Change due').nextSibling).toHaveTextContent('£7.50');

    await user.click(within(dialog).getByRole('button', { name: 'Complete sale' }));
    const receipt = await screen.findByRole('region', { name: 'Receipt' });
    const input = api['sales:checkout'].mock.calls[0]![0]!;
    expect(input.tenders).toEqual([
      { type: 'card', amount: 500 },
      { type: 'cash', amount: 1000 },
    ]);
    expect(input.lines).toEqual([
      { productId: 1, quantity: 1 },
      { productId: 2, quantity: 1 },
    ]);
    expect(JSON.stringify(input)).not.toMatch(/"(price|unitPrice|total|subtotal)"/);
    expect(within(receipt).getByText('Change due').parentElement).toHaveTextContent(
      'Change due £7.50',
    );
    expect(within(receipt).getByText('Receipt #17 · Front counter')).toBeInTheDocument();
  });

  it('Complete sale sends the same id again after a failure, and a new sale gets a new one', async () => {
    const { api, dialog, user } = await ringUpAndPay();
    api['sales:checkout'].mockResolvedValueOnce(fail('INTERNAL', 'timeout'));
    await user.click(within(dialog).getByRole('button', { name: 'Card' }));
    await user.click(within(dialog).getByRole('button', { name: 'Complete sale' }));
    expect(
      await within(dialog).findByText(/The sale could not be confirmed. Try again/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Complete sale' }));
    await screen.findByRole('region', { name: 'Receipt' });
    const ids = api['sales:checkout'].mock.calls.map((c) => c[0]!.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);

    // New sale (Enter) clears the cart; the next sale has its own id.
    expect(screen.getByRole('button', { name: 'New sale' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const scan = await screen.findByLabelText('Scan or search products');
    await waitFor(() => expect(scan).toHaveFocus());
    expect(screen.getByText('Scan a barcode or type to search')).toBeInTheDocument();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    const second = await screen.findByRole('dialog', { name: 'Take payment' });
    await user.click(within(second).getByRole('button', { name: 'Cash' }));
    await user.click(within(second).getByRole('button', { name: 'Complete sale' }));
    await screen.findByRole('region', { name: 'Receipt' });
    expect(api['sales:checkout'].mock.calls[2]![0]!.id).not.toBe(ids[0]);
  });

  it('TENDER_SHORT from the core is shown in the dialog, which stays open, and the cart is priced again', async () => {
    const { api, dialog, user } = await ringUpAndPay();
    api['sales:checkout'].mockResolvedValueOnce(fail('TENDER_SHORT'));
    const quotes = api['sales:quote'].mock.calls.length;
    await user.click(within(dialog).getByRole('button', { name: 'Cash' }));
    await user.click(within(dialog).getByRole('button', { name: 'Complete sale' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The payments do not cover the amount due.',
    );
    expect(screen.queryByRole('region', { name: 'Receipt' })).not.toBeInTheDocument();
    // The quote the dialog opened on may be out of date (a price changed on another till).
    await waitFor(() => expect(api['sales:quote'].mock.calls.length).toBe(quotes + 1));
  });

  it('a tender can be removed, and cash with nothing left to pay is refused', async () => {
    const { dialog, user } = await ringUpAndPay();
    await user.click(within(dialog).getByRole('button', { name: 'Card' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cash' }));
    expect(within(dialog).getByText('Nothing is left to pay.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove tender 1' }));
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£7.50');
  });
});

describe('checkout: parking', () => {
  const parked: ParkedSale = {
    id: 5,
    label: 'Blue coat',
    staff: { id: 3, name: 'Tom Baker' },
    lineCount: 1,
    createdAt: '2026-11-23T10:00:00.000Z',
    till: 'Front counter',
    thisTill: true,
  };

  it('parks the cart with a label and empties it', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    api['sales:park'].mockResolvedValue(ok(parked));
    api['sales:parkedList'].mockResolvedValue(ok([parked]));
    await user.click(screen.getByRole('button', { name: 'Park sale' }));
    const dialog = await screen.findByRole('dialog', { name: 'Park sale' });
    await user.type(within(dialog).getByLabelText(/Label/), 'Blue coat{Enter}');
    await waitFor(() =>
      expect(api['sales:park']).toHaveBeenCalledWith({
        label: 'Blue coat',
        cart: { lines: [{ productId: 1, quantity: 1 }], customerId: null },
      }),
    );
    expect(await screen.findByText('Scan a barcode or type to search')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Parked sales' })).toHaveTextContent('1'),
    );
  });

  it('resumes a parked cart (names from the quote), asking to park a non-empty current one first', async () => {
    const { api, scan, user } = await openCheckout();
    api['sales:parkedList'].mockResolvedValue(ok([parked]));
    api['sales:resume'].mockResolvedValue(
      ok({ cart: { lines: [{ productId: 3, quantity: 2 }], customerId: 7 } }),
    );
    api['customers:get'].mockResolvedValue(
      ok({
        customer: ada,
        stats: {
          salesCount: 0,
          lifetimeSpend: 0,
          refundsTotal: 0,
          firstPurchaseAt: null,
          lastPurchaseAt: null,
        },
        recentSales: [],
      }),
    );
    api['sales:park'].mockResolvedValue(ok({ ...parked, id: 6, label: '' }));

    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    await user.click(screen.getByRole('button', { name: 'Parked sales' }));
    const dialog = await screen.findByRole('dialog', { name: 'Parked sales' });
    expect(await within(dialog).findByText('Blue coat')).toBeInTheDocument();
    expect(within(dialog).getByText('Tom Baker')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Resume Blue coat' }));
    expect(within(dialog).getByText('The current sale is not empty')).toBeInTheDocument();
    expect(api['sales:resume']).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Park current and resume' }));

    await waitFor(() => expect(api['sales:resume']).toHaveBeenCalledWith({ id: 5 }));
    expect(api['sales:park']).toHaveBeenCalledWith({
      label: null,
      cart: { lines: [{ productId: 1, quantity: 1 }], customerId: null },
    });
    expect(await within(await findCartTable()).findByText('Candle large')).toBeInTheDocument();
    expect(screen.getByLabelText('Quantity of Candle large')).toHaveValue('2');
    expect(screen.getByText('Attached: Ada Lovelace')).toBeInTheDocument();
    await waitFor(() => expect(totalDue()).toHaveTextContent('£24.00'));
  });

  it('on a store server, lists the carts parked on other tills by till, and resumes one here', async () => {
    const { api, user } = await openCheckout();
    const elsewhere = { ...parked, id: 8, label: 'Red scarf', till: 'Back till', thisTill: false };
    api['sales:parkedList'].mockResolvedValue(ok([parked, elsewhere]));
    api['sales:resume'].mockResolvedValue(
      ok({ cart: { lines: [{ productId: 3, quantity: 1 }], customerId: null } }),
    );
    await user.click(screen.getByRole('button', { name: 'Parked sales' }));
    const dialog = await screen.findByRole('dialog', { name: 'Parked sales' });
    const table = await within(dialog).findByRole('table', { name: 'Parked sales' });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent),
      );
    expect(cells.slice(1)).toEqual([
      ['Blue coat', 'Tom Baker', 'This till'],
      ['Red scarf', 'Tom Baker', 'Back till'],
    ]);
    expect(within(table).getByRole('columnheader', { name: 'Till' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Resume Red scarf' }));
    await waitFor(() => expect(api['sales:resume']).toHaveBeenCalledWith({ id: 8 }));
    expect(await within(await findCartTable()).findByText('Candle large')).toBeInTheDocument();
  });

  it('shows no Till column while every parked cart is on this till', async () => {
    const { api, user } = await openCheckout();
    api['sales:parkedList'].mockResolvedValue(ok([parked]));
    await user.click(screen.getByRole('button', { name: 'Parked sales' }));
    const dialog = await screen.findByRole('dialog', { name: 'Parked sales' });
    const table = await within(dialog).findByRole('table', { name: 'Parked sales' });
    expect(within(table).queryByRole('columnheader', { name: 'Till' })).not.toBeInTheDocument();
  });

  it('discards a parked sale after asking', async () => {
    const { api, user } = await openCheckout();
    api['sales:parkedList'].mockResolvedValue(ok([parked]));
    api['sales:discardParked'].mockResolvedValue(ok({}));
    await user.click(screen.getByRole('button', { name: 'Parked sales' }));
    const dialog = await screen.findByRole('dialog', { name: 'Parked sales' });
    await user.click(await within(dialog).findByRole('button', { name: 'Discard Blue coat' }));
    api['sales:parkedList'].mockResolvedValue(ok([]));
    await user.click(within(dialog).getByRole('button', { name: 'Discard it' }));
    await waitFor(() => expect(api['sales:discardParked']).toHaveBeenCalledWith({ id: 5 }));
    expect(await within(dialog).findByText('No sales are parked.')).toBeInTheDocument();
  });
});
