import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PURCHASE_ORDER_STATUSES,
  purchaseOrderNumber,
  type PurchaseOrderStatus,
  type PurchaseOrderSummary,
} from '../../../../shared/contract/receiving';
import { call } from '../../api/client';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { useSettingsStore } from '../../stores/settings';
import { PoStatusBadge } from './PoStatusBadge';

/** The newest orders shown; the count says when there are more (filter by status to narrow). */
const SHOWN = 100;

/** The orders, newest first, of one status or all: number, supplier, status, total, dates. */
export function PurchaseOrderList({
  onOpen,
  onNew,
}: {
  onOpen: (id: number) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation('receiving');
  const f = useFormat();
  const currency = useSettingsStore((s) => s.settings?.currency) ?? 'GBP';
  const [status, setStatus] = useState<PurchaseOrderStatus | null>(null);
  const [page, setPage] = useState<{ items: PurchaseOrderSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('purchaseOrders:list', { ...(status ? { status } : {}), limit: SHOWN }).then(
      (r) => {
        if (!live) return;
        setPage(r);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(splitFormError(e, [] as const).form);
      },
    );
    return () => {
      live = false;
    };
  }, [status]);
  const day = (iso: string | null) => (iso ? f.dateTime(iso, { timeStyle: undefined }) : '—');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('po.filter')}
          w={240}
          allowDeselect={false}
          data={[
            { value: '', label: t('po.allStatuses') },
            ...PURCHASE_ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          value={status ?? ''}
          onChange={(v) => setStatus(v ? (v as PurchaseOrderStatus) : null)}
        />
        <Button leftSection={<IconPlus size={20} />} onClick={onNew}>
          {t('po.new')}
        </Button>
      </Group>
      <FormAlert message={error} />
      {page && page.items.length === 0 ? (
        <Text c="gray.7">{status ? t('po.noneOfStatus') : t('po.none')}</Text>
      ) : (
        page && (
          <Table aria-label={t('po.title')} className="k-data-table k-po-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('po.number')}</Table.Th>
                <Table.Th>{t('po.supplier')}</Table.Th>
                <Table.Th>{t('po.status')}</Table.Th>
                <Table.Th className="k-num">{t('po.total')}</Table.Th>
                <Table.Th>{t('po.created')}</Table.Th>
                <Table.Th>{t('po.ordered')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      aria-label={t('po.openOf', { number: purchaseOrderNumber(o.id) })}
                      onClick={() => onOpen(o.id)}
                    >
                      {purchaseOrderNumber(o.id)}
                    </Button>
                  </Table.Td>
                  <Table.Td>{o.supplier.name}</Table.Td>
                  <Table.Td>
                    <PoStatusBadge status={o.status} />
                  </Table.Td>
                  <Table.Td className="k-num">{f.money(o.total, currency)}</Table.Td>
                  <Table.Td>{day(o.createdAt)}</Table.Td>
                  <Table.Td>{day(o.orderedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      )}
      {page && page.total > page.items.length && (
        <Text size="sm" c="gray.7">
          {t('po.showing', { shown: f.count(page.items.length), total: f.count(page.total) })}
        </Text>
      )}
    </Stack>
  );
}
