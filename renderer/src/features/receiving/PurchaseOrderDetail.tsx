import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { useSettingsStore } from '../../stores/settings';
import { CancelOrderConfirm } from './CancelOrderConfirm';
import { OrderLinesTable } from './OrderLinesTable';
import { PoStatusBadge } from './PoStatusBadge';
import { ReceiveOrderForm } from './ReceiveOrderForm';

/**
 * One purchase order: supplier, status, dates, note and total; its lines with received and
 * outstanding; and what its status allows: edit or mark ordered (a draft), cancel (a draft, or an
 * ordered order that has received nothing; asks first), receive (ordered or partly received), and
 * export as CSV or PDF (always).
 */
export function PurchaseOrderDetail({
  id,
  onEdit,
  onBack,
}: {
  id: number;
  onEdit: (order: PurchaseOrderView) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation('receiving');
  const f = useFormat();
  const currency = useSettingsStore((s) => s.settings?.currency) ?? 'GBP';
  const { busy, run } = useBusy();
  const [order, setOrder] = useState<PurchaseOrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receiving, setReceiving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const act = useCallback(
    (action: () => Promise<PurchaseOrderView | void>, done?: string) =>
      run(async () => {
        try {
          const next = await action();
          if (next) setOrder(next);
          setError(null);
          if (done) notifySuccess(done);
        } catch (e) {
          setError(splitFormError(e, [] as const).form);
        }
      }),
    [run],
  );
  useEffect(() => {
    void act(() => call('purchaseOrders:get', { id }));
  }, [act, id]);
  if (!order)
    return error ? <FormAlert message={error} /> : <Loader aria-label={t('po.loading')} />;

  const exportAs = (format: 'csv' | 'pdf') =>
    act(async () => {
      const r = await call('purchaseOrders:export', { id: order.id, format });
      if (r.outcome === 'saved') notifySuccess(t('po.exported', { file: r.fileName }));
    });
  const nothingReceived = order.lines.every((l) => l.received === 0);
  const canCancel = order.status === 'draft' || (order.status === 'ordered' && nothingReceived);
  const canReceive = order.status === 'ordered' || order.status === 'partial';

  if (receiving)
    return (
      <ReceiveOrderForm
        order={order}
        onDone={(next) => {
          if (next) setOrder(next);
          setReceiving(false);
        }}
      />
    );
  return (
    <Stack gap="md">
      <FormAlert message={error} />
      <Group gap="lg" align="flex-start" wrap="wrap" className="k-po-facts">
        <Fact label={t('po.supplier')} value={order.supplier.name} />
        <Fact label={t('po.status')} value={<PoStatusBadge status={order.status} />} />
        <Fact label={t('po.total')} value={f.money(order.total, currency)} />
        <Fact label={t('po.created')} value={f.dateTime(order.createdAt)} />
        {order.orderedAt && <Fact label={t('po.ordered')} value={f.dateTime(order.orderedAt)} />}
        {order.note && <Fact label={t('po.note')} value={order.note} />}
      </Group>
      <OrderLinesTable order={order} currency={currency} />
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm">
          <Button variant="default" onClick={onBack}>
            {t('po.back')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypeCsv size={18} />}
            loading={busy}
            onClick={() => void exportAs('csv')}
          >
            {t('po.exportCsv')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={18} />}
            loading={busy}
            onClick={() => void exportAs('pdf')}
          >
            {t('po.exportPdf')}
          </Button>
        </Group>
        <Group gap="sm">
          {canCancel && (
            <Button variant="default" onClick={() => setCancelling(true)}>
              {t('po.cancelOrder')}
            </Button>
          )}
          {order.status === 'draft' && (
            <Button variant="default" onClick={() => onEdit(order)}>
              {t('po.edit')}
            </Button>
          )}
          {order.status === 'draft' && (
            <Button
              loading={busy}
              onClick={() =>
                void act(
                  () => call('purchaseOrders:setStatus', { id: order.id, status: 'ordered' }),
                  t('po.markedOrdered'),
                )
              }
            >
              {t('po.markOrdered')}
            </Button>
          )}
          {canReceive && <Button onClick={() => setReceiving(true)}>{t('po.receive')}</Button>}
        </Group>
      </Group>
      <CancelOrderConfirm
        opened={cancelling}
        busy={busy}
        onClose={() => setCancelling(false)}
        onConfirm={() =>
          void act(async () => {
            const next = await call('purchaseOrders:setStatus', {
              id: order.id,
              status: 'cancelled',
            });
            setCancelling(false);
            return next;
          }, t('po.cancelled'))
        }
      />
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text component="div" fw={600}>
        {value}
      </Text>
    </Stack>
  );
}
