/**
 * The shift screens on checkout (issue 10, section 1) against a fake core: the float counted by
 * denomination at typing speed with its running total, the blind count at close (no expected
 * figure anywhere before the count is submitted), the note required above the store's threshold,
 * and the shift menu shown per permission.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CurrentShift } from '../../shared/contract';
import type { Permission } from '../../shared/permissions';
import userEvent from '@testing-library/user-event';
import { countTotal } from '../../shared/denominations';
import { useCartStore } from '../../renderer/src/stores/cart';
import { useSessionStore } from '../../renderer/src/stores/session';
import { useShiftsStore } from '../../renderer/src/stores/shifts';
import { openCheckout, SETTINGS } from './checkout-fixtures';
import {
  createFakeApi,
  fail,
  type FakeApi,
  ok,
  renderApp,
  sessionFor,
  SHIFT_FIGURES,
  SHIFT_SETTINGS,
  TILL,
  zReportFor,
} from './helpers';

const SHIFT: CurrentShift = {
  id: 12,
  tillName: TILL,
  openedBy: { id: 3, name: 'Tom Baker' },
  openedAt: SHIFT_FIGURES.openedAt,
  currency: 'GBP',
  float: 15000,
  floatCount: [{ value: 5000, quantity: 3 }],
};

const MANAGER: Permission[] = ['reports.view', 'cash.manage', 'cash.noSale', 'shifts.close'];

/** Checkout with the shift `current` open, for a member holding sales.create and `permissions`. */
async function checkoutAs(permissions: Permission[], current: CurrentShift | null = SHIFT) {
  const api = createFakeApi();
  api['shifts:current'].mockResolvedValue(ok(current));
  const opened = await openCheckout(api);
  const session = sessionFor('cashier', { permissions: ['sales.create', ...permissions] });
  api['auth:session'].mockResolvedValue(ok({ session }));
  act(() => useSessionStore.setState({ session }));
  await screen.findByRole('region', { name: 'Shift' });
  return opened;
}

/** Opens the shift menu and gives its items' names. */
async function menuItems(user: ReturnType<typeof userEvent.setup>): Promise<string[]> {
  await user.click(screen.getByRole('button', { name: 'Shift' }));
  const menu = await screen.findByRole('menu');
  return within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
}

beforeEach(() => {
  useCartStore.getState().reset();
});

describe('shifts: opening with a counted float', () => {
  it('counts by denomination at typing speed, with a running total, and sends the count', async () => {
    const api = createFakeApi();
    api['shifts:settings'].mockResolvedValue(ok({ ...SHIFT_SETTINGS, requireOpenShift: true }));
    api['shifts:open'].mockImplementation(async (input) =>
      ok({ ...SHIFT, floatCount: input!.floatCount, float: countTotal(input!.floatCount) }),
    );
    const { user } = await openCheckout(api);
    const bar = await screen.findByRole('region', { name: 'Shift' });
    expect(bar).toHaveTextContent('No shift is open on this till');
    expect(bar).toHaveTextContent('Sales need an open shift');

    await user.click(within(bar).getByRole('button', { name: /Open shift/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Open shift' });
    const first = within(dialog).getByLabelText('Quantity of £50.00');
    await waitFor(() => expect(first).toHaveFocus());
    // Enter moves down the rows: £50 ×2, £20 ×2, £10, £5, £2, £1 ×3, 50p ×2, 20p, 10p, no 5p, 2p.
    await user.keyboard(
      '2{Enter}2{Enter}1{Enter}1{Enter}1{Enter}3{Enter}2{Enter}1{Enter}1{Enter}{Enter}1',
    );
    const total = within(dialog).getByRole('status');
    expect(total).toHaveTextContent('Float: £161.32');
    expect(within(dialog).getByLabelText('Quantity of £0.02')).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Open shift' }));
    await waitFor(() => expect(api['shifts:open']).toHaveBeenCalledTimes(1));
    expect(api['shifts:open'].mock.calls[0]![0]).toEqual({
      floatCount: [
        { value: 5000, quantity: 2 },
        { value: 2000, quantity: 2 },
        { value: 1000, quantity: 1 },
        { value: 500, quantity: 1 },
        { value: 200, quantity: 1 },
        { value: 100, quantity: 3 },
        { value: 50, quantity: 2 },
        { value: 20, quantity: 1 },
        { value: 10, quantity: 1 },
        { value: 2, quantity: 1 },
      ],
    });
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Shift' })).toHaveTextContent(
        'Shift opened by Tom Baker',
      ),
    );
    expect(screen.getByRole('region', { name: 'Shift' })).toHaveTextContent('float £161.32');
  });

  it('a quantity that is not a whole number is flagged and the float cannot be opened', async () => {
    const { api, user } = await openCheckout();
    await user.click(await screen.findByRole('button', { name: /Open shift/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Open shift' });
    await user.type(within(dialog).getByLabelText('Quantity of £20.00'), '1.5');
    expect(within(dialog).getByText('Whole number')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Float: —');
    expect(within(dialog).getByRole('button', { name: 'Open shift' })).toBeDisabled();
    expect(api['shifts:open']).not.toHaveBeenCalled();
  });

  it('a typed total is sent as notes and coins of the store table', async () => {
    const { api, user } = await openCheckout();
    api['shifts:open'].mockResolvedValue(ok(SHIFT));
    await user.click(await screen.findByRole('button', { name: /Open shift/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Open shift' });
    await user.click(within(dialog).getByText('Type the total'));
    await user.type(within(dialog).getByLabelText('Float: total'), '75.30{Enter}');
    await waitFor(() =>
      expect(api['shifts:open']).toHaveBeenCalledWith({
        floatCount: [
          { value: 5000, quantity: 1 },
          { value: 2000, quantity: 1 },
          { value: 500, quantity: 1 },
          { value: 20, quantity: 1 },
          { value: 10, quantity: 1 },
        ],
      }),
    );
  });
});

describe('shifts: the menu follows the permissions', () => {
  it('a manager gets paid in/out, no sale, the X report and close', async () => {
    const { user } = await checkoutAs(MANAGER);
    expect(await menuItems(user)).toEqual([
      'Paid in…',
      'Paid out…',
      'No sale (open drawer)…',
      'X report',
      'Close shift…',
    ]);
  });

  it('a cashier (shifts.close only) gets close alone: no cash movements, no X report', async () => {
    const { user } = await checkoutAs(['shifts.close']);
    expect(await menuItems(user)).toEqual(['Close shift…']);
  });

  it('cash.noSale alone gives No sale; with no shift permission at all there is no menu', async () => {
    const first = await checkoutAs(['cash.noSale']);
    expect(await menuItems(first.user)).toEqual(['No sale (open drawer)…']);
    first.unmount();
    await checkoutAs([]);
    expect(screen.getByRole('region', { name: 'Shift' })).toHaveTextContent('Tom Baker');
    expect(screen.queryByRole('button', { name: 'Shift' })).not.toBeInTheDocument();
  });
});

/**
 * Opens the close from the shift menu and types the blind count: five £50 notes (£250). The core
 * answers the X report and the close (Z report 7 with the note sent) unless a test says otherwise.
 */
async function closeWithFiveFifties(api: FakeApi, user: ReturnType<typeof userEvent.setup>) {
  api['shifts:xReport'].mockResolvedValue(ok(SHIFT_FIGURES));
  api['shifts:close'].mockImplementation(async (input) =>
    ok(zReportFor(25000, input!.note ?? null)),
  );
  await user.click(screen.getByRole('button', { name: 'Shift' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Close shift…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Close shift' });
  const fifty = within(dialog).getByLabelText('Quantity of £50.00');
  await waitFor(() => expect(fifty).toHaveFocus());
  await user.keyboard('5');
  expect(within(dialog).getByRole('status')).toHaveTextContent('Cash counted: £250.00');
  return dialog;
}

describe('shifts: closing with a blind count', () => {
  it('shows no expected figure before the count is submitted, then compares, then closes', async () => {
    const { api, user } = await checkoutAs(MANAGER);
    const dialog = await closeWithFiveFifties(api, user);
    expect(dialog).toHaveTextContent('Step 1 of 5: count the cash');

    // Blind: nothing of what the till expects is on screen, nor was it asked for.
    expect(api['shifts:xReport']).not.toHaveBeenCalled();
    expect(document.body).not.toHaveTextContent('£250.50');
    expect(document.body).not.toHaveTextContent('Expected');
    expect(document.body).not.toHaveTextContent('−£0.50');

    await user.click(within(dialog).getByRole('button', { name: 'Submit count' }));
    await waitFor(() => expect(dialog).toHaveTextContent('Step 2 of 5'));
    expect(api['shifts:xReport']).toHaveBeenCalledTimes(1);
    const cash = within(dialog).getByRole('table', { name: 'Cash, expected and counted' });
    expect(cash).toHaveTextContent('£250.50');
    expect(cash).toHaveTextContent('£250.00');
    expect(cash).toHaveTextContent('−£0.50');
    // The submitted count cannot be changed any more.
    expect(within(dialog).queryByLabelText('Quantity of £50.00')).not.toBeInTheDocument();

    await user.keyboard('{Enter}'); // Next
    const card = await within(dialog).findByLabelText('Card total (GBP)');
    await waitFor(() => expect(card).toHaveFocus());
    await user.type(card, '84.00');
    expect(
      within(dialog).getByRole('table', { name: 'Card and other tenders, expected and counted' }),
    ).toHaveTextContent('£84.00');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));

    // 50p short is within the £5.00 threshold: no note needed.
    expect(await within(dialog).findByText('Step 4 of 5: over/short')).toBeInTheDocument();
    expect(within(dialog).queryByText(/add a note/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close shift' }));
    await waitFor(() =>
      expect(api['shifts:close']).toHaveBeenCalledWith({
        shiftId: 12,
        countedCash: [{ value: 5000, quantity: 5 }],
        countedOther: [{ type: 'card', amount: 8400 }],
        note: null,
      }),
    );
    expect(await within(dialog).findByRole('heading', { name: 'Z report 7' })).toBeInTheDocument();
    expect(within(dialog).getByRole('table', { name: 'Expected and counted' })).toHaveTextContent(
      '−£0.50',
    );
    expect(dialog).toHaveTextContent('Grand total of Front counter: £12,345.00');
  });

  it('a difference above the threshold needs a note before the close is sent', async () => {
    const { api, user } = await checkoutAs(MANAGER);
    api['shifts:settings'].mockResolvedValue(ok({ ...SHIFT_SETTINGS, overShortNoteThreshold: 20 }));
    await act(() => useShiftsStore.getState().load());
    const dialog = await closeWithFiveFifties(api, user);
    await user.click(within(dialog).getByRole('button', { name: 'Submit count' }));
    await within(dialog).findByText('Step 2 of 5: cash, expected and counted');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.type(await within(dialog).findByLabelText('Card total (GBP)'), '84');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));

    expect(await within(dialog).findByText(/add a note/)).toBeInTheDocument();
    const note = within(dialog).getByLabelText(/^Note/);
    expect(note).toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Close shift' }));
    expect(await within(dialog).findByText('Explain the difference in a note')).toBeInTheDocument();
    expect(api['shifts:close']).not.toHaveBeenCalled();

    await user.type(note, 'Gave 50p too much change');
    await user.click(within(dialog).getByRole('button', { name: 'Close shift' }));
    await within(dialog).findByRole('heading', { name: 'Z report 7' });
    expect(api['shifts:close']).toHaveBeenCalledTimes(1);
    expect(api['shifts:close'].mock.calls[0]![0]!.note).toBe('Gave 50p too much change');
    expect(dialog).toHaveTextContent('Note: Gave 50p too much change');
  });

  it("a cashier's close stays blind to the end; the core's SHIFT_NOTE_REQUIRED asks for the note", async () => {
    const { api, user } = await checkoutAs(['shifts.close']);
    api['shifts:close'].mockResolvedValueOnce(fail('SHIFT_NOTE_REQUIRED'));
    const dialog = await closeWithFiveFifties(api, user);
    await user.click(within(dialog).getByRole('button', { name: 'Submit count' }));
    // No X report for a cashier: straight to the card total, still without expected figures.
    await user.type(await within(dialog).findByLabelText('Card total (GBP)'), '84');
    expect(document.body).not.toHaveTextContent('£250.50');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(await within(dialog).findByText(/appear on the Z report/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Note/)).not.toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Close shift' }));

    expect(await within(dialog).findByText('Explain the difference in a note')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Note/)).toBeRequired();
    await user.type(within(dialog).getByLabelText(/^Note/), 'Till roll change');
    await user.click(within(dialog).getByRole('button', { name: 'Close shift' }));
    await within(dialog).findByRole('heading', { name: 'Z report 7' });
    expect(api['shifts:xReport']).not.toHaveBeenCalled();
    expect(api['shifts:close']).toHaveBeenCalledTimes(2);
  });
});

describe('shifts: settings', () => {
  it('edits the notes and coins of the store currency, and refuses a value listed twice', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['shifts:setDenominations'].mockImplementation(async (input) =>
      ok({ ...SHIFT_SETTINGS, denominations: input!.denominations!, denominationsEdited: true }),
    );
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Shifts and cash' });
    const coins = await within(section).findByLabelText('Coins');
    expect(within(section).getByLabelText('Notes')).toHaveValue('50.00, 20.00, 10.00, 5.00');
    await user.clear(coins);
    await user.type(coins, '2, 1, 1.00');
    expect(within(section).getByText(/each once/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Save notes and coins' }));
    expect(api['shifts:setDenominations']).not.toHaveBeenCalled();
    await user.clear(coins);
    await user.type(coins, '2, 1, 0.50');
    await user.click(within(section).getByRole('button', { name: 'Save notes and coins' }));
    await waitFor(() =>
      expect(api['shifts:setDenominations']).toHaveBeenCalledWith({
        currency: 'GBP',
        denominations: [
          { value: 5000, kind: 'note' },
          { value: 2000, kind: 'note' },
          { value: 1000, kind: 'note' },
          { value: 500, kind: 'note' },
          { value: 200, kind: 'coin' },
          { value: 100, kind: 'coin' },
          { value: 50, kind: 'coin' },
        ],
      }),
    );
    expect(await within(section).findByRole('button', { name: "Use Kassa's table" })).toBeVisible();
  });
});
