import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useTransactionsStore } from '../../stores/transactions';
import { receiptLabel } from './sale-format';

/**
 * "Void sale": a reason is required. The core asks for the password again (the client shows that
 * dialog) and refuses with VOID_NOT_ALLOWED once the sale was refunded or is from an earlier day.
 */
export function VoidSaleModal({ sale, onClose }: { sale: SaleDetail | null; onClose: () => void }) {
  const { t } = useTranslation('transactions');
  return (
    <Modal
      opened={sale !== null}
      onClose={onClose}
      title={t('void.title')}
      size="md"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {sale && <VoidForm key={sale.id} sale={sale} onClose={onClose} />}
    </Modal>
  );
}

function VoidForm({ sale, onClose }: { sale: SaleDetail; onClose: () => void }) {
  const { t } = useTranslation('transactions');
  const { money } = useFormat();
  const voidSale = useTransactionsStore((s) => s.voidSale);
  const { busy, run } = useBusy();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = () =>
    run(async () => {
      setFormError(null);
      if (!reason.trim()) {
        setReasonError(t('void.reasonRequired'));
        return;
      }
      setReasonError(null);
      try {
        await voidSale(sale.id, reason.trim());
        notifySuccess(t('void.done', { receipt: receiptLabel(sale.receiptNo) }));
        onClose();
      } catch (error) {
        const split = splitFormError(error, ['reason'] as const);
        setReasonError(split.fields.reason ?? null);
        setFormError(split.form);
      }
    });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <Text>
          {t('void.question', {
            receipt: receiptLabel(sale.receiptNo),
            amount: money(sale.total, sale.currency),
          })}
        </Text>
        <FormAlert message={formError} />
        <TextInput
          label={t('void.reason')}
          required
          data-autofocus
          maxLength={200}
          value={reason}
          error={reasonError}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={busy}>
            {t('void.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
