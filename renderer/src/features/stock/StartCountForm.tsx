import { Button, Group, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoriesStore } from '../../stores/categories';
import { categoryOptions } from '../categories/category-options';

/** Starts a stock take of every stock product or of one category (with its sub-categories). */
export function StartCountForm({ onStart }: { onStart: (categoryId: number | null) => void }) {
  const { t } = useTranslation('stock');
  const items = useCategoriesStore((s) => s.items);
  const load = useCategoriesStore((s) => s.load);
  const [scope, setScope] = useState('all');
  useEffect(() => void load(), [load]);
  return (
    <>
      <Text c="gray.7" mb="sm">
        {t('take.intro')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('take.scope')}
          searchable
          allowDeselect={false}
          className="k-grow"
          value={scope}
          onChange={(v) => setScope(v ?? 'all')}
          data={[{ value: 'all', label: t('take.scopeAll') }, ...categoryOptions(items)]}
        />
        <Button onClick={() => onStart(scope === 'all' ? null : Number(scope))}>
          {t('take.start')}
        </Button>
      </Group>
    </>
  );
}
