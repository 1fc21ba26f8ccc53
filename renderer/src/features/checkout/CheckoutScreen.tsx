import { Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconArchive,
  IconBasket,
  IconPlayerPause,
  IconPrinter,
  IconReceipt2,
  IconUserPlus,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  ParkedSale,
  ProductView,
  SaleDetail,
  TillSettings,
} from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { currencyExponent, formatMoney } from '../../../../shared/money';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { can, useSessionStore } from '../../stores/session';
import { useCartStore } from '../../stores/cart';
import { useSettingsStore } from '../../stores/settings';
import { printReceipt, Receipt } from '../receipt/Receipt';
import { CustomerPicker } from '../transactions/CustomerPicker';
import { CartTable, lineName } from './CartTable';
import { discountLabel } from './discount';
import { DiscountModal, type DiscountTarget } from './DiscountModal';
import { NewCustomerModal } from './NewCustomerModal';
import { ParkedSalesModal, ParkSaleModal } from './ParkModals';
import { ScanField } from './ScanField';
import { PriceModal } from './PriceModal';
import { lineErrors, quoteErrorMessage } from './quote-errors';
import { TenderDialog } from './TenderDialog';
import './checkout.css';

type Dialog = 'pay' | 'park' | 'parked' | 'customer' | 'discount' | 'price' | null;

/** True when keys typed go into a text field (so "/" and "*" are characters, not shortcuts). */
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Checkout, keyboard-first: scan or search to add products, adjust quantities and discounts,
 * attach a customer, see the core's quote (the renderer never prices anything), take payment in
 * one or more tenders, and print the receipt. Sales can be parked and resumed.
 */
export function CheckoutScreen() {
  const cart = useCartStore();
  const settings = useSettingsStore((s) => s.settings);
  const ensureSettings = useSettingsStore((s) => s.ensureLoaded);
  const session = useSessionStore((s) => s.session);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [discountTarget, setDiscountTarget] = useState<DiscountTarget | null>(null);
  const [openPriced, setOpenPriced] = useState<ProductView | null>(null);
  const [parked, setParked] = useState<ParkedSale[]>([]);
  const [parkedError, setParkedError] = useState<string | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const currency = cart.quote?.currency ?? settings?.currency ?? 'GBP';
  const exponent = settings?.currencyExponent ?? currencyExponent(currency);
  const money = (minor: number) => formatMoney(minor, currency);

  const focusScan = useCallback(() => {
    setTimeout(() => scanRef.current?.focus(), 0);
  }, []);

  const loadParked = useCallback(async () => {
    try {
      setParked(await call('sales:parkedList'));
      setParkedError(null);
    } catch (e) {
      setParkedError(messageFor(e));
    }
  }, []);

  useEffect(() => {
    void ensureSettings();
    void loadParked();
    scanRef.current?.focus();
  }, [ensureSettings, loadParked]);

  const closeDialog = useCallback(() => {
    setDialog(null);
    focusScan();
  }, [focusScan]);

  const focusQuantity = useCallback(() => {
    const { selected, lines } = useCartStore.getState();
    const index = selected ?? lines.length - 1;
    if (index < 0) return;
    const input = document.querySelector<HTMLInputElement>(
      `.k-co-cart input[data-line="${index}"]`,
    );
    input?.focus();
    input?.select();
  }, []);

  const canPay =
    cart.lines.length > 0 && cart.quote !== null && !cart.quoting && cart.quoteError === null;

  const openPay = useCallback(() => {
    if (canPay) setDialog('pay');
  }, [canPay]);

  // Keys the scan field passes on when it is empty and shows no results.
  const onCartKey = useCallback(
    (key: string): boolean => {
      const s = useCartStore.getState();
      const sel = s.selected ?? s.lines.length - 1;
      if (s.lines.length === 0) return false;
      switch (key) {
        case 'ArrowUp':
          s.select(sel - 1);
          return true;
        case 'ArrowDown':
          s.select(sel + 1);
          return true;
        case '+':
          s.setQuantity(sel, s.lines[sel]!.quantity + 1);
          return true;
        case '-':
          s.setQuantity(sel, s.lines[sel]!.quantity - 1);
          return true;
        case '*':
          focusQuantity();
          return true;
        case 'Delete':
          s.removeLine(sel);
          return true;
        default:
          return false;
      }
    },
    [focusQuantity],
  );

  // Screen-wide shortcuts, off while a dialog is open (dialogs have their own keys).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog !== null || document.querySelector('[role="dialog"]')) return;
      const { completed } = useCartStore.getState();
      if (completed) {
        if (
          e.key === 'Enter' &&
          !isEditable(e.target) &&
          !(e.target instanceof HTMLButtonElement)
        ) {
          e.preventDefault();
          useCartStore.getState().reset();
          focusScan();
        }
        return;
      }
      const editable = isEditable(e.target);
      if (e.key === 'F2' || (e.key === '/' && !editable)) {
        e.preventDefault();
        scanRef.current?.focus();
      } else if (e.key === 'F3' || (e.key === '*' && !editable)) {
        e.preventDefault();
        focusQuantity();
      } else if (e.key === 'F12' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        openPay();
      } else if (e.key === 'F8') {
        e.preventDefault();
        if (useCartStore.getState().lines.length > 0) setDialog('park');
      } else if (e.key === 'Delete' && !editable) {
        const s = useCartStore.getState();
        if (s.selected !== null) {
          e.preventDefault();
          s.removeLine(s.selected);
          focusScan();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, focusQuantity, focusScan, openPay]);

  const marked = useMemo(() => lineErrors(cart.quoteError), [cart.quoteError]);

  const quoteMessage = cart.quoteError ? quoteErrorMessage(cart.quoteError) : null;

  const park = async (label: string, then?: () => void): Promise<string | null> => {
    try {
      await call('sales:park', { label: label.trim() || null, cart: cart.cartInput() });
      useCartStore.getState().reset();
      await loadParked();
      notifySuccess(label.trim() ? `Sale parked: ${label.trim()}` : 'Sale parked');
      if (then) then();
      else closeDialog();
      return null;
    } catch (e) {
      return messageFor(e);
    }
  };

  const resume = async (p: ParkedSale, parkCurrent: boolean) => {
    if (parkCurrent) {
      const failed = await park('', () => undefined);
      if (failed) {
        setParkedError(failed);
        return;
      }
    }
    try {
      const { cart: resumed } = await call('sales:resume', { id: p.id });
      let customer = null;
      if (resumed.customerId) {
        try {
          const found = await call('customers:get', { id: resumed.customerId });
          customer = { id: found.customer.id, name: found.customer.name };
        } catch {
          customer = { id: resumed.customerId, name: `Customer ${resumed.customerId}` };
        }
      }
      useCartStore.getState().load(resumed, customer);
      await loadParked();
      closeDialog();
    } catch (e) {
      setParkedError(messageFor(e));
      await loadParked();
    }
  };

  const discard = async (p: ParkedSale) => {
    try {
      await call('sales:discardParked', { id: p.id });
      await loadParked();
    } catch (e) {
      notifyError(e);
      await loadParked();
    }
  };

  if (cart.completed) {
    return (
      <CompletedSale
        sale={cart.completed}
        settings={settings}
        onNewSale={() => {
          useCartStore.getState().reset();
          focusScan();
        }}
      />
    );
  }

  const q = cart.quote;
  const empty = cart.lines.length === 0;

  return (
    <Stack gap="md" className="k-co">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Checkout
        </Title>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconArchive size={18} />}
            rightSection={
              parked.length > 0 ? (
                <Badge size="sm" circle>
                  {parked.length}
                </Badge>
              ) : undefined
            }
            aria-label="Parked sales"
            onClick={() => {
              void loadParked();
              setDialog('parked');
            }}
          >
            Parked sales
          </Button>
        </Group>
      </Group>

      <div className="k-co-layout">
        <Stack gap="md" className="k-co-main">
          <ScanField
            ref={scanRef}
            currency={currency}
            onAdd={(p) => {
              if (!p.openPrice) cart.addProduct(p);
              else if (can(session, 'sales.discountOverride')) {
                setOpenPriced(p);
                setDialog('price');
              } else
                notifyError(
                  new AppError('OVERRIDE_REQUIRED', 'open price'),
                  `${p.name} has an open price`,
                );
            }}
            onCartKey={onCartKey}
          />
          <FormAlert message={quoteMessage} />
          {empty ? (
            <Paper withBorder p="xl" className="k-co-empty">
              <Stack align="center" gap="xs">
                <IconBasket size={40} stroke={1.4} />
                <Text fw={600} size="lg">
                  Scan a barcode or type to search
                </Text>
                <Text c="dimmed" size="sm">
                  Products you add appear here. Press <Kbd>F2</Kbd> or <Kbd>/</Kbd> to come back to
                  the search at any time.
                </Text>
              </Stack>
            </Paper>
          ) : (
            <Paper withBorder className="k-co-cart-wrap">
              <CartTable
                lines={cart.lines}
                quote={q}
                currency={currency}
                selected={cart.selected}
                lineErrors={marked}
                onSelect={cart.select}
                onQuantity={cart.setQuantity}
                onRemove={(i) => {
                  cart.removeLine(i);
                  focusScan();
                }}
                onDiscount={(i) => {
                  const line = cart.lines[i]!;
                  setDiscountTarget({
                    title: `Discount on ${lineName(line)}`,
                    current: line.discount,
                    apply: (d) => useCartStore.getState().setLineDiscount(i, d),
                  });
                  setDialog('discount');
                }}
                onDone={focusScan}
              />
            </Paper>
          )}
          <Text size="sm" c="dimmed" className="k-co-keys" aria-label="Keyboard shortcuts">
            <Kbd>F2</Kbd> search · <Kbd>↑</Kbd>
            <Kbd>↓</Kbd> choose line · <Kbd>*</Kbd> or <Kbd>F3</Kbd> quantity · <Kbd>+</Kbd>
            <Kbd>−</Kbd> one more/less · <Kbd>Del</Kbd> remove line · <Kbd>F8</Kbd> park ·{' '}
            <Kbd>F12</Kbd> pay
          </Text>
        </Stack>

        <Stack gap="md" className="k-co-side">
          <Paper withBorder p="md">
            <Stack gap="xs">
              <CustomerPicker
                label="Customer"
                placeholder="Walk-in: search to attach"
                value={cart.customer}
                onChange={(c) => cart.setCustomer(c)}
              />
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {cart.customer ? `Attached: ${cart.customer.name}` : 'Walk-in customer'}
                </Text>
                {can(session, 'customers.manage') && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconUserPlus size={16} />}
                    onClick={() => setDialog('customer')}
                  >
                    New customer
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md" className="k-co-totals-card">
            <dl className="k-co-totals">
              <div>
                <dt>Subtotal</dt>
                <dd>{q ? money(q.subtotal) : money(0)}</dd>
              </div>
              <div>
                <dt>
                  Discount
                  {cart.discount && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (sale {discountLabel(cart.discount, currency)})
                    </Text>
                  )}
                </dt>
                <dd>{q && q.discount > 0 ? `−${money(q.discount)}` : money(0)}</dd>
              </div>
              <div>
                <dt>
                  {(q?.pricesIncludeTax ?? settings?.pricesIncludeTax ?? true)
                    ? 'Tax (incl.)'
                    : 'Tax'}
                </dt>
                <dd>{q ? money(q.tax) : money(0)}</dd>
              </div>
              <div className="k-co-total">
                <dt>Total due</dt>
                <dd aria-label="Total due" data-stale={cart.quoting || undefined}>
                  {q ? money(q.total) : money(0)}
                </dd>
              </div>
            </dl>
            <Button
              variant="subtle"
              size="compact-sm"
              disabled={empty}
              onClick={() => {
                setDiscountTarget({
                  title: 'Sale discount',
                  current: cart.discount,
                  apply: (d) => useCartStore.getState().setDiscount(d),
                });
                setDialog('discount');
              }}
            >
              {cart.discount ? 'Change sale discount' : 'Sale discount'}
            </Button>
          </Paper>

          <Button
            size="xl"
            color="green.8"
            fullWidth
            disabled={!canPay}
            onClick={openPay}
            aria-label="Pay"
            rightSection={<Kbd className="k-co-pay-kbd">F12</Kbd>}
          >
            Pay
          </Button>
          <Button
            variant="default"
            fullWidth
            leftSection={<IconPlayerPause size={18} />}
            disabled={empty}
            onClick={() => setDialog('park')}
          >
            Park sale
          </Button>
        </Stack>
      </div>

      <TenderDialog
        opened={dialog === 'pay' && q !== null}
        total={q?.total ?? 0}
        currency={currency}
        exponent={exponent}
        onClose={closeDialog}
      />
      <ParkSaleModal opened={dialog === 'park'} onClose={closeDialog} onPark={(l) => park(l)} />
      <ParkedSalesModal
        opened={dialog === 'parked'}
        parked={parked}
        error={parkedError}
        currentItems={cart.lines.length}
        onClose={closeDialog}
        onResume={resume}
        onDiscard={discard}
      />
      <NewCustomerModal
        opened={dialog === 'customer'}
        onClose={closeDialog}
        onCreated={(c) => {
          cart.setCustomer({ id: c.id, name: c.name });
          notifySuccess(`${c.name} added and attached to the sale`);
          closeDialog();
        }}
      />
      <DiscountModal
        target={dialog === 'discount' ? discountTarget : null}
        currency={currency}
        exponent={exponent}
        limitBps={
          can(session, 'sales.discountOverride') ? null : (settings?.maxDiscountBps ?? null)
        }
        onClose={closeDialog}
      />
      <PriceModal
        product={dialog === 'price' ? openPriced : null}
        currency={currency}
        exponent={exponent}
        onPrice={(price) => {
          if (openPriced) cart.addProduct(openPriced, price);
          closeDialog();
        }}
        onClose={closeDialog}
      />
    </Stack>
  );
}

/** After "Complete sale": the receipt, "Print receipt" and "New sale" (Enter). */
function CompletedSale({
  sale,
  settings,
  onNewSale,
}: {
  sale: SaleDetail;
  settings: TillSettings | null;
  onNewSale: () => void;
}) {
  const newSale = useRef<HTMLButtonElement>(null);
  useEffect(() => newSale.current?.focus(), []);
  return (
    <Stack gap="md" className="k-co">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Sale complete
        </Title>
      </Group>
      <div className="k-co-done">
        <Receipt sale={sale} settings={settings} />
        <Stack gap="sm" className="k-co-done-actions">
          <Button
            ref={newSale}
            aria-label="New sale"
            size="xl"
            leftSection={<IconReceipt2 size={22} />}
            rightSection={<Kbd className="k-co-pay-kbd">Enter</Kbd>}
            onClick={onNewSale}
          >
            New sale
          </Button>
          <Button
            size="lg"
            variant="default"
            leftSection={<IconPrinter size={20} />}
            onClick={printReceipt}
          >
            Print receipt
          </Button>
        </Stack>
      </div>
    </Stack>
  );
}
