import { Button, Group, NumberInput, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STOCK_QUANTITY } from '../../../../shared/contract/stock';

/**
 * The stock take's entry line: scan or type a barcode or SKU and press Enter. Without a quantity
 * each scan adds one; with one, it sets the product's count (last wins). The field keeps focus
 * for the next scan.
 */
export function CountScanForm({
  onEnter,
}: {
  onEnter: (code: string, quantity: number | null) => Promise<void>;
}) {
  const { t } = useTranslation('stock');
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState<number | string>('');
  const field = useRef<HTMLInputElement>(null);
  const submit = async () => {
    const typed = code.trim();
    if (!typed) return;
    setCode('');
    const q = typeof quantity === 'number' ? quantity : null;
    setQuantity('');
    await onEnter(typed, q);
    field.current?.focus();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          ref={field}
          label={t('take.code')}
          description={t('take.codeHelp')}
          className="k-grow"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoFocus
          autoComplete="off"
        />
        <NumberInput
          label={t('take.quantity')}
          w={140}
          min={0}
          max={MAX_STOCK_QUANTITY}
          allowDecimal={false}
          allowNegative={false}
          value={quantity}
          onChange={setQuantity}
        />
        <Button type="submit">{t('take.enter')}</Button>
      </Group>
    </form>
  );
}
