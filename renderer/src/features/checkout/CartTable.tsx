import { ActionIcon, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconDiscount, IconMinus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/contract';
import { MAX_QUANTITY } from '../../../../shared/money';
import { useFormat } from '../../format/locale';
import { t as translate } from '../../i18n';
import type { CartLine } from '../../stores/cart';
import { LineStockWarning } from '../stock/LineStockWarning';
import { discountLabel } from './discount';
import { QuantityInput } from './QuantityInput';

export interface CartTableProps {
  lines: CartLine[];
  quote: Quote | null;
  currency: string;
  selected: number | null;
  /** Index → message, for lines the core refused (PRODUCT_UNAVAILABLE at `lines.<i>.productId`). */
  lineErrors: ReadonlyMap<number, string>;
  onSelect: (index: number) => void;
  onQuantity: (index: number, quantity: number) => void;
  onRemove: (index: number) => void;
  onDiscount: (index: number) => void;
  /** Enter or Esc in a quantity field: back to the scan field. */
  onDone: () => void;
}

/** Shown for a figure the core has not quoted yet. */
const PENDING = '…';

/** The quoted line for cart line `index`, when the shown quote is for this cart's products. */
export function quotedLine(quote: Quote | null, lines: CartLine[], index: number) {
  const q = quote?.lines[index];
  return q && q.productId === lines[index]?.productId ? q : null;
}

/** A display name for a line: the product name, or what the quote called it. */
export function lineName(line: CartLine): string {
  return line.name ?? translate('checkout:cart.productFallback', { id: line.productId });
}

/**
 * The cart lines: description and SKU, unit price, quantity (typed, or − / +), line discount,
 * line total (from the quote) and remove. Clicking or focusing a row selects it for the keyboard.
 */
export function CartTable(props: CartTableProps) {
  const { lines, quote, currency, selected, lineErrors } = props;
  const { t } = useTranslation('checkout');
  const format = useFormat();
  const money = (minor: number) => format.money(minor, currency);
  return (
    <Table aria-label={t('cart.label')} className="k-co-cart" verticalSpacing={6} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cart.item')}</Table.Th>
          <Table.Th className="k-co-num k-co-price-col">{t('cart.price')}</Table.Th>
          <Table.Th className="k-co-qty-col">{t('cart.quantity')}</Table.Th>
          <Table.Th className="k-co-num">{t('cart.discount')}</Table.Th>
          <Table.Th className="k-co-num">{t('cart.total')}</Table.Th>
          <Table.Th className="k-co-remove-col">
            <VisuallyHidden>{t('cart.remove')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, i) => {
          const q = quotedLine(quote, lines, i);
          const name = lineName(line);
          const error = lineErrors.get(i);
          const unit = q ? q.unitPrice : (line.unitPrice ?? null);
          return (
            <Table.Tr
              // An open-price product can be on several lines, one per price typed.
              key={line.unitPrice === undefined ? line.productId : `${line.productId}:${i}`}
              className="k-co-line"
              data-selected={selected === i || undefined}
              data-error={error ? true : undefined}
              aria-selected={selected === i}
              onClick={() => props.onSelect(i)}
              onFocusCapture={() => props.onSelect(i)}
            >
              <Table.Td>
                <Text fw={600} className="k-co-line-name">
                  {name}
                </Text>
                <Text c="gray.7" className="k-co-line-sku">
                  <span className="k-co-whole">{line.sku ?? q?.sku ?? ''}</span>
                  {unit !== null && (
                    <span className="k-co-line-unit">
                      {'\u00a0· '}
                      <span className="k-co-whole">{t('cart.each', { price: money(unit) })}</span>
                    </span>
                  )}
                </Text>
                {error && (
                  <Text c="red.8" role="alert" className="k-co-line-error">
                    {error}
                  </Text>
                )}
                {!error && q && <LineStockWarning quote={quote} index={i} />}
              </Table.Td>
              <Table.Td className="k-co-num k-co-price-col">
                {unit !== null ? money(unit) : PENDING}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    size="md"
                    aria-label={t('cart.less', { name })}
                    className="k-co-step"
                    tabIndex={-1}
                    disabled={line.quantity <= 1}
                    onClick={() => props.onQuantity(i, line.quantity - 1)}
                  >
                    <IconMinus size={16} />
                  </ActionIcon>
                  <QuantityInput
                    label={t('cart.quantityOf', { name })}
                    quantity={line.quantity}
                    line={i}
                    onQuantity={(q) => props.onQuantity(i, q)}
                    onDone={props.onDone}
                  />
                  <ActionIcon
                    variant="default"
                    size="md"
                    aria-label={t('cart.more', { name })}
                    className="k-co-step"
                    tabIndex={-1}
                    disabled={line.quantity >= MAX_QUANTITY}
                    onClick={() => props.onQuantity(i, line.quantity + 1)}
                  >
                    <IconPlus size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
              <Table.Td className="k-co-num">
                {line.discount || (q && q.discount > 0) ? (
                  <UnstyledButton
                    className="k-co-discount"
                    aria-label={t('cart.discountOn', { name })}
                    onClick={() => props.onDiscount(i)}
                  >
                    <span>{q ? `−${money(q.discount)}` : PENDING}</span>
                    <small>
                      {line.discount
                        ? discountLabel(line.discount, currency)
                        : t('cart.fromSaleDiscount')}
                    </small>
                  </UnstyledButton>
                ) : (
                  <ActionIcon
                    variant="subtle"
                    size="md"
                    aria-label={t('cart.discountOn', { name })}
                    onClick={() => props.onDiscount(i)}
                    className="k-co-icon"
                  >
                    <IconDiscount size={18} />
                  </ActionIcon>
                )}
              </Table.Td>
              <Table.Td className="k-co-num">
                <Text fw={600} span className="k-co-line-total">
                  {q ? money(q.total) : PENDING}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="md"
                  aria-label={t('cart.removeLine', { name })}
                  onClick={() => props.onRemove(i)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
