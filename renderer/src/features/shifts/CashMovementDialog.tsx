import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASH_MOVEMENT_REASONS } from '../../../../shared/contract';
import { parseMoney } from '../../../../shared/money';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { useShiftsStore } from '../../stores/shifts';
import { CheckoutModal } from '../checkout/CheckoutModal';
import { useCashTable } from './use-cash-table';

type Kind = 'paidIn' | 'paidOut';

/** Reasons that fit each direction; `other` (with a note) fits both. */
const REASONS: Record<Kind, readonly (typeof CASH_MOVEMENT_REASONS)[number][]> = {
  paidIn: ['floatTopUp', 'changeFromBank', 'other'],
  paidOut: ['supplier', 'pettyCash', 'safeDrop', 'tipsPayout', 'other'],
};

/**
 * Paid in / paid out during the shift (`shifts:cashMovement`, permission cash.manage): an amount,
 * a reason and a note (required for "Other"). A paid out asks for the password again through the
 * re-authentication dialog (the core answers REAUTH_REQUIRED; the API client retries). The
 * movement's id is made once per dialog, so a retried call never pays out twice.
 */
export function CashMovementDialog({ kind, onClose }: { kind: Kind | null; onClose: () => void }) {
  const { t } = useTranslation('shifts');
  return (
    <CheckoutModal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? t(`movement.${kind}Title`) : ''}
      size="sm"
    >
      {kind && <CashMovementForm kind={kind} onClose={onClose} />}
    </CheckoutModal>
  );
}

function CashMovementForm({ kind, onClose }: { kind: Kind; onClose: () => void }) {
  const { t } = useTranslation('shifts');
  const { money } = useFormat();
  const { currency, exponent } = useCashTable();
  const [id] = useState(() => crypto.randomUUID());
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<string>(REASONS[kind][0]!);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; note?: string; form?: string }>({});
  const { busy, run } = useBusy();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minor = parseMoney(amount, exponent);
    const found = {
      amount: minor === null || minor <= 0 ? t('movement.badAmount') : undefined,
      note: reason === 'other' && note.trim() === '' ? t('movement.noteForOther') : undefined,
    };
    setErrors(found);
    if (found.amount || found.note || minor === null) return;
    void run(async () => {
      try {
        await useShiftsStore.getState().cashMovement(
          {
            kind,
            amount: minor,
            reason: reason as (typeof CASH_MOVEMENT_REASONS)[number],
            note: note.trim() || null,
          },
          id,
        );
        notifySuccess(t(`movement.${kind}Done`, { amount: money(minor, currency) }));
        onClose();
      } catch (caught) {
        setErrors({ form: messageFor(caught) });
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {kind === 'paidOut' && <Text size="sm">{t('movement.paidOutIntro')}</Text>}
        <FormAlert message={errors.form ?? null} />
        <TextInput
          label={t('movement.amount', { currency })}
          inputMode="decimal"
          autoComplete="off"
          data-autofocus
          required
          value={amount}
          error={errors.amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('movement.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data={REASONS[kind].map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
        />
        <Textarea
          label={t('movement.note')}
          required={reason === 'other'}
          maxLength={200}
          rows={2}
          value={note}
          error={errors.note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t(`movement.${kind}Submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
