import { Select, type SelectProps } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoriesStore } from '../../stores/categories';
import { categoryOptions } from './category-options';

/**
 * The product form's category field: "No category" or a live category by its path, searchable.
 * The value is the category's id as text, '' for none.
 */
export function CategorySelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation('categories');
  const items = useCategoriesStore((s) => s.items);
  const load = useCategoriesStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return (
    <Select
      label={t('field.label')}
      description={t('field.help')}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('field.none')}
      data={[{ value: '', label: t('field.none') }, ...categoryOptions(items)]}
      {...props}
    />
  );
}
