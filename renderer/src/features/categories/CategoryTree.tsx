import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/contract';

export interface CategoryTreeProps {
  /** The tree in display order (depth first), as categories:list answers it. */
  items: readonly CategoryView[];
  onEdit: (c: CategoryView) => void;
  onArchive: (c: CategoryView) => void;
}

/**
 * The category tree as an indented list (an ARIA tree would need arrow-key handling; a nested
 * list reads the same to a screen reader): name, products in it and below it, and the actions.
 */
export function CategoryTree({ items, onEdit, onArchive }: CategoryTreeProps) {
  const { t } = useTranslation('categories');
  return (
    <ul className="k-category-tree" aria-label={t('dialog.treeLabel')}>
      {items.map((c) => (
        <li key={c.id} className="k-category-row" data-depth={c.depth}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <div className="k-category-name">
              <Text fw={c.depth === 1 ? 700 : 500}>{c.name}</Text>
              <Text size="sm" c="gray.7">
                {t('dialog.products', { count: c.totalProductCount })}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Tooltip label={t('dialog.edit')}>
                <ActionIcon
                  variant="light"
                  size="lg"
                  aria-label={t('dialog.editLabel', { name: c.name })}
                  onClick={() => onEdit(c)}
                >
                  <IconPencil size={20} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('dialog.archive')}>
                <ActionIcon
                  variant="light"
                  color="red"
                  size="lg"
                  aria-label={t('dialog.archiveLabel', { name: c.name })}
                  onClick={() => onArchive(c)}
                >
                  <IconArchive size={20} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        </li>
      ))}
    </ul>
  );
}
