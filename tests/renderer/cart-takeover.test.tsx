/**
 * Issue 8, item 4 in the renderer: after sign-in the till's stored cart is restored when it is
 * the member's own (a reload), or offered when it is another member's: the dialog asks to take it
 * over or park it under the owner's name, cannot be dismissed otherwise, and nothing is saved over
 * the stored cart until the member chooses. Changes are then saved one at a time, latest wins.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParkedSale, TillCart } from '../../shared/contract';
import { setLocale } from '../../renderer/src/i18n';
import { cartSync } from '../../renderer/src/stores/cart-sync';
import { useCartStore } from '../../renderer/src/stores/cart';
import {
  createFakeApi,
  fail,
  type FakeApi,
  ok,
  renderApp,
  sessionFor,
  STORE_DETAILS,
} from './helpers';

const PROMPT = 'A sale is in progress on this till';
const me = sessionFor('cashier'); // Tom Baker, id 3

function tillCart(
  owner: { id: number; name: string } | null,
  quantities: number[],
  version = 4,
): TillCart {
  return {
    cart: {
      lines: quantities.map((q, i) => ({ productId: i + 1, quantity: q })),
      customerId: null,
    },
    owner,
    version,
    updatedAt: '2026-11-23T09:00:00.000Z',
  };
}
const CORA = { id: 9, name: 'Cora Cashier' };

function till(api: FakeApi, stored: TillCart, locale = 'en-GB') {
  api['auth:session'].mockResolvedValue(ok({ session: me }));
  api['settings:get'].mockResolvedValue(
    ok({
      terminalName: 'Front counter',
      idleLockMinutes: 5,
      storeName: 'Corner Shop',
      currency: 'GBP',
      currencyExponent: 2,
      pricesIncludeTax: true,
      timeZone: 'Europe/London',
      maxDiscountBps: 5000,
      ...STORE_DETAILS,
      locale,
    }),
  );
  api['sales:parkedList'].mockResolvedValue(ok([]));
  api['sales:quote'].mockResolvedValue(fail('PRODUCT_UNAVAILABLE'));
  api['cart:get'].mockResolvedValue(ok(stored));
  return renderApp(api);
}

afterEach(async () => {
  await setLocale('en-GB');
});

describe('the till cart after sign-in (issue 8, item 4)', () => {
  it("offers another member's cart, saves nothing until a choice, and takes it over", async () => {
    const api = createFakeApi();
    const stored = tillCart(CORA, [2, 1]);
    api['cart:takeOver'].mockResolvedValue(
      ok({ ...stored, owner: { id: 3, name: 'Tom Baker' }, version: 5 }),
    );
    const { user } = till(api, stored);

    const dialog = await screen.findByRole('dialog', { name: PROMPT });
    expect(dialog).toHaveTextContent('Cora Cashier was ringing up a sale here (2 items)');
    // No way out but the two choices.
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Take over', 'Park under Cora Cashier']);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: PROMPT })).toBeInTheDocument();
    expect(useCartStore.getState().lines).toEqual([]);
    expect(api['cart:save']).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Take over' }));
    expect(api['cart:takeOver']).toHaveBeenCalledWith({ version: 4 });
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: PROMPT })).not.toBeInTheDocument(),
    );
    expect(useCartStore.getState().lines.map((l) => [l.productId, l.quantity])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(
      await screen.findByText('You took over the sale Cora Cashier started.'),
    ).toBeInTheDocument();
    // Restoring saved nothing back; the next change is saved on version 5.
    expect(api['cart:save']).not.toHaveBeenCalled();
    api['cart:save'].mockResolvedValue(ok({ ...stored, version: 6 }));
    act(() => useCartStore.getState().setQuantity(0, 3));
    await waitFor(() => expect(api['cart:save']).toHaveBeenCalledTimes(1));
    expect(api['cart:save'].mock.calls[0]![0]).toMatchObject({
      version: 5,
      cart: {
        lines: [
          { productId: 1, quantity: 3 },
          { productId: 2, quantity: 1 },
        ],
      },
    });
  });

  it("parks it under the owner's name and starts an empty sale", async () => {
    const api = createFakeApi();
    const stored = tillCart(CORA, [1]);
    const parked: ParkedSale = {
      id: 12,
      label: '1 item',
      staff: CORA,
      lineCount: 1,
      createdAt: '2026-11-23T09:05:00.000Z',
      till: 'Front counter',
      thisTill: true,
    };
    api['cart:park'].mockResolvedValue(ok({ parked, till: tillCart(null, [], 5) }));
    const { user } = till(api, stored);
    const dialog = await screen.findByRole('dialog', { name: PROMPT });
    expect(dialog).toHaveTextContent('(1 item)');
    await user.click(within(dialog).getByRole('button', { name: 'Park under Cora Cashier' }));
    expect(api['cart:park']).toHaveBeenCalledWith({ version: 4 });
    expect(await screen.findByText('Sale parked under Cora Cashier.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: PROMPT })).not.toBeInTheDocument();
    expect(useCartStore.getState().lines).toEqual([]);
  });

  it('reads the cart again when the choice conflicts, and says why', async () => {
    const api = createFakeApi();
    api['cart:takeOver'].mockResolvedValue(fail('CONFLICT', 'changed'));
    const { user } = till(api, tillCart(CORA, [1]));
    const dialog = await screen.findByRole('dialog', { name: PROMPT });
    api['cart:get'].mockResolvedValue(ok(tillCart(CORA, [1, 1], 5)));
    await user.click(within(dialog).getByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(dialog).toHaveTextContent('(2 items)'));
    expect(within(dialog).getByRole('alert')).toBeInTheDocument();
  });

  it('restores the member’s own cart silently (a reload) and saves changes in order, latest wins', async () => {
    const api = createFakeApi();
    till(api, tillCart({ id: 3, name: 'Tom Baker' }, [1]));
    await waitFor(() => expect(useCartStore.getState().lines).toHaveLength(1));
    expect(screen.queryByRole('dialog', { name: PROMPT })).not.toBeInTheDocument();

    // The first save hangs; five more changes arrive meanwhile.
    const answers: Array<(v: number) => void> = [];
    api['cart:save'].mockImplementation(
      (input) =>
        new Promise((resolve) => {
          answers.push((version) =>
            resolve(
              ok({
                ...tillCart({ id: 3, name: 'Tom Baker' }, []),
                cart: { ...input!.cart, customerId: null },
                version,
              }),
            ),
          );
        }),
    );
    for (let q = 2; q <= 7; q++) act(() => useCartStore.getState().setQuantity(0, q));
    await waitFor(() => expect(api['cart:save']).toHaveBeenCalledTimes(1));
    expect(api['cart:save'].mock.calls[0]![0]).toMatchObject({
      version: 4,
      cart: { lines: [{ quantity: 2 }] },
    });
    await act(async () => answers[0]!(5));
    // Never two at once: the second save goes only after the first answered, with the latest cart.
    await waitFor(() => expect(api['cart:save']).toHaveBeenCalledTimes(2));
    expect(api['cart:save'].mock.calls[1]![0]).toMatchObject({
      version: 5,
      cart: { lines: [{ quantity: 7 }] },
    });
    await act(async () => answers[1]!(6));
    await act(() => cartSync.settled());
    expect(api['cart:save']).toHaveBeenCalledTimes(2);
  });

  it('shows the stored cart, with a message, when another window changed it', async () => {
    const api = createFakeApi();
    const mine = { id: 3, name: 'Tom Baker' };
    till(api, tillCart(mine, [1]));
    await waitFor(() => expect(useCartStore.getState().lines).toHaveLength(1));
    api['cart:save'].mockResolvedValue(fail('CONFLICT', 'changed elsewhere'));
    api['cart:get'].mockResolvedValue(ok(tillCart(mine, [4, 2], 9)));
    act(() => useCartStore.getState().setQuantity(0, 2));
    expect(
      await screen.findByText(
        'The cart on this till was changed in another window. It now shows the latest.',
      ),
    ).toBeInTheDocument();
    expect(useCartStore.getState().lines.map((l) => l.quantity)).toEqual([4, 2]);
    // Attached again on the stored version: the next change is based on it.
    api['cart:save'].mockResolvedValue(ok(tillCart(mine, [5, 2], 10)));
    act(() => useCartStore.getState().setQuantity(0, 5));
    await waitFor(() =>
      expect(api['cart:save'].mock.calls.at(-1)![0]).toMatchObject({ version: 9 }),
    );
  });

  it('asks in German', async () => {
    await setLocale('de-DE');
    const api = createFakeApi();
    till(api, tillCart(CORA, [2, 1]), 'de-DE');
    const dialog = await screen.findByRole('dialog', {
      name: 'Auf dieser Kasse läuft ein Verkauf',
    });
    expect(dialog).toHaveTextContent('Cora Cashier hat hier einen Verkauf begonnen (2 Artikel)');
    expect(
      within(dialog).getByRole('button', { name: 'Unter Cora Cashier parken' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Übernehmen' })).toBeInTheDocument();
  });
});
