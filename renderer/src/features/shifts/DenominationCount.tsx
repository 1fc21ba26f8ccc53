import { SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { type CountDraft, draftTotal, pieces } from './count-draft';
import './shifts.css';

/**
 * Counting cash by denomination: a row per note and coin of the store currency (largest first)
 * with a quantity field and the row's value, and the running total below; or one typed total
 * instead. Keyboard-first: the first quantity has the focus, Enter moves to the next row (on the
 * last row it submits the form). Amounts are minor units of `currency`.
 */
export function DenominationCount({
  draft,
  onChange,
  denominations,
  currency,
  exponent,
  label,
}: {
  draft: CountDraft;
  onChange: (draft: CountDraft) => void;
  /** The denominations (minor units), largest first. */
  denominations: readonly number[];
  currency: string;
  exponent: number;
  /** What is being counted, e.g. "Float" — names the table and the total for screen readers. */
  label: string;
}) {
  const { t } = useTranslation('shifts');
  const { money } = useFormat();
  const total = draftTotal(draft, exponent);

  const nextRow = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter' || index === denominations.length - 1) return;
    event.preventDefault();
    document
      .querySelector<HTMLInputElement>(`input[data-denomination-row="${index + 1}"]`)
      ?.focus();
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('count.modeLabel')}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode: mode as CountDraft['mode'] })}
        data={[
          { value: 'count', label: t('count.byDenomination') },
          { value: 'total', label: t('count.typeTotal') },
        ]}
      />
      {draft.mode === 'count' ? (
        <div className="k-shift-count-scroll">
          <Table verticalSpacing={4} aria-label={label} className="k-shift-count">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('count.denomination')}</Table.Th>
                <Table.Th>{t('count.quantity')}</Table.Th>
                <Table.Th className="k-num">{t('count.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {denominations.map((value, index) => {
                const text = draft.quantities[value] ?? '';
                const n = pieces(text);
                const name = money(value, currency);
                return (
                  <Table.Tr key={value}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('count.quantityOf', { denomination: name })}
                        inputMode="numeric"
                        autoComplete="off"
                        size="sm"
                        w={96}
                        data-denomination-row={index}
                        data-autofocus={index === 0 ? true : undefined}
                        value={text}
                        error={n === null ? t('count.wholeNumber') : undefined}
                        onKeyDown={(event) => nextRow(event, index)}
                        onChange={(event) =>
                          onChange({
                            ...draft,
                            quantities: { ...draft.quantities, [value]: event.currentTarget.value },
                          })
                        }
                      />
                    </Table.Td>
                    <Table.Td className="k-num">{n ? money(value * n, currency) : ''}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <TextInput
          label={t('count.totalLabel', { label })}
          inputMode="decimal"
          autoComplete="off"
          data-autofocus
          value={draft.total}
          error={draft.total.trim() !== '' && total === null ? t('count.badAmount') : undefined}
          onChange={(event) => onChange({ ...draft, total: event.currentTarget.value })}
        />
      )}
      <Text fw={700} size="lg" aria-live="polite" role="status" className="k-shift-count-total">
        {t('count.total', { label, amount: total === null ? '—' : money(total, currency) })}
      </Text>
    </Stack>
  );
}
