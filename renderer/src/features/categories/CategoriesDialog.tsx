import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { useCategoriesStore } from '../../stores/categories';
import { ArchiveCategory } from './ArchiveCategory';
import { CategoryForm } from './CategoryForm';
import { CategoryTree } from './CategoryTree';
import './categories.css';

type View =
  | { kind: 'tree' }
  | { kind: 'form'; target: CategoryView | null }
  | { kind: 'archive'; target: CategoryView };

/**
 * The categories manager (issue 11, section 1), reached from the Products screen: the tree with
 * product counts, and add, rename/move and archive, one step at a time in the same dialog.
 */
export function CategoriesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('categories');
  const { items, loaded, error } = useCategoriesStore();
  const load = useCategoriesStore((s) => s.load);
  const [view, setView] = useState<View>({ kind: 'tree' });
  const back = () => setView({ kind: 'tree' });
  useEffect(() => {
    if (opened) {
      setView({ kind: 'tree' });
      void load();
    }
  }, [opened, load]);

  const title =
    view.kind === 'form'
      ? view.target
        ? t('form.editTitle', { name: view.target.name })
        : t('form.newTitle')
      : view.kind === 'archive'
        ? t('archive.title', { name: view.target.name })
        : t('dialog.title');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
      size="lg"
    >
      {view.kind === 'form' ? (
        <CategoryForm target={view.target} done={back} />
      ) : view.kind === 'archive' ? (
        <ArchiveCategory target={view.target} done={back} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Text c="gray.7">{t('dialog.help')}</Text>
            <Button
              leftSection={<IconPlus size={20} />}
              onClick={() => setView({ kind: 'form', target: null })}
              data-autofocus
            >
              {t('dialog.add')}
            </Button>
          </Group>
          <FormAlert message={error} />
          {!loaded ? (
            <Center p="lg">
              <Loader aria-label={t('dialog.loading')} />
            </Center>
          ) : items.length === 0 ? (
            <Text c="gray.7" ta="center" p="md">
              {t('dialog.empty')}
            </Text>
          ) : (
            <CategoryTree
              items={items}
              onEdit={(target) => setView({ kind: 'form', target })}
              onArchive={(target) => setView({ kind: 'archive', target })}
            />
          )}
        </Stack>
      )}
    </Modal>
  );
}
