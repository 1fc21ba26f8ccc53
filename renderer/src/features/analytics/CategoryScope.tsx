import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalyticsStore } from '../../stores/analytics';
import { useCategoriesStore } from '../../stores/categories';
import { categoryOptions } from '../categories/category-options';

/**
 * The dashboard's category filter: every product, or one category with those below it, for top
 * products and top categories (issue 11, section 1: "a category is a filter … in reports").
 */
export function CategoryScope() {
  const { t } = useTranslation('analytics');
  const items = useCategoriesStore((s) => s.items);
  const load = useCategoriesStore((s) => s.load);
  const categoryId = useAnalyticsStore((s) => s.categoryId);
  const chooseCategory = useAnalyticsStore((s) => s.chooseCategory);
  useEffect(() => void load(), [load]);
  return (
    <Select
      label={t('filter.label')}
      description={t('filter.help')}
      searchable
      allowDeselect={false}
      w={360}
      data={[{ value: '', label: t('filter.all') }, ...categoryOptions(items)]}
      value={categoryId === null ? '' : String(categoryId)}
      onChange={(v) => void chooseCategory(v ? Number(v) : null)}
    />
  );
}
