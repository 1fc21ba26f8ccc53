import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { categoryPathText, useCategoriesStore } from '../../stores/categories';
import { bpsToPercent, kindLabel } from './product-form';
import { OnHandCell } from '../stock/OnHandCell';
import './products.css';

export interface ProductsTableProps {
  items: readonly ProductView[];
  currency: string;
  onEdit: (product: ProductView) => void;
  onRemove: (product: ProductView) => void;
  onRestore: (product: ProductView) => void;
  /** Opens a product's Stock dialog; absent without stock.manage (no "On hand" column). */
  onStock?: ((product: ProductView) => void) | undefined;
}

/** The state badge: archived, active or inactive. */
function StatusBadge({ product }: { product: ProductView }) {
  const { t } = useTranslation('products');
  const [color, state] = product.archived
    ? ['gray', 'archived']
    : product.active
      ? ['teal', 'active']
      : ['yellow', 'inactive'];
  return (
    <Badge color={color} variant="light" className="k-status-badge" data-state={state}>
      {t(`status.${state}`)}
    </Badge>
  );
}

/**
 * One page of products: SKU with the barcode under it, name (wraps), kind, price, tax rate and
 * state, with the row actions; fits 1024 px without scrolling sideways.
 */
export function ProductsTable({
  items,
  currency,
  onEdit,
  onRemove,
  onRestore,
  onStock,
}: ProductsTableProps) {
  const { t } = useTranslation('products');
  const { t: tc } = useTranslation('categories');
  const { t: stockT } = useTranslation('stock');
  const { money } = useFormat();
  const categories = useCategoriesStore((s) => s.items);
  const categoryPath = new Map(categories.map((c) => [c.id, categoryPathText(c)]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        verticalSpacing="xs"
        horizontalSpacing="xs"
        highlightOnHover
        aria-label={t('table.label')}
        className="k-data-table k-products-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.skuAndBarcode')}</Table.Th>
            <Table.Th className="k-name">{t('table.name')}</Table.Th>
            <Table.Th>{tc('column')}</Table.Th>
            <Table.Th>{t('table.kind')}</Table.Th>
            <Table.Th className="k-num">{t('table.price')}</Table.Th>
            <Table.Th className="k-num">{t('table.tax')}</Table.Th>
            {onStock && <Table.Th className="k-num">{stockT('column.title')}</Table.Th>}
            <Table.Th className="k-fit">{t('table.status')}</Table.Th>
            <Table.Th className="k-fit">
              <span className="k-visually-hidden">{t('table.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td className="k-code">
                <div>{p.sku}</div>
                {p.barcode && (
                  <Text span c="gray.7" size="xs" className="k-code">
                    {p.barcode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fw={600} className="k-name">
                {p.name}
              </Table.Td>
              <Table.Td className="k-category">
                {p.categoryId === null ? '' : (categoryPath.get(p.categoryId) ?? '')}
              </Table.Td>
              <Table.Td>{kindLabel(p.kind)}</Table.Td>
              <Table.Td className="k-num">{money(p.price, currency)}</Table.Td>
              <Table.Td className="k-num">
                {t('table.percent', { value: bpsToPercent(p.taxRateBps) })}
              </Table.Td>
              {onStock && (
                <Table.Td className="k-num">
                  <OnHandCell product={p} onOpen={onStock} />
                </Table.Td>
              )}
              <Table.Td className="k-fit">
                <StatusBadge product={p} />
              </Table.Td>
              <Table.Td className="k-fit">
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {p.archived ? (
                    <Button size="xs" variant="light" onClick={() => onRestore(p)}>
                      {t('actions.restore')}
                    </Button>
                  ) : (
                    <>
                      <Button size="xs" variant="light" onClick={() => onEdit(p)}>
                        {t('actions.edit')}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(p)}>
                        {t('actions.remove')}
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
