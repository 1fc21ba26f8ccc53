import { Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { useShiftsStore } from '../../stores/shifts';
import { CheckoutModal } from '../checkout/CheckoutModal';
import { draftCount, draftTotal, emptyDraft } from './count-draft';
import { DenominationCount } from './DenominationCount';
import { useCashTable } from './use-cash-table';

/**
 * Opening a shift: the float counted by denomination (or typed as a total) with its running
 * total; Enter on the last row or "Open shift" opens it (`shifts:open`). The core refuses a
 * second open shift (SHIFT_ALREADY_OPEN) and a count outside the store's table.
 */
export function OpenShiftDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('shifts');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={t('open.title')} size="md">
      {opened && <OpenShiftForm onClose={onClose} />}
    </CheckoutModal>
  );
}

function OpenShiftForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('shifts');
  const { money } = useFormat();
  const { currency, exponent, denominations } = useCashTable();
  const [draft, setDraft] = useState(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = draftCount(draft, denominations, exponent);
    if (count === null) {
      setError(t('count.invalid'));
      return;
    }
    void run(async () => {
      setError(null);
      try {
        const shift = await useShiftsStore.getState().open(count);
        notifySuccess(t('open.done', { float: money(shift.float, shift.currency) }));
        onClose();
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('open.intro')}</Text>
        <FormAlert message={error} />
        <DenominationCount
          draft={draft}
          onChange={setDraft}
          denominations={denominations}
          currency={currency}
          exponent={exponent}
          label={t('open.float')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={draftTotal(draft, exponent) === null}>
            {t('open.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
