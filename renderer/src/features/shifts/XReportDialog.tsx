import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftFigures } from '../../../../shared/contract';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { useShiftsStore } from '../../stores/shifts';
import { CheckoutModal } from '../checkout/CheckoutModal';
import { ShiftFiguresView } from './ShiftFiguresView';

/**
 * The X report: the open shift's figures so far (`shifts:xReport`, permission reports.view),
 * read-only; reading it changes nothing.
 */
export function XReportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('shifts');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={t('x.title')} size="xl">
      {opened && <XReportBody onClose={onClose} />}
    </CheckoutModal>
  );
}

function XReportBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('shifts');
  const { dateTime } = useFormat();
  const [figures, setFigures] = useState<ShiftFigures | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    useShiftsStore
      .getState()
      .xReport()
      .then((f) => live && setFigures(f))
      .catch((caught: unknown) => live && setError(messageFor(caught)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Stack gap="md">
      <FormAlert message={error} />
      {!figures && !error && (
        <Center p="lg">
          <Loader aria-label={t('x.loading')} />
        </Center>
      )}
      {figures && (
        <>
          <Text size="sm">
            {t('x.asOf', {
              till: figures.tillName,
              name: figures.openedBy.name,
              openedAt: dateTime(figures.openedAt),
              asOf: dateTime(figures.asOf),
            })}
          </Text>
          <ShiftFiguresView figures={figures} />
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('common:actions.close')}
        </Button>
      </Group>
    </Stack>
  );
}
