import { Alert, Button, Kbd, Paper, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { DiscountInput } from '../../../../shared/money';
import { fitStyle } from '../../format/fit';
import { useFormat } from '../../format/locale';
import { discountLabel } from './discount';
import { quoteErrorMessage } from './quote-errors';

/** Shown in place of a figure the core could not work out. */
const NO_FIGURE = '—';

export interface TotalsPanelProps {
  quote: Quote | null;
  /** A quote for the latest cart is on its way: the figures shown are for an earlier cart. */
  quoting: boolean;
  /** Why the latest cart could not be priced. */
  quoteError: AppError | null;
  discount: DiscountInput | undefined;
  currency: string;
  pricesIncludeTax: boolean;
  empty: boolean;
  onSaleDiscount: () => void;
}

/**
 * Subtotal, discount, tax and total due, as the core quoted them (the renderer never prices).
 * When the core could not price the cart every figure is "—" and the reason is given (issue 8,
 * item 10): a stale total is never shown as if it were the one to pay. While a new quote is on
 * its way the figures are dimmed and marked busy.
 */
export function TotalsPanel(props: TotalsPanelProps) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const { quote, quoteError, currency } = props;
  const failed = quoteError !== null;
  const figure = (pick: (q: Quote) => number, negative = false) => {
    if (failed) return NO_FIGURE;
    const value = quote ? pick(quote) : 0;
    return negative && value > 0 ? `−${money(value, currency)}` : money(value, currency);
  };
  const total = figure((q) => q.total);
  return (
    <Paper withBorder p="md" className="k-co-totals-card k-fit-box">
      <dl className="k-co-totals" aria-busy={props.quoting || undefined}>
        <div>
          <dt>{t('totals.subtotal')}</dt>
          <dd>{figure((q) => q.subtotal)}</dd>
        </div>
        <div>
          <dt>
            {t('totals.discount')}
            {props.discount && (
              <Text span size="xs" c="gray.7">
                {' '}
                {t('totals.saleDiscountLabel', {
                  discount: discountLabel(props.discount, currency),
                })}
              </Text>
            )}
          </dt>
          <dd>{figure((q) => q.discount, true)}</dd>
        </div>
        <div>
          <dt>{props.pricesIncludeTax ? t('totals.taxIncluded') : t('totals.tax')}</dt>
          <dd>{figure((q) => q.tax)}</dd>
        </div>
        <div className="k-co-total">
          <dt>{t('totals.totalDue')}</dt>
          <dd
            aria-label={t('totals.totalDue')}
            className="k-fit"
            style={fitStyle(total)}
            data-stale={(props.quoting && !failed) || undefined}
            data-failed={failed || undefined}
          >
            {total}
          </dd>
        </div>
      </dl>
      {quoteError && (
        <Alert
          role="alert"
          color="red"
          variant="light"
          icon={<IconAlertCircle size={18} />}
          className="k-co-totals-error"
        >
          {quoteErrorMessage(quoteError)}
        </Alert>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        disabled={props.empty}
        onClick={props.onSaleDiscount}
        rightSection={
          <Kbd size="xs" aria-hidden>
            F6
          </Kbd>
        }
      >
        {props.discount ? t('totals.changeSaleDiscount') : t('totals.saleDiscount')}
      </Button>
    </Paper>
  );
}
