/**
 * The checkout screen's keyboard shortcuts (issue 8, item 20), with Mantine's `useHotkeys`.
 * Function keys work from any field (the scan field has the focus most of the time); the
 * one-character keys (/ * ? Delete) only outside text fields, where they are not characters.
 * While a dialog is open the screen's shortcuts are off: the dialog has its own keys.
 * {@link SHORTCUTS} is the list the shortcut overlay (F1 or ?) shows.
 */
import { useHotkeys } from '@mantine/hooks';
import { useCartStore } from '../../stores/cart';

/**
 * The shortcuts, as shown in the overlay: the keys (a `keys.*` catalogue entry for keys whose name
 * differs by language, such as Del/Entf) and the catalogue key of what they do.
 */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['F2', '/'], action: 'search' },
  { keys: ['F3', '*'], action: 'quantity' },
  { keys: ['F4'], action: 'customer' },
  { keys: ['F6'], action: 'saleDiscount' },
  { keys: ['keys.shiftF6'], action: 'lineDiscount' },
  { keys: ['F7'], action: 'parked' },
  { keys: ['F8'], action: 'park' },
  { keys: ['F9'], action: 'card' },
  { keys: ['F12', 'keys.ctrlEnter'], action: 'pay' },
  { keys: ['↑', '↓'], action: 'choose' },
  { keys: ['+', '−'], action: 'plusMinus' },
  { keys: ['keys.del'], action: 'remove' },
  { keys: ['F1', '?'], action: 'help' },
];

export interface CheckoutActions {
  focusScan: () => void;
  focusQuantity: () => void;
  focusCustomer: () => void;
  saleDiscount: () => void;
  lineDiscount: () => void;
  parked: () => void;
  park: () => void;
  pay: (card: boolean) => void;
  help: () => void;
  removeSelected: () => void;
  newSale: () => void;
}

/** True while a dialog (ours, or the re-authentication prompt) is open. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

export function useCheckoutShortcuts(a: CheckoutActions): void {
  const when =
    (run: () => void, onReceipt = false) =>
    () => {
      if (dialogOpen()) return;
      if (useCartStore.getState().completed !== null && !onReceipt) return;
      run();
    };
  const anywhere: Array<[string, () => void]> = [
    ['F1', when(a.help, true)],
    ['F2', when(a.focusScan)],
    ['F3', when(a.focusQuantity)],
    ['F4', when(a.focusCustomer)],
    ['F6', when(a.saleDiscount)],
    ['shift+F6', when(a.lineDiscount)],
    ['F7', when(a.parked)],
    ['F8', when(a.park)],
    ['F9', when(() => a.pay(true))],
    ['F12', when(() => a.pay(false))],
    ['mod+Enter', when(() => a.pay(false))],
  ];
  useHotkeys(anywhere, []);
  useHotkeys([
    ['/', when(a.focusScan)],
    ['*', when(a.focusQuantity)],
    ['shift+*', when(a.focusQuantity)],
    ['shift+?', when(a.help, true)],
    ['?', when(a.help, true)],
    ['Delete', when(a.removeSelected)],
  ]);
  // On the receipt, Enter anywhere but on a button starts the next sale.
  useHotkeys(
    [
      [
        'Enter',
        () => {
          if (dialogOpen() || useCartStore.getState().completed === null) return;
          a.newSale();
        },
      ],
    ],
    ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'],
  );
}
