import { Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscountInput } from '../../../../shared/money';
import { formatPercent, parseDiscount } from './discount';
import { CheckoutModal } from './CheckoutModal';

export interface DiscountTarget {
  /** "Discount on Red mug" or "Sale discount". */
  title: string;
  current: DiscountInput | undefined;
  apply: (discount: DiscountInput | undefined) => void;
}

/**
 * A line or sale discount: an amount in the store currency or a percentage. "Remove discount"
 * takes it off. The core checks the amount against the line (VALIDATION_FAILED if larger) and
 * against the store's limit for members without sales.discountOverride (OVERRIDE_REQUIRED);
 * `limitBps` shows that limit to them (null: no limit applies to this member).
 */
export function DiscountModal({
  target,
  currency,
  exponent,
  limitBps,
  onClose,
}: {
  target: DiscountTarget | null;
  currency: string;
  exponent: number;
  limitBps: number | null;
  onClose: () => void;
}) {
  return (
    <CheckoutModal opened={target !== null} onClose={onClose} title={target?.title ?? ''} size="sm">
      {target && (
        <DiscountForm
          target={target}
          currency={currency}
          exponent={exponent}
          limitBps={limitBps}
          onClose={onClose}
        />
      )}
    </CheckoutModal>
  );
}

function DiscountForm({
  target,
  currency,
  exponent,
  limitBps,
  onClose,
}: {
  target: DiscountTarget;
  currency: string;
  exponent: number;
  limitBps: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('checkout');
  const current = target.current;
  const [type, setType] = useState<DiscountInput['type']>(current?.type ?? 'percent');
  const [text, setText] = useState(
    !current
      ? ''
      : current.type === 'percent'
        ? formatPercent(current.bps)
        : (current.value / 10 ** exponent).toFixed(exponent),
  );
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const d = parseDiscount(type, text, exponent);
    if (!d) {
      setError(
        type === 'percent'
          ? t('discount.percentInvalid')
          : t('discount.amountInvalid', {
              currency,
              example: (150 / 100).toFixed(Math.min(exponent, 2)),
            }),
      );
      return;
    }
    target.apply(d);
    onClose();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SegmentedControl
          value={type}
          onChange={(v) => {
            setType(v as DiscountInput['type']);
            setError(null);
          }}
          data={[
            { value: 'percent', label: t('discount.percent') },
            { value: 'amount', label: t('discount.amount', { currency }) },
          ]}
          aria-label={t('discount.type')}
        />
        <TextInput
          label={
            type === 'percent'
              ? t('discount.percentLabel')
              : t('discount.amountLabel', { currency })
          }
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          inputMode="decimal"
          description={
            limitBps === null
              ? undefined
              : t('discount.limit', { percent: formatPercent(limitBps) })
          }
          error={error}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="red"
            disabled={!current}
            onClick={() => {
              target.apply(undefined);
              onClose();
            }}
          >
            {t('discount.remove')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('discount.cancel')}
            </Button>
            <Button type="submit">{t('discount.apply')}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
