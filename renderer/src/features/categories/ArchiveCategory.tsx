import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { messageFor } from '../../api/messages';
import { useBusy } from '../../hooks/useBusy';
import { useState } from 'react';
import { useCategoriesStore } from '../../stores/categories';

/**
 * Asks before archiving `target` and says the rule: its products move to "No category"; a
 * category with live sub-categories is refused (the core's CATEGORY_IN_USE, shown here).
 */
export function ArchiveCategory({ target, done }: { target: CategoryView; done: () => void }) {
  const { t } = useTranslation('categories');
  const archive = useCategoriesStore((s) => s.archive);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const confirm = () =>
    run(async () => {
      try {
        const { productsMoved } = await archive(target.id);
        notifySuccess(t('archive.done', { name: target.name, count: productsMoved }));
        done();
      } catch (e) {
        setError(messageFor(e));
      }
    });
  return (
    <Stack gap="md">
      <FormAlert message={error} />
      <Text>{t('archive.rule', { count: target.productCount })}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={done} data-autofocus>
          {t('archive.cancel')}
        </Button>
        <Button color="red.9" loading={busy} onClick={() => void confirm()}>
          {t('archive.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
