import { Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockMovementView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';

/** How many of the newest movements the Stock dialog shows. */
export const HISTORY_ROWS = 10;

/**
 * The newest movements of a product's stock ledger (`stock:movements`): when (store time), what
 * (kind and reason), the signed quantity, the balance after it, and who. Read once when the Stock
 * dialog opens.
 */
export function StockHistory({ productId }: { productId: number }) {
  const { t } = useTranslation('stock');
  const { count, dateTime } = useFormat();
  const [items, setItems] = useState<StockMovementView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('stock:movements', { productId, limit: HISTORY_ROWS, offset: 0 })
      .then((page) => setItems(page.items))
      .catch((caught: unknown) => setError(messageFor(caught)));
  }, [productId]);
  const signed = (n: number) => (n > 0 ? `+${count(n)}` : count(n));
  return (
    <section aria-labelledby={`stock-history-${productId}`}>
      <Title order={3} size="h5" id={`stock-history-${productId}`} mb="xs">
        {t('history.title')}
      </Title>
      <FormAlert message={error} />
      {items && items.length === 0 && <Text c="gray.7">{t('history.none')}</Text>}
      {items && items.length > 0 && (
        <Table verticalSpacing={4} aria-label={t('history.title')} className="k-data-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.what')}</Table.Th>
              <Table.Th className="k-num">{t('history.quantity')}</Table.Th>
              <Table.Th className="k-num">{t('history.balance')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{dateTime(m.at)}</Table.Td>
                <Table.Td>{t(`history.kind.${m.reason ?? m.kind}`)}</Table.Td>
                <Table.Td className="k-num">{signed(m.quantity)}</Table.Td>
                <Table.Td className="k-num">{count(m.balance)}</Table.Td>
                <Table.Td>{m.staff.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
