import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockCountLine } from '../../../../shared/contract';
import { CountSheetTable } from './CountSheetTable';

/** Confirms posting a stock take: the variances that become `count` movements. */
export function PostCountConfirm({
  variances,
  onPost,
  onClose,
}: {
  variances: StockCountLine[] | null;
  onPost: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('stock');
  return (
    <Modal
      opened={variances !== null}
      onClose={onClose}
      title={t('take.confirmTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Text mb="sm">{t('take.confirmText', { count: variances?.length ?? 0 })}</Text>
      <CountSheetTable lines={variances ?? []} label={t('take.confirmTitle')} />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('take.back')}
        </Button>
        <Button onClick={onPost}>{t('take.post')}</Button>
      </Group>
    </Modal>
  );
}
