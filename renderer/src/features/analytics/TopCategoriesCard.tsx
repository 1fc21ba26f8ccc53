import { useTranslation } from 'react-i18next';
import type { ChannelOutput, TopBy } from '../../../../shared/contract';
import { categoryPathText } from '../../stores/categories';
import { TopListCard } from './TopListCard';

/**
 * The ten categories whose products have the highest net revenue, net quantity or margin in the
 * range, each named by its path ("Drinks > Tea"), the products in no category as "No category".
 */
export function TopCategoriesCard({
  top,
  by,
  onBy,
}: {
  top: ChannelOutput<'analytics:topCategories'>;
  by: TopBy;
  onBy: (by: TopBy) => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <TopListCard
      title={t('categories.title')}
      byLabel={t('categories.by')}
      nameColumn={t('columns.category')}
      by={by}
      onBy={onBy}
      currency={top.currency}
      rows={top.categories.map((c) => ({
        key: c.categoryId === null ? 'none' : String(c.categoryId),
        name: c.categoryId === null ? t('categories.none') : categoryPathText(c),
        quantity: c.quantity,
        net: c.net,
        margin: c.margin,
      }))}
    />
  );
}
