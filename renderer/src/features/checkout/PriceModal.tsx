import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { MAX_LINE_AMOUNT, parseMoney } from '../../../../shared/money';
import { useFormat } from '../../format/locale';
import { minorToText } from '../products/product-form';
import { CheckoutModal } from './CheckoutModal';

/**
 * The price of an open-price product, asked for when it is scanned: keyboard-first (the field has
 * the focus with any suggested price selected, Enter adds the line, Esc cancels). The price is in
 * the store currency, 1 minor unit up to 10^9 (M2); the core checks it again and needs
 * sales.discountOverride for it.
 */
export function PriceModal({
  product,
  currency,
  exponent,
  onPrice,
  onClose,
}: {
  /** The product being added; null when closed. */
  product: ProductView | null;
  currency: string;
  exponent: number;
  /** Called with the price in minor units. */
  onPrice: (unitPrice: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('checkout');
  return (
    <CheckoutModal
      opened={product !== null}
      onClose={onClose}
      title={product ? t('price.title', { name: product.name }) : ''}
      size="sm"
    >
      {product && (
        <PriceForm
          product={product}
          currency={currency}
          exponent={exponent}
          onPrice={onPrice}
          onClose={onClose}
        />
      )}
    </CheckoutModal>
  );
}

function PriceForm({
  product,
  currency,
  exponent,
  onPrice,
  onClose,
}: {
  product: ProductView;
  currency: string;
  exponent: number;
  onPrice: (unitPrice: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const [text, setText] = useState(product.price > 0 ? minorToText(product.price, exponent) : '');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const price = parseMoney(text, exponent);
    if (price === null || price < 1) {
      setError(t('price.invalid', { currency, example: minorToText(250, exponent) }));
      return;
    }
    if (price > MAX_LINE_AMOUNT) {
      setError(t('price.tooHigh', { max: money(MAX_LINE_AMOUNT, currency) }));
      return;
    }
    onPrice(price);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="gray.7">
          {t('price.text', { name: product.name })}
        </Text>
        <TextInput
          label={t('price.label', { currency })}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          onFocus={(e) => e.currentTarget.select()}
          inputMode="decimal"
          error={error}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('price.cancel')}
          </Button>
          <Button type="submit">{t('price.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
