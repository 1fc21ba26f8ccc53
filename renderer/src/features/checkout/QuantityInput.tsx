import { TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUANTITY } from '../../../../shared/money';
import { t as translate } from '../../i18n';

/**
 * Why `text` is not a quantity a line can have, or null when it is: a whole number from 1 to
 * MAX_QUANTITY (9,999, the contract's limit). Issue 8, item 11: "99999999", "-5", "1.5" and an
 * empty box each get their own reason instead of being silently kept or altered.
 */
export function quantityProblem(text: string): string | null {
  const s = text.trim();
  if (s === '') return translate('checkout:quantity.empty');
  if (/^[-−]/.test(s)) return translate('checkout:quantity.negative');
  if (/[.,]/.test(s)) return translate('checkout:quantity.whole');
  if (!/^\d+$/.test(s)) return translate('checkout:quantity.notNumber');
  const n = Number(s);
  if (n < 1) return translate('checkout:quantity.zero');
  if (n > MAX_QUANTITY) return translate('checkout:quantity.tooMany', { max: MAX_QUANTITY });
  return null;
}

/**
 * A line's quantity, typed. The reason for a refused value shows as it is typed; a valid number is
 * taken on Enter or when the box is left (so typing 12 never sells 1 first), a refused one is not:
 * the line keeps its last good quantity. Enter or Esc goes back to the scan field; Esc, or leaving
 * with a refused value, puts the line's quantity back in.
 */
export function QuantityInput({
  quantity,
  label,
  line,
  onQuantity,
  onDone,
}: {
  quantity: number;
  label: string;
  /** The line index, for the F3 / * shortcut that focuses it. */
  line: number;
  onQuantity: (quantity: number) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('checkout');
  const [text, setText] = useState(String(quantity));
  const [problem, setProblem] = useState<string | null>(null);

  // The line's quantity changed elsewhere (+ / − keys, another scan): show it.
  useEffect(() => {
    setText(String(quantity));
    setProblem(null);
  }, [quantity]);

  const restore = () => {
    setText(String(quantity));
    setProblem(null);
  };

  /** Takes the typed quantity if it is valid and new; true when the box holds a valid one. */
  const commit = (): boolean => {
    if (quantityProblem(text)) return false;
    if (Number(text) !== quantity) onQuantity(Number(text));
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' && e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') restore();
    else if (!commit()) return;
    onDone();
  };

  return (
    <TextInput
      aria-label={label}
      className="k-co-qty"
      value={text}
      inputMode="numeric"
      autoComplete="off"
      size="sm"
      data-line={line}
      error={problem}
      errorProps={{ className: 'k-co-qty-error' }}
      title={problem ?? t('quantity.hint', { max: MAX_QUANTITY })}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setText(value);
        setProblem(quantityProblem(value));
      }}
      onBlur={() => {
        if (!commit()) restore();
      }}
      onKeyDown={onKeyDown}
    />
  );
}
