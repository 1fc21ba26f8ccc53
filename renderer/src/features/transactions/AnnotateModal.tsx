import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useTransactionsStore } from '../../stores/transactions';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { receiptLabel } from './sale-format';

/** "Edit" on a sale: its customer (or walk-in) and its note. Amounts never change. */
export function AnnotateModal({ sale, onClose }: { sale: SaleDetail | null; onClose: () => void }) {
  const { t } = useTranslation('transactions');
  return (
    <Modal
      opened={sale !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      title={
        sale
          ? t(sale.kind === 'refund' ? 'annotate.titleRefund' : 'annotate.titleSale', {
              receipt: receiptLabel(sale.receiptNo),
            })
          : ''
      }
      size="md"
    >
      {sale && <AnnotateForm key={sale.id} sale={sale} onClose={onClose} />}
    </Modal>
  );
}

function AnnotateForm({ sale, onClose }: { sale: SaleDetail; onClose: () => void }) {
  const { t } = useTranslation('transactions');
  const annotate = useTransactionsStore((s) => s.annotate);
  const { busy, run } = useBusy();
  const [customer, setCustomer] = useState<PickedCustomer | null>(sale.customer);
  const [note, setNote] = useState(sale.note ?? '');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = () =>
    run(async () => {
      setFormError(null);
      setNoteError(null);
      try {
        await annotate({
          id: sale.id,
          customerId: customer?.id ?? null,
          note: note.trim() || null,
        });
        notifySuccess(t('annotate.done', { receipt: receiptLabel(sale.receiptNo) }));
        onClose();
      } catch (error) {
        const split = splitFormError(error, ['note'] as const);
        setNoteError(split.fields.note ?? null);
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
        <FormAlert message={formError} />
        <CustomerPicker
          label={t('annotate.customer')}
          placeholder={t('annotate.walkIn')}
          description={t('annotate.customerHint')}
          value={customer}
          onChange={setCustomer}
          data-autofocus
        />
        <Textarea
          label={t('annotate.note')}
          rows={3}
          maxLength={500}
          value={note}
          error={noteError}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
