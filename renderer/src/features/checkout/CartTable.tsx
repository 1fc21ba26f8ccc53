import {
  ActionIcon,
  Group,
  NumberInput,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconDiscount, IconMinus, IconPlus, IconTrash } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import type { Quote } from '../../../../shared/contract';
import { formatMoney, MAX_QUANTITY } from '../../../../shared/money';
import type { CartLine } from '../../stores/cart';
import { discountLabel } from './discount';

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

/** The quoted line for cart line `index`, when the shown quote is for this cart's products. */
export function quotedLine(quote: Quote | null, lines: CartLine[], index: number) {
  const q = quote?.lines[index];
  return q && q.productId === lines[index]?.productId ? q : null;
}

/** A display name for a line: the product name, or what the quote called it. */
export function lineName(line: CartLine): string {
  return line.name ?? `Product ${line.productId}`;
}

/**
 * The cart lines: description and SKU, unit price, quantity (typed, or − / +), line discount,
 * line total (from the quote) and remove. Clicking or focusing a row selects it for the keyboard.
 */
export function CartTable(props: CartTableProps) {
  const { lines, quote, currency, selected, lineErrors } = props;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Table aria-label="Cart" className="k-co-cart" verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th className="k-co-num">Price</Table.Th>
          <Table.Th className="k-co-qty-col">Quantity</Table.Th>
          <Table.Th className="k-co-num">Discount</Table.Th>
          <Table.Th className="k-co-num">Total</Table.Th>
          <Table.Th className="k-co-remove-col">
            <VisuallyHidden>Remove</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, i) => {
          const q = quotedLine(quote, lines, i);
          const name = lineName(line);
          const error = lineErrors.get(i);
          const onQtyKey = (e: KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Enter' || e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              props.onDone();
            }
          };
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
                <Text fw={600} size="sm" className="k-co-line-name">
                  {name}
                </Text>
                <Text size="xs" c="dimmed">
                  {line.sku ?? q?.sku ?? ''}
                </Text>
                {error && (
                  <Text size="sm" c="red.8" role="alert">
                    {error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="k-co-num">
                {q
                  ? money(q.unitPrice)
                  : line.unitPrice !== undefined
                    ? money(line.unitPrice)
                    : '…'}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    size="md"
                    aria-label={`One less ${name}`}
                    tabIndex={-1}
                    disabled={line.quantity <= 1}
                    onClick={() => props.onQuantity(i, line.quantity - 1)}
                  >
                    <IconMinus size={16} />
                  </ActionIcon>
                  <NumberInput
                    aria-label={`Quantity of ${name}`}
                    className="k-co-qty"
                    value={line.quantity}
                    min={1}
                    max={MAX_QUANTITY}
                    clampBehavior="strict"
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    size="sm"
                    data-line={i}
                    onChange={(v) => {
                      if (typeof v === 'number' && v >= 1) props.onQuantity(i, v);
                    }}
                    onKeyDown={onQtyKey}
                  />
                  <ActionIcon
                    variant="default"
                    size="md"
                    aria-label={`One more ${name}`}
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
                    aria-label={`Discount on ${name}`}
                    onClick={() => props.onDiscount(i)}
                  >
                    <span>{q ? `−${money(q.discount)}` : '…'}</span>
                    <small>
                      {line.discount ? discountLabel(line.discount, currency) : 'sale discount'}
                    </small>
                  </UnstyledButton>
                ) : (
                  <ActionIcon
                    variant="subtle"
                    size="md"
                    aria-label={`Discount on ${name}`}
                    onClick={() => props.onDiscount(i)}
                  >
                    <IconDiscount size={18} />
                  </ActionIcon>
                )}
              </Table.Td>
              <Table.Td className="k-co-num">
                <Text fw={600} span>
                  {q ? money(q.total) : '…'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="md"
                  aria-label={`Remove ${name}`}
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
