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
import { Pager } from '../../components/Pager';
import { useFormat } from '../../format/locale';
import { useSettingsStore } from '../../stores/settings';
import { PoStatusBadge } from './PoStatusBadge';

/** Orders per page. */
const PO_PAGE = 50;

/**
 * The orders, newest first, of one status or all: number, supplier, status, total, dates; a page
 * of PO_PAGE at a time, with a pager when there are more (a new filter starts at page 1).
 */
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
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<{ items: PurchaseOrderSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const filter = status ? { status } : {};
    call('purchaseOrders:list', { ...filter, limit: PO_PAGE, offset: (pageNo - 1) * PO_PAGE }).then(
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
  }, [status, pageNo]);
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
          onChange={(v) => {
            setStatus(v ? (v as PurchaseOrderStatus) : null);
            setPageNo(1);
          }}
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
      {page && page.total > PO_PAGE && (
        <Group justify="space-between">
          <Text size="sm" c="gray.7">
            {t('po.count', { count: page.total, formatted: f.count(page.total) })}
          </Text>
          <Pager total={Math.ceil(page.total / PO_PAGE)} value={pageNo} onChange={setPageNo} />
        </Group>
      )}
    </Stack>
  );
}
