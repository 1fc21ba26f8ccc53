/**
 * Checkout from the keyboard, sale after sale (issue 8): dialogs never outlive their sale (1),
 * the Amount field refuses scans and asks before a huge tender (1), Enter and F12 in the payment
 * dialog (6), totals that never go stale (10), the quantity box's reasons (11), dialogs opening
 * on their first field (14), and the shortcuts and tab order (20).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useCartStore } from '../../renderer/src/stores/cart';
import {
  createBurstTracker,
  SCAN_PAUSE_MS,
} from '../../renderer/src/features/checkout/scanner-burst';
import { findCartTable, openCheckout, totalDue } from './checkout-fixtures';
import { fail } from './helpers';

beforeEach(() => {
  useCartStore.getState().reset();
});

const payDialog = () => screen.findByRole('dialog', { name: 'Take payment' });

/** A person at the keyboard: 90 ms between keys. */
const person = () => userEvent.setup({ delay: 90 });

describe('scanner bursts', () => {
  it('four or more keys at 50 ms a key or faster, then Enter, are a scan; a person is not', () => {
    const scanner = createBurstTracker();
    for (const t of [0, 3, 6, 9, 12]) scanner.key(t);
    expect(scanner.enter(15)).toBe(5);

    const human = createBurstTracker();
    for (const t of [0, 110, 230, 330, 460]) human.key(t);
    expect(human.enter(560)).toBe(0);

    const short = createBurstTracker();
    for (const t of [0, 2, 4]) short.key(t);
    expect(short.enter(6)).toBe(0);

    // A pause restarts the run: a person's "5", then a scanner's code.
    const mixed = createBurstTracker();
    mixed.key(0);
    for (const t of [500, 503, 506, 509]) mixed.key(t);
    expect(mixed.enter(512)).toBe(4);

    // One slow frame on a busy till does not hide a scan.
    const hiccup = createBurstTracker();
    for (const t of [0, 90, 95, 100, 105, 110, 115, 120, 125, 130, 135, 140, 145]) hiccup.key(t);
    expect(hiccup.enter(150)).toBe(13);

    // Enter long after the last key is a person's Enter.
    const late = createBurstTracker();
    for (const t of [0, 3, 6, 9]) late.key(t);
    expect(late.enter(9 + SCAN_PAUSE_MS + 1)).toBe(0);
  });
});

describe('item 1: the payment dialog belongs to its sale', () => {
  it('after a completed sale, the next scan adds a line and no dialog opens', async () => {
    const opened = await openCheckout();
    const { api, user } = opened;
    let scan = opened.scan;
    for (let sale = 0; sale < 2; sale++) {
      await user.type(scan, '5000001{Enter}');
      await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
      await user.keyboard('{F12}');
      const dialog = await payDialog();
      await user.click(within(dialog).getByRole('button', { name: '£5 in cash' }));
      await user.click(within(dialog).getByRole('button', { name: 'Complete sale' }));
      const newSale = await screen.findByRole('button', { name: 'New sale' });
      expect(screen.getByLabelText('Change to give')).toHaveTextContent('£0.50');
      await user.click(newSale);
      scan = await screen.findByLabelText('Scan or search products');
    }
    await user.type(scan, '5000002{Enter}');
    expect(await within(await findCartTable()).findByText('Tea towel')).toBeInTheDocument();
    await waitFor(() => expect(totalDue()).toHaveTextContent('£3.00'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api['sales:checkout']).toHaveBeenCalledTimes(2);
  });

  it('a scan typed into Amount is refused there and rung up as a scan', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    await user.keyboard('{F12}');
    const dialog = await payDialog();
    const amount = within(dialog).getByLabelText('Amount');
    await waitFor(() => expect(amount).toHaveFocus());
    // A scanner's keys come a few ms apart whatever the page is doing; happy-dom stamps each event
    // with performance.now() when it handles it, so that clock stands still while the "scanner"
    // types (faking Date alone did not hold it: on a loaded machine the keys were stamped more
    // than 50 ms apart, and taken for a person's).
    const typedAt = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(typedAt);
    try {
      await user.type(amount, '5000002{Enter}');
    } finally {
      clock.mockRestore();
    }
    expect(
      await screen.findByText(/“5000002” was scanned into the Amount field/),
    ).toBeInTheDocument();
    expect(await within(await findCartTable()).findByText('Tea towel')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Take payment' })).not.toBeInTheDocument();
    expect(api['sales:checkout']).not.toHaveBeenCalled();
  });

  it('a tender over 100 times what is due needs a confirmation', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    await user.keyboard('{F12}');
    const dialog = await payDialog();
    const slow = person();
    await slow.type(within(dialog).getByLabelText('Amount'), '2278{Enter}');
    expect(await within(dialog).findByText(/more than 100 times/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£4.50');
    // The safe answer has the focus: an Enter by mistake takes nothing.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Change the amount' })).toHaveFocus(),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Take £2,278.00' }));
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£0.00');
    await user.keyboard('{F12}');
    await waitFor(() =>
      expect(api['sales:checkout']).toHaveBeenCalledWith(
        expect.objectContaining({ tenders: [{ type: 'cash', amount: 227800 }] }),
      ),
    );
  });
});

describe('item 6: Enter and F12 in the payment dialog', () => {
  it('Enter on an empty Amount adds what is left as cash; Enter again completes', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    await user.keyboard('{F12}');
    const dialog = await payDialog();
    await waitFor(() => expect(within(dialog).getByLabelText('Amount')).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£0.00');
    expect(api['sales:checkout']).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(api['sales:checkout']).toHaveBeenCalledWith(
        expect.objectContaining({ tenders: [{ type: 'cash', amount: 450 }] }),
      ),
    );
    expect(await screen.findByRole('button', { name: 'New sale' })).toBeInTheDocument();
  });

  it('F12 with a typed amount adds it and completes; with too little it says why', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    await user.keyboard('{F12}');
    const dialog = await payDialog();
    const slow = person();
    await slow.type(within(dialog).getByLabelText('Amount'), '2');
    await user.keyboard('{F12}');
    expect(
      await within(dialog).findByText(/£2.50 is still to pay\. Add a payment first/),
    ).toBeInTheDocument();
    expect(api['sales:checkout']).not.toHaveBeenCalled();
    await slow.type(within(dialog).getByLabelText('Amount'), '5');
    await user.keyboard('{F12}');
    await waitFor(() =>
      expect(api['sales:checkout']).toHaveBeenCalledWith(
        expect.objectContaining({
          tenders: [
            { type: 'cash', amount: 200 },
            { type: 'cash', amount: 500 },
          ],
        }),
      ),
    );
  });

  it('F12 on an empty cart says there is nothing to pay', async () => {
    const { user } = await openCheckout();
    await user.keyboard('{F12}');
    expect(await screen.findByText('Nothing to pay yet: scan a product first.')).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('item 10: totals never stale', () => {
  it('when pricing fails, every figure is "—" and the reason is given', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    api['sales:quote'].mockResolvedValue(
      fail('VALIDATION_FAILED', 'too much', [{ path: 'discount', message: 'too much' }]),
    );
    await user.type(scan, '5000002{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('—'));
    expect(totalDue()).not.toHaveTextContent('£');
    expect(
      screen.getByText('The sale discount is more than the sale. Change or remove it.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Pay' })).toBeDisabled();
  });
});

describe('item 11: the quantity box says why', () => {
  it.each([
    ['99999999', 'At most 9999 on one line.'],
    ['-5', 'A quantity cannot be negative. For a return, use Refund in Transactions.'],
    ['1.5', 'Only whole items: 1.5 is not a quantity.'],
    ['', 'Enter a quantity (1 or more). To take the line off, press Delete.'],
  ])('refuses %j with a reason and keeps the last good quantity', async (typed, reason) => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    const box = screen.getByLabelText('Quantity of Red mug');
    await user.clear(box);
    if (typed) await user.type(box, typed);
    expect(await screen.findByText(reason)).toBeVisible();
    expect(box).toHaveValue(typed);
    // Enter does not take it: the box keeps the focus and the line its quantity.
    await user.keyboard('{Enter}');
    expect(box).toHaveFocus();
    expect(box).toHaveValue(typed);
    expect(useCartStore.getState().lines[0]!.quantity).toBe(1);
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('1');
    expect(api['sales:quote']).toHaveBeenLastCalledWith(
      expect.objectContaining({ lines: [{ productId: 1, quantity: 1 }] }),
    );
  });
});

describe('items 14 and 20: focus, shortcuts, tab order', () => {
  it('F1 and ? open the shortcut overlay; F4 goes to the customer, Tab too', async () => {
    const { scan, user } = await openCheckout();
    await user.keyboard('{F1}');
    const overlay = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(overlay).getByText('Pay by card')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.type(scan, '5000001{Enter}');
    await within(await findCartTable()).findByText('Red mug');
    scan.focus();
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveFocus();
    scan.focus();
    await user.keyboard('{F4}');
    expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveFocus();
  });

  it('F6 sale discount, F7 parked sales, F8 park, F9 card: each opens on its first field', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));

    await user.keyboard('{F6}');
    const discount = await screen.findByRole('dialog', { name: 'Sale discount' });
    await waitFor(() => expect(within(discount).getByLabelText('Discount %')).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.keyboard('{F8}');
    const park = await screen.findByRole('dialog', { name: 'Park sale' });
    await waitFor(() => expect(within(park).getByLabelText('Label (optional)')).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.keyboard('{F7}');
    expect(await screen.findByRole('dialog', { name: 'Parked sales' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.keyboard('{F9}');
    const dialog = await payDialog();
    await waitFor(() => expect(within(dialog).getByLabelText('Amount')).toHaveFocus());
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£0.00');
    await user.keyboard('{F12}');
    await waitFor(() =>
      expect(api['sales:checkout']).toHaveBeenCalledWith(
        expect.objectContaining({ tenders: [{ type: 'card', amount: 450 }] }),
      ),
    );
  });
});
