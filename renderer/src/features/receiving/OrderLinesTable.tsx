import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderView } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { outstanding } from './po-format';

/** An order's lines: product, ordered, received, outstanding, unit cost, line total. */
export function OrderLinesTable({
  order,
  currency,
}: {
  order: PurchaseOrderView;
  currency: string;
}) {
  const { t } = useTranslation('receiving');
  const f = useFormat();
  return (
    <Table aria-label={t('po.form.lines')} className="k-data-table k-po-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('po.product')}</Table.Th>
          <Table.Th className="k-num">{t('po.quantity')}</Table.Th>
          <Table.Th className="k-num">{t('po.received')}</Table.Th>
          <Table.Th className="k-num">{t('po.outstanding')}</Table.Th>
          <Table.Th className="k-num">{t('po.unitCostShort')}</Table.Th>
          <Table.Th className="k-num">{t('po.lineTotal')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {order.lines.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td>
              {l.name} <span className="k-po-sku">{l.sku}</span>
              {l.overReceived && (
                <Badge ml="xs" variant="light" color="orange" c="orange.9">
                  {t('po.overReceived')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td className="k-num">{f.count(l.quantity)}</Table.Td>
            <Table.Td className="k-num">{f.count(l.received)}</Table.Td>
            <Table.Td className="k-num">{f.count(outstanding(l))}</Table.Td>
            <Table.Td className="k-num">{f.money(l.unitCost, currency)}</Table.Td>
            <Table.Td className="k-num">{f.money(l.quantity * l.unitCost, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
