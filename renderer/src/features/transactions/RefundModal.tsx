import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail, TenderType } from '../../../../shared/contract';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useTransactionsStore } from '../../stores/transactions';
import {
  displayDescription,
  mainTender,
  receiptLabel,
  refundableQuantity,
  refundEstimate,
  TENDER_TYPES,
  tenderLabel,
} from './sale-format';

const isTender = (v: string | null): v is TenderType =>
  v === 'cash' || v === 'card' || v === 'other';

/**
 * "Refund": how many of each line to take back (0 up to what is still refundable), where the money
 * goes, and why. The total shown is an estimate; the core works out the exact amount. The refund
 * id is made once when the dialog opens, so pressing "Refund now" again after a failure can never
 * refund twice.
 */
export function RefundModal({ sale, onClose }: { sale: SaleDetail | null; onClose: () => void }) {
  const { t } = useTranslation('transactions');
  return (
    <Modal
      opened={sale !== null}
      onClose={onClose}
      title={t('refund.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {sale && <RefundForm key={sale.id} sale={sale} onClose={onClose} />}
    </Modal>
  );
}

function RefundForm({ sale, onClose }: { sale: SaleDetail; onClose: () => void }) {
  const { t } = useTranslation('transactions');
  const format = useFormat();
  const refund = useTransactionsStore((s) => s.refund);
  const { busy, run } = useBusy();
  const [refundId] = useState(() => crypto.randomUUID());
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [tender, setTender] = useState<TenderType>(() => mainTender(sale));
  const [reason, setReason] = useState('');
  // Issue 11, section 2: returned goods go back on the shelf unless the cashier writes them off.
  const [restock, setRestock] = useState(true);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [linesError, setLinesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const lines = sale.lines.filter((l) => l.quantity > 0);
  const money = (minor: number) => format.money(minor, sale.currency);
  // The dialog opens in the first quantity that can still be refunded (issue 8, item 14).
  const firstOpen = lines.find((l) => refundableQuantity(l) > 0)?.id;
  const estimate = refundEstimate(lines, quantities);
  const setQuantity = (lineId: number, left: number, value: number | string) => {
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    const qty = Number.isFinite(n) ? Math.min(left, Math.max(0, Math.trunc(n))) : 0;
    setQuantities((q) => ({ ...q, [lineId]: qty }));
  };
  const takeAll = () =>
    setQuantities(Object.fromEntries(lines.map((l) => [l.id, refundableQuantity(l)])));

  const submit = () =>
    run(async () => {
      setFormError(null);
      const chosen = lines
        .map((l) => ({ lineId: l.id, quantity: quantities[l.id] ?? 0 }))
        .filter((l) => l.quantity > 0);
      const nextLinesError = chosen.length === 0 ? t('refund.linesRequired') : null;
      const nextReasonError = reason.trim() ? null : t('refund.reasonRequired');
      setLinesError(nextLinesError);
      setReasonError(nextReasonError);
      if (nextLinesError || nextReasonError) return;
      try {
        const done = await refund({
          saleId: sale.id,
          refundId,
          lines: chosen,
          tender,
          reason: reason.trim(),
          restock,
        });
        notifySuccess(
          t('refund.done', {
            receipt: receiptLabel(done.receiptNo),
            amount: money(Math.abs(done.total)),
            via: t(`refund.via.${tender}`),
          }),
        );
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
        <Group justify="space-between" align="flex-end">
          <Text>
            {t('refund.summary', {
              receipt: receiptLabel(sale.receiptNo),
              amount: money(sale.total),
              till: sale.tillName,
            })}
          </Text>
          <Button variant="default" size="compact-md" onClick={takeAll}>
            {t('refund.all')}
          </Button>
        </Group>
        <FormAlert message={formError} />
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-label={t('refund.lines')} className="k-data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('refund.item')}</Table.Th>
                <Table.Th className="k-num">{t('refund.sold')}</Table.Th>
                <Table.Th className="k-num">{t('refund.left')}</Table.Th>
                <Table.Th className="k-num">{t('refund.lineTotal')}</Table.Th>
                <Table.Th className="k-tx-qty-col">{t('refund.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => {
                const left = refundableQuantity(line);
                const name = displayDescription(line.description);
                return (
                  <Table.Tr key={line.id} className={left === 0 ? 'k-tx-voided' : undefined}>
                    <Table.Td>
                      <Text size="sm">{name}</Text>
                      <Text size="xs" c="dimmed" className="k-code">
                        {line.sku}
                        {line.refundedQuantity > 0
                          ? t('refund.refunded', {
                              quantity: format.count(line.refundedQuantity),
                            })
                          : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td className="k-num">{format.count(line.quantity)}</Table.Td>
                    <Table.Td className="k-num">{format.count(left)}</Table.Td>
                    <Table.Td className="k-num">{money(line.total)}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('refund.quantityOf', { name })}
                        min={0}
                        max={left}
                        step={1}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        disabled={left === 0}
                        data-autofocus={line.id === firstOpen || undefined}
                        value={quantities[line.id] ?? 0}
                        onChange={(value) => setQuantity(line.id, left, value)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {linesError && (
          <Text c="red" size="sm" role="alert">
            {linesError}
          </Text>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('refund.to')}
            data={TENDER_TYPES.map((type) => ({ value: type, label: tenderLabel(type) }))}
            value={tender}
            onChange={(v) => isTender(v) && setTender(v)}
            allowDeselect={false}
          />
          <TextInput
            label={t('refund.reason')}
            required
            maxLength={200}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </Group>
        <Checkbox
          label={t('refund.restock')}
          description={t('refund.restockHelp')}
          checked={restock}
          onChange={(event) => setRestock(event.currentTarget.checked)}
        />
        <Group justify="space-between" align="center">
          <div role="group" aria-label={t('refund.estimate')} className="k-tx-estimate">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('refund.estimate')}
            </Text>
            <Text fw={700} size="xl" className="k-stat-value">
              {money(estimate)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('refund.estimateNote')}
            </Text>
          </div>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('refund.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
