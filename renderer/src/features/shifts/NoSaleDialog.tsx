import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useShiftsStore } from '../../stores/shifts';
import { CheckoutModal } from '../checkout/CheckoutModal';

/**
 * No sale: opening the cash drawer without a sale (`shifts:noSale`, permission cash.noSale) after
 * a confirmation, with an optional reason. The core audits it and counts it on the shift.
 */
export function NoSaleDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('shifts');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={t('noSale.title')} size="sm">
      {opened && <NoSaleForm onClose={onClose} />}
    </CheckoutModal>
  );
}

function NoSaleForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('shifts');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setError(null);
      try {
        await useShiftsStore.getState().noSale(reason.trim() || null);
        notifySuccess(t('noSale.done'));
        onClose();
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('noSale.intro')}</Text>
        <FormAlert message={error} />
        <TextInput
          label={t('noSale.reason')}
          maxLength={200}
          data-autofocus
          autoComplete="off"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('noSale.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
