import { Paper, Stack, Text } from '@mantine/core';
import { IconBasket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCartStore } from '../../stores/cart';
import { CartTable } from './CartTable';
import { lineErrors } from './quote-errors';

export interface CartAreaProps {
  currency: string;
  /** A line's discount dialog, by line index. */
  onDiscount: (line: number) => void;
  /** The cashier is done with the cart (a line removed, a quantity entered): back to scanning. */
  onDone: () => void;
}

/**
 * The checkout's cart: "the cart is empty" with a hint, or the lines with the core's prices and
 * each line's refusal from the quote (CartTable).
 */
export function CartArea({ currency, onDiscount, onDone }: CartAreaProps) {
  const { t } = useTranslation('checkout');
  const cart = useCartStore();
  return (
    <div className="k-co-cart-area">
      {cart.lines.length === 0 ? (
        <Paper withBorder p="xl" className="k-co-empty">
          <Stack align="center" gap="xs">
            <IconBasket size={40} stroke={1.4} />
            <Text fw={600} size="lg">
              {t('empty.title')}
            </Text>
            <Text size="sm">{t('empty.text')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder className="k-co-cart-wrap">
          <CartTable
            lines={cart.lines}
            quote={cart.quote}
            currency={currency}
            selected={cart.selected}
            lineErrors={lineErrors(cart.quoteError)}
            onSelect={cart.select}
            onQuantity={cart.setQuantity}
            onRemove={(i) => {
              cart.removeLine(i);
              onDone();
            }}
            onDiscount={onDiscount}
            onDone={onDone}
          />
        </Paper>
      )}
    </div>
  );
}
