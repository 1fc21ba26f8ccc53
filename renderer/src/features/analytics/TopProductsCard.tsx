import { useTranslation } from 'react-i18next';
import type { ChannelOutput, TopBy } from '../../../../shared/contract';
import { TopListCard } from './TopListCard';

/** The ten products with the highest net revenue, net quantity or margin in the range. */
export function TopProductsCard({
  top,
  by,
  onBy,
}: {
  top: ChannelOutput<'analytics:topProducts'>;
  by: TopBy;
  onBy: (by: TopBy) => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <TopListCard
      title={t('top.title')}
      byLabel={t('top.by')}
      nameColumn={t('columns.product')}
      by={by}
      onBy={onBy}
      currency={top.currency}
      rows={top.products.map((p) => ({
        key: String(p.productId),
        name: p.name,
        detail: p.sku,
        quantity: p.quantity,
        net: p.net,
        margin: p.margin,
      }))}
    />
  );
}
