/**
 * Keys typed straight after the pay key are the payment's (features/checkout/usePayTypeAhead.ts):
 * "20" and Enter typed the instant F12 is pressed tender £20, whether the dialog is there at
 * once or only once a slow pricing answers, and never reach the scan field, where "20" then
 * Enter would ring up the product whose code is 20. A refused request drops them; Escape typed
 * ahead closes the dialog as it opens.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quote } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { createBurstTracker } from '../../renderer/src/features/checkout/scanner-burst';
import { HOLD_MS } from '../../renderer/src/features/checkout/useHeldKeys';
import { typedAhead } from '../../renderer/src/features/checkout/usePayTypeAhead';
import { useCartStore } from '../../renderer/src/stores/cart';
import { openCheckout, quoteOf, totalDue } from './checkout-fixtures';
import { fail, type FakeApi, ok } from './helpers';

beforeEach(() => {
  useCartStore.getState().reset();
});

const payDialog = () => screen.queryByRole('dialog', { name: 'Take payment' });
const lookedUp = (api: FakeApi) => api['products:lookup'].mock.calls.map(([input]) => input?.code);

/**
 * Checkout with the mug scanned and its pricing still on its way; `answer` gives the pricing's
 * answer (by default the cart priced as the fake core prices it).
 */
async function scannedWhilePricing() {
  const opened = await openCheckout();
  let reply: (r: Result<Quote>) => void = () => undefined;
  opened.api['sales:quote'].mockImplementationOnce(
    () => new Promise((resolve) => (reply = resolve)),
  );
  await opened.user.type(opened.scan, '5000001{Enter}');
  await waitFor(() => expect(opened.api['sales:quote']).toHaveBeenCalled());
  const answer = (r: Result<Quote> = ok(quoteOf(useCartStore.getState()))) =>
    act(async () => reply(r));
  return { ...opened, answer };
}

describe('the keys typed ahead', () => {
  it('make the Amount text and the key that acted; Backspace and a scanner burst count', () => {
    const keys = (s: string[], gap: number) => s.map((key, i) => ({ key, timeStamp: i * gap }));
    const person = createBurstTracker();
    expect(typedAhead(keys(['2', '5', 'Backspace', '0', 'Enter', '9'], 120), person)).toEqual({
      text: '20',
      action: { key: 'Enter', timeStamp: 480 },
    });
    expect(person.enter(480)).toBe(0);

    const scanner = createBurstTracker();
    const code = keys([...'5000002', 'Enter'], 3);
    expect(typedAhead(code, scanner).text).toBe('5000002');
    expect(scanner.enter(21)).toBe(7);

    expect(typedAhead(keys(['1', 'F12'], 50), createBurstTracker()).action?.key).toBe('F12');
    expect(typedAhead(keys(['1', 'ArrowLeft', 'Delete', '2'], 90), createBurstTracker())).toEqual({
      text: '12',
      action: null,
    });
    expect(typedAhead(keys(['7'], 50), createBurstTracker())).toEqual({ text: '7', action: null });
  });
});

describe('the payment dialog takes the keys typed straight after F12', () => {
  it('while the dialog opens: "20" and Enter tender £20, and Enter again completes', async () => {
    const { api, scan, user } = await openCheckout();
    await user.type(scan, '5000001{Enter}');
    await waitFor(() => expect(totalDue()).toHaveTextContent('£4.50'));
    await user.keyboard('{F12}20{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Take payment' });
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£0.00');
    expect(within(dialog).getByText('£15.50')).toBeInTheDocument();
    expect(lookedUp(api)).toEqual(['5000001']);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(api['sales:checkout']).toHaveBeenCalledWith(
        expect.objectContaining({ tenders: [{ type: 'cash', amount: 2000 }] }),
      ),
    );
  });

  it('while the cart is still being priced: held until the dialog opens, then played', async () => {
    const { api, scan, user, answer } = await scannedWhilePricing();
    // Delete and ↑ would take the line off or move the selection on the checkout: held too.
    await user.keyboard('{F12}2{Backspace}1{Delete}{ArrowUp}0{F12}');
    expect(payDialog()).toBeNull();
    expect(scan).toHaveValue('');
    await answer();
    // "10" then F12: £10 as cash, and the sale completed with its line.
    await waitFor(() =>
      expect(api['sales:checkout']).toHaveBeenCalledWith(
        expect.objectContaining({
          lines: [{ productId: 1, quantity: 1 }],
          tenders: [{ type: 'cash', amount: 1000 }],
        }),
      ),
    );
    expect(lookedUp(api)).toEqual(['5000001']);
  });

  it('Escape typed ahead closes the dialog as it opens, and no key reaches the scan field', async () => {
    const { api, scan, user, answer } = await scannedWhilePricing();
    await user.keyboard('{F12}5{Escape}');
    await answer();
    await waitFor(() => expect(payDialog()).toBeNull());
    await waitFor(() => expect(scan).toHaveFocus());
    expect(scan).toHaveValue('');
    expect(api['sales:checkout']).not.toHaveBeenCalled();
  });

  it('a request that cannot open the dialog drops them: they are not a scan either', async () => {
    const { api, scan, user, answer } = await scannedWhilePricing();
    await user.keyboard('{F12}20{Enter}');
    await answer(fail('INTERNAL'));
    expect(await screen.findByText(/cannot be paid until the problem/)).toBeInTheDocument();
    expect(payDialog()).toBeNull();
    expect(scan).toHaveValue('');
    expect(lookedUp(api)).toEqual(['5000001']);
    // The next keys are the scan field's again, and the next dialog opens with none of them.
    await user.type(scan, '5000002{Enter}');
    await waitFor(() => expect(lookedUp(api)).toEqual(['5000001', '5000002']));
    await waitFor(() => expect(totalDue()).toHaveTextContent('£7.50'));
    await user.keyboard('{F12}');
    const dialog = await screen.findByRole('dialog', { name: 'Take payment' });
    expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£7.50');
    expect(within(dialog).getByLabelText('Amount')).toHaveValue('');
  });

  it('keys are held for 3 s at most: later ones go where they would, and none is played', async () => {
    const { scan, user, answer } = await scannedWhilePricing();
    await user.keyboard('{F12}7');
    // happy-dom stamps each key with performance.now(): the next keys come after the hold.
    const later = performance.now() + HOLD_MS + 1;
    const clock = vi.spyOn(performance, 'now').mockReturnValue(later);
    try {
      await user.keyboard('20');
      expect(scan).toHaveValue('20');
      await answer();
      const dialog = await screen.findByRole('dialog', { name: 'Take payment' });
      expect(within(dialog).getByLabelText('Amount')).toHaveValue('');
      expect(within(dialog).getByLabelText('Remaining due')).toHaveTextContent('£4.50');
    } finally {
      clock.mockRestore();
    }
  });
});
