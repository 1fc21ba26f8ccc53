import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockCountLine } from '../../../../shared/contract';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { CountScanForm } from './CountScanForm';
import { CountSheetTable } from './CountSheetTable';
import { PostCountConfirm } from './PostCountConfirm';
import { StartCountForm } from './StartCountForm';
import { useStockStore } from './stock-store';
import { useStockTake } from './use-stock-take';

/**
 * The stock take (issue 11, section 2): start a count, scan or type counts, see expected, counted
 * and variance per product, and post the variances after a confirmation (or cancel the count).
 */
export function StockTakeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('stock');
  const { count: fmt } = useFormat();
  const take = useStockTake();
  const loadLow = useStockStore((s) => s.loadLow);
  const reloadLevels = useStockStore((s) => s.reloadLevels);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<StockCountLine[] | null>(null);
  const { load } = take;
  useEffect(() => {
    if (opened) load().catch((e: unknown) => setError(messageFor(e)));
  }, [opened, load]);

  const attempt = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageFor(e));
    }
  };
  const enter = (code: string, quantity: number | null) =>
    attempt(async () => {
      const line = await take.enter(code, quantity);
      if (!line) setError(t('take.unknownCode', { code }));
    });
  const post = async () => {
    setConfirming(null);
    try {
      await take.post();
      void loadLow();
      void reloadLevels();
      notifySuccess(t('take.posted'));
    } catch (e) {
      notifyError(e, t('take.postFailed'));
    }
  };
  const c = take.count;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('take.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <FormAlert message={error} />
      {!c ? (
        <StartCountForm onStart={(id) => void attempt(() => take.start(id))} />
      ) : (
        <>
          <Text size="sm" c="gray.7" mb="xs">
            {t('take.progress', {
              scope: c.category?.name ?? t('take.scopeAll'),
              counted: fmt(c.counted),
              lines: fmt(c.lines),
              variances: fmt(c.variances),
            })}
          </Text>
          <CountScanForm onEnter={enter} />
          <CountSheetTable lines={take.lines} label={t('take.sheet')} />
          {take.total > take.lines.length && (
            <Text size="sm" c="gray.7">
              {t('take.more', { shown: fmt(take.lines.length), total: fmt(take.total) })}
            </Text>
          )}
          <Group justify="space-between" mt="md">
            <Button variant="default" color="red.9" onClick={() => void attempt(take.cancel)}>
              {t('take.cancel')}
            </Button>
            <Button
              onClick={() => void attempt(async () => setConfirming(await take.variances()))}
              disabled={c.counted === 0}
            >
              {t('take.review')}
            </Button>
          </Group>
        </>
      )}
      <PostCountConfirm
        variances={confirming}
        onPost={() => void post()}
        onClose={() => setConfirming(null)}
      />
    </Modal>
  );
}
