import { Button, Select } from '@mantine/core';
import { IconCategory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoriesStore } from '../../stores/categories';
import { useProductsStore, type ProductCategoryFilter } from '../../stores/products';
import { CategoriesDialog } from './CategoriesDialog';
import { categoryOptions } from './category-options';

/**
 * The Products screen's category filter (a category with its sub-categories, no category, or all)
 * and the button that opens the categories manager.
 */
export function CategoryFilter() {
  const { t } = useTranslation('categories');
  const items = useCategoriesStore((s) => s.items);
  const load = useCategoriesStore((s) => s.load);
  const category = useProductsStore((s) => s.category);
  const setFilters = useProductsStore((s) => s.setFilters);
  const [managing, setManaging] = useState(false);
  useEffect(() => void load(), [load]);

  const choose = (value: string | null) => {
    const next: ProductCategoryFilter =
      value === null || value === 'any' ? 'any' : value === 'none' ? 'none' : Number(value);
    void setFilters({ category: next });
  };
  return (
    <>
      <Select
        label={t('filter.label')}
        size="md"
        className="k-category-filter"
        searchable
        allowDeselect={false}
        data={[
          { value: 'any', label: t('filter.any') },
          { value: 'none', label: t('filter.none') },
          ...categoryOptions(items),
        ]}
        value={String(category)}
        onChange={choose}
      />
      <Button
        variant="default"
        size="md"
        leftSection={<IconCategory size={20} />}
        onClick={() => setManaging(true)}
      >
        {t('manage')}
      </Button>
      <CategoriesDialog opened={managing} onClose={() => setManaging(false)} />
    </>
  );
}
