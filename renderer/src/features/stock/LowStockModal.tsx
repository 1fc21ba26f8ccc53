import { Button, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import type { StockTarget } from './AdjustStockModal';
import { useStockStore } from './stock-store';

/**
 * The low-stock list (issue 11, section 2): active stock products at or under their reorder
 * level, lowest on-hand first, each with a button to its Stock dialog (to record a delivery as a
 * correction, or change the level).
 */
export function LowStockModal({
  opened,
  onClose,
  onOpen,
}: {
  opened: boolean;
  onClose: () => void;
  onOpen: (product: StockTarget) => void;
}) {
  const { t } = useTranslation('stock');
  const { count } = useFormat();
  const items = useStockStore((s) => s.lowItems);
  const total = useStockStore((s) => s.lowCount);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('low.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {items.length === 0 ? (
        <Text c="gray.7">{t('low.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6} aria-label={t('low.title')} className="k-data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('low.sku')}</Table.Th>
                <Table.Th>{t('low.name')}</Table.Th>
                <Table.Th className="k-num">{t('low.onHand')}</Table.Th>
                <Table.Th className="k-num">{t('low.reorderLevel')}</Table.Th>
                <Table.Th>
                  <span className="k-visually-hidden">{t('low.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.productId}>
                  <Table.Td className="k-code">{item.sku}</Table.Td>
                  <Table.Td fw={600}>{item.name}</Table.Td>
                  <Table.Td className="k-num">{count(item.onHand)}</Table.Td>
                  <Table.Td className="k-num">{count(item.reorderLevel ?? 0)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('low.adjustOf', { name: item.name })}
                      onClick={() => onOpen({ id: item.productId, name: item.name, sku: item.sku })}
                    >
                      {t('low.adjust')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > items.length && (
        <Text size="sm" c="gray.7" mt="sm">
          {t('low.more', { shown: count(items.length), total: count(total) })}
        </Text>
      )}
    </Modal>
  );
}
