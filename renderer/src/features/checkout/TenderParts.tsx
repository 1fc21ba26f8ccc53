/**
 * Pieces of the payment dialog: the figures, the tenders taken, the big-tender question, the
 * amounts of cash offered and the footer.
 */
import { ActionIcon, Alert, Button, Group, Kbd, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fitStyle } from '../../format/fit';
import { useFormat } from '../../format/locale';
import { numberFormat } from '../../../../shared/intl-formats';
import { GO_GREEN } from './colors';
import { useShiftsStore } from '../../stores/shifts';
import { cashSuggestions, type DraftTender } from './tenders';

const KEY_CARD = 'F9';
const KEY_COMPLETE = 'F12';

/** Total due, remaining and change due, big enough to read across the counter. */
export function TenderFigures({
  total,
  remaining,
  change,
  currency,
}: {
  total: number;
  remaining: number;
  change: number;
  currency: string;
}) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const figure = (minor: number, label?: string) => {
    const text = money(minor, currency);
    return (
      <dd aria-label={label} className="k-fit" style={fitStyle(text)}>
        {text}
      </dd>
    );
  };
  return (
    <dl className="k-co-tender-figures">
      <div className="k-fit-box">
        <dt>{t('totals.totalDue')}</dt>
        {figure(total)}
      </div>
      <div className="k-fit-box" data-done={remaining === 0 || undefined}>
        <dt>{t('pay.remaining')}</dt>
        {figure(remaining, t('pay.remainingLabel'))}
      </div>
      <div className="k-fit-box" data-change={change > 0 || undefined}>
        <dt>{t('pay.change')}</dt>
        {figure(change)}
      </div>
    </dl>
  );
}

/** The tenders added so far, each with a remove button. */
export function TenderList({
  tenders,
  currency,
  onRemove,
}: {
  tenders: DraftTender[];
  currency: string;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  if (tenders.length === 0) return null;
  return (
    <ul className="k-co-tenders" aria-label={t('pay.tenders')}>
      {tenders.map((tender, i) => (
        <li key={i}>
          <Text fw={600}>{t(`pay.type.${tender.type}`)}</Text>
          <Text className="k-co-num">{money(tender.amount, currency)}</Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('pay.removeTender', { n: i + 1 })}
            onClick={() => onRemove(i)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </li>
      ))}
    </ul>
  );
}

/**
 * "£22,784.00 is more than 100 times what is left to pay": take it anyway, or change it. The
 * safe answer has the focus, so an Enter typed by mistake takes nothing.
 */
export function BigTenderQuestion({
  amount,
  due,
  factor,
  currency,
  onTake,
  onChange,
}: {
  amount: number;
  due: number;
  factor: number;
  currency: string;
  onTake: () => void;
  onChange: () => void;
}) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  return (
    <Alert color="yellow" variant="light" title={t('pay.big.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">
          {t('pay.big.text', {
            amount: money(amount, currency),
            factor,
            due: money(due, currency),
          })}
        </Text>
        <Group gap="sm">
          <Button size="sm" variant="default" onClick={onChange} data-autofocus autoFocus>
            {t('pay.big.change')}
          </Button>
          <Button size="sm" color="yellow.9" onClick={onTake}>
            {t('pay.big.take', { amount: money(amount, currency) })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * "Cash handed over": the amounts of {@link cashSuggestions} for what is left to pay, from the
 * store's notes (its denomination table, `shifts:settings`); each adds that amount as cash.
 */
export function CashHandedOver({
  currency,
  exponent,
  remaining,
  onAmount,
}: {
  currency: string;
  exponent: number;
  /** Still due, minor units. */
  remaining: number;
  /** The amount handed over, minor units. */
  onAmount: (amount: number) => void;
}) {
  const { t } = useTranslation('checkout');
  const { locale } = useFormat();
  const table = useShiftsStore((s) => s.settings);
  const notes =
    table?.currency === currency
      ? table.denominations.filter((d) => d.kind === 'note').map((d) => d.value)
      : [];
  const amounts = cashSuggestions(remaining, notes, exponent);
  if (amounts.length === 0) return null;
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: exponent,
  });
  return (
    <Group gap="xs" aria-label={t('pay.notes')} role="group">
      <Text size="sm" c="gray.7">
        {t('pay.notesLabel')}
      </Text>
      {amounts.map((n) => (
        <Button
          key={n}
          variant="light"
          aria-label={t('pay.note', { amount: format.format(n / 10 ** exponent) })}
          onClick={() => onAmount(n)}
        >
          {format.format(n / 10 ** exponent)}
        </Button>
      ))}
    </Group>
  );
}

/** The dialog's keys, "Cancel", and "Complete sale", enabled once nothing is left to pay. */
export function TenderFooter({
  busy,
  remaining,
  onCancel,
  onComplete,
}: {
  busy: boolean;
  /** Still due, minor units. */
  remaining: number;
  onCancel: () => void;
  onComplete: () => void;
}) {
  const { t } = useTranslation('checkout');
  return (
    <Group justify="space-between" align="center" wrap="nowrap">
      <Text size="xs" c="gray.7">
        <Kbd>{t('keys.enter')}</Kbd> {t('pay.keys.enter')} · <Kbd>{KEY_CARD}</Kbd>{' '}
        {t('pay.keys.card')} · <Kbd>{KEY_COMPLETE}</Kbd> {t('pay.keys.complete')} ·{' '}
        <Kbd>{t('keys.esc')}</Kbd> {t('pay.keys.back')}
      </Text>
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          {t('pay.cancel')}
        </Button>
        <Button
          color={GO_GREEN}
          size="lg"
          onClick={onComplete}
          loading={busy}
          disabled={remaining > 0}
        >
          {t('pay.complete')}
        </Button>
      </Group>
    </Group>
  );
}
