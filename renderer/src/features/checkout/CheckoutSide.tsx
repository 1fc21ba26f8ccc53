import { Button, Kbd, Stack, Text } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCartStore } from '../../stores/cart';
import { useSettingsStore } from '../../stores/settings';
import { GO_GREEN } from './colors';
import { CustomerPanel } from './CustomerPanel';
import { TotalsPanel } from './TotalsPanel';

export interface CheckoutSideProps {
  currency: string;
  /** Why the last "Pay" could not open the payment dialog (usePayRequest), if it could not. */
  payNotice: string | null;
  onNewCustomer: () => void;
  onSaleDiscount: () => void;
  /** "Pay" (F12): asks for the payment dialog without a card tender already added. */
  onPay: () => void;
  onPark: () => void;
}

/**
 * The checkout's side column: the sale's customer, the core's quote (TotalsPanel), "Pay" (F12),
 * enabled only for a cart the core has priced as it is now, and "Park sale" (F8).
 */
export function CheckoutSide(props: CheckoutSideProps) {
  const { t } = useTranslation('checkout');
  const cart = useCartStore();
  const pricesIncludeTax = useSettingsStore((s) => s.settings?.pricesIncludeTax ?? true);
  const empty = cart.lines.length === 0;
  const canPay = !empty && cart.quote !== null && !cart.quoting && cart.quoteError === null;
  return (
    <Stack gap="sm" className="k-co-side">
      <CustomerPanel onNew={props.onNewCustomer} />
      <TotalsPanel
        quote={cart.quote}
        quoting={cart.quoting}
        quoteError={cart.quoteError}
        discount={cart.discount}
        currency={props.currency}
        pricesIncludeTax={cart.quote?.pricesIncludeTax ?? pricesIncludeTax}
        empty={empty}
        onSaleDiscount={props.onSaleDiscount}
      />
      <Button
        size="xl"
        color={GO_GREEN}
        fullWidth
        disabled={!canPay}
        onClick={props.onPay}
        rightSection={
          <Kbd className="k-co-pay-kbd" aria-hidden>
            F12
          </Kbd>
        }
        className="k-co-pay"
      >
        {t('pay.button')}
      </Button>
      {props.payNotice && (
        <Text size="sm" c="red.8" role="status">
          {props.payNotice}
        </Text>
      )}
      <Button
        variant="default"
        fullWidth
        leftSection={<IconPlayerPause size={18} />}
        rightSection={
          <Kbd size="xs" aria-hidden>
            F8
          </Kbd>
        }
        disabled={empty}
        onClick={props.onPark}
      >
        {t('park.button')}
      </Button>
    </Stack>
  );
}
