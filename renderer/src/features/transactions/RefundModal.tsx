import {
  Button,
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
import type { SaleDetail, TenderType } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useTransactionsStore } from '../../stores/transactions';
import {
  displayDescription,
  mainTender,
  receiptLabel,
  refundableQuantity,
  refundEstimate,
  TENDER_LABELS,
} from './sale-format';

const TENDER_OPTIONS = (Object.keys(TENDER_LABELS) as TenderType[]).map((t) => ({
  value: t,
  label: TENDER_LABELS[t],
}));
const isTender = (v: string | null): v is TenderType =>
  v === 'cash' || v === 'card' || v === 'other';

/**
 * "Refund": how many of each line to take back (0 up to what is still refundable), where the money
 * goes, and why. The total shown is an estimate; the core works out the exact amount. The refund
 * id is made once when the dialog opens, so pressing "Refund now" again after a failure can never
 * refund twice.
 */
export function RefundModal({ sale, onClose }: { sale: SaleDetail | null; onClose: () => void }) {
  return (
    <Modal opened={sale !== null} onClose={onClose} title="Refund" size="xl">
      {sale && <RefundForm key={sale.id} sale={sale} onClose={onClose} />}
    </Modal>
  );
}

function RefundForm({ sale, onClose }: { sale: SaleDetail; onClose: () => void }) {
  const refund = useTransactionsStore((s) => s.refund);
  const { busy, run } = useBusy();
  const [refundId] = useState(() => crypto.randomUUID());
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [tender, setTender] = useState<TenderType>(() => mainTender(sale));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [linesError, setLinesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const lines = sale.lines.filter((l) => l.quantity > 0);
  const money = (minor: number) => formatMoney(minor, sale.currency);
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
      const nextLinesError = chosen.length === 0 ? 'Choose at least one item to refund' : null;
      const nextReasonError = reason.trim() ? null : 'Say why the items are refunded';
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
        });
        notifySuccess(
          `Refund ${receiptLabel(done.receiptNo)} recorded: ${money(Math.abs(done.total))} back by ${TENDER_LABELS[tender].toLowerCase()}.`,
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
            Sale {receiptLabel(sale.receiptNo)} · {money(sale.total)} · {sale.tillName}
          </Text>
          <Button variant="default" size="compact-md" onClick={takeAll}>
            All
          </Button>
        </Group>
        <FormAlert message={formError} />
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-label="Refund lines" className="k-data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th className="k-num">Sold</Table.Th>
                <Table.Th className="k-num">Left</Table.Th>
                <Table.Th className="k-num">Line total</Table.Th>
                <Table.Th className="k-tx-qty-col">Refund</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => {
                const left = refundableQuantity(line);
                const name = displayDescription(line.description);
                return (
                  <Table.Tr key={line.id} className={left === 0 ? 'k-tx-voided' : undefined}>
                    <Table.Td>
                      <Text size="sm">{name}</Text>
                      <Text size="xs" c="dimmed" className="k-code">
                        {line.sku}
                        {line.refundedQuantity > 0 ? ` · ${line.refundedQuantity} refunded` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td className="k-num">{line.quantity}</Table.Td>
                    <Table.Td className="k-num">{left}</Table.Td>
                    <Table.Td className="k-num">{money(line.total)}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Refund quantity of ${name}`}
                        min={0}
                        max={left}
                        step={1}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        disabled={left === 0}
                        data-autofocus={index === 0 || undefined}
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
            label="Refund to"
            data={TENDER_OPTIONS}
            value={tender}
            onChange={(v) => isTender(v) && setTender(v)}
            allowDeselect={false}
          />
          <TextInput
            label="Reason"
            required
            maxLength={200}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </Group>
        <Group justify="space-between" align="center">
          <div role="group" aria-label="Estimated refund" className="k-tx-estimate">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Estimated refund
            </Text>
            <Text fw={700} size="xl" className="k-stat-value">
              {money(estimate)}
            </Text>
            <Text size="xs" c="dimmed">
              Kassa works out the exact amount, with discounts and tax shared out.
            </Text>
          </div>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Refund now
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
